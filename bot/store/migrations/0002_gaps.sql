-- Questions the bot could not answer, for staff to see what content to write next.
-- Text only (digits, e-mail addresses and phone numbers masked), never linked to a user; kept 90 days.
-- "key" groups spellings of one question (case, diacritics, punctuation); "text" is the first one seen.
CREATE TABLE answer_gaps (
    lang TEXT NOT NULL,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (lang, key)
) WITHOUT ROWID;
CREATE INDEX answer_gaps_last_seen ON answer_gaps (last_seen);
