"""Reminders: rows with a due time (table ``reminders``), so they survive restarts.

Planned when an appointment is confirmed: the day before at a Europe/Berlin wall time (18:00) and
some hours before. Delivered at least once: a reminder is marked sent only *after* the messenger
reported it delivered, so a crash between the two sends it again after the restart (a duplicate,
at most one per crash, rather than a lost reminder). A transient failure (network, 5xx, a refused
message, shutdown) keeps it pending and tries again with backoff until the appointment; only a
"blocked" (Telegram 403, the person left the Matrix room) drops it. Never sent in quiet hours, never
for a cancelled or past appointment, never to someone who blocked the bot.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.booking.repository import Booking, Bookings, Status
from bot.booking.rules import BookingRules
from bot.booking.schedule import iso, parse_iso
from bot.core.clock import BERLIN, Clock
from bot.core.outbox import Delivery
from bot.ops import metrics

log = logging.getLogger(__name__)

DAY_BEFORE = "day_before"
RETRY_FIRST = timedelta(minutes=1)  # after a failed try; doubled each time up to RETRY_MOST
RETRY_MOST = timedelta(minutes=30)


def retry_delay(attempts: int) -> timedelta:
    """How long a reminder waits after its ``attempts``-th failed try."""
    return min(RETRY_FIRST * 2 ** max(attempts - 1, 0), RETRY_MOST)


def in_quiet_hours(when: datetime, rules: BookingRules) -> bool:
    local = when.astimezone(BERLIN).time()
    start, end = rules.quiet_from, rules.quiet_until
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # the usual case: across midnight


def _quiet_end(when: datetime, rules: BookingRules) -> datetime:
    """The first moment after the quiet period ``when`` falls in (wall time, then to UTC)."""
    local = when.astimezone(BERLIN)
    day = local.date()
    if rules.quiet_from > rules.quiet_until and local.time() >= rules.quiet_from:
        day += timedelta(days=1)
    return datetime.combine(day, rules.quiet_until, tzinfo=BERLIN).astimezone(UTC)


def _quiet_start(when: datetime, rules: BookingRules) -> datetime:
    """The last moment before the quiet period ``when`` falls in."""
    local = when.astimezone(BERLIN)
    day = local.date()
    if rules.quiet_from > rules.quiet_until and local.time() < rules.quiet_until:
        day -= timedelta(days=1)
    begin = datetime.combine(day, rules.quiet_from, tzinfo=BERLIN).astimezone(UTC)
    return begin - timedelta(minutes=15)


def out_of_quiet(due: datetime, start: datetime, rules: BookingRules) -> datetime:
    """Move a due time out of quiet hours: to their end if that is still before the appointment,
    else to just before they began."""
    if not in_quiet_hours(due, rules):
        return due
    later = _quiet_end(due, rules)
    return later if later < start else _quiet_start(due, rules)


def plan(start: datetime, rules: BookingRules, now: datetime) -> list[tuple[str, datetime]]:
    """(kind, UTC due time) of the reminders for an appointment starting at ``start``.

    The day-before reminder is a wall-clock time: computed on the Europe/Berlin calendar, then
    converted, so it is at 18:00 on both sides of a DST change. "Hours before" is elapsed time,
    computed in UTC (wall-clock subtraction on a Berlin datetime would be off by one on DST nights).
    """
    planned: list[tuple[str, datetime]] = []
    if rules.reminder_day_before is not None:
        day = start.astimezone(BERLIN).date() - timedelta(days=1)
        due = datetime.combine(day, rules.reminder_day_before, tzinfo=BERLIN).astimezone(UTC)
        planned.append((DAY_BEFORE, due))
    for hours in rules.reminder_hours_before:
        planned.append((f"hours_{hours}", start.astimezone(UTC) - timedelta(hours=hours)))
    result = []
    for kind, due in planned:
        due = out_of_quiet(due, start, rules)
        if now < due < start:
            result.append((kind, due))
    return result


@dataclass(frozen=True, slots=True)
class Due:
    id: int
    kind: str
    due_at: datetime
    booking: Booking
    attempts: int = 0


# sends one reminder to a booking's user: delivered, blocked (stop) or failed (try again later)
Sender = Callable[[Booking], Awaitable[Delivery]]
# whether a channel can be sent to now (its messenger registered): else reminders wait for it
Reaches = Callable[[str], bool]


class Reminders:
    """Picks up due reminders and sends each until it is delivered (at least once)."""

    def __init__(self, bookings: Bookings, clock: Clock, rules: Callable[[], BookingRules]) -> None:
        self.bookings = bookings
        self.db = bookings.db
        self.clock = clock
        self.rules = rules

    async def due(self, now: datetime, limit: int = 200) -> list[Due]:
        rows = await self.db.fetchall(
            "SELECT r.id AS rid, r.kind, r.due_at, r.booking_id, r.attempts FROM reminders r"
            " WHERE r.status = 'pending' AND r.due_at <= ? ORDER BY r.due_at LIMIT ?",
            (iso(now), limit),
        )
        found = []
        for row in rows:
            booking = await self.bookings.get_id(int(row["booking_id"]))
            if booking is not None:
                due_at = parse_iso(row["due_at"])
                found.append(Due(int(row["rid"]), row["kind"], due_at, booking, int(row["attempts"])))
        return found

    async def _finish(self, reminder_id: int, status: str, now: datetime) -> bool:
        """pending → ``status``; False when another run got there first."""
        changed = await self.db.execute(
            "UPDATE reminders SET status = ?, done_at = ? WHERE id = ? AND status = 'pending'",
            (status, iso(now), reminder_id),
        )
        return changed == 1

    async def run_due(self, send: Sender, reaches: Reaches = lambda channel: True) -> int:
        """Send what is due now; returns how many were sent. Reminders for a channel that is not
        connected yet (``reaches``) stay pending."""
        now = self.clock.now()
        rules = self.rules()
        sent = 0
        for item in await self.due(now):
            booking = item.booking
            if booking.status is not Status.BOOKED or booking.start <= now or booking.user_id is None:
                await self._finish(item.id, "dropped", now)
                continue
            if booking.blocked:
                await self._finish(item.id, "dropped", now)
                continue
            if booking.channel is None or not reaches(booking.channel):
                continue
            if in_quiet_hours(now, rules):
                later = _quiet_end(now, rules)
                if later < booking.start:
                    await self.db.execute(
                        "UPDATE reminders SET due_at = ? WHERE id = ? AND status = 'pending'",
                        (iso(later), item.id),
                    )
                else:
                    await self._finish(item.id, "dropped", now)
                continue
            try:
                result = await send(booking)
            except Exception:
                log.exception("reminder %d could not be sent", item.id)
                result = Delivery.FAILED
            if result is Delivery.DELIVERED:
                # marked after sending: a crash in between sends it once more, never loses it
                await self._finish(item.id, "sent", self.clock.now())
                sent += 1
                metrics.REMINDER_LAG.observe(max(0.0, (now - item.due_at).total_seconds()))
            elif result is Delivery.BLOCKED:
                # the sender (BookingService.tell_user) marked the person blocked through the sessions
                await self._finish(item.id, "dropped", now)
            else:
                await self._later(item, now)
        return sent

    async def _later(self, item: Due, now: datetime) -> None:
        """A transient failure: try again after a growing pause (past the appointment it is dropped
        by the next round)."""
        attempts = item.attempts + 1
        retry_at = now + retry_delay(attempts)
        log.info("reminder %d not delivered (try %d); next try in %s", item.id, attempts, retry_at - now)
        await self.db.execute(
            "UPDATE reminders SET attempts = ?, due_at = ? WHERE id = ? AND status = 'pending'",
            (attempts, iso(retry_at), item.id),
        )

    async def loop(
        self,
        send: Sender,
        reaches: Reaches,
        interval: float,
        housekeeping: Callable[[], Awaitable[None]],
    ) -> None:
        """The background job: due reminders and housekeeping, every ``interval`` seconds."""
        while True:
            try:
                count = await self.run_due(send, reaches)
                if count:
                    log.info("sent %d reminders", count)
                await housekeeping()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("reminder job failed")
            await asyncio.sleep(interval)
