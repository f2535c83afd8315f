"""Scores of a matcher on an evaluation set, per group: the figures bench/answers.py prints and the
tests guard. Items are ``{"text", "lang", "expected": node id or null, "group"}``; an item whose
expected node is not in the content (yet) is skipped and counted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.matcher import Decision, Match

DECLINE_GROUPS = frozenset({"uncovered", "offtopic", "out-of-scope"})


@dataclass
class GroupScore:
    n: int = 0
    right_first: int = 0  # the expected page answered or offered first
    direct: int = 0  # the expected page answered directly
    declined: int = 0  # no page (the goal for uncovered and off-topic messages)

    def share(self, count: int) -> float:
        return count / self.n if self.n else 0.0


@dataclass
class Scores:
    groups: dict[str, GroupScore] = field(default_factory=lambda: defaultdict(GroupScore))
    skipped: int = 0

    def ok(self, group: str) -> float:
        """The group's main figure: declined for groups that must be declined, else right page first."""
        g = self.groups[group]
        return g.share(g.declined) if group in DECLINE_GROUPS else g.share(g.right_first)


def load_items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(items: Iterable[dict], nodes: Collection[str], match: Callable[[str, str], Match]) -> Scores:
    scores = Scores()
    for item in items:
        expected = item["expected"]
        if expected is not None and expected not in nodes:
            scores.skipped += 1
            continue
        result = match(item["text"], item["lang"])
        g = scores.groups[item["group"]]
        g.n += 1
        first = (
            result.candidates[0].node
            if result.decision is not Decision.DECLINE and result.candidates
            else None
        )
        g.right_first += first == expected
        g.direct += result.decision is Decision.ANSWER and first == expected
        g.declined += result.decision is Decision.DECLINE
    return scores
