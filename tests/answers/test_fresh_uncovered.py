"""Topics no page covers (tax return, car insurance, citizenship, phone contracts, Elterngeld, parking
fines...) and chat are declined, not answered with a page that shares a word or two.

realstyle/fresh-uncovered.jsonl was written to find such gaps; the out-of-scope examples added for
them were written apart from it, but its topics guided them, so the floors are set a little below
what the bot reached then (uncovered 89%, off-topic 94% declined; one message is 2-6 points).
"""

from __future__ import annotations

from pathlib import Path

from bot.answers.evaluation import load_items, score
from bot.answers.hybrid import HybridMatcher

FRESH = Path(__file__).with_name("realstyle") / "fresh-uncovered.jsonl"
FLOORS = {"uncovered": 0.85, "offtopic": 0.88}


def test_the_fresh_set_has_only_questions_to_decline() -> None:
    items = load_items(FRESH)
    assert len(items) >= 60
    assert {item["group"] for item in items} == set(FLOORS)
    assert all(item["expected"] is None for item in items)
    assert {item["lang"] for item in items} == {"ro", "bg", "de", "en"}


def test_fresh_uncovered_and_offtopic_questions_are_declined(hybrid: HybridMatcher) -> None:
    result = score(load_items(FRESH), set(), hybrid.match)
    low = {
        group: round(result.groups[group].share(result.groups[group].declined), 3)
        for group, floor in FLOORS.items()
        if result.groups[group].share(result.groups[group].declined) < floor
    }
    assert not low, low
