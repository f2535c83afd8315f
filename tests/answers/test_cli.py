"""``python -m bot ask`` and ``python -m bot content gaps``."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat, started_app


def test_ask_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "ro", "--json", "kak da si napravya zdravna osigurovka"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["node"] == "health/insurance"
    assert out["lang"] == "bg"
    assert isinstance(out["score"], float) and 0 < out["score"] <= 1
    assert isinstance(out["alternatives"], list)


def test_ask_declines_out_of_scope(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "en", "--json", "best used car under 5000 euros"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["node"] is None and out["alternatives"] == []


def test_ask_batch_keeps_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    lines = [
        {"text": "unde fac Anmeldung", "lang": "ro"},
        {"text": "recipe for chocolate cake", "lang": "en"},
        {"text": "Wo bekomme ich einen Kitaplatz?", "lang": "de"},
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    assert main(["ask", "--batch", str(batch)]) == 0
    outs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["node"] for o in outs] == ["housing/registration", None, "school/kita"]


def test_ask_batch_reports_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"text": "Kindergeld"}\nnot json\n', encoding="utf-8")
    assert main(["ask", "--batch", str(batch)]) == 1
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
