"""One language's way from text to terms: fold, transliterate (Bulgarian), drop stop words, stem.

The index and the queries go through the same analyzer, so whatever it does, both sides agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers.normalize import is_cyrillic, latin_word, real_words
from bot.answers.stem import bulgarian_lexicon, stemmer
from bot.answers.stopwords import stop_words
from bot.answers.translit import Transliterator

# markup that is not text: links' targets, placeholders like {{ hours }}
_NOT_TEXT = re.compile(r"\]\([^)]*\)|\{\{[^}]*\}\}|https?://\S+")
CYRILLIC_LANGUAGES = frozenset({"bg"})  # languages whose Latin-script writing is transliterated


def plain(text: str) -> str:
    """Text without link targets and placeholders."""
    return _NOT_TEXT.sub(" ", text)


class Analyzer:
    """Text → (surface word, stem) pairs for one language."""

    def __init__(self, lang: str, vocabulary: Callable[[str], bool] | None = None) -> None:
        self.lang = lang
        self.stem = stemmer(lang)
        self.stop = stop_words(lang)
        self.translit: Transliterator | None = None
        if lang in CYRILLIC_LANGUAGES:
            lexicon = bulgarian_lexicon()
            extra = vocabulary or (lambda word: False)
            self.translit = Transliterator(
                lambda word: word in self.stop or extra(word) or word in lexicon  # type: ignore[operator]
            )

    def surface(self, text: str) -> list[str]:
        """Folded words; in a Cyrillic-script language, Latin-script words are transliterated."""
        out = real_words(plain(text))
        if self.translit is not None:
            out = [self.translit.word(w) if latin_word(w) and not is_cyrillic(w) else w for w in out]
        return out

    def informative(self, word: str) -> bool:
        return word not in self.stop and (len(word) > 1 or word.isdigit())

    def terms(self, text: str) -> list[tuple[str, str]]:
        """(surface, stem) of each informative word, in order."""
        return [(w, self.stem(w)) for w in self.surface(text) if self.informative(w)]
