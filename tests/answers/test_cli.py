"""``python -m bot ask`` and ``python -m bot content gaps``."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answers.embedder import Embedder
from bot.answers.hybrid import HybridMatcher
from bot.answers.matcher import Matcher
from bot.cli import ask
from bot.cli.main import main
from bot.config import ROOT
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat, started_app

# messages the words alone are unsure of and words and meaning get right (the bot since the model): a
# page the words only offer, which the meaning makes sure of; an uncovered topic the words offer a page for
BY_MEANING = {"text": "my boss has not given me any money for three months of work", "lang": "en"}
UNCOVERED = {"text": "how do i register a car in dortmund", "lang": "en"}


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> None:
    """The CLI loads the session's model (loaded once for all tests), with the bank's embeddings
    cached in the repository's var/ as when run from it."""
    monkeypatch.setenv("BOT_DATA_DIR", str(ROOT / "var"))
    monkeypatch.setattr(ask, "load_embedder", lambda cache_dir: embedder)


def test_ask_words_only_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["ask", "--words-only", "--lang", "ro", "--json", "kak da si napravya zdravna osigurovka"]) == 0
    )
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["node"] == "health/insurance"
    assert out["lang"] == "bg"
    assert out["decision"] == "answer" and out["matcher"] == "words"
    assert isinstance(out["score"], float) and 0 < out["score"] <= 1
    assert out["candidates"][0]["node"] == "health/insurance"
    assert captured.err == ""  # no model loaded, nothing trained


def test_ask_matches_by_words_and_meaning_as_the_bot_does(
    model: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], hybrid: HybridMatcher, matcher: Matcher
) -> None:
    items = [BY_MEANING, UNCOVERED, {"text": "unde fac Anmeldung", "lang": "ro"}]
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(x) for x in items), encoding="utf-8")
    assert main(["ask", "--batch", str(batch)]) == 0
    captured = capsys.readouterr()
    assert "training" in captured.err  # the one line saying why it waits
    outs = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["matcher"] for o in outs] == ["words+meaning"] * 3
    # the very outcome of the bot's matcher, page, decision and confidence
    for item, out in zip(items, outs, strict=True):
        expected = hybrid.match(item["text"], item["lang"])
        assert (out["node"], out["decision"], out["score"]) == (
            expected.node,
            str(expected.decision),
            expected.score,
        )
    assert [o["node"] for o in outs] == ["work/unpaid-wages", None, "housing/registration"]
    assert [o["decision"] for o in outs[:2]] == ["answer", "decline"]
    # where the words alone were unsure, or offered a page for a topic no page covers
    assert str(matcher.match(BY_MEANING["text"], "en").decision) == "choices"
    assert matcher.match(UNCOVERED["text"], "en").node is not None
    assert main(["ask", "--batch", str(batch), "--words-only"]) == 0
    words = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["matcher"] for o in words] == ["words"] * 3
    assert words[1]["node"] is not None  # --words-only keeps the old behaviour


def test_ask_says_what_the_bot_would_do(model: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "en", "How do I register my address in Dortmund?"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "answers directly: housing/registration (Address registration (Anmeldung))"
    assert lines[1].startswith("  confidence ") and lines[1].endswith(
        "written in en, matched by words+meaning"
    )
    assert main(["ask", "--lang", "en", UNCOVERED["text"]]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "declines: no page"


def test_ask_declines_out_of_scope(model: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "en", "--json", "best used car under 5000 euros"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["node"] is None and out["alternatives"] == [] and out["decision"] == "decline"


def test_ask_by_words_when_the_model_is_turned_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_SEMANTIC", "0")
    monkeypatch.setattr(ask, "load_embedder", lambda cache_dir: pytest.fail("no model when turned off"))
    assert main(["ask", "--json", "Wo bekomme ich einen Kitaplatz?"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["node"], out["matcher"]) == ("school/kita", "words")


def test_ask_by_words_when_no_model_loads(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ask, "load_embedder", lambda cache_dir: None)
    assert main(["ask", "--json", "Wo bekomme ich einen Kitaplatz?"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["matcher"] == "words"
    assert "matching by words only" in captured.err


def test_ask_batch_keeps_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    lines = [
        {"text": "unde fac Anmeldung", "lang": "ro"},
        {"text": "recipe for chocolate cake", "lang": "en"},
        {"text": "Wo bekomme ich einen Kitaplatz?", "lang": "de"},
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    assert main(["ask", "--words-only", "--batch", str(batch)]) == 0
    outs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["node"] for o in outs] == ["housing/registration", None, "school/kita"]


def test_ask_batch_reports_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"text": "Kindergeld"}\nnot json\n', encoding="utf-8")
    assert main(["ask", "--words-only", "--batch", str(batch)]) == 1
    outs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert outs[0]["node"] == "benefits/kindergeld"
    assert "error" in outs[1]


async def _ask_unanswerable(tmp_path: Path) -> None:
    # the CLI lists what is younger than 90 days by the real clock
    app = await started_app(tmp_path, FakeClock(datetime.now(UTC)))
    try:
        for user, lang, text in [
            ("anna", "ro", "cum e vremea mâine?"),
            ("boris", "ro", "Cum e vremea maine"),
            ("cleo", "en", "tell me a joke"),
        ]:
            chat = Chat(app, user=user)
            await chat.say(f"/language {lang}")
            await chat.say(text)
    finally:
        await app.stop()


def test_content_gaps_lists_questions_by_language_without_users(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asyncio.run(_ask_unanswerable(tmp_path))
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path / "var"))
    assert main(["content", "gaps"]) == 0
    out = capsys.readouterr().out
    assert "ro: 1 question, asked 2 times" in out
    # the first spelling, counted with the second; words the content does not know are masked (privacy)
    assert "cum e … mâine?" in out
    assert "en: 1 question, asked 1 time" in out
    for user in ("anna", "boris", "cleo", "console"):
        assert user not in out
    assert main(["content", "gaps", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {g["lang"] for g in listed} == {"ro", "en"}
    assert all(set(g) == {"lang", "text", "count", "first_seen", "last_seen"} for g in listed)
