"""Text normalisation shared by the index and the queries, so that both sides always agree.

Folding: Unicode NFC, case, Romanian cedilla and comma letters alike (ş/ș, ţ/ț), every Latin diacritic
removed (a newcomer typing "asigurare medicala" must find "asigurare medicală"), German ß → ss.
Cyrillic letters keep their form (only lower-cased), because Bulgarian needs every letter.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# digits typed in informal Latin-script Bulgarian stand for letters (4 = ч, 6 = ш): keep them inside words
_BG_DIGIT_WORD = re.compile(r"^(?=.*[a-z])[a-z46]+$")

# combining marks (accents, breves, cedillas, umlauts) that do not follow a Cyrillic letter
_LATIN_MARK = re.compile(
    r"(?<![\u0400-\u04ff])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
MAX_WORD = 40  # letters: the content's longest word has 31; a longer run is a pasted code or one held key
_SPECIAL = str.maketrans({"ß": "ss", "ẞ": "ss", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ѝ": "и"})


def _strip_latin_marks(text: str) -> str:
    if text.isascii():
        return text
    # a combining mark on a Cyrillic letter (й, ё) is part of the letter: keep it
    return unicodedata.normalize("NFC", _LATIN_MARK.sub("", unicodedata.normalize("NFD", text)))


def fold(text: str) -> str:
    """Lower-case, NFC, Latin diacritics removed (ș ş ă â î ä ö ü é → s s a a i a o u e), ß → ss."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_SPECIAL)
    return _strip_latin_marks(text)


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits; apostrophes inside a word are kept)."""
    return [w.replace("’", "'") for w in _WORD.findall(fold(text))]


def real_words(text: str) -> list[str]:
    """:func:`words` without runs longer than :data:`MAX_WORD`: no word of any language, and costly to
    correct or transliterate letter by letter (a message of 4,000 "x" is one such run)."""
    return [w for w in words(text) if len(w) <= MAX_WORD]


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def cyrillic_share(text: str) -> float:
    """Share of letters that are Cyrillic (0 when there are no letters)."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    return cyr / (cyr + lat) if cyr + lat else 0.0


def latin_word(word: str) -> bool:
    """A folded word written in Latin letters (informal Bulgarian digits 4 and 6 included)."""
    return _BG_DIGIT_WORD.match(word) is not None or (word.isascii() and word.isalpha())


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())
