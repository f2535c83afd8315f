"""``python -m bot content check``: clean on the shipped tree; file:line and exit 1 for each kind of error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.auxil.chat import copy_tree


def run_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: Path, locales: Path
) -> tuple[int, str]:
    monkeypatch.setenv("BOT_CONTENT_DIR", str(content))
    monkeypatch.setenv("BOT_LOCALES_DIR", str(locales))
    code = main(["content", "check"])
    return code, capsys.readouterr().out


def test_shipped_tree_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    out = capsys.readouterr().out
    assert "error" not in out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


NODE = "health/insurance"


def _breakers() -> dict[str, tuple]:
    # name -> (function(content, locales) -> (file, line or None), expected message part)
    def yaml_syntax(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "ro.md"
        edit(f, "title:", "title: [unclosed\nfoo:")
        return f, None

    def empty_title(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "de.md"
        text = f.read_text(encoding="utf-8")
        f.write_text(re.sub(r"(?m)^title:.*$", "title: ''", text, count=1), encoding="utf-8")
        return f, line_of(f, "title:")

    def missing_language(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "bg.md"
        f.unlink()
        return f, 1

    def unknown_related(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "node.yml"
        edit(f, "related: [", "related: [health/nowhere, ")
        return f, line_of(f, "related:")

    def duplicate_id(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / "health/ehic/node.yml"
        f.write_text("id: health/insurance\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
        return f, None

    def empty_body(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "en.md"
        text = f.read_text(encoding="utf-8")
        head = text[: text.index("---", 3) + 3]
        f.write_text(head + "\n\n", encoding="utf-8")
        return f, None

    def broken_node_link(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "en.md"
        f.write_text(f.read_text(encoding="utf-8") + "\nSee [this](node:health/gone).\n", encoding="utf-8")
        return f, line_of(f, "node:health/gone")

    def broken_web_link(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "ro.md"
        f.write_text(f.read_text(encoding="utf-8") + "\nVezi [aici](htps:/nowhere).\n", encoding="utf-8")
        return f, line_of(f, "htps:/nowhere")

    def unknown_placeholder(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "de.md"
        f.write_text(f.read_text(encoding="utf-8") + "\n{{ opening }}\n", encoding="utf-8")
        return f, line_of(f, "{{ opening }}")

    def no_sources(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "node.yml"
        text = f.read_text(encoding="utf-8")
        f.write_text(text[: text.index("sources:")] + "sources: []\n", encoding="utf-8")
        return f, line_of(f, "sources:")

    def bad_date(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / NODE / "node.yml"
        text = f.read_text(encoding="utf-8")
        f.write_text(re.sub(r"(?m)^reviewed:.*$", "reviewed: last week", text), encoding="utf-8")
        return f, line_of(f, "reviewed:")

    def fluent_syntax(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = loc / "ro" / "main.ftl"
        f.write_text(f.read_text(encoding="utf-8") + "\nbroken = { $x\n", encoding="utf-8")
        return f, line_of(f, "broken = ")

    def fluent_missing(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = loc / "bg" / "main.ftl"
        text = f.read_text(encoding="utf-8")
        f.write_text(re.sub(r"(?m)^home-prompt = .*$", "", text), encoding="utf-8")
        return loc / "bg", None

    def fluent_variables(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = loc / "de" / "main.ftl"
        text = f.read_text(encoding="utf-8")
        f.write_text(re.sub(r"(?m)^(out-of-range = .*)$", r"\1 { $other }", text), encoding="utf-8")
        return f, line_of(f, "out-of-range =")

    def contact_point(c: Path, loc: Path) -> tuple[Path, int | None]:
        f = c / "contact-point.yml"
        edit(f, 'start: "09:00"', 'start: "9 o clock"')
        return f, line_of(f, "9 o clock")

    return {
        "yaml syntax": (yaml_syntax, "YAML syntax error"),
        "empty title": (empty_title, "title is empty"),
        "missing language": (missing_language, "untranslated"),
        "unknown related": (unknown_related, "unknown node id"),
        "duplicate id": (duplicate_id, "duplicate id"),
        "empty body": (empty_body, "empty"),
        "broken node link": (broken_node_link, "broken link"),
        "broken web link": (broken_web_link, "broken link"),
        "unknown placeholder": (unknown_placeholder, "unknown placeholder"),
        "no sources": (no_sources, "sources"),
        "bad date": (bad_date, "reviewed must be a date"),
        "fluent syntax": (fluent_syntax, "Fluent syntax error"),
        "fluent missing": (fluent_missing, "home-prompt is missing"),
        "fluent variables": (fluent_variables, "uses variables"),
        "contact point": (contact_point, "start and end must be times"),
    }


@pytest.mark.parametrize("kind", list(_breakers()))
def test_each_error_is_reported_with_file_and_line(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content, locales = copy_tree(tmp_path)
    breaker, message = _breakers()[kind]
    path, line = breaker(content, locales)
    code, out = run_check(monkeypatch, capsys, content, locales)
    assert code == 1
    errors = [row for row in out.splitlines() if ": error: " in row and message in row]
    assert errors, out
    rel = path.relative_to(tmp_path)
    if kind == "duplicate id":  # reported on whichever of the two folders is read second
        assert "health/ehic" in errors[0] or str(rel) in errors[0]
        return
    assert any(row.startswith(f"{rel}:") for row in errors), (rel, errors)
    if line is not None:
        assert any(row.startswith(f"{rel}:{line}:") for row in errors), (rel, line, errors)


def test_warnings_for_stale_reviews_and_unconfirmed_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content, locales = copy_tree(tmp_path)
    f = content / NODE / "node.yml"
    f.write_text(
        re.sub(r"(?m)^reviewed:.*$", "reviewed: 2020-01-01", f.read_text(encoding="utf-8")), encoding="utf-8"
    )
    code, out = run_check(monkeypatch, capsys, content, locales)
    assert code == 0
    assert "older than 12 months" in out
    assert "consultation hours are not confirmed" in out


async def test_one_change_is_loaded_once_when_the_watcher_and_a_caller_race(tmp_path: Path) -> None:
    import asyncio
    from datetime import date

    from bot.content.library import LibraryConfig, LibraryService

    content, locales = copy_tree(tmp_path)
    service = LibraryService(LibraryConfig(content, locales), lambda: date(2026, 11, 30))
    assert await service.reload_if_changed()
    first = service.current.version
    page = content / "health/ehic/en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    results = await asyncio.gather(service.reload_if_changed(), service.reload_if_changed())
    assert sorted(results) == [False, True]
    assert service.current.version == first + 1
