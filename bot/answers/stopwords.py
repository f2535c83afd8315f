"""Stop words per language, from ``data/stop-<lang>.txt`` (folded like every other word)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from bot.answers.normalize import words


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The folded stop words of ``lang``; empty for a language without a list."""
    entry = resources.files("bot.answers").joinpath("data", f"stop-{lang}.txt")
    if not entry.is_file():
        return frozenset()
    found: set[str] = set()
    for line in entry.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        for token in line.split():
            found.update(words(token.replace("-", " ")))
    return frozenset(found)
