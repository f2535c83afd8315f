"""Reminders are rows: planned in Berlin wall time, sent once, never at night, never to blocked users,
and they survive a restart (sent once after it, or dropped when the appointment has passed)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.booking.reminders import DAY_BEFORE, in_quiet_hours, plan
from bot.booking.rules import BookingRules, load_contact, rules_of
from bot.config import ROOT, Settings
from bot.core.clock import BERLIN, FakeClock
from bot.core.feature import Feature
from bot.core.services import FeatureServices
from tests.auxil.chat import START, started_app
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature

RULES = BookingRules()


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def test_plan_across_spring_dst() -> None:
    # Tuesday 30 March 2027, 09:00 CEST; DST began on Sunday 28 March
    start = berlin(2027, 3, 30, 9, 0).astimezone(UTC)
    planned = dict(plan(start, RULES, now=berlin(2027, 3, 20, 12, 0)))
    assert planned[DAY_BEFORE] == berlin(2027, 3, 29, 18, 0).astimezone(UTC)
    assert planned[DAY_BEFORE] == datetime(2027, 3, 29, 16, 0, tzinfo=UTC)
    assert planned["hours_2"] == datetime(2027, 3, 30, 5, 0, tzinfo=UTC)  # 07:00 in Berlin


def test_plan_across_autumn_dst() -> None:
    # Monday 26 October 2026, 09:00 CET; DST ended on Sunday 25 October at 03:00
    start = berlin(2026, 10, 26, 9, 0).astimezone(UTC)
    assert start == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    planned = dict(plan(start, RULES, now=berlin(2026, 10, 20, 12, 0)))
    # 18:00 on the day of the change is 17:00 UTC (the day before had 25 hours)
    assert planned[DAY_BEFORE] == datetime(2026, 10, 25, 17, 0, tzinfo=UTC)
    assert planned[DAY_BEFORE].astimezone(BERLIN).time() == time(18, 0)


def test_plan_skips_reminders_already_past_and_keeps_out_of_quiet_hours() -> None:
    start = berlin(2026, 12, 1, 9, 0).astimezone(UTC)
    booked_late = berlin(2026, 11, 30, 19, 0)
    planned = dict(plan(start, RULES, now=booked_late))
    assert DAY_BEFORE not in planned
    early = berlin(2026, 12, 1, 8, 0).astimezone(UTC)  # 2 h before is 06:00, in quiet hours
    planned = dict(plan(early, RULES, now=booked_late))
    assert planned["hours_2"].astimezone(BERLIN).time() == time(7, 0)
    assert not in_quiet_hours(planned["hours_2"], RULES)
    assert in_quiet_hours(berlin(2026, 12, 1, 23, 30), RULES)
    assert in_quiet_hours(berlin(2026, 12, 1, 6, 59), RULES)
    assert not in_quiet_hours(berlin(2026, 12, 1, 18, 0), RULES)


def test_reminder_times_are_configurable(tmp_path: Path) -> None:
    text = (ROOT / "content" / "contact-point.yml").read_text(encoding="utf-8")
    text = text.replace('reminder_day_before: "18:00"', 'reminder_day_before: "17:30"')
    text = text.replace("reminder_hours_before: [2]", "reminder_hours_before: [3, 1]")
    path = tmp_path / "contact-point.yml"
    path.write_text(text, encoding="utf-8")
    contact = load_contact(path, [])
    assert contact is not None
    start = berlin(2026, 12, 1, 11, 0).astimezone(UTC)
    planned = dict(plan(start, rules_of(contact), now=berlin(2026, 11, 25, 12, 0)))
    assert planned[DAY_BEFORE].astimezone(BERLIN).time() == time(17, 30)
    assert set(planned) == {DAY_BEFORE, "hours_3", "hours_1"}


def test_a_bad_reminder_setting_is_a_content_error_with_its_line(tmp_path: Path) -> None:
    text = (ROOT / "content" / "contact-point.yml").read_text(encoding="utf-8")
    text = text.replace('quiet_from: "22:00"', 'quiet_from: "late"')
    path = tmp_path / "contact-point.yml"
    path.write_text(text, encoding="utf-8")
    issues: list = []
    assert load_contact(path, issues) is None
    line = next(n for n, t in enumerate(text.split("\n"), 1) if "quiet_from" in t)
    assert any(i.line == line and "quiet_from" in i.message for i in issues), [i.format() for i in issues]


class StepByStep(BookingFeature):
    """The booking feature without its background job: the test runs the job's step itself."""

    async def start(self) -> None:
        pass


def stepped(services: FeatureServices, settings: Settings) -> list[Feature]:
    return [StepByStep(services)]


async def step(app: App) -> int:
    """One round of the reminder job, as the loop runs it (with the channels connected right now)."""
    service = feature(app).service
    return await service.reminders.run_due(service.send_reminder, service.services.outbox.reaches)


