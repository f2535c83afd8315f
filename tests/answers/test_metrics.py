"""Free-text questions are counted by outcome (answered, choices, unmatched): never with text or user."""

from __future__ import annotations

from bot.ops.metrics import REGISTRY
from tests.auxil.chat import Chat

OUTCOMES = ("answered", "choices", "unmatched")


def counts() -> dict[str, float]:
    return {o: REGISTRY.get_sample_value("bot_questions_total", {"outcome": o}) or 0.0 for o in OUTCOMES}


async def test_each_question_is_counted_once_by_its_outcome(chat: Chat) -> None:
    await chat.say("/language ro")
    start = counts()

    def added() -> dict[str, float]:
        return {o: counts()[o] - start[o] for o in OUTCOMES}

    await chat.say("am gasit de lucru, trebuie sa imi fac asigurare medicala?")
    assert added() == {"answered": 1, "choices": 0, "unmatched": 0}
    await chat.say("asigurare")
    assert added() == {"answered": 1, "choices": 1, "unmatched": 0}
    await chat.say("who won the football match last night?")
    assert added() == {"answered": 1, "choices": 1, "unmatched": 1}
    await chat.say("/menu")  # commands and menu choices are no questions
    await chat.say("1")
    assert added() == {"answered": 1, "choices": 1, "unmatched": 1}
    samples = [s for m in REGISTRY.collect() if m.name == "bot_questions" for s in m.samples]
    assert {tuple(s.labels) for s in samples} == {("outcome",)}  # one label, no text, no user
