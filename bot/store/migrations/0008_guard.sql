-- Reminders that failed for a transient reason are tried again with a growing pause.
ALTER TABLE reminders ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

-- Every hold an account took (a chosen time kept while the person confirms), so holds cannot be
-- renewed without end: capped per account per hour and per day. Deleted with the user; rows older
-- than a day are deleted by the booking housekeeping.
CREATE TABLE booking_holds (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL      -- UTC, ISO 8601
);
CREATE INDEX booking_holds_user ON booking_holds (user_id, taken_at);
CREATE INDEX booking_holds_taken ON booking_holds (taken_at);

-- New bookings across all accounts in the last hour and day (the booking rate).
CREATE INDEX bookings_created ON bookings (created_at);

-- At-least-once replies: an event's replies are kept with its id, so a redelivery after a crash (the
-- id recorded, the replies not yet sent) is answered again. Erased after an hour by retention.
ALTER TABLE processed_events ADD COLUMN replies TEXT;
