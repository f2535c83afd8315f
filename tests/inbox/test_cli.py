"""``python -m bot inbox drafts`` lists the example questions saved in the desk."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.config import load_settings
from bot.inbox.repository import Inbox
from bot.store.db import Database
from tests.auxil.chat import START


async def save_drafts() -> None:
    db = Database(load_settings().database)
    await db.open()
    inbox = Inbox(db)
    await inbox.add_draft("health/doctor", "ro", "Unde găsesc un medic de familie?", "anna", START)
    await inbox.add_draft("benefits/kindergeld", "bg", "Kak se poluchava Kindergeld?", "anna", START)
    await db.close()


def test_drafts_are_listed_by_node(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BOT_CONFIG", raising=False)
    asyncio.run(save_drafts())

    assert main(["inbox", "drafts"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "benefits/kindergeld\tbg\tKak se poluchava Kindergeld?",
        "health/doctor\tro\tUnde găsesc un medic de familie?",
    ]
    assert main(["inbox", "drafts", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["node"] for r in rows] == ["benefits/kindergeld", "health/doctor"]
