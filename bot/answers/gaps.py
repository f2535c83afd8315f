"""Unanswered questions, counted for staff: text only, masked, never linked to a user, kept 90 days.

A question is stored in a privacy-safe form: e-mail addresses, phone-like numbers and any run of two
or more digits are masked, then every word the content's vocabulary does not know (names, streets, rare
words: what could identify someone) becomes "…"; whitespace collapsed, length capped. Spellings of
one question (case, diacritics, punctuation) are counted together, with the first spelling seen and the
first and last time asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.answers.normalize import collapse, words
from bot.store.db import Database

KEEP_DAYS = 90
MAX_LENGTH = 200
_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"\+?\d[\d\s/().-]{5,}\d")
_DIGITS = re.compile(r"\d{2,}")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
PLACEHOLDERS = frozenset({"[email]", "[link]", "[phone]", "#"})
UNKNOWN = "…"

Known = Callable[[str], bool]  # is this folded word in the content's vocabulary?


def mask(text: str, known: Known | None = None) -> str:
    """The question with e-mails, web addresses, phone numbers and digit runs masked, at most 200 chars;
    with ``known``, also every word it does not know (consecutive ones as one "…")."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    text = _PHONE.sub("[phone]", text)
    text = _DIGITS.sub("#", text)
    if known is not None:
        kept: list[str] = []
        for token in text.split():
            keep = token in PLACEHOLDERS or all(known(word) for word in words(token))
            shown = token if keep else UNKNOWN
            if not (shown == UNKNOWN and kept and kept[-1] == UNKNOWN):
                kept.append(shown)
        text = " ".join(kept)
    return collapse(text)[:MAX_LENGTH]


@dataclass(frozen=True, slots=True)
class Gap:
    lang: str
    text: str
    count: int
    first_seen: str
    last_seen: str


class Gaps:
    """The ``answer_gaps`` table. ``enabled=False`` (settings.gaps_enabled) records nothing."""

    def __init__(self, db: Database, enabled: bool = True) -> None:
        self.db = db
        self.enabled = enabled

    async def record(self, lang: str, text: str, now: datetime, known: Known | None = None) -> None:
        """Count ``text`` (masked; with ``known``, only the content's words are kept)."""
        if not self.enabled:
            return
        masked = mask(text, known)
        key = " ".join(words(masked)) or (UNKNOWN if masked == UNKNOWN else "")
        if not key:
            return
        stamp = now.isoformat(timespec="seconds")
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM answer_gaps WHERE last_seen < ?",
                ((now - timedelta(days=KEEP_DAYS)).isoformat(timespec="seconds"),),
            )
            await conn.execute(
                "INSERT INTO answer_gaps (lang, key, text, count, first_seen, last_seen) "
                "VALUES (?, ?, ?, 1, ?, ?) "
                "ON CONFLICT (lang, key) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen",
                (lang, key, masked, stamp, stamp),
            )

    async def purge(self, now: datetime) -> int:
        return await self.db.execute(
            "DELETE FROM answer_gaps WHERE last_seen < ?",
            ((now - timedelta(days=KEEP_DAYS)).isoformat(timespec="seconds"),),
        )

    async def list(self, now: datetime) -> list[Gap]:
        """Every gap of the last 90 days, by language, most frequent first."""
        await self.purge(now)
        rows = await self.db.fetchall(
            "SELECT lang, text, count, first_seen, last_seen FROM answer_gaps "
            "ORDER BY lang, count DESC, last_seen DESC"
        )
        return [Gap(r[0], r[1], int(r[2]), r[3], r[4]) for r in rows]
