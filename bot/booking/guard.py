"""Defences against appointment scalping: scripted accounts emptying the calendar to sell places.

Telegram accounts are cheap and any Matrix homeserver can write to the bot, so per-account limits
alone do not help. The rules (``booking:`` in contact-point.yml) add:

- a booking rate across all accounts, per hour and per day. Beyond it, new bookings **wait** (the
  person is told from when booking works again; moving an appointment is not held up). A second step
  that scripts cannot pass would be a puzzle, and a puzzle burdens exactly the people this bot is for
  (little schooling, a small phone, a screen reader); a wait costs an honest person minutes once,
  while it caps how fast any crowd of accounts can take places. Staff are told once an hour when the
  rate is reached (they can look at accounts with ``/account`` and cancel with ``/cancelaccount``).
- while booking is busy (half the hourly rate reached), accounts first seen minutes ago wait until
  they are ``new_account_minutes`` old: a crowd of fresh accounts cannot book at once, while someone
  new who books at a quiet time is never held up.
- holds capped per account per hour and per day, so a time cannot be kept by pressing it again.
- the walk-in quota (places per slot no booking can take) is applied by :mod:`schedule`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.booking.rules import BookingRules
from bot.booking.schedule import iso, parse_iso
from bot.store.db import Database

BUSY = "busy"  # the booking rate across all accounts is reached
NEW = "new"  # booking is busy and the account was first seen minutes ago
HOLDS = "holds"  # the account held times too often
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Wait:
    """Why a person must wait (a message id) and until when."""

    reason: str  # BUSY, NEW or HOLDS
    until: datetime


async def _times(db: Database, sql: str, params: tuple[object, ...]) -> list[datetime]:
    return [parse_iso(row[0]) for row in await db.fetchall(sql, params)]


async def _bookings_since(db: Database, since: datetime) -> list[datetime]:
    """When the places booked since ``since`` were taken (all accounts; holds not counted)."""
    return await _times(
        db,
        "SELECT created_at FROM bookings WHERE created_at > ? AND status != 'hold' ORDER BY created_at",
        (iso(since),),
    )


def _over(times: list[datetime], limit: int, window: timedelta) -> datetime | None:
    """The moment the oldest counted time leaves the window, when ``limit`` is reached; else None."""
    if limit <= 0 or len(times) < limit:
        return None
    return times[-limit] + window


async def booking_wait(
    db: Database, rules: BookingRules, first_seen: datetime | None, now: datetime
) -> Wait | None:
    """Whether a new booking must wait now: the rate across all accounts, then the cool-down."""
    day = await _bookings_since(db, now - DAY)
    hour = [t for t in day if t > now - HOUR]
    limits = (_over(hour, rules.bookings_per_hour, HOUR), _over(day, rules.bookings_per_day, DAY))
    until = max((u for u in limits if u is not None), default=None)
    if until is not None:
        return Wait(BUSY, until)
    busy = rules.bookings_per_hour > 0 and len(hour) >= max(1, rules.bookings_per_hour // 2)
    cool = timedelta(minutes=rules.new_account_minutes)
    if busy and first_seen is not None and now - first_seen < cool:
        return Wait(NEW, first_seen + cool)
    return None


def rate_reached(wait: Wait | None) -> bool:
    return wait is not None and wait.reason == BUSY


async def hold_wait(db: Database, rules: BookingRules, user_id: int, now: datetime) -> Wait | None:
    """Whether this account has held times too often to hold another now."""
    day = await _times(
        db,
        "SELECT taken_at FROM booking_holds WHERE user_id = ? AND taken_at > ? ORDER BY taken_at",
        (user_id, iso(now - DAY)),
    )
    hour = [t for t in day if t > now - HOUR]
    limits = (_over(hour, rules.holds_per_hour, HOUR), _over(day, rules.holds_per_day, DAY))
    until = max((u for u in limits if u is not None), default=None)
    return Wait(HOLDS, until) if until is not None else None


async def record_hold(db: Database, user_id: int, now: datetime) -> None:
    await db.execute("INSERT INTO booking_holds (user_id, taken_at) VALUES (?, ?)", (user_id, iso(now)))


async def forget_old_holds(db: Database, now: datetime) -> int:
    """Housekeeping: the hold log is only needed for a day."""
    return await db.execute("DELETE FROM booking_holds WHERE taken_at < ?", (iso(now - DAY),))
