"""Which of the content languages a message is written in.

Off-the-shelf detectors label Latin-script Bulgarian as Romanian, German or English, and say little
about two-word messages. Here each language scores the share of the message's words it knows (its
stop words and the words of its own content texts; for Bulgarian also a large lexicon, with Latin
words transliterated first). German official words (Anmeldung, Jobcenter) are left out: they appear
in every language. Short messages stay in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.analyzer import Analyzer
from bot.answers.index import Index
from bot.answers.normalize import cyrillic_share, is_cyrillic, latin_word, real_words
from bot.answers.stem import bulgarian_lexicon

MIN_WORDS_TO_SWITCH = 3  # "one- or two-word messages use the user's language"
CLEAR_SHARE = 0.5  # the other language knows at least half of the words...
CLEAR_MARGIN = 0.25  # ...and clearly more than the user's language does


@dataclass(frozen=True, slots=True)
class Detected:
    """``lang``: the language to search in; ``other``: set when the user clearly writes in another."""

    lang: str
    other: str | None = None
    scores: tuple[tuple[str, float], ...] = ()


def _knows(index: Index, lang: str, word: str) -> bool:
    part = index.languages[lang]
    analyzer: Analyzer = part.analyzer
    if analyzer.translit is not None and latin_word(word) and not is_cyrillic(word):
        word = analyzer.translit.word(word)
    if word in analyzer.stop or word in part.own_words:
        return True
    if lang in index.cyrillic and is_cyrillic(word):
        return word in bulgarian_lexicon()  # type: ignore[operator]
    return False


def detect(index: Index, text: str, user_lang: str) -> Detected:
    """Detect the language of ``text`` for a user whose chosen language is ``user_lang``."""
    langs = list(index.languages)
    if user_lang not in index.languages:
        user_lang = langs[0]
    tokens = [w for w in real_words(text) if not w.isdigit() and w not in index.official_words]
    if not tokens:
        return Detected(user_lang)
    total = sum(1.0 if len(w) >= 3 else 0.5 for w in tokens)
    scores = {
        lang: sum(1.0 if len(w) >= 3 else 0.5 for w in tokens if _knows(index, lang, w)) / total
        for lang in langs
    }
    if cyrillic_share(text) > 0.5 and len(index.cyrillic) == 1:
        # no other content language is written in Cyrillic: the script decides
        (only,) = index.cyrillic
        scores[only] = max(scores[only], 1.0)
    best = max(langs, key=lambda lang: (scores[lang], lang == user_lang))
    ranked = tuple(sorted(scores.items(), key=lambda item: -item[1]))
    if best == user_lang or scores[best] <= scores[user_lang]:
        return Detected(user_lang, None, ranked)
    clear = (
        len(tokens) >= MIN_WORDS_TO_SWITCH
        and scores[best] >= CLEAR_SHARE
        and scores[best] >= scores[user_lang] + CLEAR_MARGIN
    )
    search = best if clear or scores[best] >= scores[user_lang] + CLEAR_MARGIN else user_lang
    if best in index.cyrillic and cyrillic_share(text) > 0.5:
        search = best  # Cyrillic text can only be searched in a Cyrillic index
    return Detected(search, best if clear else None, ranked)
