"""The booking metrics the README lists: confirmed and moved appointments, and how late reminders went out."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import App
from bot.core.clock import BERLIN, FakeClock
from bot.ops.metrics import REGISTRY
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature


def bookings(event: str) -> float:
    return REGISTRY.get_sample_value("bot_bookings_total", {"event": event}) or 0.0


def lag() -> tuple[float, float]:
    """(reminders observed, their summed lag in seconds)."""
    count = REGISTRY.get_sample_value("bot_reminder_lag_seconds_count") or 0.0
    total = REGISTRY.get_sample_value("bot_reminder_lag_seconds_sum") or 0.0
    return count, total


async def test_a_confirmed_and_a_moved_booking_are_counted(app: App) -> None:
    confirmed, moved = bookings("confirmed"), bookings("moved")
    chat, _ = await book(app, "maria", "ro")
    assert (bookings("confirmed"), bookings("moved")) == (confirmed + 1, moved)
    await chat.say("/appointments")
    await chat.press("Mutați")
    await chat.say("2")
    await chat.say("1")
    assert "a fost mutată" in await chat.press("Confirmați")
    assert (bookings("confirmed"), bookings("moved")) == (confirmed + 1, moved + 1)
    await chat.action("booking:confirm")  # a stale second press books nothing and counts nothing
    assert (bookings("confirmed"), bookings("moved")) == (confirmed + 1, moved + 1)


async def test_the_reminder_lag_is_the_time_since_it_fell_due(
    app: App, clock: FakeClock, recorder: Recorder
) -> None:
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN).astimezone(UTC)
    await book(app, "ana", "ro", when=monday)
    service = feature(app).service
    before = lag()
    clock.set(datetime(2026, 11, 29, 18, 5, tzinfo=BERLIN))  # due at 18:00, sent five minutes late
    assert await service.reminders.run_due(service.send_reminder) == 1
    count, total = lag()
    assert count == before[0] + 1 and total - before[1] == 300.0
    assert await service.reminders.run_due(service.send_reminder) == 0  # nothing sent, nothing observed
    assert lag() == (count, total)
