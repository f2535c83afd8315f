"""Hostile input, property-based: thousands of random events through the core for random users and languages.

No exception; every event answered, in the user's language; the stored state always valid.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.core import actions
from bot.core.events import Inbound, InboundKind, Reply
from tests.auxil.chat import started_app

EVENTS_PER_EXAMPLE = 50
EXAMPLES = 200  # 10,000 events

LANGS = ["ro", "bg", "de", "en", "xx", "", "RO", "bg-BG"]
COMMANDS = [
    "/start",
    "/menu",
    "/language",
    "/help",
    "/privacy",
    "/forget",
    "/appointments",
    "/agenda",
    "/cancel",
    "/noshow",
    "/close",
    "/nope",
    "/",
    "//",
    "/start bg_health-insurance",
    "/start x_y-z",
    "/language xx",
]
KNOWN_ACTIONS = [
    "home",
    "back",
    "help",
    "privacy",
    "languages",
    "start",
    "forget:ask",
    "forget:yes",
    "forget:no",
    "lang:ro",
    "lang:bg",
    "lang:de",
    "lang:en",
    "lang:zz",
    "topic:health",
    "node:health/insurance",
    "node:nope",
    "booking:x",
    "answers:y",
    "topic:",
    ":",
    "node:../../etc/passwd",
]
NASTY = [
    "\u202e\u202dabc",
    "\u200b\u200c\u200d\ufeff",
    "\x00\x01\x1b[2J",
    "👍" * 50,
    "ــــ",
    "\ud7ff",
    "0",
    "1",
    "999",
    "-1",
    "1.5",
    "#2",
    "Ș",
    "a" * 100_000,
    "\n\n\n",
    "<b>x</b>",
    "**x**",
    "[a](javascript:alert(1))",
    "\\",
]

texts = st.one_of(
    st.text(max_size=300),
    st.sampled_from(NASTY),
    st.sampled_from(COMMANDS),
    st.builds(lambda c, a: f"{c} {a}", st.sampled_from(COMMANDS), st.text(max_size=40)),
    st.integers(min_value=-5, max_value=120).map(str),
)
events = st.builds(
    lambda user, kind, text, action, media, lang, eid: (user, kind, text, action, media, lang, eid),
    st.integers(min_value=0, max_value=30),
    st.sampled_from([InboundKind.TEXT, InboundKind.TEXT, InboundKind.ACTION, InboundKind.MEDIA]),
    texts,
    st.one_of(st.sampled_from(KNOWN_ACTIONS), st.text(max_size=80)),
    st.sampled_from(["sticker", "photo", "voice", "video", "document", "location", "", "weird"]),
    st.sampled_from(LANGS),
    st.one_of(st.none(), st.integers(min_value=0, max_value=50).map(str)),
)


@pytest.fixture(scope="module")
def runner() -> Iterator[asyncio.Runner]:
    with asyncio.Runner() as r:
        yield r


@pytest.fixture(scope="module")
def core(runner: asyncio.Runner, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = runner.run(started_app(tmp_path_factory.mktemp("prop"), flood_limit=0))
    yield app
    runner.run(app.stop())


def known_labels(app: App) -> dict[str, set[str]]:
    library = app.library.current
    labels: dict[str, set[str]] = {}
    for lang in ("ro", "bg", "de", "en"):
        locale = library.catalog.locales[lang]
        found = {library.catalog.format(lang, m, {}) for m, names in locale.variables.items() if not names}
        found |= {library.tree.topic_title(t, lang) for t in library.tree.topics}
        found |= {n.texts[lang].title for n in library.tree.nodes.values() if lang in n.texts}
        labels[lang] = found
    common = set.intersection(*labels.values())
    return {lang: found - common for lang, found in labels.items()}


def check_state(db_path: Path, languages: list[str]) -> None:
    with sqlite3.connect(db_path) as db:
        for lang, state in db.execute("SELECT lang, state FROM users"):
            assert lang is None or lang in languages
            data = json.loads(state)
            assert isinstance(data["location"], str) and isinstance(data["flow"], str)
            assert len(data["choices"]) <= 64
            assert all(actions.is_valid(a) for a, _ in data["choices"])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # state is shared across examples: shrinking would not reproduce
    database=None,
)
@given(batch=st.lists(events, min_size=EVENTS_PER_EXAMPLE, max_size=EVENTS_PER_EXAMPLE))
def test_random_events_never_break_the_core(
    runner: asyncio.Runner, core: App, batch: list[tuple], caplog: pytest.LogCaptureFixture
) -> None:
    labels = known_labels(core)
    languages = core.library.current.catalog.languages

    async def play() -> None:
        for user, kind, text, action, media, lang, eid in batch:
            event = Inbound(
                "prop",
                f"user{user}",
                kind=kind,
                text=text,
                action=action,
                media=media,
                platform_lang=lang or None,
                event_id=None if eid is None else f"{user}-{eid}-{text[:5]}{action[:5]}",
            )
            replies: list[Reply] = await core.dialogue.handle(event)
            if not replies:
                assert event.event_id is not None, ("only a retried event may go unanswered", event)
                continue
            assert all(r.text.strip() for r in replies)
            stored = await core.sessions.language_of_ref("prop", f"user{user}")
            if stored is None:
                continue  # still choosing a language: the picker speaks all of them
            shown = {c.label for r in replies for c in r.choices} | {r.text for r in replies}
            others = set().union(*(labels[o] for o in labels if o != stored))
            mine = labels[stored]
            foreign = {s for s in shown if s in others and s not in mine}
            if any(c.action.startswith("lang:") for r in replies for c in r.choices):
                continue  # a language picker (or a switch offer) names other languages on purpose
            assert not foreign, (stored, foreign)

    with caplog.at_level(logging.ERROR):
        runner.run(play())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "the core logged an error"
    check_state(core.settings.database, languages)
