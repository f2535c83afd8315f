"""Free-text questions in a conversation: answer, choice, decline, language switch, gaps, reload."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from pathlib import Path

from bot.answers.feature import AnswersFeature
from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import START, Chat, copy_tree, started_app


def answers(app: App) -> AnswersFeature:
    return next(f for f in app.features if isinstance(f, AnswersFeature))


async def gap_rows(app: App) -> list[tuple[object, ...]]:
    return [tuple(r) for r in await app.db.fetchall("SELECT * FROM answer_gaps")]


async def test_confident_answer_shows_the_node(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("am gasit de lucru, trebuie sa imi fac asigurare medicala?")
    assert "Asigurarea de sănătate" in text
    assert "Verificat la data de" in text and "2026" in text  # the "checked on" line
    actions = [c.action for c in chat.choices]
    assert "node:health/ehic" in actions  # related buttons
    assert "home" in actions


async def test_close_candidates_are_offered_as_choices(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("asigurare")
    assert "mai multe răspunsuri" in text
    nodes = [c.action for c in chat.choices if c.action.startswith("node:")]
    assert 2 <= len(nodes) <= 3
    assert {"node:health/insurance", "node:health/no-insurance"} <= set(nodes)
    number = nodes.index("node:health/no-insurance") + 1
    text = await chat.say(str(number))
    assert "Clearingstelle" in text


async def test_out_of_scope_is_declined_with_menu_and_appointment(chat: Chat, app: App) -> None:
    await chat.say("/language en")
    text = await chat.say("who won the football match last night?")
    assert "no answer to this question" in text
    actions = [c.action for c in chat.choices]
    assert chat.choices[0].label == "Book an appointment"  # the booking entry (or the node without booking)
    assert actions[0] in ("booking:new", "node:contact/appointment")
    assert "topic:health" in actions
    assert "Health insurance" not in text


async def test_writing_in_another_language_offers_a_switch(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("kak da si napravya zdravna osigurovka")
    assert "Asigurarea de sănătate" in text  # answered in the chosen language
    assert "да Ви пиша на български" in text  # offered in the language the user wrote in
    assert chat.choices[-1].action == "lang:bg"
    text = await chat.press("Български")
    assert "Здраве" in text  # the menu, now in Bulgarian


async def test_short_message_in_another_language_gets_no_switch_offer(chat: Chat) -> None:
    await chat.say("/language ro")
    await chat.say("Kindergeld")
    assert not any(c.action.startswith("lang:") for c in chat.choices)


async def test_unanswered_question_is_counted_without_user_and_masked(chat: Chat, app: App) -> None:
    await chat.say("/language en")
    await chat.say("recipe for cake, call me at +49 171 2345678 or mail anna@example.org")
    await chat.say("Recipe for cake, call me at +49 171 2345678 or mail anna@example.org")
    rows = await gap_rows(app)
    assert len(rows) == 1
    lang, _key, text, count, _first, _last = rows[0]
    assert (lang, count) == ("en", 2)
    assert "2345678" not in str(text) and "anna" not in str(text)
    assert "[phone]" in str(text) and "[email]" in str(text)
    columns = [r[1] for r in await app.db.fetchall("PRAGMA table_info(answer_gaps)")]
    assert not any("user" in str(c) for c in columns)


async def test_gaps_expire_after_90_days(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = await started_app(tmp_path, clock)
    try:
        chat = Chat(app)
        await chat.say("/language en")
        await chat.say("tell me a joke about penguins")
        assert len(await gap_rows(app)) == 1
        clock.advance(timedelta(days=91))
        assert await answers(app).gaps.list(clock.now()) == []
        assert await gap_rows(app) == []
    finally:
        await app.stop()


async def test_gaps_can_be_switched_off(tmp_path: Path) -> None:
    app = await started_app(tmp_path, gaps_enabled=False)
    try:
        chat = Chat(app)
        await chat.say("/language en")
        text = await chat.say("tell me a joke about penguins")
        assert "no answer" in text
        assert await gap_rows(app) == []
    finally:
        await app.stop()


async def test_hot_reloaded_keyword_is_searchable_at_once(tmp_path: Path) -> None:
    content, locales = copy_tree(tmp_path)
    app = await started_app(tmp_path, FakeClock(START), content_dir=content, locales_dir=locales)
    try:
        chat = Chat(app)
        await chat.say("/language en")
        assert "no answer" in await chat.say("zorblax")
        en = content / "health/ehic/en.md"
        text = en.read_text(encoding="utf-8")
        en.write_text(re.sub(r"(?m)^keywords: \[", "keywords: [zorblax, ", text, count=1), encoding="utf-8")
        for _ in range(60):
            await asyncio.sleep(0.05)
            if "European Health Insurance Card" in await chat.say("zorblax"):
                break
        assert "European Health Insurance Card" in chat.text
    finally:
        await app.stop()


async def test_forged_long_and_odd_texts_get_polite_answers(chat: Chat) -> None:
    await chat.say("/language bg")
    for text in ["ааааааааааааааааааааа", "a" * 3000, "здравна " * 300, "🙂 здравна 🙂 осигуровка"]:
        out = await chat.say(text)
        assert out and chat.choices


async def test_one_unsure_candidate_is_offered_with_the_way_to_a_person(chat: Chat) -> None:
    await chat.say("/language en")
    text = await chat.say("my kid is 5, does he have to go to kindergarten")
    assert "not sure" in text
    assert [c.action for c in chat.choices] == ["node:school/kita", "node:contact/appointment", "home"]
