"""One message, several questions: the one to answer, and the pages of the others to offer.

The whole message is matched as always. When it holds two questions or more
(:func:`bot.answers.questions.questions`), each is also matched on its own:
- the answer: the whole message's when it is a direct one (what the bot answered before: the story
  around the questions helps, and a follow-up read alone cannot take it over), else the clearest
  question answered directly on its own (the highest confidence), else the whole message's
  choices, or when the whole message found nothing the best choices of a question, or the usual
  decline;
- the others: the best page of every other question that matched something (a question that
  matches nothing is not offered), each page once, none already in the answer.

A long story is first matched through its question (:mod:`focus`: with the sentence before it
when short, then alone), and that answer wins when it is a direct one: by words only, the story's
words dilute the question's; and both matchers read only the last 1,000 characters
(``matcher.MAX_QUERY``), which may not hold the question. The words-and-meaning matcher weighs the
question inside what it reads, so there the question is matched apart only when it lies outside.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answers.focus import focus
from bot.answers.matcher import Decision, Match, tail
from bot.answers.questions import questions

MatchFunc = Callable[[str, str], Match]


@dataclass(frozen=True, slots=True)
class Asked:
    """What to show for one message: ``main`` as usual, then ``others`` offered as choices."""

    main: Match
    others: tuple[str, ...] = ()


_RANK = {Decision.ANSWER: 2, Decision.CHOICES: 1, Decision.DECLINE: 0}


def _answered(match: Match) -> bool:
    return match.decision is Decision.ANSWER and match.node is not None


def _whole(match: MatchFunc, text: str, lang: str, reads_question: bool) -> Match:
    question = focus(text)
    looks: list[str] = []
    # the words-and-meaning matcher weighs the question inside what it reads (the message's end);
    # otherwise a long message's question (with the sentence before it, then alone) is matched first
    if question != text and not (reads_question and question in tail(text)):
        looks = list(dict.fromkeys([question, *questions(text)[-1:]]))
    tried: list[Match] = []
    for look in looks:
        found = match(look, lang)
        if _answered(found):
            return found
        tried.append(found)
    # no direct answer: the whole message's, unless a question alone found more (choices, not "no")
    return max([match(text, lang), *tried], key=lambda m: (_RANK[m.decision], m.score))


def ask(match: MatchFunc, text: str, lang: str, reads_question: bool = False) -> Asked:
    """Match ``text`` and each of its questions with ``match``. ``reads_question``: the matcher
    already finds the question inside a long message (the words-and-meaning one does)."""
    whole = _whole(match, text, lang, reads_question)
    parts = questions(text)
    if len(parts) < 2:
        return Asked(whole)
    each = [match(part, lang) for part in parts]
    found = [(m.node, m) for m in each if m.decision is not Decision.DECLINE and m.node is not None]
    main = whole
    clear = [m for m in each if _answered(m)]
    if _answered(whole):
        pass  # the story around the questions helped: what the bot answered before stays
    elif clear:
        main = max(clear, key=lambda m: m.score)
    elif whole.decision is Decision.DECLINE and found:
        main = max((m for _, m in found), key=lambda m: m.score)
    shown = {c.node for c in main.candidates} if main.decision is Decision.CHOICES else {main.node}
    others: list[str] = []
    for node, m in found:
        if m is not main and node not in shown and node not in others:
            others.append(node)
    return Asked(main, tuple(others))
