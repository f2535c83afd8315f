"""The question inside a long message.

One message in four is a personal story with the question at the end ("we came in March, my wife
works, the little one is two ... where do I find a paediatrician?"). The words of the story pull
any matcher towards other pages, so a long message is also looked at through its question: the
last sentence with a question mark or a question word, with the sentence before it when the
question alone is short ("what do I do now?" needs what came before).
"""

from __future__ import annotations

import re

from bot.answers.normalize import fold

LONG = 160  # characters: shorter messages are one question already
SHORT_QUESTION = 60  # a question this short takes the sentence before it along
MAX_FOCUS = 300
_SENTENCE = re.compile(r"[^.!?\n;]+[.!?\n;]*")
QUESTION_WORDS = frozenset(
    " ".join(
        (
            # ro (folded: no diacritics)
            "unde cum cand ce cine cat cata cati care pot poate putem trebuie exista stie stiti",
            # bg, Cyrillic and the Latin spellings people use
            "къде как кога какво кой коя кое колко може мога можем трябва има ли защо",
            "kude kyde kade kak koga kakvo kakwo koi kolko moje mozhe moga trqbva tryabva triabva ima li",
            # de, en
            "wo wie wann was wer welche welcher kann muss darf gibt warum",
            "where how when what who which can could should must do does is are why",
        )
    ).split()
)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if any(ch.isalpha() for ch in s)]


def is_question(sentence: str) -> bool:
    if "?" in sentence:
        return True
    return any(word in QUESTION_WORDS for word in fold(sentence).split()[:4])


def focus(text: str) -> str:
    """The question part of a long message, or the message itself when it is short."""
    if len(text) < LONG:
        return text
    parts = sentences(text)
    if len(parts) < 2:
        return text[-MAX_FOCUS:]
    asked = [i for i, s in enumerate(parts) if is_question(s)]
    last = asked[-1] if asked else len(parts) - 1
    chosen = parts[last]
    if len(chosen) < SHORT_QUESTION and last > 0:
        chosen = f"{parts[last - 1]} {chosen}"
    return chosen[-MAX_FOCUS:]
