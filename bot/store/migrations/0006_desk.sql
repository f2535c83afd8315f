-- The contact point's desk (bot/desk): staff accounts, their sessions and an audit log.
-- No person's data in any of these tables: the audit log names the staff member, the action and the
-- subject by its code (booking code, day, thread number), never a name, phone or message text.
CREATE TABLE desk_users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('counsellor', 'admin')),
    password_hash TEXT NOT NULL,    -- argon2id (argon2-cffi), never the password
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,              -- UTC, ISO 8601; set after too many failed logins
    created_at TEXT NOT NULL
);

CREATE TABLE desk_sessions (
    token_hash TEXT PRIMARY KEY,    -- sha256 of the cookie's token (a stolen database opens no session)
    user_id INTEGER NOT NULL REFERENCES desk_users(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,             -- the session's CSRF token, in every form
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX desk_sessions_user ON desk_sessions (user_id);

CREATE TABLE desk_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,               -- UTC, ISO 8601
    staff TEXT NOT NULL,            -- the account's name (kept when the account is removed)
    action TEXT NOT NULL,           -- arrived, no_show, cancel, close_day, answer, login, add_user...
    subject TEXT NOT NULL           -- a booking code, a day, a thread number: never personal data
);
CREATE INDEX desk_audit_at ON desk_audit (at);

-- Staff at the desk mark who came; and why staff cancelled (a preset reason's id or the staff's own words,
-- never the person's): shown to the person in /appointments.
ALTER TABLE bookings ADD COLUMN arrived_at TEXT;
ALTER TABLE bookings ADD COLUMN staff_note TEXT;
