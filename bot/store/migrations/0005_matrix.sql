-- The Matrix account the bot runs as: access token and device id (logging in again would make a new
-- device that cannot read earlier encrypted messages) and the sync position. No user data here.
CREATE TABLE matrix_account (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- A Matrix user's direct chat with the bot, to reach them with reminders and notices.
-- Deleted with the user (/forget, retention).
CREATE TABLE matrix_rooms (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    room_id TEXT NOT NULL
);
CREATE INDEX matrix_rooms_room ON matrix_rooms (room_id);
