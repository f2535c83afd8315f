"""``python -m bot desk ...``: accounts from the command line; password on stdin; desk off by default."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.app import App
from bot.cli.main import main
from tests.auxil.chat import started_app


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_add_list_unlock_and_remove_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path / "var"))
    assert run(["desk", "add-user", "anna", "--role", "counsellor"], "a long password\n", monkeypatch) == 0
    assert run(["desk", "add-user", "root", "--role", "admin"], "another long one\n", monkeypatch) == 0
    assert run(["desk", "add-user", "anna", "--role", "admin"], "a long password\n", monkeypatch) == 1
    assert run(["desk", "add-user", "short", "--role", "admin"], "short\n", monkeypatch) == 1
    capsys.readouterr()
    assert run(["desk", "list-users"], "", monkeypatch) == 0
    assert capsys.readouterr().out.splitlines() == ["anna\tcounsellor", "root\tadmin"]
    assert run(["desk", "unlock-user", "anna"], "", monkeypatch) == 0
    assert run(["desk", "remove-user", "anna"], "", monkeypatch) == 0
    assert run(["desk", "remove-user", "anna"], "", monkeypatch) == 1
    capsys.readouterr()
    run(["desk", "list-users"], "", monkeypatch)
    assert capsys.readouterr().out.splitlines() == ["root\tadmin"]
    stored = (tmp_path / "var" / "bot.sqlite3").read_bytes()
    assert b"another long one" not in stored and b"$argon2id$" in stored
    with sqlite3.connect(tmp_path / "var" / "bot.sqlite3") as db:
        audit = db.execute("SELECT staff, action, subject FROM desk_audit ORDER BY id").fetchall()
    # the second remove-user found nobody: no entry for it
    assert audit == [
        ("cli", "add_user", "anna"),
        ("cli", "add_user", "root"),
        ("cli", "unlock_user", "anna"),
        ("cli", "remove_user", "anna"),
    ]


async def test_the_desk_is_off_without_a_port(tmp_path: Path) -> None:
    app: App = await started_app(tmp_path)
    try:
        assert app.desk is None
    finally:
        await app.stop()
