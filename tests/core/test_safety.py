"""Words of an emergency put the 112 line first, whatever else is answered, typed as people type."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.safety import load_safety
from bot.core.events import Inbound
from tests.auxil.chat import Chat, copy_tree, started_app


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("ro", "sangerez, sunt insarcinata"),
        ("ro", "ma doare burta tare, sunt insarcinata"),
        ("ro", "Mă doare pieptul de o ora"),
        ("ro", "sotul meu nu respira"),
        ("ro", "vreau sa ma omor"),
        ("bg", "кървя"),
        ("bg", "krvq mnogo"),
        ("bg", "boli me gurdite"),
        ("bg", "ne disha"),
        ("de", "Mein Kind atmet nicht"),
        ("en", "my friend is unconscious"),
        # as people write them, beyond the listed words
        ("ro", "sunt gravida si sangerez, ce fac?"),
        ("ro", "ma doare burta foarte tare si sunt insarcinata in 7 luni"),
        ("ro", "copilul nu mai respira!!"),
        ("ro", "nu mai pot, vreau sa mor"),
        ("ro", "barbatul meu ma bate"),
        ("bg", "kyrvia mnogo, bremenna sam"),
        ("bg", "boli me koremat mnogo, bremenna sum"),
        ("bg", "mazhat mi me bie"),
        ("bg", "iskam da se samoubiq"),
        ("bg", "deteto ne disha"),
        ("bg", "boli me v gardite"),
    ],
)
async def test_the_112_line_comes_first(chat: Chat, lang: str, typed: str) -> None:
    await chat.say(f"/language {lang}")
    await chat.say(typed)
    assert "112" in chat.last[0].text and "🆘" in chat.last[0].text
    assert len(chat.last) >= 2  # and the rest is answered as usual


@pytest.mark.parametrize(
    ("lang", "typed", "line"),
    [
        ("ro", "nu mai vreau sa traiesc", "TelefonSeelsorge (ajutor la telefon în criză), gratuit și anonim"),
        ("bg", "ne iskam da jiveq", "TelefonSeelsorge (помощ по телефона при криза), безплатно и анонимно"),
        ("de", "ich will nicht mehr leben", "TelefonSeelsorge, kostenlos und anonym"),
        ("en", "i want to die", "TelefonSeelsorge (a crisis phone line), free of charge and anonymous"),
    ],
)
async def test_the_line_names_the_crisis_line_and_the_police(
    chat: Chat, lang: str, typed: str, line: str
) -> None:
    await chat.say(f"/language {lang}")
    await chat.say(typed)
    first = chat.last[0].text
    assert first.index("112") < first.index("TelefonSeelsorge")  # the emergency number first
    assert line in first and "0800 111 0 111" in first and "0800 111 0 222" in first
    assert "110" in first


@pytest.mark.parametrize(
    ("lang", "typed", "decline"),
    [
        ("ro", "blabla trololo", "încă nu am un răspuns"),
        ("bg", "trololo", "все още нямам отговор"),
    ],
)
async def test_the_honest_decline_names_112(chat: Chat, lang: str, typed: str, decline: str) -> None:
    await chat.say(f"/language {lang}")
    text = await chat.say(typed)
    assert decline in text and "112" in text and "0800 111 0 111" in text
    assert "🆘" not in text  # not an alarm: just where to call


async def test_bg_inside_a_booking_step_the_step_stays(chat: Chat) -> None:
    await chat.say("/language bg")
    await chat.say("zapishete si 4as")
    await chat.say("zdrave")
    text = await chat.say("krvq mnogo")
    assert "112" in chat.last[0].text
    assert "Не Ви разбрах" in text and "1. български" in text  # the step and its choices again
    session = await chat.app.sessions.load("console", "u1", chat.app.clock.now())
    assert (session.flow, session.step) == ("booking", "language")


async def test_inside_a_step_the_step_stays(chat: Chat) -> None:
    await chat.say("/language ro")
    await chat.say("/forget")
    await chat.say("sangerez")
    assert "112" in chat.last[0].text
    assert "Da, ștergeți tot" in chat.text  # the question stays open, nothing deleted
    assert await chat.app.sessions.find("console", "u1") is not None


async def test_before_a_language_is_chosen_it_comes_in_the_language_written(chat: Chat) -> None:
    await chat.send(Inbound("console", "u1", text="кървя"))
    assert "спешен телефон 112" in chat.last[0].text


async def test_ordinary_words_do_not_raise_an_alarm(chat: Chat) -> None:
    await chat.say("/language ro")
    for typed in ("ma doare capul", "multumesc", "unde e primaria", "blagodarq", "programare"):
        await chat.say(typed)
        assert "🆘" not in chat.text, typed


async def test_the_plain_fallback_names_112(chat: Chat) -> None:
    await chat.say("/language ro")
    dialogue = chat.app.dialogue
    dialogue.features, kept = [], dialogue.features  # the core's own fallback: no feature answers
    try:
        text = await chat.say("qwzx vbnm")
    finally:
        dialogue.features = kept
    assert "nu am înțeles" in text and "112" in text


def test_content_check_reports_bad_lines(tmp_path: Path) -> None:
    content, _ = copy_tree(tmp_path)
    words = content / "_safety" / "words.ro.txt"
    words.write_text("# comment\nsanger*\nsa*\n!!!\nSÂNGEREZ\nsangerez\n", encoding="utf-8")
    (content / "_safety" / "words.de.txt").unlink()
    safety, issues = load_safety(content, ["ro", "bg", "de", "en"])
    found = {(i.path.name, i.line, i.severity.value) for i in issues}
    assert ("words.ro.txt", 3, "error") in found  # a prefix of two letters
    assert ("words.ro.txt", 4, "error") in found  # no word at all
    assert ("words.ro.txt", 6, "warning") in found  # the same as line 5
    assert ("words.de.txt", 1, "warning") in found  # missing
    assert safety.language_of("Sângerare puternică") == "ro"


async def test_staff_extend_the_list_and_it_is_used(tmp_path: Path) -> None:
    content, locales = copy_tree(tmp_path)
    with (content / "_safety" / "words.ro.txt").open("a", encoding="utf-8") as f:
        f.write("m-a muscat un sarpe\n")
    app = await started_app(tmp_path, content_dir=content, locales_dir=locales)
    try:
        chat = Chat(app)
        await chat.say("/language ro")
        await chat.say("m-a muscat un sarpe")
        assert "112" in chat.last[0].text
    finally:
        await app.stop()
