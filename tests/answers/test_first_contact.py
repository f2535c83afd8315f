"""First contact: a question typed before any language was chosen is answered in the language it is
written in, with the one-tap language choice below; never the picker in a loop."""

from __future__ import annotations

from bot.app import App
from tests.auxil.chat import Chat


async def test_a_romanian_question_without_diacritics_is_answered_in_romanian(app: App) -> None:
    chat = Chat(app, user="ana")
    text = await chat.say("am nevoie de asigurare medicala, ce trebuie sa fac")
    assert "asigur" in text.lower()
    assert await app.sessions.language_of_ref("console", "ana") == "ro"
    # the language choice is offered below the answer, the detected language first
    offer = [c for c in chat.choices if c.action.startswith("lang:")]
    assert offer[0].action == "lang:ro" and {c.action for c in offer} >= {"lang:bg", "lang:de", "lang:en"}
    assert "Vă scriu în română" in text


async def test_a_latin_bulgarian_question_is_answered_in_bulgarian(app: App) -> None:
    chat = Chat(app, user="ivan")
    text = await chat.say("kak da si napravq zdravna osigurovka v germaniq")
    assert await app.sessions.language_of_ref("console", "ivan") == "bg"
    assert "Пиша ви на български" in text


async def test_a_cyrillic_greeting_starts_in_bulgarian(app: App) -> None:
    chat = Chat(app, user="maria")
    text = await chat.say("здравейте")
    assert await app.sessions.language_of_ref("console", "maria") == "bg"
    assert "Пиша ви на български" in text


async def test_the_offer_switches_with_one_tap(app: App) -> None:
    chat = Chat(app, user="ion")
    await chat.say("unde ma inscriu la scoala cu copilul meu")
    await chat.action("lang:de")
    assert await app.sessions.language_of_ref("console", "ion") == "de"


async def test_nothing_to_tell_by_shows_the_picker_once_then_a_number_chooses(app: App) -> None:
    chat = Chat(app, user="x")
    text = await chat.say("???")
    assert {c.action for c in chat.choices} >= {"lang:ro", "lang:bg", "lang:de", "lang:en"}
    assert await app.sessions.language_of_ref("console", "x") is None
    await chat.say("2")
    assert await app.sessions.language_of_ref("console", "x") is not None
    assert text
