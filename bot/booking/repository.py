"""Appointments in SQLite. Never double-books: a place is taken by ONE conditional
``INSERT ... SELECT ... WHERE (active bookings of the slot) < capacity`` inside ``db.transaction()``
(``BEGIN IMMEDIATE``, one writer), so the count and the insert can never be interleaved.

A place is first taken as a *hold* (``hold_until``) while the person confirms; confirming turns it
into a booking. Expired holds stop counting at once and are deleted by the reminder job.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

import aiosqlite

from bot.booking.schedule import Slot, iso, parse_iso
from bot.store.db import Database

# no 0/O, 1/I: a code is read aloud at the desk and typed from paper
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

ACTIVE = "(status = 'booked' OR (status = 'hold' AND hold_until > :now))"
SELECT = (
    "SELECT b.*, u.channel AS channel, u.user_ref AS user_ref, u.lang AS user_lang, "
    "u.blocked AS blocked FROM bookings b LEFT JOIN users u ON u.id = b.user_id"
)


class Status(StrEnum):
    HOLD = "hold"
    BOOKED = "booked"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class Outcome(StrEnum):
    TAKEN = "taken"
    FULL = "full"  # the slot is taken ("just taken")
    LIMIT = "limit"  # the person already has max_per_user future appointments
    SAME_TIME = "same_time"  # the person already has this time


@dataclass(frozen=True, slots=True)
class Booking:
    id: int
    code: str
    user_id: int | None
    site: str
    start: datetime
    end: datetime
    language: str
    topic: str
    status: Status
    first_name: str | None
    phone: str | None
    cancel_reason: str | None
    channel: str | None = None
    user_ref: str | None = None
    user_lang: str | None = None
    blocked: bool = False
    arrived_at: str | None = None  # staff at the desk marked the person as arrived
    staff_note: str | None = None  # why staff cancelled: "preset:<id>" or the staff's own words
    hold_until: datetime | None = None  # a hold's end (a hold past it no longer keeps the place)

    @property
    def arrived(self) -> bool:
        return self.arrived_at is not None


@dataclass(frozen=True, slots=True)
class TakeResult:
    outcome: Outcome
    booking: Booking | None = None


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What staff or users type (``k7m-4px``) as stored (``K7M4PX``)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())[:16]


def _booking(row: aiosqlite.Row) -> Booking:
    keys = row.keys()
    return Booking(
        id=int(row["id"]),
        code=row["code"],
        user_id=row["user_id"],
        site=row["site"],
        start=parse_iso(row["slot_start"]),
        end=parse_iso(row["slot_end"]),
        language=row["language"],
        topic=row["topic"],
        status=Status(row["status"]),
        first_name=row["first_name"],
        phone=row["phone"],
        cancel_reason=row["cancel_reason"],
        channel=row["channel"] if "channel" in keys else None,
        user_ref=row["user_ref"] if "user_ref" in keys else None,
        user_lang=row["user_lang"] if "user_lang" in keys else None,
        blocked=bool(row["blocked"]) if "blocked" in keys and row["blocked"] is not None else False,
        arrived_at=row["arrived_at"] if "arrived_at" in keys else None,
        staff_note=row["staff_note"] if "staff_note" in keys else None,
        hold_until=parse_iso(row["hold_until"]) if "hold_until" in keys and row["hold_until"] else None,
    )


async def _one(conn: aiosqlite.Connection, where: str, params: dict[str, Any]) -> Booking | None:
    cursor = await conn.execute(f"{SELECT} WHERE {where}", params)
    row = await cursor.fetchone()
    return _booking(row) if row else None


class Bookings:
    """The bookings, holds, reminders and staff closing days tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- taking a place --------------------------------------------------------------------------

    async def take(
        self,
        *,
        user_id: int,
        slot: Slot,
        language: str,
        topic: str,
        now: datetime,
        max_per_user: int,
        hold_minutes: int | None = None,
        event_key: str | None = None,
        replacing: str | None = None,
    ) -> TakeResult:
        """Take a place in ``slot``: a hold for ``hold_minutes``, or a booking when None.

        The person's earlier holds are released first (one hold per person). ``replacing`` names the
        appointment being moved, which does not count against ``max_per_user``.

        Longer than 60 lines on purpose: the checks, the conditional insert and the reason for a refusal
        must run in one transaction, and reading them in one place shows that they do.
        """
        params: dict[str, Any] = {
            "user_id": user_id,
            "site": slot.site,
            "start": iso(slot.start),
            "end": iso(slot.end),
            "language": language,
            "topic": topic,
            "now": iso(now),
            "capacity": slot.capacity,
            "max": max_per_user,
            "replacing": replacing or "",
            "event_key": event_key,
            "status": Status.BOOKED if hold_minutes is None else Status.HOLD,
            "hold_until": None if hold_minutes is None else iso(now + timedelta(minutes=hold_minutes)),
        }
        async with self.db.transaction() as conn:
            if event_key is not None:
                same = await _one(conn, "b.event_key = :event_key", params)
                if same is not None:  # the same inbound event again (a retried button press)
                    return TakeResult(Outcome.TAKEN, same)
            await conn.execute("DELETE FROM bookings WHERE user_id = :user_id AND status = 'hold'", params)
            for _ in range(5):
                params["code"] = new_code()
                try:
                    cursor = await conn.execute(
                        "INSERT INTO bookings (code, user_id, site, slot_start, slot_end, language, topic,"
                        " status, hold_until, event_key, created_at, updated_at)"
                        " SELECT :code, :user_id, :site, :start, :end, :language, :topic, :status,"
                        " :hold_until, :event_key, :now, :now"
                        f" WHERE (SELECT count(*) FROM bookings WHERE site = :site AND slot_start = :start"
                        f" AND {ACTIVE}) < :capacity"
                        f" AND (SELECT count(*) FROM bookings WHERE user_id = :user_id AND slot_start > :now"
                        f" AND code != :replacing AND {ACTIVE}) < :max"
                        f" AND NOT EXISTS (SELECT 1 FROM bookings WHERE user_id = :user_id"
                        f" AND slot_start = :start AND {ACTIVE})",
                        params,
                    )
                except sqlite3.IntegrityError:  # a code collision (1 in 10^9): draw again
                    continue
                break
            else:
                raise RuntimeError("could not draw a free booking code")
            if cursor.rowcount == 1:
                booking = await _one(conn, "b.code = :code", params)
                return TakeResult(Outcome.TAKEN, booking)
            mine = await conn.execute(
                f"SELECT 1 FROM bookings WHERE user_id = :user_id AND slot_start = :start AND {ACTIVE}",
                params,
            )
            if await mine.fetchone():
                return TakeResult(Outcome.SAME_TIME)
            count = await conn.execute(
                f"SELECT count(*) FROM bookings WHERE user_id = :user_id AND slot_start > :now"
                f" AND code != :replacing AND {ACTIVE}",
                params,
            )
            row = await count.fetchone()
            if row is not None and int(row[0]) >= max_per_user:
                return TakeResult(Outcome.LIMIT)
            return TakeResult(Outcome.FULL)

    async def confirm(
        self,
        *,
        booking_id: int,
        user_id: int,
        capacity: int,
        now: datetime,
        reminders: Sequence[tuple[str, datetime]],
        first_name: str | None = None,
        phone: str | None = None,
        replacing: str | None = None,
    ) -> Booking | None:
        """Turn a hold into an appointment (and, when moving, cancel the old one in the same
        transaction: the new place is taken before the old one is released). A hold that expired is
        still confirmed while the slot has room. None when the place is gone. Confirming twice is a
        no-op that returns the appointment. (One transaction, read in one place: hence over 60 lines.)"""
        params: dict[str, Any] = {
            "id": booking_id,
            "user_id": user_id,
            "capacity": capacity,
            "now": iso(now),
            "first_name": first_name,
            "phone": phone,
            "replacing": replacing or "",
        }
        async with self.db.transaction() as conn:
            if replacing:
                old = await _one(
                    conn,
                    "b.code = :replacing AND b.user_id = :user_id AND b.status = 'booked'",
                    params,
                )
                if old is None:
                    return None
                params["first_name"], params["phone"] = old.first_name, old.phone
            cursor = await conn.execute(
                "UPDATE bookings SET status = 'booked', hold_until = NULL, first_name = :first_name,"
                " phone = :phone, updated_at = :now"
                " WHERE id = :id AND user_id = :user_id AND status = 'hold' AND (hold_until > :now OR"
                " (SELECT count(*) FROM bookings AS o WHERE o.site = bookings.site"
                " AND o.slot_start = bookings.slot_start AND o.id != bookings.id"
                " AND (o.status = 'booked' OR (o.status = 'hold' AND o.hold_until > :now))) < :capacity)",
                params,
            )
            if cursor.rowcount != 1:
                already = await _one(
                    conn, "b.id = :id AND b.user_id = :user_id AND b.status = 'booked'", params
                )
                return already
            if replacing:
                await conn.execute(
                    "UPDATE bookings SET status = 'cancelled', cancel_reason = 'moved',"
                    " first_name = NULL, phone = NULL, updated_at = :now"
                    " WHERE code = :replacing AND user_id = :user_id AND status = 'booked'",
                    params,
                )
                await conn.execute(
                    "UPDATE reminders SET status = 'dropped', done_at = :now WHERE status = 'pending'"
                    " AND booking_id = (SELECT id FROM bookings WHERE code = :replacing)",
                    params,
                )
            await conn.executemany(
                "INSERT OR IGNORE INTO reminders (booking_id, kind, due_at) VALUES (?, ?, ?)",
                [(booking_id, kind, iso(due)) for kind, due in reminders],
            )
            return await _one(conn, "b.id = :id", params)

    async def release_holds(self, user_id: int) -> None:
        await self.db.execute("DELETE FROM bookings WHERE user_id = ? AND status = 'hold'", (user_id,))

    # -- changing an appointment -----------------------------------------------------------------

    async def cancel(
        self,
        code: str,
        reason: str,
        now: datetime,
        user_id: int | None = None,
        note: str | None = None,
    ) -> Booking | None:
        """Cancel a future or past appointment (``user_id`` given: only that person's). The place is
        free again at once; pending reminders are dropped. None when there is no such appointment.
        ``note``: staff's reason ("preset:<id>" or their words), shown to the person afterwards."""
        params = {
            "code": normalise_code(code),
            "reason": reason,
            "now": iso(now),
            "user_id": user_id,
            "note": note,
        }
        owner = "" if user_id is None else " AND user_id = :user_id"
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = :reason, staff_note = :note,"
                " updated_at = :now"
                f" WHERE code = :code AND status = 'booked'{owner}",
                params,
            )
            if cursor.rowcount != 1:
                return None
            await conn.execute(
                "UPDATE reminders SET status = 'dropped', done_at = :now WHERE status = 'pending'"
                " AND booking_id = (SELECT id FROM bookings WHERE code = :code)",
                params,
            )
            return await _one(conn, "b.code = :code", params)

    async def mark_no_show(self, code: str, now: datetime) -> Booking | None:
        """Staff: the person did not come. Only for an appointment that has started."""
        params = {"code": normalise_code(code), "now": iso(now)}
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE bookings SET status = 'no_show', updated_at = :now"
                " WHERE code = :code AND status = 'booked' AND slot_start <= :now",
                params,
            )
            if cursor.rowcount != 1:
                return None
            return await _one(conn, "b.code = :code", params)

    async def mark_arrived(self, code: str, now: datetime) -> Booking | None:
        """Staff at the desk: the person came. Only for a booked appointment of today or earlier."""
        params = {"code": normalise_code(code), "now": iso(now)}
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE bookings SET arrived_at = :now, updated_at = :now"
                " WHERE code = :code AND status = 'booked' AND arrived_at IS NULL",
                params,
            )
            if cursor.rowcount != 1:
                return None
            return await _one(conn, "b.code = :code", params)

    # -- reading ----------------------------------------------------------------------------------

    async def get(self, code: str) -> Booking | None:
        row = await self.db.fetchone(f"{SELECT} WHERE b.code = ?", (normalise_code(code),))
        return _booking(row) if row else None

    async def get_id(self, booking_id: int) -> Booking | None:
        row = await self.db.fetchone(f"{SELECT} WHERE b.id = ?", (booking_id,))
        return _booking(row) if row else None

    async def upcoming(self, user_id: int, now: datetime) -> list[Booking]:
        """The person's appointments that have not ended yet, soonest first."""
        rows = await self.db.fetchall(
            f"{SELECT} WHERE b.user_id = ? AND b.status = 'booked' AND b.slot_end > ? ORDER BY b.slot_start",
            (user_id, iso(now)),
        )
        return [_booking(r) for r in rows]

    async def taken(self, start: datetime, end: datetime, now: datetime) -> dict[tuple[str, str], int]:
        """Active places (appointments and live holds) per (site, UTC start) between two times."""
        rows = await self.db.fetchall(
            "SELECT site, slot_start, count(*) FROM bookings WHERE slot_start >= :start"
            f" AND slot_start < :end AND {ACTIVE} GROUP BY site, slot_start",
            {"start": iso(start), "end": iso(end), "now": iso(now)},
        )
        return {(r[0], r[1]): int(r[2]) for r in rows}

    async def live_holds(self, start: datetime, end: datetime, now: datetime) -> list[Booking]:
        """Places held right now by people still confirming, with a start in [start, end)."""
        rows = await self.db.fetchall(
            f"{SELECT} WHERE b.status = 'hold' AND b.hold_until > ?"
            " AND b.slot_start >= ? AND b.slot_start < ?"
            " ORDER BY b.slot_start, b.language",
            (iso(now), iso(start), iso(end)),
        )
        return [_booking(r) for r in rows]

    async def recently_cancelled(self, user_id: int, since: datetime) -> list[Booking]:
        """The person's appointments cancelled by the contact point since ``since``, newest first."""
        rows = await self.db.fetchall(
            f"{SELECT} WHERE b.user_id = ? AND b.status = 'cancelled'"
            " AND b.cancel_reason IN ('staff', 'closed')"
            " AND b.updated_at >= ? ORDER BY b.slot_start DESC",
            (user_id, iso(since)),
        )
        return [_booking(r) for r in rows]

    async def users_with_appointments(self) -> set[int]:
        """Users retention must keep: an appointment still linked to them (future ones, and past ones
        until their personal data is erased keep_personal_days after the appointment)."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT user_id FROM bookings WHERE status = 'booked' AND user_id IS NOT NULL"
        )
        return {int(row[0]) for row in rows}

    async def between(
        self, start: datetime, end: datetime, statuses: Sequence[Status] = tuple(Status)
    ) -> list[Booking]:
        """Rows with a start in [start, end), in time order (the agenda)."""
        marks = ",".join("?" for _ in statuses)
        rows = await self.db.fetchall(
            f"{SELECT} WHERE b.slot_start >= ? AND b.slot_start < ? AND b.status IN ({marks})"
            " ORDER BY b.slot_start, b.language, b.code",
            (iso(start), iso(end), *[str(s) for s in statuses]),
        )
        return [_booking(r) for r in rows]

    # -- closing days --------------------------------------------------------------------------------

    async def add_closing_day(self, day: date, reason: str, now: datetime) -> None:
        await self.db.execute(
            "INSERT OR REPLACE INTO closing_days (day, reason, created_at) VALUES (?, ?, ?)",
            (day.isoformat(), reason, iso(now)),
        )

    async def closing_days(self) -> list[date]:
        rows = await self.db.fetchall("SELECT day FROM closing_days")
        return [date.fromisoformat(r[0]) for r in rows]

    # -- privacy --------------------------------------------------------------------------------------

    async def forget_user(self, user_id: int, now: datetime) -> list[Booking]:
        """Before a user is deleted: cancel their future appointments, erase names and phones,
        drop holds and reminders. Returns the cancelled appointments (staff are told)."""
        params = {"user_id": user_id, "now": iso(now)}
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                f"{SELECT} WHERE b.user_id = :user_id AND b.status = 'booked' AND b.slot_start > :now",
                params,
            )
            cancelled = [_booking(r) for r in await cursor.fetchall()]
            await conn.execute(
                "UPDATE bookings SET status = 'cancelled', cancel_reason = 'forget', updated_at = :now"
                " WHERE user_id = :user_id AND status = 'booked' AND slot_start > :now",
                params,
            )
            await conn.execute("DELETE FROM bookings WHERE user_id = :user_id AND status = 'hold'", params)
            await conn.execute(
                "UPDATE reminders SET status = 'dropped', done_at = :now WHERE status = 'pending'"
                " AND booking_id IN (SELECT id FROM bookings WHERE user_id = :user_id)",
                params,
            )
            await conn.execute(
                "UPDATE bookings SET first_name = NULL, phone = NULL, user_id = NULL, event_key = NULL"
                " WHERE user_id = :user_id",
                params,
            )
        return cancelled

    async def housekeeping(self, now: datetime, keep_personal_days: int) -> tuple[int, int]:
        """Delete expired holds; erase first names and phones (and the link to the user)
        ``keep_personal_days`` after the appointment. Returns (holds deleted, rows anonymised)."""
        cutoff = iso(now - timedelta(days=keep_personal_days))
        async with self.db.transaction() as conn:
            holds = await conn.execute(
                "DELETE FROM bookings WHERE status = 'hold' AND hold_until <= ?", (iso(now),)
            )
            anonymised = await conn.execute(
                "UPDATE bookings SET first_name = NULL, phone = NULL, user_id = NULL, event_key = NULL"
                " WHERE slot_end < ? AND (first_name IS NOT NULL OR phone IS NOT NULL"
                " OR user_id IS NOT NULL OR event_key IS NOT NULL)",
                (cutoff,),
            )
            return holds.rowcount, anonymised.rowcount