async def test_reminders_due_while_down_are_sent_once_after_a_restart(tmp_path: Path) -> None:
    clock = FakeClock(START)  # Wednesday 25 November 2026
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    app = await started_app(tmp_path, clock, features=stepped)
    await book(app, "ana", "ro", when=monday)
    await app.stop()

    clock.set(berlin(2026, 11, 29, 20, 0))  # the day-before reminder (18:00) fell due while down
    recorder = Recorder()
    app = await started_app(tmp_path, clock, features=stepped)
    assert await step(app) == 0  # the console is not connected yet: the reminder waits for it
    app.postman.register(recorder)
    assert await step(app) == 1
    assert await step(app) == 0 and await step(app) == 0  # more rounds of the job: never twice
    await app.stop()
    assert len(recorder.to("ana")) == 1
    assert "30 noiembrie" in recorder.to("ana")[0] and "09:00" in recorder.to("ana")[0]

    # a second restart: the reminder is never sent again; the next one (07:00) is not due yet
    recorder = Recorder()
    app = await started_app(tmp_path, clock, features=stepped)
    app.postman.register(recorder)
    assert await step(app) == 0
    statuses = sorted(tuple(r) for r in await app.db.fetchall("SELECT kind, status FROM reminders"))
    await app.stop()
    assert recorder.to("ana") == []
    assert statuses == [("day_before", "sent"), ("hours_2", "pending")]


async def test_reminders_of_a_past_appointment_are_dropped_after_a_restart(tmp_path: Path) -> None:
    clock = FakeClock(START)
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    app = await started_app(tmp_path, clock, features=stepped)
    await book(app, "ivan", "bg", when=monday)
    await app.stop()

    clock.set(berlin(2026, 11, 30, 12, 0))  # down until after the appointment
    recorder = Recorder()
    app = await started_app(tmp_path, clock, features=stepped)
    app.postman.register(recorder)
    assert await step(app) == 0
    rows = await app.db.fetchall("SELECT status FROM reminders")
    await app.stop()
    assert recorder.to("ivan") == []
    assert {r[0] for r in rows} == {"dropped"}


async def test_the_job_runs_a_round_at_once_and_survives_a_failing_round(tmp_path: Path) -> None:
    """The loop itself: each round sends what is due and does the housekeeping; an error is logged and
    the next round comes (interval 0: the rounds follow each other without waiting for time)."""
    clock = FakeClock(START)
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    app = await started_app(tmp_path, clock, features=stepped)
    recorder = Recorder()
    app.postman.register(recorder)
    try:
        await book(app, "ana", "ro", when=monday)
        clock.set(berlin(2026, 11, 29, 18, 0))
        service = feature(app).service
        rounds: list[int] = []
        third = asyncio.Event()

        async def housekeeping() -> None:
            rounds.append(len(recorder.to("ana")))
            if len(rounds) == 1:
                raise RuntimeError("a failing round")
            if len(rounds) == 3:
                third.set()

        job = asyncio.create_task(
            service.reminders.loop(service.send_reminder, app.postman.reaches, 0, housekeeping)
        )
        await asyncio.wait_for(third.wait(), timeout=10)
        job.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await job
        assert rounds[:3] == [1, 1, 1]  # sent in the first round, once
    finally:
        await app.stop()


async def test_never_in_quiet_hours(app: App, clock: FakeClock, recorder: Recorder) -> None:
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    await book(app, "ana", "ro", when=monday)
    reminders = feature(app).service.reminders
    send = feature(app).service.send_reminder
    clock.set(berlin(2026, 11, 29, 23, 0))  # the day-before reminder is due, but it is night
    assert await reminders.run_due(send) == 0
    assert recorder.to("ana") == []
    clock.set(berlin(2026, 11, 30, 7, 0))  # quiet hours are over: both are due now, sent once each
    assert await reminders.run_due(send) == 2
    assert await reminders.run_due(send) == 0
    texts = recorder.to("ana")
    assert len(texts) == 2 and all("Willkommen Europa" in t for t in texts)


async def test_dropped_for_blocked_users_and_cancelled_appointments(
    app: App, clock: FakeClock, recorder: Recorder
) -> None:
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    await book(app, "ana", "ro", when=monday)
    chat, code = await book(app, "ivan", "bg", when=monday)
    await chat.action(f"booking:cancel:{code}")
    await chat.action(f"booking:cancelyes:{code}")
    recorder.unreachable.add("ana")
    service = feature(app).service
    clock.set(berlin(2026, 11, 29, 18, 0))
    assert await service.reminders.run_due(service.send_reminder) == 0
    clock.set(berlin(2026, 11, 30, 7, 30))
    assert await service.reminders.run_due(service.send_reminder) == 0
    assert recorder.to("ana") == [] and recorder.to("ivan") == []
    blocked = await app.db.fetchone("SELECT blocked FROM users WHERE user_ref = 'ana'")
    assert blocked is not None and blocked[0] == 1
    statuses = await app.db.fetchall("SELECT status FROM reminders")
    assert {r[0] for r in statuses} == {"dropped"}


async def test_the_reminder_has_a_cancel_choice_that_works(
    app: App, clock: FakeClock, recorder: Recorder
) -> None:
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    chat, code = await book(app, "ana", "ro", when=monday)
    clock.set(berlin(2026, 11, 29, 18, 1))
    service = feature(app).service
    assert await service.reminders.run_due(service.send_reminder) == 1
    # the console user types the number shown under the reminder
    text = await chat.say("1")
    assert "Sigur doriți să anulați" in text
    await chat.say("1")
    booking = await service.bookings.get(code)
    assert booking is not None and booking.status == "cancelled"
    assert timedelta(0) < monday - clock.now()
