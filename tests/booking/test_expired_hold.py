"""Issue 15, item 7: a hold that ran out before the person confirmed.

The same time is taken again when it is still free (whether the reminder job has already deleted the
hold or not); when it is gone, the person hears that the hold ran out, not that "someone just took
this time" unless someone did, and is offered other times, never the one that is gone. A move says
that the new code replaces the old one, and a move whose old appointment is gone moves nothing.
"""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.booking.repository import Status
from bot.booking.schedule import Slot
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat
from tests.booking.conftest import book, feature

RAN_OUT = timedelta(minutes=11)  # hold_minutes is 10 in content/contact-point.yml


async def statuses(app: App) -> list[str]:
    return [str(r[0]) for r in await app.db.fetchall("SELECT status FROM bookings ORDER BY id")]


async def first_slot(app: App, lang: str) -> Slot:
    return (await feature(app).service.free_slots(app.clock.now(), lang))[0]


async def to_summary_ro(app: App, user: str = "maria") -> Chat:
    """A Romanian mother books by typing, as she would, up to the summary (first time of Thursday)."""
    chat = Chat(app, user=user)
    await chat.say("/language ro")
    await chat.say("faceti o programare")
    await chat.say("sanatate")
    await chat.say("romana")
    await chat.say("joi 26")
    await chat.say("la 9")
    await chat.say("Maria")
    text = await chat.say("1")  # the phone number is optional: "1. Săriți peste"
    assert "Vă rog să verificați programarea" in text and "09:00" in text
    return chat


async def to_summary_bg(app: App, user: str = "ivan") -> Chat:
    """A Bulgarian worker books in Latin letters, up to the summary (first time of Thursday)."""
    chat = Chat(app, user=user)
    await chat.say("/language bg")
    await chat.say("zapishete si 4as")
    await chat.say("rabota")
    await chat.say("bulgarski")
    await chat.say("4etvartak 26")
    await chat.say("v 9")
    await chat.say("Ivan")
    text = await chat.say("1")  # "1. Пропускане"
    assert "Моля, проверете записания час" in text and "09:00" in text
    return chat


def offered(chat: Chat) -> list[str]:
    return [c.action for c in chat.choices if c.action.startswith("booking:slot:")]


async def take_the_rest(app: App, lang: str, slot: Slot) -> None:
    """Two other people book the time (capacity 2) while the hold has run out."""
    await book(app, "other1", lang, when=slot.start)
    await book(app, "other2", lang, when=slot.start)


# -- still free: the same time is taken again and confirmed --------------------------------------


async def test_ro_hold_ran_out_but_time_still_free_da_books_it(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "ro")
    chat = await to_summary_ro(app)
    clock.advance(RAN_OUT)  # she went to fetch her passport; the hold row is still there
    text = await chat.say("da")
    assert "Programarea dumneavoastră este făcută" in text and "09:00" in text
    assert "cineva" not in text
    upcoming = await feature(app).service.bookings.upcoming(1, clock.now())
    assert [b.start for b in upcoming] == [slot.start] and upcoming[0].first_name == "Maria"
    assert await statuses(app) == ["booked"]


async def test_bg_hold_cleaned_up_but_time_still_free_da_books_it(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "bg")
    chat = await to_summary_bg(app)
    clock.advance(RAN_OUT)
    await feature(app).service.housekeeping()  # the reminder job deleted the expired hold
    assert await statuses(app) == []
    text = await chat.say("da")
    assert "Часът Ви е записан" in text and "09:00" in text
    assert "някой" not in text
    upcoming = await feature(app).service.bookings.upcoming(1, clock.now())
    assert [b.start for b in upcoming] == [slot.start] and upcoming[0].first_name == "Ivan"


# -- gone: the hold ran out, someone else booked it ---------------------------------------------


async def test_ro_hold_ran_out_and_time_taken_says_so_and_offers_others(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "ro")
    chat = await to_summary_ro(app)
    clock.advance(RAN_OUT)
    await take_the_rest(app, "ro", slot)
    text = await chat.say("confirm")
    assert "Timpul a expirat" in text and "altcineva a luat această oră" in text
    assert "cineva tocmai a luat" not in text
    assert "Aceste ore sunt încă libere" in text
    assert offered(chat) and f"booking:slot:{slot.key}" not in offered(chat)
    assert await statuses(app) == ["booked", "booked"]  # hers is gone, nothing booked for her
    text = await chat.say("1")  # the next free time, held for her again
    assert "prenumele" in text
    await chat.say("Maria")
    text = await chat.say("1")
    assert "Vă rog să verificați programarea" in text and "09:30" in text
    text = await chat.say("da")
    assert "Programarea dumneavoastră este făcută" in text


