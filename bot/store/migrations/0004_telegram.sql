-- Telegram groups that were told once that the bot works only in a private chat. No user data.
CREATE TABLE telegram_group_notices (
    chat_id TEXT PRIMARY KEY,
    noticed_at TEXT NOT NULL
) WITHOUT ROWID;
