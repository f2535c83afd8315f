"""Per-language word stems, so "asigurare", "asigurarea" and "asigurări" meet.

Snowball where it has the language (Romanian, German, English and many more, chosen by the language's
English name, so a new language needs no code); for Bulgarian, which Snowball lacks, simplemma's
lemmas followed by a light suffix stripper for words it does not know. simplemma's Bulgarian data costs
about 50 MB of memory; its German data (~100 MB) is never loaded: Snowball does German.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import snowballstemmer
from babel import Locale, UnknownLocaleError

# Bulgarian inflection endings, longest first: definite articles, plurals, verb persons
_BG_SUFFIXES = (
    "ията", "ите", "ият", "ия", "ът", "ят", "та", "то", "те", "ове", "еве", "ища", "овци",
    "ам", "ям", "ем", "им", "ат", "ят", "ш", "а", "я", "и", "о", "е", "ъ", "у",
)  # fmt: skip
_MIN_STEM = 3


@cache
def bulgarian_lexicon() -> object:
    """simplemma's Bulgarian dictionary (word form → lemma), loaded once per process."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("bg")


def _strip_bg(word: str) -> str:
    for suffix in _BG_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _bulgarian() -> Callable[[str], str]:
    lexicon = bulgarian_lexicon()
    get = lexicon.get  # type: ignore[attr-defined]

    def stem(word: str) -> str:
        lemma = get(word) or word
        if isinstance(lemma, bytes):
            lemma = lemma.decode("utf-8")
        return _strip_bg(str(lemma).lower())

    return stem


def _snowball_name(lang: str) -> str | None:
    try:
        name = Locale.parse(lang).english_name
    except (UnknownLocaleError, ValueError):
        return None
    name = (name or "").lower()
    return name if name in snowballstemmer.algorithms() else None


@cache
def stemmer(lang: str) -> Callable[[str], str]:
    """A word → stem function for ``lang`` (identity when no stemmer knows the language)."""
    if lang == "bg":
        return lru_cache(maxsize=50000)(_bulgarian())
    name = _snowball_name(lang)
    if name is None:
        return lambda word: word
    algorithm = snowballstemmer.stemmer(name)
    return lru_cache(maxsize=50000)(algorithm.stemWord)
