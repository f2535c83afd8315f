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


@dataclass(frozen=True, slots=True)
class AccountLine:
    """One account in the desk's list: what it has booked ahead and holds now."""

    user_id: int
    channel: str
    first_seen: datetime
    booked: int  # future appointments
    holds: int  # times held now (not yet confirmed)


MAX_LISTED = 500  # the desk's list of accounts; some 150 places in three weeks, so far more than enough


async def account_of(bookings: Bookings, code: str, now: datetime) -> Account | None:
    """The account that took the appointment ``code`` (None: no such code, or the user is gone)."""
    row = await bookings.db.fetchone(
        "SELECT b.user_id FROM bookings b JOIN users u ON u.id = b.user_id WHERE b.code = ?",
        (normalise_code(code),),
    )
    return await account(bookings, int(row[0]), now) if row else None


async def account(bookings: Bookings, user_id: int, now: datetime) -> Account | None:
    """One account's holds and appointments (None: no such account)."""
    db = bookings.db
    row = await db.fetchone("SELECT channel, created_at FROM users WHERE id = ?", (user_id,))
    if row is None:
        return None
    rows = await db.fetchall(
        f"{SELECT} WHERE b.user_id = ? AND (b.status != 'hold' OR b.hold_until > ?) ORDER BY b.slot_start",
        (user_id, iso(now)),
    )
    held = await db.fetchone(
        "SELECT count(*) FROM booking_holds WHERE user_id = ? AND taken_at >= ?",
        (user_id, iso(now - timedelta(days=1))),
    )
    return Account(
        user_id, row[0], parse_iso(row[1]), [_booking(r) for r in rows], int(held[0]) if held else 0
    )


async def active_accounts(bookings: Bookings, now: datetime) -> list[AccountLine]:
    """Accounts with future appointments or holds now, the most appointments first (for the desk)."""
    rows = await bookings.db.fetchall(
        "SELECT u.id, u.channel, u.created_at,"
        " sum(b.status = 'booked' AND b.slot_start > :now), sum(b.status = 'hold')"
        " FROM bookings b JOIN users u ON u.id = b.user_id"
        " WHERE (b.status = 'booked' AND b.slot_start > :now) OR (b.status = 'hold' AND b.hold_until > :now)"
        " GROUP BY u.id ORDER BY 4 DESC, 5 DESC, u.id LIMIT :most",
        {"now": iso(now), "most": MAX_LISTED},
    )
    return [AccountLine(int(r[0]), r[1], parse_iso(r[2]), int(r[3]), int(r[4])) for r in rows]


async def future_counts(bookings: Bookings, now: datetime) -> dict[int, int]:
    """Future appointments per account (for the agenda)."""
    rows = await bookings.db.fetchall(
        "SELECT user_id, count(*) FROM bookings WHERE status = 'booked' AND slot_start > ?"
        " AND user_id IS NOT NULL GROUP BY user_id",
        (iso(now),),
    )
    return {int(r[0]): int(r[1]) for r in rows}


async def cancel_account(
    bookings: Bookings, user_id: int, now: datetime, note: str | None = None
) -> list[Booking]:
    """Staff: cancel every future appointment of one account and drop its holds; the cancelled ones
    (each person is told by the caller: ``bot.staff.accounts.cancel_all_of``). ``note``: staff's reason,
    kept with each appointment as with a single cancellation."""
    rows = await bookings.db.fetchall(
        f"{SELECT} WHERE b.user_id = ? AND b.status = 'booked' AND b.slot_start > ? ORDER BY b.slot_start",
        (user_id, iso(now)),
    )
    await bookings.db.execute("DELETE FROM bookings WHERE user_id = ? AND status = 'hold'", (user_id,))
    cancelled = []
    for row in rows:
        gone = await bookings.cancel(row["code"], "staff", now, note=note)
        if gone is not None:
            cancelled.append(gone)
    return cancelled
