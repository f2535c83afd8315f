"""Words as people type them, reduced to keys that compare equal across the usual spellings.

Newcomers write Romanian without diacritics ("multumesc"), Bulgarian in Latin letters ("blagodarq",
"moite 4asove") and stretch words ("daaa"). A key folds all of these: lower case, no Latin
diacritics, Cyrillic written in Latin letters, the informal Bulgarian digits and letters (4 = ч,
6 = ш, q = я, w = в) spelled out, repeated letters squeezed. Lists of words (in the locale files and
the safety files) and what people type go through the same key, so they meet halfway.

A phrase is a few words; a word ending in ``*`` matches every word starting with it ("sanger*").
Times keep their shape ("09:30" → "9:30") so a typed hour can be compared with a button's time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
    "ь": "i", "ю": "yu", "я": "ya", "ё": "yo", "ѝ": "i", "ы": "i", "э": "e", "є": "ye", "і": "i",
    "ї": "yi", "ґ": "g",
}  # fmt: skip
_SPECIAL = str.maketrans({"ß": "ss", "ẞ": "ss", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe"})
# informal Latin Bulgarian, in this order: longer spellings first
_LATIN_VARIANTS = (
    ("6t", "sht"),
    ("4", "ch"),
    ("6", "sh"),
    ("w", "v"),
    ("q", "ya"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("ia", "ya"),
    ("iu", "yu"),
    ("j", "i"),
    ("x", "h"),
)
_MARKS = re.compile(r"[\u0300-\u036f]")
_TIME = re.compile(r"\b([01]?\d|2[0-3])\s*[:.h]\s*([0-5]\d)\b")
_TOKEN = re.compile(r"\d{1,2}:\d{2}|[^\W_]+")
_REPEATS = re.compile(r"([^\W\d_])\1+")


def _latin(word: str) -> str:
    if not word.isascii():
        word = "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in word)
    if not word.isdecimal():
        for spelled, usual in _LATIN_VARIANTS:
            word = word.replace(spelled, usual)
    return _REPEATS.sub(r"\1", word)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().translate(_SPECIAL)
    # й keeps its mark here (NFC), every other combining mark (ă, ș, ü, é) goes
    decomposed = "".join(ch if ch in "йё" else unicodedata.normalize("NFD", ch) for ch in text)
    return _MARKS.sub("", decomposed)


def key(word: str) -> str:
    """One word's key: "Mulțumesc" → "multumesc", "благодаря" and "blagodarq" → "blagodarya"."""
    found = tokens(word)
    return found[0] if found else ""


def tokens(text: str) -> list[str]:
    """The keys of every word, number and time in the text, in order."""
    folded = _TIME.sub(lambda m: f" {int(m.group(1))}:{m.group(2)} ", _fold(text))
    out = []
    for token in _TOKEN.findall(folded):
        if token.isdecimal():
            out.append(str(int(token)) if len(token) < 10 else token)
        elif ":" in token:
            out.append(token)
        else:
            out.append(_latin(token))
    return out


@dataclass(frozen=True, slots=True)
class Phrase:
    """A few word keys; ``prefix[i]`` when word i was written with a trailing ``*``."""

    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    text: str  # as written, for messages to staff

    @classmethod
    def parse(cls, text: str) -> Phrase:
        words, prefix = [], []
        for raw in text.split():
            star = raw.endswith("*")
            for k in tokens(raw.rstrip("*")):
                words.append(k)
                prefix.append(False)
            if star and prefix:
                prefix[-1] = True
        return cls(tuple(words), tuple(prefix), text.strip())

    def _word(self, index: int, word: str) -> bool:
        want = self.words[index]
        return word.startswith(want) if self.prefix[index] else word == want

    def found_in(self, words: Sequence[str]) -> bool:
        """The phrase's words appear one after another somewhere in ``words``."""
        size = len(self.words)
        if not size:
            return False
        return any(
            all(self._word(i, words[start + i]) for i in range(size))
            for start in range(len(words) - size + 1)
        )

    def starts(self, words: Sequence[str], at: int) -> bool:
        size = len(self.words)
        return size > 0 and at + size <= len(words) and all(self._word(i, words[at + i]) for i in range(size))


def parse_list(text: str) -> tuple[Phrase, ...]:
    """A comma-separated list of phrases (as in a locale message): "da, sigur, desigur"."""
    phrases = (Phrase.parse(part) for part in text.split(","))
    return tuple(p for p in phrases if p.words)


def any_found(phrases: Iterable[Phrase], words: Sequence[str]) -> bool:
    return any(p.found_in(words) for p in phrases)


def covered(words: Sequence[str], phrases: Sequence[Phrase], filler: frozenset[str] = frozenset()) -> bool:
    """True when the words are nothing but these phrases and filler words (greedy, longest first)."""
    ordered = sorted(phrases, key=lambda p: -len(p.words))
    at, matched = 0, False
    while at < len(words):
        phrase = next((p for p in ordered if p.starts(words, at)), None)
        if phrase is not None:
            at += len(phrase.words)
            matched = True
        elif words[at] in filler:
            at += 1
        else:
            return False
    return matched
