"""The questions inside one message.

People often ask several things at once ("cum fac asigurare medicala? unde gasesc un medic
ginecolog? copilul meu poate merge la scoala?"). A message is cut at sentence ends, question
marks, semicolons and line breaks (:func:`bot.answers.focus.sentences`); the sentences that are
questions (a question mark, or a question word among the first words) are its questions, and the
story around them is left out. Inside a question, a joiner ("si", "și", "и", "i", "und", "and")
also divides it, but only where both sides stand as questions: the right side starts with a
question word ("cum fac asigurare si unde gasesc medic") and each side has a few words; "asigurare
si medic" or "kak da si napravya" stay whole. A follow-up ("cum il primesc?", "trebuie
zulassung?": a word pointing back like "il", "го", "it", or three words at most with a single one
of its own) is no question of its own: it stays with the question before it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.answers.focus import QUESTION_WORDS, is_question, sentences
from bot.answers.matcher import tail
from bot.answers.normalize import fold, words
from bot.answers.stopwords import stop_words

MAX_QUESTIONS = 5  # each one is matched on its own (and costs the model a call): the last ones kept
MAX_LENGTH = 300  # characters of one question matched (its end): a longer "question" is a story
MIN_WORDS = 2  # words on each side of a joiner for it to divide a question
JOINERS = frozenset({"si", "и", "i", "und", "and"})  # folded: "și" and "şi" are "si"
# only "where, how, when, what, who, which, how much, why" start a second question after a joiner:
# "can", "must" or "is" after "and" too often continue the same sentence
STARTERS = frozenset(
    " ".join(
        (
            "unde cum cand ce cine cat cata cati care",
            "къде как кога какво кой коя кое колко защо",
            "kude kyde kade kak koga kakvo kakwo koi kolko zashto",
            "wo wie wann was wer welche welcher welches warum",
            "where how when what who which why",
        )
    ).split()
)
# words that point back to something asked before ("o" and "es" are left out: "unde gasesc o
# locuinta", "gibt es" are questions of their own)
POINTING_BACK = frozenset(
    " ".join(("il ii lui le", "го му ги им go mu gi im", "ihn ihm ihnen", "it them")).split()
)
SHORT = 3  # words: a question this short with a single word of its own ("cum ma inscriu") follows up
_TOKEN = re.compile(r"\S+")


def _bare(token: str) -> str:
    return fold(token).strip(",:.!?\"'()«»„“”")


def _divide(question: str) -> list[str]:
    """The question cut at each joiner that starts another question with words on both sides."""
    tokens = [(m.start(), _bare(m.group())) for m in _TOKEN.finditer(question)]
    parts: list[str] = []
    start, since = 0, 0  # character where the current part begins; its word count so far
    for i, (offset, word) in enumerate(tokens):
        following = tokens[i + 1 : i + 1 + MIN_WORDS]
        if (
            word in JOINERS
            and since >= MIN_WORDS
            and len(following) >= MIN_WORDS
            and following[0][1] in STARTERS
            and is_question(question[start:offset])
        ):
            parts.append(question[start:offset].strip(" ,"))
            start, since = following[0][0], 0
            continue
        since += 1 if word else 0
    parts.append(question[start:].strip(" ,"))
    return [p for p in parts if p]


@cache
def _stop() -> frozenset[str]:
    """The stop words of every language with a list (a message may mix them)."""
    data = resources.files("bot.answers").joinpath("data")
    langs = [e.name[5:-4] for e in data.iterdir() if e.name.startswith("stop-") and e.name.endswith(".txt")]
    return frozenset().union(*(stop_words(lang) for lang in langs))


def _follow_up(question: str) -> bool:
    found = words(question)
    # its own words: three letters or more, neither question words nor stop words ("gasesc", "fac")
    own = [w for w in found if len(w) >= 3 and w not in QUESTION_WORDS and w not in _stop()]
    return not own or (len(own) == 1 and len(found) <= SHORT) or any(w in POINTING_BACK for w in found)


def questions(text: str) -> list[str]:
    """The message's questions in order (at most :data:`MAX_QUESTIONS`, the last ones); empty when
    it asks nothing in question form (a statement, a single keyword)."""
    found: list[str] = []
    for sentence in sentences(text):
        if not is_question(sentence):
            continue
        for part in _divide(sentence):
            if found and _follow_up(part):
                found[-1] = f"{found[-1]} {part}"
            else:
                found.append(part)
    return [tail(part, MAX_LENGTH) for part in found[-MAX_QUESTIONS:]]
