"""Privacy: /forget cancels future appointments and erases personal data; names and phones go
30 days after the appointment while anonymous counts stay; retention keeps users with appointments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import App
from bot.core.clock import BERLIN, FakeClock
from bot.staff import stats
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature


def monday(hour: int = 9) -> datetime:
    return datetime(2026, 11, 30, hour, 0, tzinfo=BERLIN).astimezone(UTC)


async def all_values(app: App) -> list[str]:
    values = []
    for table in await app.db.tables():
        for row in await app.db.fetchall(f"SELECT * FROM {table}"):
            values += [str(v) for v in tuple(row)]
    return values


async def test_forget_cancels_future_appointments_and_erases_personal_data(
    app: App, recorder: Recorder
) -> None:
    chat, _code = await book(app, "maria", "ro", when=monday(), name="Mariana")
    await chat.say("/forget")
    text = await chat.press("Da")
    assert "Am șters tot" in text
    values = await all_values(app)
    assert "maria" not in values and "Mariana" not in values
    row = await app.db.fetchone("SELECT status, cancel_reason, user_id, first_name, phone FROM bookings")
    assert row is not None and tuple(row) == ("cancelled", "forget", None, None, None)
    assert "Daten gelöscht" in recorder.to("staff")[-1] and "Mariana" not in recorder.to("staff")[-1]
    pending = await app.db.fetchone("SELECT count(*) FROM reminders WHERE status = 'pending'")
    assert pending is not None and pending[0] == 0


async def test_names_and_phones_are_erased_30_days_after_the_appointment(app: App, clock: FakeClock) -> None:
    _chat, code = await book(app, "maria", "ro", when=monday(), name="Mariana")
    service = feature(app).service
    clock.set(monday() + timedelta(days=29))
    await service.housekeeping()
    booking = await service.bookings.get(code)
    assert booking is not None and booking.first_name == "Mariana"
    clock.set(monday() + timedelta(days=31))
    await service.housekeeping()
    booking = await service.bookings.get(code)
    assert booking is not None and booking.first_name is None and booking.user_id is None
    counted = await stats.collect(app.db, clock.now())
    assert counted.per_language == {"ro": 1} and counted.per_topic == {"housing": 1}


async def test_retention_never_deletes_a_user_with_a_future_appointment(app: App, clock: FakeClock) -> None:
    await book(app, "maria", "ro", when=monday())
    idle = await app.sessions.load("console", "idle", clock.now())
    await app.sessions.save(idle, clock.now())
    clock.advance(timedelta(days=200))  # both silent far beyond inactive_days (180)
    # the appointment is long past here, but still linked: pretend it is in the future
    await app.db.execute("UPDATE bookings SET slot_start = ?, slot_end = ?", ("2099-01-01", "2099-01-01"))
    removed = await app.purge()
    assert removed == 1
    refs = [r[0] for r in await app.db.fetchall("SELECT user_ref FROM users")]
    assert refs == ["maria"]


async def test_expired_holds_are_cleaned_up(app: App, clock: FakeClock) -> None:
    from tests.auxil.chat import Chat

    chat = Chat(app, user="ana")
    await chat.say("/language en")
    for action in ("booking:new", "booking:topic:other", "booking:lang:en"):
        await chat.action(action)
    await chat.say("1")
    await chat.say("1")
    clock.advance(timedelta(minutes=11))
    await feature(app).service.housekeeping()
    row = await app.db.fetchone("SELECT count(*) FROM bookings")
    assert row is not None and row[0] == 0
    # confirming later still works while the time is free (the time is taken again)
    await chat.action("booking:skip")
    await chat.action("booking:skip")
    text = await chat.action("booking:confirm")
    assert "Your appointment is booked" in text
