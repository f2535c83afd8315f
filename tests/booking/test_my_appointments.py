"""Own appointments are easy to find: a main-menu entry while there is one, and typed phrases."""

from __future__ import annotations

import pytest

from bot.app import App
from tests.auxil.chat import Chat
from tests.booking.conftest import book


async def test_main_menu_has_my_appointments_only_with_one(app: App) -> None:
    chat = Chat(app, user="new")
    await chat.say("/language ro")
    assert "📋 Programările mele" not in [c.label for c in chat.choices]
    chat, code = await book(app, "maria", "ro")
    await chat.say("/menu")
    assert "📋 Programările mele" in [c.label for c in chat.choices]
    text = await chat.say("programarile mele")
    assert "Programarea dumneavoastră:" in text and code[:3] in text
    await chat.say("anulati")
    await chat.say("da")
    await chat.say("/menu")
    assert "📋 Programările mele" not in [c.label for c in chat.choices]


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("ro", "unde vad programarea mea?", "Programarea dumneavoastră:"),
        ("ro", "programarile mele", "Programarea dumneavoastră:"),
        ("ro", "cand e programarea mea", "Programarea dumneavoastră:"),
        ("bg", "moite 4asove", "Вашият записан час"),
        ("bg", "мой час", "Вашият записан час"),
        ("bg", "кога е часът ми", "Вашият записан час"),
        ("bg", "moite chasove", "Вашият записан час"),
        ("bg", "moyat chas", "Вашият записан час"),
        ("bg", "koga e moyat chas?", "Вашият записан час"),
        ("bg", "iskam da vidq chasa si", "Вашият записан час"),
        ("bg", "zapisan li sam?", "Вашият записан час"),
        ("ro", "cand am programarea?", "Programarea dumneavoastră:"),
        ("ro", "la ce ora am programare", "Programarea dumneavoastră:"),
        ("ro", "vreau sa vad programarea", "Programarea dumneavoastră:"),
        ("de", "Wann ist mein Termin?", "Ihr Termin"),
        ("en", "where is my appointment", "Your appointment"),
    ],
)
async def test_typed_phrases_lead_to_the_list(app: App, lang: str, typed: str, expected: str) -> None:
    chat, _ = await book(app, "p", lang)
    await chat.say("/menu")
    text = await chat.say(typed)
    assert expected in text


async def test_bg_main_menu_has_my_appointments_only_with_one(app: App) -> None:
    chat = Chat(app, user="nov")
    await chat.say("/language bg")
    assert "📋 Моите записани часове" not in [c.label for c in chat.choices]
    chat, _ = await book(app, "ivan", "bg")
    await chat.say("menyu")
    assert "📋 Моите записани часове" in [c.label for c in chat.choices]
    text = await chat.say("moite zapisani chasove")  # the entry's label, typed in Latin letters
    assert "Вашият записан час" in text


async def test_without_an_appointment_the_phrase_says_so(app: App) -> None:
    chat = Chat(app, user="x")
    await chat.say("/language ro")
    text = await chat.say("unde vad programarea mea")
    assert "Nu aveți nicio programare" in text and "Faceți o programare" in [c.label for c in chat.choices]
