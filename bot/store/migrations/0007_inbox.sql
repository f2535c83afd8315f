-- The counsellors' inbox: questions people send to the contact point, and the counsellors' answers.
-- A thread belongs to a user and goes with them (/forget, retention: ON DELETE CASCADE); threads close
-- after some days without activity and are deleted some days after closing (bot.inbox.retention).
CREATE TABLE inbox_threads (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,             -- the language the person chats in (answers are wrapped in it)
    topic TEXT,                     -- a guess: a content topic id, or NULL
    node TEXT,                      -- the node asked from, else the answers matcher's guess (or NULL)
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    waiting_since TEXT,             -- UTC; the person's first message not answered yet (NULL: answered)
    created_at TEXT NOT NULL,
    active_at TEXT NOT NULL,        -- last message either way: threads close after N idle days
    closed_at TEXT,
    closed_by TEXT                  -- 'staff' or 'idle'
);
CREATE INDEX inbox_threads_user ON inbox_threads (user_id, status);
CREATE INDEX inbox_threads_status ON inbox_threads (status, active_at);

CREATE TABLE inbox_messages (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES inbox_threads(id) ON DELETE CASCADE,
    author TEXT NOT NULL CHECK (author IN ('person', 'counsellor')),
    staff TEXT,                     -- the desk account that answered (counsellor messages only)
    text TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at TEXT NOT NULL,
    delivered INTEGER               -- counsellor messages: 1 reached the chat, 0 could not be delivered
);
CREATE INDEX inbox_messages_thread ON inbox_messages (thread_id, id);

-- "A person will read what you write": asked once per user, kept while the user exists.
CREATE TABLE inbox_consent (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    given_at TEXT NOT NULL
);

-- Example questions staff drafted from what people asked, for a content node's keywords/examples.
-- Not linked to a user or thread: staff edit the text (no names, numbers) before saving it.
CREATE TABLE inbox_drafts (
    id INTEGER PRIMARY KEY,
    node TEXT NOT NULL,
    lang TEXT NOT NULL,
    question TEXT NOT NULL,
    staff TEXT NOT NULL,
    created_at TEXT NOT NULL
);
