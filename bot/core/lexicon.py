"""The words the core understands in every step, read from the locale files (``words-*`` messages).

Each message is a comma-separated list of phrases as people type them. Lists of every language are
joined: a person who chose Romanian may still write "ok", "menu" or "da" in Latin letters. A word
that is "yes" in one language and "no" in another is dropped from both: it can never confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.common.phrases import Phrase, covered, parse_list
from bot.i18n.catalog import Catalog


class Kind(StrEnum):
    """What a short message means on its own (message ``words-<kind>`` lists it)."""

    YES = "yes"
    NO = "no"
    BACK = "back"
    MENU = "menu"
    CANCEL = "cancel"


class Talk(StrEnum):
    """Small talk answered in kind (``talk-<kind>-words`` lists it, ``talk-<kind>`` answers)."""

    THANKS = "thanks"
    HELLO = "hello"
    BYE = "bye"
    HUMAN = "human"
    OK = "ok"


WORD_IDS = {
    Kind.YES: "words-yes",
    Kind.NO: "words-no",
    Kind.BACK: "words-back",
    Kind.MENU: "words-menu",
    Kind.CANCEL: "words-cancel",
}
TALK_WORD_IDS = {
    Talk.THANKS: "talk-thanks-words",
    Talk.HELLO: "talk-hello-words",
    Talk.BYE: "talk-bye-words",
    Talk.HUMAN: "talk-human-words",
    Talk.OK: "talk-ok-words",
}
TALK_REPLY_IDS = {
    Talk.THANKS: "talk-thanks",
    Talk.HELLO: "talk-hello",
    Talk.BYE: "talk-bye",
    Talk.HUMAN: "talk-human",
    Talk.OK: "talk-ok",
}
FILLER_ID = "words-filler"


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[Kind, tuple[Phrase, ...]]
    talk: dict[Talk, tuple[Phrase, ...]]
    filler: frozenset[str]

    def kind_of(self, words: list[str]) -> Kind | None:
        """The one kind the whole message is (filler words aside), or None."""
        # "da, multumesc" is yes: thanks and greetings around a word do not change it
        around = self.filler | self._single_words(Talk.THANKS, Talk.HELLO)
        kinds = [kind for kind, phrases in self.phrases.items() if covered(words, phrases, around)]
        return kinds[0] if len(kinds) == 1 else None

    def talk_of(self, words: list[str]) -> Talk | None:
        """Small talk when the whole message is small talk (several kinds: the first listed wins)."""
        for kind, phrases in self.talk.items():
            if covered(words, phrases, self.filler | self._single_words(*Talk)):
                return kind
        return None

    def _single_words(self, *kinds: Talk) -> frozenset[str]:
        # "salut, multumesc" is thanks with a greeting around it: one-word talk is filler there
        return frozenset(p.words[0] for kind in kinds for p in self.talk[kind] if len(p.words) == 1)

    def without_filler(self, words: list[str]) -> list[str]:
        return [w for w in words if w not in self.filler]


def build(catalog: Catalog) -> Lexicon:
    """Every language's lists joined; yes/no words that contradict each other across languages dropped."""
    phrases: dict[Kind, list[Phrase]] = {kind: [] for kind in Kind}
    talk: dict[Talk, list[Phrase]] = {kind: [] for kind in Talk}
    filler: set[str] = set()
    for lang in catalog.languages:
        t = catalog.translator(lang)  # a language without a list falls back to English's
        for kind, msg_id in WORD_IDS.items():
            phrases[kind].extend(parse_list(t(msg_id)))
        for talk_kind, talk_id in TALK_WORD_IDS.items():
            talk[talk_kind].extend(parse_list(t(talk_id)))
        for phrase in parse_list(t(FILLER_ID)):
            filler.update(phrase.words)
    yes = {p.words for p in phrases[Kind.YES]}
    no = {p.words for p in phrases[Kind.NO]}
    both = yes & no
    for kind in (Kind.YES, Kind.NO):
        phrases[kind] = [p for p in phrases[kind] if p.words not in both]
    return Lexicon(
        {kind: tuple(dict.fromkeys(p)) for kind, p in phrases.items()},
        {kind: tuple(dict.fromkeys(p)) for kind, p in talk.items()},
        frozenset(filler),
    )


class LexiconCache:
    """One lexicon per loaded catalog: rebuilt only when the locale files were reloaded."""

    def __init__(self) -> None:
        self._catalog: Catalog | None = None
        self._lexicon: Lexicon | None = None

    def of(self, catalog: Catalog) -> Lexicon:
        if self._catalog is not catalog or self._lexicon is None:
            self._lexicon, self._catalog = build(catalog), catalog
        return self._lexicon
