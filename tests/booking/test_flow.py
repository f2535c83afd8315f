"""Booking, cancelling and moving as people do it, in Romanian and Bulgarian, on the console."""

from __future__ import annotations

import re

from bot.app import App
from bot.booking.repository import Status
from bot.core.clock import FakeClock
from bot.core.events import Inbound, InboundKind
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature

CODE = re.compile(r"\b([A-HJ-NP-Z2-9]{3})-([A-HJ-NP-Z2-9]{3})\b")


async def test_book_in_romanian(app: App, recorder: Recorder) -> None:
    chat = Chat(app, user="maria")
    await chat.say("/language ro")
    assert "Faceți o programare" in [c.label for c in chat.choices]  # the label the content names
    text = await chat.press("Faceți o programare")
    assert "Despre ce este întrebarea" in text
    text = await chat.press("Locuință")
    assert "În ce limbă doriți consilierea" in text
    assert chat.choices[0].label == "română"  # the user's own language first
    text = await chat.press("română")
    assert "Alegeți ziua" in text and "joi, 26 noiembrie" in text
    text = await chat.say("1")
    assert "Alegeți ora pentru joi, 26 noiembrie" in text and "09:00" in text
    text = await chat.press("09:30")
    assert "prenumele" in text and "Nu este obligatoriu" in text
    text = await chat.say("Maria-Elena")
    assert "telefon" in text and "sună doar dacă" in text
    text = await chat.say("numarul meu e 0176 12")  # too short: the step asks again
    assert "nu pare un număr de telefon" in text
    text = await chat.say("0176 1234 5678")
    assert "Vă rog să verificați programarea" in text
    assert "joi, 26 noiembrie 2026, 09:30" in text
    assert "Maria-Elena" in text and "+4917612345678" in text
    assert "Bornstraße 64" in text and "neconfirmat" in text
    assert "10 minute" in text
    text = await chat.press("Confirmați")
    assert "Programarea dumneavoastră este făcută" in text
    assert CODE.search(text), text
    assert "Bornstraße 64" in text and "neconfirmat" in text
    assert "Ce acte să aduceți" in [c.label for c in chat.choices]
    text = await chat.press("Ce acte să aduceți")
    assert "pașaportul" in text
    booking = (await feature(app).service.bookings.upcoming(1, app.clock.now()))[0]
    assert booking.first_name == "Maria-Elena" and booking.language == "ro" and booking.topic == "housing"
    notice = recorder.to("staff")[-1]
    assert booking.code[:3] in notice and "Neuer Termin" in notice
    assert "Maria-Elena" not in notice  # names and phones are on the desk only, never in a chat


async def test_book_in_bulgarian_skipping_name_and_phone(app: App) -> None:
    chat = Chat(app, user="ivan")
    await chat.say("/language bg")
    text = await chat.press("Запишете си час")
    assert "За какво е Вашият въпрос" in text
    await chat.press("Работа")
    assert chat.choices[0].label == "български"
    await chat.press("български")
    await chat.say("1")
    await chat.say("1")
    text = await chat.press("Пропускане")
    assert "телефонният Ви номер" in text
    text = await chat.press("Пропускане")
    assert "Моля, проверете записания час" in text and "Малко име" not in text
    text = await chat.press("Потвърждавам")
    assert "Часът Ви е записан" in text and CODE.search(text)
    text = await chat.say("/appointments")
    assert "Вашият записан час" in text and "Работа и социални помощи" in text


async def test_cancel_in_romanian(app: App, recorder: Recorder) -> None:
    chat, code = await book(app, "maria", "ro")
    text = await chat.say("/appointments")
    assert "Programarea dumneavoastră" in text and f"{code[:3]}-{code[3:]}" in text
    text = await chat.press("Anulați")
    assert "Sigur doriți să anulați" in text
    text = await chat.press("Da, anulați")
    assert "este anulată" in text and "Nu aveți nicio programare" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED
    assert "Von der Person abgesagt" in recorder.to("staff")[-1]


