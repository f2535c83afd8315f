-- Appointments at the contact point. A row is a hold (a place kept while the person confirms) or an
-- appointment. user_id is set to NULL when the user is deleted (/forget, retention) after the
-- booking feature has cancelled future appointments and erased first name and phone: the anonymous
-- row (time, language, topic, status) stays for the statistics.
CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    site TEXT NOT NULL,
    slot_start TEXT NOT NULL,   -- UTC, ISO 8601
    slot_end TEXT NOT NULL,
    language TEXT NOT NULL,
    topic TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('hold', 'booked', 'cancelled', 'no_show')),
    hold_until TEXT,
    first_name TEXT,
    phone TEXT,
    event_key TEXT UNIQUE,      -- channel:event id of the event that took it: a retry books once
    cancel_reason TEXT,         -- user, moved, staff, closed, forget
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bookings_slot ON bookings (site, slot_start, status);
CREATE INDEX bookings_user ON bookings (user_id, status);
CREATE INDEX bookings_start ON bookings (slot_start);

-- Reminders are rows with a due time, so they survive restarts; status pending → sent | dropped.
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_at TEXT NOT NULL,       -- UTC, ISO 8601
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped')),
    done_at TEXT,
    UNIQUE (booking_id, kind)
);
CREATE INDEX reminders_due ON reminders (status, due_at);

-- Closing days added by staff with /close (besides public holidays and those in contact-point.yml).
CREATE TABLE closing_days (
    day TEXT PRIMARY KEY,       -- YYYY-MM-DD, Europe/Berlin
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
