"""One account's appointments for staff: what it holds and booked, and cancelling all it booked.

An account is a user row (one Telegram or Matrix identity). Staff see it by the internal number
(``#12``), never by the platform id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.booking.repository import SELECT, Booking, Bookings, _booking, normalise_code
from bot.booking.schedule import iso, parse_iso


@dataclass(frozen=True, slots=True)
class Account:
    user_id: int
    channel: str
    first_seen: datetime
    bookings: list[Booking]  # every row still linked to the account, holds included, by time
    holds_today: int  # holds taken in the last 24 hours


async def account_of(bookings: Bookings, code: str, now: datetime) -> Account | None:
    """The account that took the appointment ``code`` (None: no such code, or the user is gone)."""
    db = bookings.db
    row = await db.fetchone(
        "SELECT u.id, u.channel, u.created_at FROM bookings b JOIN users u ON u.id = b.user_id"
        " WHERE b.code = ?",
        (normalise_code(code),),
    )
    if row is None:
        return None
    user_id = int(row[0])
    rows = await db.fetchall(
        f"{SELECT} WHERE b.user_id = ? AND (b.status != 'hold' OR b.hold_until > ?) ORDER BY b.slot_start",
        (user_id, iso(now)),
    )
    held = await db.fetchone(
        "SELECT count(*) FROM booking_holds WHERE user_id = ? AND taken_at >= ?",
        (user_id, iso(now - timedelta(days=1))),
    )
    return Account(
        user_id, row[1], parse_iso(row[2]), [_booking(r) for r in rows], int(held[0]) if held else 0
    )


async def future_counts(bookings: Bookings, now: datetime) -> dict[int, int]:
    """Future appointments per account (for the agenda)."""
    rows = await bookings.db.fetchall(
        "SELECT user_id, count(*) FROM bookings WHERE status = 'booked' AND slot_start > ?"
        " AND user_id IS NOT NULL GROUP BY user_id",
        (iso(now),),
    )
    return {int(r[0]): int(r[1]) for r in rows}


async def cancel_account(bookings: Bookings, user_id: int, now: datetime) -> list[Booking]:
    """Staff: cancel every future appointment of one account and drop its holds; the cancelled ones
    (each person is told by the caller)."""
    rows = await bookings.db.fetchall(
        f"{SELECT} WHERE b.user_id = ? AND b.status = 'booked' AND b.slot_start > ? ORDER BY b.slot_start",
        (user_id, iso(now)),
    )
    await bookings.db.execute("DELETE FROM bookings WHERE user_id = ? AND status = 'hold'", (user_id,))
    cancelled = []
    for row in rows:
        gone = await bookings.cancel(row["code"], "staff", now)
        if gone is not None:
            cancelled.append(gone)
    return cancelled
