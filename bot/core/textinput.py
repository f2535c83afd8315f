"""Cleaning what users type before anything reads it."""

from __future__ import annotations

import re
import unicodedata

MAX_COMMAND = 64
_NUMBER = re.compile(r"^\s*#?(\d{1,3})[.)]?\s*$")
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+(.*))?$", re.S)


def clean(text: str) -> str:
    """NFC, no control or invisible format characters (zero-width, bidi overrides), trimmed."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "\n\t":
            kept.append(" " if ch == "\t" else ch)
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(ch)
    return re.sub(r"[ \u00a0]+", " ", "".join(kept)).strip()


def has_words(text: str) -> bool:
    """True when there is at least one letter or digit (not only emoji or punctuation)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def as_number(text: str) -> int | None:
    m = _NUMBER.match(text)
    return int(m.group(1)) if m else None


def as_command(text: str) -> tuple[str, str] | None:
    """("name", "args") for "/name args" (also "/name@botname"); None otherwise."""
    if not text.startswith("/"):
        return None
    m = _COMMAND.match(text)
    if m is None:
        return ("", "")
    return m.group(1).lower(), (m.group(2) or "").strip()
