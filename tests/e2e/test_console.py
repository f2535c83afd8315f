"""Scripted console sessions: real process, real SQLite file, piped stdin."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.config import ROOT
from bot.i18n.catalog import load_catalog
from tests.auxil.process import run_bot

LANGUAGES = ["ro", "bg", "de", "en"]


def test_bulgarian_menus_and_node(tmp_path: Path) -> None:
    result = run_bot(["console"], tmp_path, "/language bg\n/menu\n2\n1\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    catalog, _ = load_catalog(ROOT / "locales", required=LANGUAGES, order=LANGUAGES, default="ro")
    # "/language bg" switches at once: the first words are the Bulgarian welcome, no language list first
    assert out.startswith(catalog.translator("bg")("welcome"))
    assert catalog.name_of("bg") not in out
    assert "1. " in out
    assert "Здраве" in out  # the health topic in the Bulgarian menu
    assert "Krankenkasse" in out  # the Bulgarian health-insurance node names the German word
    assert "Traceback" not in result.stderr


def test_forget_leaves_no_row_about_the_user(tmp_path: Path) -> None:
    result = run_bot(["console", "--user", "maria-42"], tmp_path, "/language ro\n/menu\n/forget\n1\n")
    assert result.returncode == 0, result.stderr
    assert "șters" in result.stdout
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f"SELECT * FROM {table}"):
                assert "maria-42" not in map(str, row), table


def test_state_survives_a_restart(tmp_path: Path) -> None:
    first = run_bot(["console"], tmp_path, "/language en\n/menu\n")
    assert first.returncode == 0, first.stderr
    # "2" in a new process still means the second choice of the menu shown before the restart
    second = run_bot(["console"], tmp_path, "2\n")
    assert second.returncode == 0, second.stderr
    assert "Health" in second.stdout and "choose a question" in second.stdout


def test_bad_input_never_crashes(tmp_path: Path) -> None:
    lines = ["/language de", "/doesnotexist", "", "x" * 10_000, "\x01\x02\x1b[2J", "😀😀", "77", "/menu"]
    result = run_bot(["console"], tmp_path, "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "/doesnotexist" in out
    assert "Ich habe nur die ersten" in out  # 10,000 characters: the first 4,000 read, not refused
    assert "leer" in out
