"""Never double-book: one conditional INSERT inside BEGIN IMMEDIATE, holds, idempotency, moving."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import App
from bot.booking.repository import CODE_ALPHABET, Outcome, Status, normalise_code
from bot.booking.schedule import Slot
from bot.core.clock import FakeClock
from tests.booking.conftest import feature


async def users(app: App, count: int) -> list[int]:
    now = app.clock.now()
    return [(await app.sessions.load("console", f"u{i}", now)).user_id for i in range(count)]


async def a_slot(app: App, capacity: int | None = None) -> Slot:
    service = feature(app).service
    slot = (await service.free_slots(app.clock.now(), "ro"))[0]
    if capacity is not None:
        slot = Slot(slot.site, slot.start, slot.end, capacity, slot.languages)
    return slot


async def test_200_coroutines_take_one_slot_of_capacity_2(app: App) -> None:
    bookings = feature(app).service.bookings
    ids = await users(app, 200)
    slot = await a_slot(app, capacity=2)
    now = app.clock.now()

    async def take(user_id: int) -> Outcome:
        result = await bookings.take(
            user_id=user_id, slot=slot, language="ro", topic="housing", now=now, max_per_user=2
        )
        return result.outcome

    outcomes = await asyncio.gather(*(take(u) for u in ids))
    assert outcomes.count(Outcome.TAKEN) == 2
    assert outcomes.count(Outcome.FULL) == 198
    rows = await app.db.fetchall("SELECT count(*) FROM bookings WHERE status = 'booked'")
    assert rows[0][0] == 2


async def test_200_holds_then_confirms_never_exceed_capacity(app: App) -> None:
    bookings = feature(app).service.bookings
    ids = await users(app, 200)
    slot = await a_slot(app, capacity=2)
    now = app.clock.now()

    async def hold_and_confirm(user_id: int) -> bool:
        result = await bookings.take(
            user_id=user_id, slot=slot, language="bg", topic="work", now=now, max_per_user=2, hold_minutes=10
        )
        if result.booking is None:
            return False
        done = await bookings.confirm(
            booking_id=result.booking.id, user_id=user_id, capacity=slot.capacity, now=now, reminders=[]
        )
        return done is not None

    results = await asyncio.gather(*(hold_and_confirm(u) for u in ids))
    assert results.count(True) == 2


async def test_a_hold_keeps_the_place_until_it_expires(app: App, clock: FakeClock) -> None:
    bookings = feature(app).service.bookings
    first, second = await users(app, 2)
    slot = await a_slot(app, capacity=1)
    held = await bookings.take(
        user_id=first,
        slot=slot,
        language="ro",
        topic="school",
        now=clock.now(),
        max_per_user=2,
        hold_minutes=10,
    )
    assert held.outcome is Outcome.TAKEN and held.booking is not None
    assert held.booking.status is Status.HOLD
    blocked = await bookings.take(
        user_id=second,
        slot=slot,
        language="ro",
        topic="school",
        now=clock.now(),
        max_per_user=2,
        hold_minutes=10,
    )
    assert blocked.outcome is Outcome.FULL
    clock.advance(timedelta(minutes=11))
    now = clock.now()
    late = await bookings.take(
        user_id=second, slot=slot, language="ro", topic="school", now=now, max_per_user=2, hold_minutes=10
    )
    assert late.outcome is Outcome.TAKEN
    # the first person's hold has expired and the place is gone: confirming fails
    gone = await bookings.confirm(
        booking_id=held.booking.id, user_id=first, capacity=1, now=now, reminders=[]
    )
    assert gone is None


async def test_an_expired_hold_is_still_confirmed_while_there_is_room(app: App, clock: FakeClock) -> None:
    bookings = feature(app).service.bookings
    (user,) = await users(app, 1)
    slot = await a_slot(app, capacity=2)
    held = await bookings.take(
        user_id=user, slot=slot, language="ro", topic="other", now=clock.now(), max_per_user=2, hold_minutes=5
    )
    assert held.booking is not None
    clock.advance(timedelta(minutes=30))
    done = await bookings.confirm(
        booking_id=held.booking.id, user_id=user, capacity=2, now=clock.now(), reminders=[]
    )
    assert done is not None and done.status is Status.BOOKED
    again = await bookings.confirm(
        booking_id=held.booking.id, user_id=user, capacity=2, now=clock.now(), reminders=[]
    )
    assert again is not None and again.code == done.code  # confirming twice books once


async def test_the_same_event_books_once(app: App) -> None:
    bookings = feature(app).service.bookings
    (user,) = await users(app, 1)
    slot = await a_slot(app)
    now = app.clock.now()
    results = await asyncio.gather(
        *(
            bookings.take(
                user_id=user,
                slot=slot,
                language="ro",
                topic="health",
                now=now,
                max_per_user=2,
                event_key="telegram:777",
            )
            for _ in range(5)
        )
    )
    codes = {r.booking.code for r in results if r.booking is not None}
    assert len(codes) == 1
    rows = await app.db.fetchall("SELECT count(*) FROM bookings")
    assert rows[0][0] == 1


async def test_max_per_user_and_same_time(app: App) -> None:
    bookings = feature(app).service.bookings
    (user,) = await users(app, 1)
    slots = (await feature(app).service.free_slots(app.clock.now(), "ro"))[:3]
    now = app.clock.now()
    outcomes = []
    for slot in (slots[0], slots[0], slots[1], slots[2]):
        result = await bookings.take(
            user_id=user, slot=slot, language="ro", topic="health", now=now, max_per_user=2
        )
        outcomes.append(result.outcome)
    assert outcomes == [Outcome.TAKEN, Outcome.SAME_TIME, Outcome.TAKEN, Outcome.LIMIT]


async def test_moving_takes_the_new_place_before_releasing_the_old(app: App) -> None:
    bookings = feature(app).service.bookings
    me, other = await users(app, 2)
    first, second = (await feature(app).service.free_slots(app.clock.now(), "ro"))[:2]
    full = Slot(second.site, second.start, second.end, 1, second.languages)
    now = app.clock.now()
    old = await bookings.take(user_id=me, slot=first, language="ro", topic="work", now=now, max_per_user=1)
    assert old.booking is not None
    # someone else has the only place of the new slot: the move fails and the old appointment stays
    await bookings.take(user_id=other, slot=full, language="ro", topic="work", now=now, max_per_user=1)
    failed = await bookings.take(
        user_id=me,
        slot=full,
        language="ro",
        topic="work",
        now=now,
        max_per_user=1,
        hold_minutes=10,
        replacing=old.booking.code,
    )
    assert failed.outcome is Outcome.FULL
    still = await bookings.get(old.booking.code)
    assert still is not None and still.status is Status.BOOKED
    # a free slot: the new one is booked and the old one cancelled in one transaction
    third = (await feature(app).service.free_slots(now, "ro"))[2]
    hold = await bookings.take(
        user_id=me,
        slot=third,
        language="ro",
        topic="work",
        now=now,
        max_per_user=1,
        hold_minutes=10,
        replacing=old.booking.code,
    )
    assert hold.booking is not None  # max_per_user=1 does not count the appointment being moved
    moved = await bookings.confirm(
        booking_id=hold.booking.id, user_id=me, capacity=2, now=now, reminders=[], replacing=old.booking.code
    )
    assert moved is not None and moved.start == third.start
    cancelled = await bookings.get(old.booking.code)
    assert cancelled is not None and cancelled.status is Status.CANCELLED
    assert cancelled.cancel_reason == "moved"


def test_codes_are_unambiguous() -> None:
    assert not set("01OI") & set(CODE_ALPHABET)
    assert normalise_code(" k7m-4px ") == "K7M4PX"