async def test_cancel_in_bulgarian_can_be_kept(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    text = await chat.press("Отмяна")
    assert "Наистина ли искате да отмените записания си час" in text
    text = await chat.press("Не, запазете го")
    assert "Вашият записан час" in text
    text = await chat.press("Отмяна")
    text = await chat.press("Да, отменете го")
    assert "е отменен" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED


async def test_move_in_romanian(app: App, recorder: Recorder) -> None:
    chat, code = await book(app, "maria", "ro", name="Maria")
    await chat.say("/appointments")
    text = await chat.press("Mutați")
    assert "Alegeți o oră nouă" in text
    await chat.say("2")
    text = await chat.say("1")
    assert "Vă rog să verificați programarea" in text and "Maria" in text  # name and phone kept
    text = await chat.press("Confirmați")
    assert "a fost mutată" in text
    upcoming = await feature(app).service.bookings.upcoming(1, app.clock.now())
    assert len(upcoming) == 1 and upcoming[0].code != code and upcoming[0].first_name == "Maria"
    old = await feature(app).service.bookings.get(code)
    assert old is not None and old.status is Status.CANCELLED
    assert "verschoben" in recorder.to("staff")[-1]


async def test_move_in_bulgarian_back_keeps_the_old_one(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    text = await chat.press("Преместване")
    assert "Изберете нов час" in text
    await chat.say("3")
    await chat.say("2")
    assert "Моля, проверете записания час" in chat.text
    text = await chat.press("Назад")
    assert "Изберете час за" in text
    text = await chat.say("1")
    text = await chat.press("Потвърждавам")
    assert "Часът Ви е преместен" in text
    upcoming = await feature(app).service.bookings.upcoming(1, app.clock.now())
    assert len(upcoming) == 1 and upcoming[0].code != code


async def test_just_taken_offers_the_next_free_times(app: App) -> None:
    service = feature(app).service
    first = (await service.free_slots(app.clock.now(), "ro"))[0]
    maria = Chat(app, user="maria")
    await maria.say("/language ro")
    await maria.action("booking:new")
    await maria.action("booking:topic:health")
    await maria.action("booking:lang:ro")
    await maria.action(f"booking:day:{first.local_start.date().isoformat()}")
    await book(app, "a", "ro", when=first.start)
    await book(app, "b", "ro", when=first.start)  # capacity 2: now full
    text = await maria.action(f"booking:slot:{first.key}")
    assert "cineva tocmai a luat această oră" in text
    assert "Aceste ore sunt încă libere" in text
    assert "09:30" in chat_labels(maria)[0]
    text = await maria.say("1")
    assert "prenumele" in text


def chat_labels(chat: Chat) -> list[str]:
    return [c.label for c in chat.choices]


async def test_a_retried_button_press_books_once(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    slot = (await feature(app).service.free_slots(app.clock.now(), "en"))[0]
    for action in ("booking:new", "booking:topic:other", "booking:lang:en"):
        await chat.action(action)
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}", event_id="e1")
    await chat.action("booking:skip", event_id="e2")
    await chat.action("booking:skip", event_id="e3")
    await chat.action("booking:confirm", event_id="e4")
    assert "Your appointment is booked" in chat.text
    assert await chat.action("booking:confirm", event_id="e4") == ""
    text = await chat.action("booking:confirm", event_id="e5")  # pressed again later: stale, no booking
    assert "no longer valid" in text
    rows = await app.db.fetchall("SELECT status FROM bookings")
    assert [r[0] for r in rows] == ["booked"]


async def test_at_most_two_future_appointments(app: App) -> None:
    first, second = (await feature(app).service.free_slots(app.clock.now(), "en"))[:2]
    chat, _ = await book(app, "ana", "en", when=first.start)
    await book(app, "ana", "en", when=second.start)
    text = await chat.action("booking:new")
    assert "You already have 2 appointments" in text
    assert "Book an appointment" not in chat_labels(chat)
    assert any(label.startswith("✖️ Cancel") for label in chat_labels(chat))


async def test_only_languages_spoken_in_the_slot(app: App, clock: FakeClock) -> None:
    chat = Chat(app, user="tom")
    await chat.say("/language en")
    await chat.action("booking:new")
    await chat.action("booking:topic:work")
    await chat.action("booking:lang:en")
    assert "Wednesday" not in chat.text  # Wednesday afternoons are only ro, bg, de
    text = await chat.say("/language ro")
    await chat.action("booking:new")
    await chat.action("booking:topic:work")
    text = await chat.action("booking:lang:ro")
    assert "miercuri" in text


async def test_entry_choice_on_contact_nodes_and_appointments_command(app: App) -> None:
    chat = Chat(app, user="x")
    await chat.say("/language de")
    await chat.action("node:contact/hours")
    assert "Termin vereinbaren" in chat_labels(chat)
    await chat.action("node:health/insurance")
    assert "Termin vereinbaren" not in chat_labels(chat)
    text = await chat.say("/appointments")
    assert "Sie haben keine Termine" in text
    text = await chat.press("Termin vereinbaren")
    assert "Worum geht es" in text
    text = await chat.say("/help")
    assert "/appointments" in text


async def test_bad_input_in_the_flow(app: App) -> None:
    chat = Chat(app, user="x")
    await chat.say("/language bg")
    await chat.action("booking:new")
    for action in (
        "booking:topic:../../etc",
        "booking:lang:xx",
        "booking:day:2099-99-99",
        "booking:slot:nordstadt.123",
        "booking:cancel:ZZZZZZ",
        "booking:move:../../",
        "booking:confirm",
    ):
        text = await chat.action(action)
        assert text and "Traceback" not in text
    await chat.action("booking:new")
    await chat.action("booking:topic:health")
    await chat.action("booking:lang:bg")
    await chat.say("1")
    await chat.say("1")
    text = await chat.say("x" * 500)
    assert "малкото си име" in text
    await chat.send(Inbound("console", "x", kind=InboundKind.MEDIA, media="photo"))
    assert "снимки" in chat.text or "Не мога" in chat.text
    text = await chat.say("Иван")
    assert "телефонният Ви номер" in text


async def test_someone_elses_code_is_not_yours(app: App) -> None:
    _, code = await book(app, "ana", "en")
    other = Chat(app, user="eve")
    await other.say("/language en")
    text = await other.action(f"booking:cancelyes:{code}")
    assert "cannot find this appointment" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_aborting_releases_the_hold(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.action("booking:new")
    await chat.action("booking:topic:other")
    await chat.action("booking:lang:en")
    await chat.say("1")
    await chat.say("1")
    assert (await app.db.fetchone("SELECT count(*) FROM bookings WHERE status = 'hold'"))[0] == 1  # type: ignore[index]
    await chat.action("booking:skip")
    await chat.action("booking:skip")
    text = await chat.press("Do not book")
    assert "nothing was booked" in text
    assert (await app.db.fetchone("SELECT count(*) FROM bookings"))[0] == 0  # type: ignore[index]


def test_phone_numbers_and_first_names() -> None:
    from bot.booking.flow import clean_name, clean_phone

    assert clean_phone("017612345678") == "+4917612345678"
    assert clean_phone("+40 721 234 567") == "+40721234567"
    assert clean_phone("0049 231 123456") == "+49231123456"
    assert clean_phone("+359 88 123 4567") == "+359881234567"
    assert clean_phone("0888 123 456", "bg") == "+359888123456"  # a Bulgarian mobile, typed at home
    assert clean_phone("0721 234 567", "ro") == "+40721234567"
    assert clean_phone("0176 12345678", "ro") == "+4917612345678"  # a German mobile
    assert clean_phone("0231 123456", "ro") == "+49231123456"  # a Dortmund landline: German first
    assert clean_phone("0721 234 567", "de") == "+49721234567"  # for German speakers: Karlsruhe
    for bad in ("123", "abc", "+1 000", "0" * 50, "", "☎️"):
        assert clean_phone(bad) is None, bad
    assert clean_name("  Ana   Maria ") == "Ana Maria"
    assert (
        clean_name("Ștefan") == "Ștefan" and clean_name("Иван") == "Иван" and clean_name("O'Neil") == "O'Neil"
    )
    for bad in ("R2D2", "**x**", "<b>", "a" * 41, "", "123"):
        assert clean_name(bad) is None, bad


async def test_later_days_page_through_the_horizon(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language de")
    for action in ("booking:new", "booking:topic:health", "booking:lang:de"):
        await chat.action(action)
    first_page = [c.action for c in chat.choices if c.action.startswith("booking:day:")]
    assert len(first_page) == 7
    await chat.press("Spätere Tage")
    second_page = [c.action for c in chat.choices if c.action.startswith("booking:day:")]
    assert second_page and not set(second_page) & set(first_page)
    assert max(second_page) <= "booking:day:2026-12-16"  # 21 days from 25 November
    assert "booking:day:2026-12-24" not in first_page + second_page
