"""Steps understand words as people type them: no diacritics, Bulgarian in Latin letters, labels
typed instead of numbers. And a word a step does not understand never leaves it nor confirms."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.booking.repository import Status
from bot.core.session import Session
from tests.auxil.chat import Chat
from tests.booking.conftest import book, feature


async def session(app: App, chat: Chat) -> Session:
    return await app.sessions.load(chat.channel, chat.user, app.clock.now())


async def statuses(app: App) -> list[str]:
    return [str(r[0]) for r in await app.db.fetchall("SELECT status FROM bookings ORDER BY id")]


# -- Romanian, typed without diacritics ---------------------------------------------------------


async def test_ro_cancel_by_typing_da(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/appointments")
    text = await chat.say("anuleaza")
    assert "Sigur doriți să anulați" in text
    text = await chat.say("da")
    assert "este anulată" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED


async def test_ro_cancel_question_kept_by_nu_and_by_stop(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    for word in ("nu", "stop", "inapoi"):
        await chat.say("/appointments")
        await chat.say("anulati")
        text = await chat.say(word)
        assert "Programarea dumneavoastră:" in text, word
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_ro_book_by_words(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language ro")
    text = await chat.say("faceti o programare")
    assert "Despre ce este întrebarea" in text
    await chat.say("locuinta")
    text = await chat.say("romana")
    assert "Alegeți ziua" in text
    text = await chat.say("joi")  # two Thursdays are shown: ask again
    assert "Nu am înțeles" in text and "joi, 26 noiembrie" in text
    text = await chat.say("joi 26")
    assert "alegeți ora" in text.lower()
    text = await chat.say("la 10")
    assert "prenumele" in text
    text = await chat.say("Ana")
    assert "telefon" in text
    text = await chat.say("sariti peste")
    assert "Vă rog să verificați programarea" in text and "10:00" in text and "Ana" in text
    text = await chat.say("da")
    assert "Programarea dumneavoastră este făcută" in text
    assert await statuses(app) == ["booked"]


async def test_ro_back_menu_and_stop_words(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language ro")
    await chat.say("faceti o programare")
    await chat.say("locuinta")
    text = await chat.say("inapoi")
    assert "Despre ce este întrebarea" in text
    text = await chat.say("meniu")
    assert "Cu ce vă pot ajuta" in text and not (await session(app, chat)).flow
    await chat.say("faceti o programare")
    await chat.say("sanatate")
    await chat.say("romana")
    await chat.say("1")
    await chat.say("1")
    assert await statuses(app) == ["hold"]
    text = await chat.say("renunt")
    assert "nu s-a făcut nicio programare" in text
    assert await statuses(app) == []


async def test_ro_move_by_typing_the_time(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/appointments")
    text = await chat.say("mutati")
    assert "alegeți o oră nouă" in text.lower()
    await chat.say("1")
    text = await chat.say("10:00")
    assert "Vă rog să verificați programarea" in text and "10:00" in text
    text = await chat.say("confirm")
    assert "a fost mutată" in text
    upcoming = await feature(app).service.bookings.upcoming(1, app.clock.now())
    assert len(upcoming) == 1 and upcoming[0].code != code


async def test_ro_forget_by_typing_da(app: App) -> None:
    chat, _ = await book(app, "maria", "ro")
    await chat.say("/forget")
    text = await chat.say("hmm")
    assert "Nu am înțeles" in text and "Da, ștergeți tot" in text
    assert await app.sessions.find("console", "maria") is not None
    text = await chat.say("da")
    assert "Am șters tot" in text
    assert await app.sessions.find("console", "maria") is None


# -- Bulgarian, typed in Latin letters --------------------------------------------------------


async def test_bg_cancel_by_typing_da_in_latin(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    text = await chat.say("otmyana")
    assert "Наистина ли искате да отмените" in text
    text = await chat.say("da")
    assert "е отменен" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED


async def test_bg_move_by_typing_v_10(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    await chat.say("premestvane")
    await chat.say("1")
    text = await chat.say("v 10")
    assert "Моля, проверете записания час" in text and "10:00" in text
    text = await chat.say("nazad")
    assert "изберете час" in text.lower()
    await chat.say("v 10")
    text = await chat.say("da")
    assert "Часът Ви е преместен" in text
    upcoming = await feature(app).service.bookings.upcoming(1, app.clock.now())
    assert len(upcoming) == 1 and upcoming[0].code != code


async def test_bg_book_and_leave_by_words(app: App) -> None:
    chat = Chat(app, user="georgi")
    await chat.say("/language bg")
    text = await chat.say("zapishete si 4as")
    assert "За какво е Вашият въпрос" in text
    await chat.say("rabota")
    text = await chat.say("bulgarski")
    assert "Изберете ден" in text
    text = await chat.say("menyu")
    assert "С какво мога да Ви помогна" in text and not (await session(app, chat)).flow


async def test_bg_forget_answered_ne_then_da(app: App) -> None:
    chat, _ = await book(app, "ivan", "bg")
    await chat.say("/forget")
    text = await chat.say("ne")
    assert "нищо не е изтрито" in text
    await chat.say("/forget")
    text = await chat.say("да")
    assert "Изтрих всичко" in text
    assert await app.sessions.find("console", "ivan") is None


# -- nothing a step does not understand leaves it or confirms it -------------------------------

NONSENSE = ("xyzzy", "banana", "hmm", "asdf qwer", "?!", "pizza cu ketchup", "kakvo", "z")
# what people write when they are unsure: understood by no step, so none may move on
UNSURE = {"ro": ("nu stiu", "ce inseamna asta?", "poate"), "bg": ("ne znam", "kakvo e tova?", "mozhe bi")}
NAME_AGAIN = {"ro": "prenumele", "bg": "малкото Ви име"}
PHONE_AGAIN = {"ro": "nu pare un număr de telefon", "bg": "не прилича на телефонен номер"}


async def _nonsense_keeps_the_step(app: App, chat: Chat, lang: str = "ro") -> None:
    before = await session(app, chat)
    rows = await statuses(app)
    for word in (*NONSENSE, *UNSURE[lang]):
        await chat.say(word)
        now = await session(app, chat)
        assert (now.flow, now.step) == (before.flow, before.step), word
        assert now.choices == before.choices, word
        assert await statuses(app) == rows, word
        assert await app.sessions.find(chat.channel, chat.user) is not None


@pytest.mark.parametrize("lang", ["ro", "bg"])
async def test_no_booking_step_is_left_or_confirmed_by_nonsense(app: App, lang: str) -> None:
    chat = Chat(app, user="ana")
    await chat.say(f"/language {lang}")
    slot = (await feature(app).service.free_slots(app.clock.now(), lang))[0]
    await chat.action("booking:new")
    await _nonsense_keeps_the_step(app, chat, lang)  # topic
    await chat.action("booking:topic:health")
    await _nonsense_keeps_the_step(app, chat, lang)  # language
    await chat.action(f"booking:lang:{lang}")
    await _nonsense_keeps_the_step(app, chat, lang)  # day
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await _nonsense_keeps_the_step(app, chat, lang)  # time
    await chat.action(f"booking:slot:{slot.key}")
    text = await chat.say("?!")  # the first name is free text: a bad one is asked again
    assert NAME_AGAIN[lang] in text and (await session(app, chat)).step == "name"
    await chat.action("booking:skip")
    text = await chat.say("xyzzy")
    assert PHONE_AGAIN[lang] in text and (await session(app, chat)).step == "phone"
    await chat.action("booking:skip")
    await _nonsense_keeps_the_step(app, chat, lang)  # summary
    assert await statuses(app) == ["hold"]


@pytest.mark.parametrize("lang", ["ro", "bg"])
async def test_no_cancel_move_or_forget_step_is_left_or_confirmed_by_nonsense(app: App, lang: str) -> None:
    chat, code = await book(app, "ivan", lang)
    await chat.action(f"booking:cancel:{code}")
    await _nonsense_keeps_the_step(app, chat, lang)
    await chat.action(f"booking:move:{code}")
    await _nonsense_keeps_the_step(app, chat, lang)  # day
    slot = (await feature(app).service.free_slots(app.clock.now(), lang))[1]
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await _nonsense_keeps_the_step(app, chat, lang)  # time
    await chat.action(f"booking:slot:{slot.key}")
    await _nonsense_keeps_the_step(app, chat, lang)  # summary
    await chat.say("/forget")
    await _nonsense_keeps_the_step(app, chat, lang)
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


# -- moving says what happens to the old appointment ------------------------------------------


async def test_ro_move_summary_and_abandoning_it(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/appointments")
    await chat.say("mutati")
    await chat.say("1")
    text = await chat.say("la 10")
    assert "Programarea de acum rămâne până confirmați" in text and "cod nou" in text
    text = await chat.say("nu fac programarea")
    assert "nu am schimbat nimic" in text and "rămâne" in text
    assert "nu s-a făcut nicio programare" not in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED
    assert await statuses(app) == ["booked"]


async def test_bg_move_abandoned_by_stop(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    await chat.say("premestvane")
    await chat.say("1")
    text = await chat.say("stop")
    assert "Записаният Ви час" in text and "остава" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


# -- typed as people type them, beyond the words listed in the locales --------------------------


async def test_ro_book_by_saying_vreau_o_programare(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language ro")
    text = await chat.say("Buna ziua, as vrea sa fac o programare, va rog")
    assert "Despre ce este întrebarea" in text
    await chat.say("meniu")
    text = await chat.say("vreau o programare la medic")  # a question about doctors, not a booking
    assert not (await session(app, chat)).flow and "Despre ce este întrebarea" not in text


async def test_bg_book_by_saying_iskam_chas(app: App) -> None:
    chat = Chat(app, user="georgi")
    await chat.say("/language bg")
    text = await chat.say("iskam da si zapisha 4as")
    assert "За какво е Вашият въпрос" in text
    await chat.say("menu")  # the Latin "menu"
    assert not (await session(app, chat)).flow
    text = await chat.say("zapishete me za chas")
    assert "За какво е Вашият въпрос" in text


async def test_ro_cancel_by_saying_nu_pot_veni_then_da_sigur(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/menu")
    text = await chat.say("nu pot veni")
    assert "Sigur doriți să anulați" in text
    text = await chat.say("da, sigur")
    assert "este anulată" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED


async def test_bg_cancel_by_saying_otmeni_then_da(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/menu")
    text = await chat.say("otmeni 4asa")
    assert "Наистина ли искате да отмените" in text
    text = await chat.say("hmm")  # not understood: the question stays, nothing is cancelled
    assert "Не Ви разбрах" in text and "Да, отменете го" in text
    text = await chat.say("da")
    assert "е отменен" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.CANCELLED


async def test_bg_cancel_question_kept_by_ne(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/menu")
    await chat.say("ne moga da doyda")
    text = await chat.say("ne")
    assert "Вашият записан час" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_ro_move_by_saying_vreau_sa_mut_and_la_ora_10(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/menu")
    text = await chat.say("vreau sa mut programarea")
    assert "Programarea de acum rămâne până confirmați" in text
    await chat.say("luni 30")
    text = await chat.say("la ora 10")
    assert "Vă rog să verificați programarea" in text and "10:00" in text
    text = await chat.say("da")
    assert "a fost mutată" in text and "nu mai este valabil" in text
    upcoming = await feature(app).service.bookings.upcoming(1, app.clock.now())
    assert len(upcoming) == 1 and upcoming[0].code != code


async def test_bg_move_by_saying_smeni_chasa_and_nazad(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/menu")
    text = await chat.say("smeni 4asa")
    assert "Сегашният Ви час остава" in text
    text = await chat.say("nazad")  # back from the days of a move: the list, the old one untouched
    assert "Вашият записан час" in text and "(код" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_bg_forget_by_typing_da_in_latin(app: App) -> None:
    chat, _ = await book(app, "ivan", "bg")
    await chat.say("/forget")
    text = await chat.say("kakvo?")
    assert "Не Ви разбрах" in text
    assert await app.sessions.find("console", "ivan") is not None
    text = await chat.say("da")
    assert "Изтрих всичко" in text
    assert await app.sessions.find("console", "ivan") is None


async def test_ro_forget_kept_by_nu_multumesc(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/forget")
    text = await chat.say("nu, multumesc")
    assert "nu s-a șters nimic" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_ro_menu_in_the_middle_of_a_move_says_the_old_appointment_stands(app: App) -> None:
    chat, code = await book(app, "maria", "ro")
    await chat.say("/appointments")
    await chat.say("mutati")
    await chat.say("1")
    await chat.say("la 10")  # a new time is held
    text = await chat.say("meniu")
    assert "nu am schimbat nimic" in text and "rămâne" in text
    assert any(c.action == "booking:mine" for c in chat.choices)  # the menu, with "My appointments"
    assert await statuses(app) == ["booked"]  # the held time is freed at once, the old one stands
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_bg_home_button_in_the_middle_of_a_move_says_the_old_appointment_stands(app: App) -> None:
    chat, code = await book(app, "ivan", "bg")
    await chat.say("/appointments")
    await chat.say("premestvane")
    text = await chat.action("home")
    assert "Записаният Ви час" in text and "остава" in text
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_ro_menu_in_the_middle_of_a_new_booking_frees_the_held_time(app: App) -> None:
    chat = Chat(app, "ana")
    await chat.say("/language ro")
    await chat.say("vreau o programare")
    for _ in range(6):  # through topic, language, day and time until a time is held
        if await statuses(app) == ["hold"]:
            break
        await chat.say("1")
    assert await statuses(app) == ["hold"]
    text = await chat.say("meniu")
    assert "nu am schimbat nimic" not in text  # nothing was booked before: nothing to say stays
    assert await statuses(app) == []


async def _at_the_name_step(app: App, user: str, lang: str) -> Chat:
    chat = Chat(app, user=user)
    await chat.say(f"/language {lang}")
    await chat.action("booking:new")
    await chat.action("booking:topic:housing")
    await chat.action(f"booking:lang:{lang}")
    slot = (await feature(app).service.free_slots(app.clock.now(), lang))[0]
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}")
    return chat


async def test_ro_name_and_phone_skipped_by_words(app: App) -> None:
    chat = await _at_the_name_step(app, "elena", "ro")
    await chat.say("sari peste")
    assert (await session(app, chat)).step == "phone"
    text = await chat.say("nu am telefon")
    assert "Confirmați" in text or "confirm" in " ".join(c.action for c in chat.choices)
    await chat.say("da")
    booking = (
        await feature(app).service.bookings.upcoming((await session(app, chat)).user_id, app.clock.now())
    )[0]
    assert booking.first_name is None and booking.phone is None


async def test_bg_name_kept_and_phone_skipped_by_latin_words(app: App) -> None:
    chat = await _at_the_name_step(app, "petar", "bg")
    await chat.say("Petar")
    assert (await session(app, chat)).step == "phone"
    await chat.say("nqmam telefon")
    await chat.say("da")
    booking = (
        await feature(app).service.bookings.upcoming((await session(app, chat)).user_id, app.clock.now())
    )[0]
    assert booking.first_name == "Petar" and booking.phone is None


async def test_a_name_is_never_taken_for_a_skip_word(app: App) -> None:
    chat = await _at_the_name_step(app, "nazar", "ro")
    await chat.say("Nazar")
    assert (await session(app, chat)).step == "phone"
