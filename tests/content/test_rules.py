"""The checker's rules for trustworthy content (issue 12): exact sources, short sentences, review age,
the source line under each answer and no "checked on" under facts the contact point has not confirmed."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.common.issues import Issue, Severity
from bot.content import render
from bot.content.loader import load_content, long_sentences
from bot.content.tree import ContentTree
from bot.i18n.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["ro", "bg", "de", "en"]
TODAY = date(2026, 11, 30)


def small_tree(tmp: Path) -> Path:
    """Two topics and the contact point: enough to check, independent of other topics being written."""
    content = tmp / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "contact-point.yml", content / "contact-point.yml")
    for topic in ("contact", "health"):
        shutil.copytree(ROOT / "content" / topic, content / topic)
    # related nodes outside these two topics would be unknown here
    for node_yml in content.glob("*/*/node.yml"):
        text = node_yml.read_text(encoding="utf-8")
        text = re.sub(
            r"(?m)^related: \[(.*)\]$",
            lambda m: (
                "related: ["
                + ", ".join(x for x in m.group(1).split(", ") if x.split("/")[0] in ("contact", "health"))
                + "]"
            ),
            text,
        )
        node_yml.write_text(text, encoding="utf-8")
    for md in content.glob("*/*/*.md"):
        text = md.read_text(encoding="utf-8")
        text = re.sub(
            r"\[([^\]]*)\]\(node:(?!contact/|health/)[^)]*\)", r"\1", text
        )  # links to other topics become plain text
        md.write_text(text, encoding="utf-8")
    return content


def check(content: Path) -> tuple[ContentTree | None, list[Issue]]:
    return load_content(content, languages=LANGS, required=LANGS, today=TODAY)


def warnings(issues: list[Issue]) -> list[str]:
    return [i.format(ROOT) for i in issues if i.severity is Severity.WARNING]


def catalog() -> Catalog:
    cat, issues = load_catalog(ROOT / "locales", required=LANGS, order=LANGS, default="ro")
    assert not [i for i in issues if i.severity is Severity.ERROR]
    return cat


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_small_tree_loads(tmp_path: Path) -> None:
    tree, issues = check(small_tree(tmp_path))
    assert tree is not None, [i for i in issues if i.severity is Severity.ERROR]


def test_a_homepage_source_is_a_warning_at_its_line(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    f = content / "health" / "insurance" / "node.yml"
    f.write_text(
        f.read_text(encoding="utf-8") + "  - title: Some city\n    url: https://www.example.org/\n",
        encoding="utf-8",
    )
    tree, issues = check(content)
    assert tree is not None
    hits = [i for i in issues if "homepage" in i.message and i.path == f]
    assert len(hits) == 1
    assert hits[0].line == line_of(f, "https://www.example.org/")
    assert hits[0].severity is Severity.WARNING


def test_a_page_with_a_path_is_not_a_homepage(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    _, issues = check(content)
    assert not [i for i in issues if "homepage" in i.message and "health/insurance" in str(i.path)]


def test_a_long_sentence_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    f = content / "health" / "ehic" / "en.md"
    long = " ".join(["word"] * 30) + "."
    f.write_text(f.read_text(encoding="utf-8") + "\nShort one. " + long + " Short again.\n", encoding="utf-8")
    _, issues = check(content)
    hits = [i for i in issues if i.path == f and "sentence of 30 words" in i.message]
    assert len(hits) == 1
    assert hits[0].line == line_of(f, "Short one.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A short sentence. Another one!", []),
        (" ".join(["wort"] * 26) + ".", [26]),
        # link addresses and bold marks are not words; the link label is
        ("See [the official page of the city](https://www.dortmund.de/a/b/c.html) **now**.", []),
        ("- " + " ".join(["cuvânt"] * 25), []),
    ],
)
def test_long_sentences(line: str, expected: list[int]) -> None:
    assert long_sentences(line, 25) == expected


def test_review_age_is_configurable(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    f = content / "health" / "ehic" / "node.yml"
    f.write_text(
        re.sub(r"(?m)^reviewed:.*$", "reviewed: 2026-08-01", f.read_text(encoding="utf-8")), encoding="utf-8"
    )
    _, issues = check(content)
    assert not [i for i in issues if i.path == f and "older than" in i.message]
    (content / "checks.yml").write_text("review_max_age_months: 3\n", encoding="utf-8")
    _, issues = check(content)
    stale = [i for i in issues if i.path == f and "older than 3 months" in i.message]
    assert stale and stale[0].line == line_of(f, "reviewed:")


def test_a_bad_check_setting_is_an_error(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    (content / "checks.yml").write_text("max_sentence_words: many\n", encoding="utf-8")
    tree, issues = check(content)
    assert tree is None
    assert any(i.path.name == "checks.yml" and "whole number" in i.message for i in issues)


def test_each_answer_ends_with_its_main_source_in_the_readers_language(tmp_path: Path) -> None:
    tree, _ = check(small_tree(tmp_path))
    assert tree is not None
    cat = catalog()
    node = tree.nodes["health/insurance"]
    main = node.main_source
    assert main is not None and main.url
    labels = {
        "ro": "Sursa oficială",
        "bg": "Официален източник",
        "de": "Offizielle Quelle",
        "en": "Official source",
    }
    for lang, label in labels.items():
        last = render.node_text(tree, "health/insurance", cat.translator(lang)).rstrip().split("\n")[-1]
        assert last.startswith(label), last
        assert f"]({main.url})" in last


def test_main_true_picks_the_source_line(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    f = content / "health" / "ehic" / "node.yml"
    f.write_text(
        f.read_text(encoding="utf-8")
        + "  - title: The marked page\n    url: https://www.example.org/marked/page.html\n    main: true\n",
        encoding="utf-8",
    )
    tree, _ = check(content)
    assert tree is not None
    text = render.node_text(tree, "health/ehic", catalog().translator("en"))
    assert text.rstrip().endswith("[The marked page](https://www.example.org/marked/page.html)")


def test_no_checked_on_under_unconfirmed_hours(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    tree, _ = check(content)
    assert tree is not None and not tree.contact.hours.confirmed
    t = catalog().translator("en")
    hours = render.node_text(tree, "contact/hours", t)
    assert "not confirmed" in hours
    assert "Checked on" not in hours
    # a node without contact-point facts keeps its date
    assert "Checked on" in render.node_text(tree, "health/insurance", t)


def test_checked_on_returns_once_the_hours_are_confirmed(tmp_path: Path) -> None:
    content = small_tree(tmp_path)
    f = content / "contact-point.yml"
    text = f.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s+)confirmed: false", r"\1confirmed: true", text)
    f.write_text(text, encoding="utf-8")
    tree, _ = check(content)
    assert tree is not None and tree.contact.hours.confirmed
    assert "Checked on" in render.node_text(tree, "contact/hours", catalog().translator("en"))
