"""Staff: every booking, move and cancellation reaches the staff channel (user text escaped); the
staff commands work for staff and are refused for everyone else."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from bot.app import App
from bot.booking import notices
from bot.booking.repository import Status
from bot.common import markup
from bot.core.clock import BERLIN, FakeClock
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature


def monday(hour: int = 9) -> datetime:
    return datetime(2026, 11, 30, hour, 0, tzinfo=BERLIN).astimezone(UTC)


async def staff_chat(app: App) -> Chat:
    chat = Chat(app, user="desk")
    await chat.say("/language de")
    return chat


async def test_staff_commands_are_refused_for_non_staff(app: App) -> None:
    _, code = await book(app, "ana", "ro", when=monday())
    chat = Chat(app, user="ana")
    for command in ("/agenda", f"/cancel {code} test", f"/noshow {code}", "/close 2026-12-02 test"):
        text = await chat.say(command)
        assert "doar pentru personalul" in text, command
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED
    assert await feature(app).service.bookings.closing_days() == []


async def test_agenda_per_language(app: App) -> None:
    await book(app, "ana", "ro", when=monday(), name="Ana")
    await book(app, "ivan", "bg", when=monday(10))
    await book(app, "eve", "ro", when=monday(11))
    staff = await staff_chat(app)
    text = await staff.say("/agenda 2026-11-30")
    assert "Termine am Montag, 30. November: 3 Termine" in text
    assert text.index("Bulgarisch (1)") < text.index("Rumänisch (2)")
    assert "Ana" not in text  # first names and phones are shown on the desk only
    text = await staff.say("/agenda 30.11.2026")
    assert "3 Termine" in text
    text = await staff.say("/agenda 2026-12-01")
    assert "Keine Termine" in text
    text = await staff.say("/agenda soon")
    assert "/agenda [JJJJ-MM-TT" in text


async def test_agenda_takes_a_range(app: App) -> None:
    await book(app, "ana", "ro", when=monday())
    await book(app, "ivan", "bg", when=datetime(2026, 12, 2, 14, 0, tzinfo=BERLIN).astimezone(UTC))
    staff = await staff_chat(app)
    text = await staff.say("/agenda 2026-11-30 2026-12-04")
    assert "Montag, 30. November: ein Termin" in text and "Mittwoch, 2. Dezember: ein Termin" in text
    assert "Dienstag" not in text  # days without appointments are left out of a range
    assert "Termine am Montag" in await staff.say("/agenda 2026-11-30..2026-12-04")
    assert "Keine Termine vom" in await staff.say("/agenda 2026-12-07 2026-12-11")
    assert "bis zu 31 Tage" in await staff.say("/agenda 2026-12-01 2027-03-01")


async def test_cancel_with_a_preset_reason_is_sent_in_the_person_s_language(
    app: App, recorder: Recorder
) -> None:
    _, code = await book(app, "ana", "ro", when=monday())
    staff = await staff_chat(app)
    usage = await staff.say("/cancel")
    assert "1. illness" in usage and "Die Beraterin oder der Berater ist krank." in usage
    await staff.say(f"/cancel {code} 1")
    assert "Consilierul este bolnav." in recorder.to("ana")[-1]
    mine = await Chat(app, user="ana").say("/appointments")
    assert "Anulate de curând de centrul de consiliere" in mine and "Consilierul este bolnav." in mine


async def test_staff_cancel_tells_the_user_in_their_language(app: App, recorder: Recorder) -> None:
    _, code = await book(app, "ivan", "bg", when=monday())
    staff = await staff_chat(app)
    text = await staff.say(f"/cancel {code.lower()} Krankheit im Team")
    assert "ist abgesagt" in text and "benachrichtigt" in text
    told = recorder.to("ivan")[-1]
    assert "трябваше да отмени записания Ви час" in told and "Krankheit im Team" in told
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED and booking.cancel_reason == "staff"
    assert "Vom Team abgesagt" in recorder.to("staff")[-1]
    text = await staff.say(f"/cancel {code} again")
    assert "keinen gebuchten Termin" in text
    text = await staff.say("/cancel")
    assert "/cancel CODE Grund" in text


async def test_no_show_only_after_the_start(app: App, clock: FakeClock) -> None:
    _, code = await book(app, "ana", "ro", when=monday())
    staff = await staff_chat(app)
    text = await staff.say(f"/noshow {code}")
    assert "beginnt erst" in text and "ab Beginn des Termins" in text  # says when it becomes possible
    assert "keinen schon begonnenen Termin" in await staff.say("/noshow ZZZZZZ")
    clock.set(monday(10))
    text = await staff.say(f"/noshow {code}")
    assert "nicht erschienen" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.NO_SHOW


async def test_close_a_day(app: App, recorder: Recorder) -> None:
    _chat, code = await book(app, "ana", "ro", when=monday())
    _, other = await book(app, "ivan", "bg", when=monday(11))
    _, kept = await book(app, "eve", "en", when=datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN).astimezone(UTC))
    staff = await staff_chat(app)
    text = await staff.say("/close 2026-11-30 Betriebsausflug")
    assert "Schließtag" in text and "2 Termine wurden abgesagt" in text and "benachrichtigt: 2" in text
    assert "Betriebsausflug" in recorder.to("ana")[-1] and "a trebuit să anuleze" in recorder.to("ana")[-1]
    assert "Betriebsausflug" in recorder.to("ivan")[-1]
    assert "(în germană)" in recorder.to("ana")[-1]  # staff words are marked as German
    assert "Abgesagte Codes:" in text
    service = feature(app).service
    for c, status in ((code, Status.CANCELLED), (other, Status.CANCELLED), (kept, Status.BOOKED)):
        booking = await service.bookings.get(c)
        assert booking is not None and booking.status is status
    # the day is no longer offered
    days = {s.local_start.date().isoformat() for s in await service.free_slots(app.clock.now(), "ro")}
    assert "2026-11-30" not in days and "2026-12-01" in days
    text = await staff.say("/close 2026-11-01 zu spät")
    assert "Vergangenheit" in text
    text = await staff.say("/close 2026-12-02")
    assert "/close JJJJ-MM-TT Grund" in text


async def test_user_text_to_staff_is_escaped(app: App, recorder: Recorder) -> None:
    await book(app, "ana", "ro", when=monday(), name="Ana")
    # a first name cannot carry markup: it is refused in the flow; and what staff see is escaped
    chat = Chat(app, user="mallory")
    await chat.say("/language en")
    await chat.action("booking:new")
    await chat.action("booking:topic:other")
    await chat.action("booking:lang:en")
    await chat.say("1")
    await chat.say("1")
    text = await chat.say("**[x](https://evil.example)**")
    assert "only your first name" in text
    booking = (await feature(app).service.bookings.upcoming(1, app.clock.now()))[0]
    forged = dataclasses.replace(booking, first_name="**x** [a](https://evil)", phone="[1](tel:1)")
    line = notices.describe(forged, feature(app).service.staff_t(), with_person=True)
    assert "\\*\\*x\\*\\* \\[a\\](https://evil)" in line
    assert "https://evil" not in markup.to_html(line).replace("(https://evil)", "")
    assert "<a " not in markup.to_html(line)


async def test_a_day_closed_while_someone_confirms_is_not_booked(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language ro")
    for action in ("booking:new", "booking:topic:health", "booking:lang:ro", "booking:day:2026-11-30"):
        await chat.action(action)
    await chat.say("1")
    await chat.action("booking:skip")
    await chat.action("booking:skip")
    assert "Vă rog să verificați programarea" in chat.text
    staff_desk = await staff_chat(app)
    await staff_desk.say("/close 2026-11-30 Fortbildung")
    text = await chat.action("booking:confirm")
    assert "această oră nu mai poate fi programată" in text
    assert "cineva" not in text  # nobody took it: the day was closed
    assert "30 noiembrie" not in text
    rows = await app.db.fetchall("SELECT status FROM bookings")
    assert [r[0] for r in rows] == []