async def test_bg_hold_cleaned_up_and_time_taken_says_so_and_offers_others(
    app: App, clock: FakeClock
) -> None:
    slot = await first_slot(app, "bg")
    chat = await to_summary_bg(app)
    clock.advance(RAN_OUT)
    await feature(app).service.housekeeping()
    await take_the_rest(app, "bg", slot)
    text = await chat.say("да")
    assert "Времето изтече" in text and "някой друг си записа този час" in text
    assert "току-що" not in text
    assert offered(chat) and f"booking:slot:{slot.key}" not in offered(chat)
    text = await chat.say("nazad")  # back from the offered times: the days
    assert "Изберете ден" in text


async def test_ro_a_word_at_the_ran_out_notice_keeps_the_choices(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "ro")
    chat = await to_summary_ro(app)
    clock.advance(RAN_OUT)
    await take_the_rest(app, "ro", slot)
    await chat.say("da")
    before = offered(chat)
    await chat.say("da")  # "yes" again: there is no yes among the times, nothing is chosen
    assert offered(chat) == before
    text = await chat.say("la 9")  # the time that is gone is not a choice any more
    assert "Nu am înțeles" in text and offered(chat) == before
    assert await statuses(app) == ["booked", "booked"]


# -- gone: the time can no longer be booked (passed the notice, or the day was closed) ----------


async def test_ro_hold_ran_out_and_time_no_longer_bookable(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "ro")
    chat = await to_summary_ro(app)
    clock.set(slot.start - timedelta(hours=6))  # inside the 12 hours' notice now
    text = await chat.say("da")
    assert "Timpul a expirat" in text and "nu mai poate fi programată" in text
    assert "cineva" not in text
    assert f"booking:slot:{slot.key}" not in offered(chat)
    assert await statuses(app) == []


async def test_bg_live_hold_on_a_day_staff_closed(app: App) -> None:
    chat = await to_summary_bg(app)
    desk = Chat(app, user="desk")
    await desk.say("/language de")
    await desk.say("/close 2026-11-26 Fortbildung")
    text = await chat.say("da")
    assert "за този час вече не може да се запишете" in text and "някой" not in text
    assert "26 ноември" not in text
    assert await statuses(app) == []


async def test_ro_a_time_button_that_passed_is_not_taken_by_someone(app: App, clock: FakeClock) -> None:
    slot = await first_slot(app, "ro")
    chat = Chat(app, user="maria")
    await chat.say("/language ro")
    for action in ("booking:new", "booking:topic:health", "booking:lang:ro"):
        await chat.action(action)
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    clock.set(slot.start - timedelta(hours=1))
    text = await chat.action(f"booking:slot:{slot.key}")
    assert "nu mai poate fi programată" in text and "cineva" not in text
    assert f"booking:slot:{slot.key}" not in offered(chat)


# -- moving -------------------------------------------------------------------------------------


async def test_ro_move_says_the_old_code_is_void_also_after_the_hold_ran_out(
    app: App, clock: FakeClock
) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("programarile mele")
    text = await chat.say("mutati")
    assert "Programarea de acum rămâne până confirmați" in text
    await chat.say("luni 30")
    text = await chat.say("10:00")
    assert "primiți un cod nou" in text and "codul vechi nu mai este valabil" in text
    clock.advance(RAN_OUT)
    text = await chat.say("da")
    assert "a fost mutată" in text and "10:00" in text
    assert f"Codul vechi {code[:3]}-{code[3:]} nu mai este valabil" in text
    old = await feature(app).service.bookings.get(code)
    assert old is not None and old.status is Status.CANCELLED


async def test_bg_move_says_the_old_code_is_void(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("moite 4asove")
    await chat.say("premesti")
    await chat.say("ponedelnik 30")
    await chat.say("v 10")
    text = await chat.say("da")
    assert "Часът Ви е преместен" in text
    assert f"Старият код {code[:3]}-{code[3:]} вече не важи" in text


async def test_ro_move_whose_old_appointment_staff_cancelled_moves_nothing(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/appointments")
    await chat.say("mutati")
    await chat.say("luni 30")
    await chat.say("la 10")
    desk = Chat(app, user="desk")
    await desk.say("/language de")
    await desk.say(f"/cancel {code} 1")
    text = await chat.action("booking:confirm")  # the summary's button, still on her screen
    assert "Programarea pe care voiați să o mutați nu mai există" in text
    assert "cineva" not in text
    assert await feature(app).service.bookings.upcoming(1, app.clock.now()) == []
    assert await statuses(app) == ["cancelled"]
