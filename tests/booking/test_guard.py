"""Scalping defences: the booking rate across accounts, the cool-down of new accounts while booking is
busy, the cap on holds, and staff's view and cancelling of one account."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.booking.conftest import STAFF, book, feature


async def start_booking(app: App, user: str) -> Chat:
    chat = Chat(app, user=user)
    await chat.say("/language en")
    await chat.action("booking:new")
    return chat


async def test_beyond_the_hourly_rate_new_bookings_wait_and_staff_hear_once(
    app: App, clock: FakeClock, recorder: Recorder
) -> None:
    rules = feature(app).service.rules
    assert rules.bookings_per_hour == 6
    for n in range(8):  # accounts that exist for a while: the cool-down is not what stops them
        await Chat(app, user=f"p{n}").say("/language en")
    clock.advance(timedelta(minutes=30))
    for n in range(6):
        await book(app, f"p{n}", "en")
    chat = await start_booking(app, "p6")
    assert "new bookings wait a little" in chat.text and "consultation hours" in chat.text
    assert await app.postman.drain(1.0)
    assert len([t for t in recorder.to("staff") if "/cancelaccount" in t]) == 1
    chat = await start_booking(app, "p7")  # again: staff are not told twice in the hour
    assert "new bookings wait" in chat.text
    assert await app.postman.drain(1.0)
    assert len([t for t in recorder.to("staff") if "/cancelaccount" in t]) == 1
    clock.advance(timedelta(hours=1))
    await book(app, "p6", "en")  # an hour later booking works again


async def test_while_busy_an_account_first_seen_minutes_ago_waits(app: App, clock: FakeClock) -> None:
    for n in range(3):  # half the hourly rate: booking is busy
        await Chat(app, user=f"old{n}").say("/language en")
    clock.advance(timedelta(minutes=30))
    for n in range(3):
        await book(app, f"old{n}", "en")
    chat = await start_booking(app, "fresh")
    assert "Many people are booking right now" in chat.text
    clock.advance(timedelta(minutes=10))
    await book(app, "fresh", "en")  # ten minutes later the same person books


async def test_a_quiet_time_never_holds_up_someone_new(app: App) -> None:
    await book(app, "newcomer", "en")  # first message and booking within the same minute


async def test_holds_cannot_be_renewed_without_end(app: App) -> None:
    chat = await start_booking(app, "holder")
    await chat.action("booking:topic:housing")
    await chat.action("booking:lang:en")
    slots = await feature(app).service.free_slots(app.clock.now(), "en")
    slot = slots[0]
    for _ in range(4):  # choose, go back, choose again: each is a new hold
        await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
        await chat.action(f"booking:slot:{slot.key}")
        assert "first name" in chat.text
        await chat.action("back")
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    text = await chat.action(f"booking:slot:{slot.key}")
    assert "You have chosen times very often" in text


async def test_staff_see_an_account_and_cancel_all_its_appointments(
    app: App, clock: FakeClock, recorder: Recorder
) -> None:
    slots = await feature(app).service.free_slots(clock.now(), "en")
    await book(app, "scalper", "en", when=slots[0].start)
    _, code = await book(app, "scalper", "en", when=slots[1].start)
    _, other = await book(app, "honest", "en", when=slots[2].start)
    staff = Chat(app, user=STAFF.split(":")[1])
    await staff.say("/language de")
    text = await staff.say(f"/account {code}")
    assert "2 Termine" in text and code[:3] in text
    agenda = await staff.say(f"/agenda {slots[0].local_start.date().isoformat()}")
    assert "Konto #" in agenda  # the count per account in the agenda
    text = await staff.say(f"/cancelaccount {code} Terminhandel")
    assert "2 Termine abgesagt" in text
    bookings = feature(app).service.bookings
    assert (await bookings.get(code)).status == "cancelled"  # type: ignore[union-attr]
    assert (await bookings.get(other)).status == "booked"  # type: ignore[union-attr]
    told = [t for t in recorder.to("scalper") if "Terminhandel" in t]
    assert len(told) == 2  # each appointment's cancellation told to the person
    assert "usage" in (await staff.say("/cancelaccount")).lower() or "So geht es" in staff.text
