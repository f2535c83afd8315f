"""Example questions: ``examples.<lang>.txt`` next to a node's texts, one question a line, the way
newcomers write them (no diacritics, Latin Bulgarian, long stories). The semantic matcher learns from
them; staff see what people ask. Blank lines and lines starting with ``#`` are ignored; a line
without words or a repeated line is reported (warning) and left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.common.issues import Issue, Severity
from bot.content.yamlfile import read_text

OUT_OF_SCOPE_DIR = "_out-of-scope"  # content/_out-of-scope/examples.<lang>.txt: chat, uncovered topics
PREFIX = "examples."
SUFFIX = ".txt"
MIN_LETTERS = 2  # "?" or "ok" says nothing about what someone needs
_SPACE = re.compile(r"\s+")
_EDGE = " \t?!.,;:…-–—\"'«»„“”"


def examples_path(folder: Path, lang: str) -> Path:
    return folder / f"{PREFIX}{lang}{SUFFIX}"


def example_languages(folder: Path) -> list[str]:
    """Languages of the example files in ``folder`` (from their names)."""
    return sorted(p.name[len(PREFIX) : -len(SUFFIX)] for p in folder.glob(f"{PREFIX}*{SUFFIX}"))


def _key(line: str) -> str:
    return _SPACE.sub(" ", line.casefold()).strip(_EDGE)


def read_examples(path: Path, issues: list[Issue]) -> tuple[str, ...]:
    """The examples of one file; a missing file has none (files may come later than the node)."""
    if not path.is_file():
        return ()
    text = read_text(path, issues)
    if text is None:
        return ()
    seen: dict[str, int] = {}
    out: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if sum(ch.isalpha() for ch in line) < MIN_LETTERS:
            issues.append(Issue(path, number, Severity.WARNING, "example without words: left out"))
            continue
        key = _key(line)
        if key in seen:
            issues.append(
                Issue(
                    path, number, Severity.WARNING, f"duplicate example (same as line {seen[key]}): left out"
                )
            )
            continue
        seen[key] = number
        out.append(line)
    return tuple(out)
