"""Example questions (``examples.<lang>.txt``): read into the node, checked with file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.common.issues import Severity
from bot.content.loader import load_content
from tests.auxil.chat import copy_tree

NODE = "health/insurance"


def test_examples_are_read_into_the_node_and_bad_lines_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content, locales = copy_tree(tmp_path)
    for old in content.rglob("examples.*.txt"):
        old.unlink()
    path = content / NODE / "examples.ro.txt"
    path.write_text(
        "# comment\n\ntrebuie sa am asigurare?\n?!\nTrebuie  sa am asigurare\nunde fac asigurare medicala\n",
        encoding="utf-8",
    )
    tree, issues = load_content(
        content, languages=["ro", "bg", "de", "en"], required=["ro"], today=date(2026, 11, 25)
    )
    assert tree is not None
    assert tree.nodes[NODE].texts["ro"].examples == (
        "trebuie sa am asigurare?",
        "unde fac asigurare medicala",
    )
    assert tree.nodes[NODE].texts["bg"].examples == ()  # no file yet: no examples, no error
    mine = sorted((i.line, i.severity, i.message) for i in issues if i.path == path)
    assert [(line, sev) for line, sev, _ in mine] == [(4, Severity.WARNING), (5, Severity.WARNING)]
    assert "without words" in mine[0][2] and "same as line 3" in mine[1][2]

    monkeypatch.setenv("BOT_CONTENT_DIR", str(content))
    monkeypatch.setenv("BOT_LOCALES_DIR", str(locales))
    assert main(["content", "check"]) == 0  # warnings only: the content still loads
    out = capsys.readouterr().out
    assert f"{NODE}/examples.ro.txt:4: warning:" in out
    assert f"{NODE}/examples.ro.txt:5: warning:" in out


def test_examples_of_a_language_without_text_are_reported(tmp_path: Path) -> None:
    content, _ = copy_tree(tmp_path)
    (content / NODE / "examples.uk.txt").write_text("де лікар\n", encoding="utf-8")
    _, issues = load_content(
        content, languages=["ro", "bg", "de", "en"], required=["ro"], today=date(2026, 11, 25)
    )
    assert any(i.path.name == "examples.uk.txt" and i.severity is Severity.WARNING for i in issues)


def test_out_of_scope_examples_are_checked_too(tmp_path: Path) -> None:
    content, _ = copy_tree(tmp_path)
    path = content / "_out-of-scope" / "examples.de.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("Wie wird das Wetter morgen?\nwie wird das wetter morgen\n", encoding="utf-8")
    tree, issues = load_content(
        content, languages=["ro", "bg", "de", "en"], required=["ro"], today=date(2026, 11, 25)
    )
    assert tree is not None  # not a topic: "_" folders are skipped
    assert [(i.line, i.severity) for i in issues if i.path == path] == [(2, Severity.WARNING)]
