"""Thanks, greetings, "ok" and "are you a person?" get a short reply in kind, never "no answer yet"."""

from __future__ import annotations

import pytest

from bot.core import actions
from tests.auxil.chat import Chat

NO_ANSWER = ("încă nu am un răspuns", "все още нямам отговор", "noch keine Antwort", "no answer")


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("ro", "multumesc", "Cu plăcere"),
        ("ro", "Mersi mult!", "Cu plăcere"),
        ("ro", "buna ziua", "Bună ziua!"),
        ("ro", "ok", "Bine."),
        ("ro", "esti om?", "Nu sunt om"),
        ("ro", "la revedere", "La revedere"),
        ("bg", "blagodarq", "Моля!"),
        ("bg", "благодаря много", "Моля!"),
        ("bg", "zdraveite", "Здравейте!"),
        ("bg", "да", "Добре."),
        ("bg", "chovek li si", "Не съм човек"),
        ("bg", "4ovek li si?", "Не съм човек"),
        ("de", "Danke schön", "Gern geschehen"),
        ("de", "bist du ein Mensch?", "kein Mensch"),
        ("en", "thank you!", "You are welcome"),
        ("en", "are you a bot?", "not a person"),
        # as people write them, beyond the listed words
        ("ro", "Mersi frumos!", "Cu plăcere"),
        ("ro", "multumesc mult de tot", "Cu plăcere"),
        ("ro", "ok mersi", "Cu plăcere"),
        ("ro", "bine, multumesc", "Cu plăcere"),
        ("ro", "am inteles, mersi", "Bine."),
        ("ro", "vorbesc cu un om?", "Nu sunt om"),
        ("ro", "sunteti o persoana reala?", "Nu sunt om"),
        ("ro", "buna seara", "Bună ziua!"),
        ("bg", "mersi", "Моля!"),
        ("bg", "mnogo blagodarq", "Моля!"),
        ("bg", "ok, blagodarq", "Моля!"),
        ("bg", "okei", "Добре."),
        ("bg", "dobre, razbrah", "Добре."),
        ("bg", "ti chovek li si?", "Не съм човек"),
        ("bg", "с човек ли говоря?", "Не съм човек"),
        ("bg", "chao", "Довиждане"),
    ],
)
async def test_small_talk_in_kind(chat: Chat, lang: str, typed: str, expected: str) -> None:
    await chat.say(f"/language {lang}")
    text = await chat.say(typed)
    assert expected in text
    assert not any(phrase in text for phrase in NO_ANSWER)
    home = {actions.HOME, "topic:health"}  # the menu one tap away, or shown (after a greeting)
    assert any(c.action in home for c in chat.choices)


async def test_greeting_shows_the_menu(chat: Chat) -> None:
    await chat.say("/language ro")
    await chat.say("Salut")
    assert any(c.action == "topic:health" for c in chat.choices)


async def test_thanks_inside_a_step_keeps_the_step(chat: Chat) -> None:
    await chat.say("/language ro")
    await chat.say("/forget")
    text = await chat.say("multumesc")
    assert "Cu plăcere" in text and "Da, ștergeți tot" in text
    text = await chat.say("nu")
    assert "nu s-a șters nimic" in text


async def test_a_question_with_a_thank_you_is_still_a_question(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("multumesc, unde gasesc un medic de familie?")
    assert "Cu plăcere" not in text
