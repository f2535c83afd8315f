-- Who talks to the bot: one row per (channel, user). The minimum: language and conversation state.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    user_ref TEXT NOT NULL,
    lang TEXT,
    state TEXT NOT NULL DEFAULT '{}',
    blocked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    UNIQUE (channel, user_ref)
);

-- Platform event ids already handled, so a retried event is processed once. No user reference.
CREATE TABLE processed_events (
    channel TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (channel, event_id)
) WITHOUT ROWID;
CREATE INDEX processed_events_seen ON processed_events (seen_at);
