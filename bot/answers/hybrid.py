"""Words and meaning together: the lexical matcher fused with the embedding classifier.

For one message: the classifier's probabilities per page and for "out of scope", computed on the
question inside the message (:mod:`bot.answers.focus`; Latin-script Bulgarian read in Cyrillic),
and the lexical confidences of the whole message and of its question part. A page's score is its
probability plus a share of its lexical confidence. Declined: when "out of scope" is more likely
than the best page and the words do not strongly say otherwise, or when no page scores enough;
the share of words the content never uses counts towards "out of scope" (weather, football, cars).
Thresholds: :class:`Thresholds`, calibrated on the development set (bench/answers.py --tune).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers.focus import focus
from bot.answers.index import Index
from bot.answers.matcher import MAX_CHOICES, MAX_QUERY, Candidate, Decision, Match, Matcher
from bot.answers.normalize import cyrillic_share, latin_word, words
from bot.answers.semantic import OUT_OF_SCOPE, Classifier

if TYPE_CHECKING:
    from bot.answers.embedder import Embedder


@dataclass(frozen=True)
class Thresholds:
    lexical_weight: float = 0.35  # share of the lexical confidence added to a page's probability
    unknown_weight: float = 0.3  # share of unknown words added to the out-of-scope probability
    strong_lexical: float = 0.75  # a lexical confidence this high is not overruled by "out of scope"
    answer_at: float = 0.55  # fused score for a direct answer...
    answer_margin: float = 0.2  # ...this far ahead of the next page
    choices_at: float = 0.3  # fused score for offering pages as choices
    choice_share: float = 0.5  # choices within this share of the best
    near_at: float = 0.2  # a declined message still shows pages this close


DEFAULT = Thresholds()


def cyrillic_reading(index: Index, text: str, lang: str) -> str | None:
    """A Latin-script text in a Cyrillic-script language, read in Cyrillic (German official words
    kept); None when there is nothing to read differently."""
    if lang not in index.cyrillic or cyrillic_share(text) >= 0.5:
        return None
    translit = index.languages[lang].analyzer.translit
    if translit is None:
        return None
    out = [translit.word(w) if latin_word(w) and w not in index.official_words else w for w in words(text)]
    return " ".join(out) or None


@dataclass(frozen=True)
class Trained:
    """A trained classifier, the model it was trained with, and the content version it knows."""

    embedder: Embedder
    classifier: Classifier
    version: int


class HybridMatcher:
    def __init__(self, lexical: Matcher, trained: Trained, thresholds: Thresholds = DEFAULT) -> None:
        self.lexical = lexical
        self.trained = trained
        self.t = thresholds

    def signals(self, text: str, user_lang: str) -> tuple[Match, dict[str, float], dict[str, float], float]:
        """(lexical match, lexical confidence per page, probabilities per class, unknown share)."""
        text = text[:MAX_QUERY]
        lex = self.lexical.match(text, user_lang)
        question = focus(text)
        lexical = {c.node: min(1.0, c.score) for c in lex.candidates}
        if question != text:
            for c in self.lexical.match(question, user_lang).candidates:
                lexical[c.node] = max(lexical.get(c.node, 0.0), min(1.0, c.score))
        index = self.lexical.index
        seen = cyrillic_reading(index, question, lex.detected.lang) or question
        vector = self.trained.embedder.query(seen)
        probs = self.trained.classifier.probabilities(vector)
        semantic = {c: float(p) for c, p in zip(self.trained.classifier.classes, probs, strict=True)}
        unknown = self.lexical.unknown_share(question, lex.detected.lang)
        return lex, lexical, semantic, unknown

    def match(self, text: str, user_lang: str) -> Match:
        return self.decide(*self.signals(text, user_lang))

    def decide(
        self, lex: Match, lexical: dict[str, float], semantic: dict[str, float], unknown: float
    ) -> Match:
        t = self.t
        out = semantic.get(OUT_OF_SCOPE, 0.0) + t.unknown_weight * unknown
        nodes = set(lexical) | {c for c in semantic if c != OUT_OF_SCOPE}
        fused = sorted(
            (
                Candidate(n, round(semantic.get(n, 0.0) + t.lexical_weight * lexical.get(n, 0.0), 4))
                for n in nodes
            ),
            key=lambda c: -c.score,
        )
        best = fused[0] if fused else Candidate("", 0.0)
        second = fused[1].score if len(fused) > 1 else 0.0
        top_semantic = max((p for c, p in semantic.items() if c != OUT_OF_SCOPE), default=0.0)
        near = tuple(c for c in fused[:MAX_CHOICES] if c.score >= t.near_at)
        if (
            out > top_semantic and lexical.get(best.node, 0.0) < t.strong_lexical
        ) or best.score < t.choices_at:
            return Match(Decision.DECLINE, lex.detected, best.score, near)
        if best.score >= t.answer_at and best.score - second >= t.answer_margin:
            return Match(Decision.ANSWER, lex.detected, best.score, tuple(fused[:MAX_CHOICES]))
        close = tuple(
            c
            for c in fused[:MAX_CHOICES]
            if c.score >= max(t.choices_at * t.choice_share, best.score * t.choice_share)
        )
        return Match(Decision.CHOICES, lex.detected, best.score, close)
