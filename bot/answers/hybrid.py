"""Words and meaning together: the lexical matcher fused with the embedding classifier.

For one message: the classifier's probabilities per page and for "out of scope", computed on the
end of the message (Latin-script Bulgarian read in Cyrillic), and the lexical confidences of the
whole message and of the question inside it (:mod:`bot.answers.focus`: the story's words do not
veto the question's). A page's score is its probability plus a share of its lexical confidence.
Declined: when "out of scope" (plus a share of the words the content never uses: weather,
football, cars) is more likely than the best page, when no page scores enough, or when the best
page shares no word with the message and the model is not sure of it.
Thresholds: :class:`Thresholds`, calibrated on the development set (bench/answers.py --tune).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers.focus import focus
from bot.answers.index import Index
from bot.answers.matcher import MAX_CHOICES, Candidate, Decision, Match, Matcher, tail
from bot.answers.normalize import cyrillic_share, latin_word, real_words
from bot.answers.semantic import OUT_OF_SCOPE, Classifier

if TYPE_CHECKING:
    from bot.answers.embedder import Embedder


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on realstyle/dev.jsonl with ``bench/answers.py --tune`` (never on the held-out set)."""

    lexical_weight: float = 0.7  # share of the lexical confidence added to a page's probability
    unknown_weight: float = 1.2  # share of unknown words added to the out-of-scope probability
    strong_lexical: float = 0.9  # a lexical confidence this high overrules "out of scope" (> 1: never)
    answer_at: float = 0.4  # fused score for a direct answer...
    answer_margin: float = 0.1  # ...this far ahead of the next page
    choices_at: float = 0.3  # fused score for offering pages as choices
    choice_share: float = 0.5  # choices within this share of the best
    near_at: float = 0.2  # a declined message still shows pages this close
    bare_at: float = 0.85  # a page sharing no word with the message needs this probability...
    bare_unknown: float = 0.0  # ...plus this share of the unknown words ("Lieblingsessen")


DEFAULT = Thresholds()
MODEL_TAIL = 160  # characters of a long message the model reads (its end): ~50 tokens at most
# the words alone decide when they are this sure and every word is known: the model would agree
# (same figures on the development set) and one message in six skips its ~25 ms; lower, a single
# keyword decides too often ("passport" is a keyword of the page on exploitation)
LEXICAL_ENOUGH = 0.8


def cyrillic_reading(index: Index, text: str, lang: str) -> str | None:
    """A Latin-script text in a Cyrillic-script language, read in Cyrillic (German official words
    kept); None when there is nothing to read differently."""
    if lang not in index.cyrillic or cyrillic_share(text) >= 0.5:
        return None
    translit = index.languages[lang].analyzer.translit
    if translit is None:
        return None
    out = [
        translit.word(w) if latin_word(w) and w not in index.official_words else w for w in real_words(text)
    ]
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
        text = tail(text)
        lex = self.lexical.match(text, user_lang)
        question = focus(text)
        lexical = {c.node: min(1.0, c.score) for c in lex.candidates}
        if question != text:
            for c in self.lexical.match(question, user_lang).candidates:
                lexical[c.node] = max(lexical.get(c.node, 0.0), min(1.0, c.score))
        # the model reads the message's end, story included: what happened says which page it is
        # about, and the question is at the end; bounded, so a long story costs at most ~50 tokens
        end = tail(text, MODEL_TAIL)
        seen = cyrillic_reading(self.lexical.index, end, lex.detected.lang) or end
        vector = self.trained.embedder.query(seen)
        probs = self.trained.classifier.probabilities(vector)
        semantic = {c: float(p) for c, p in zip(self.trained.classifier.classes, probs, strict=True)}
        unknown = self.lexical.unknown_share(question, lex.detected.lang)
        return lex, lexical, semantic, unknown

    def match(self, text: str, user_lang: str) -> Match:
        text = tail(text)
        lex = self.lexical.match(text, user_lang)
        if lex.decision is Decision.ANSWER and lex.score >= LEXICAL_ENOUGH:
            question = focus(text)
            if self.lexical.unknown_share(question, lex.detected.lang) == 0.0:
                return lex
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
        bare = lexical.get(best.node, 0.0) == 0.0 and semantic.get(best.node, 0.0) < (
            t.bare_at + t.bare_unknown * unknown
        )
        if (
            (out > top_semantic and lexical.get(best.node, 0.0) < t.strong_lexical)
            or best.score < t.choices_at
            or bare
        ):
            return Match(Decision.DECLINE, lex.detected, best.score, near)
        if best.score >= t.answer_at and best.score - second >= t.answer_margin:
            return Match(Decision.ANSWER, lex.detected, best.score, tuple(fused[:MAX_CHOICES]))
        close = tuple(
            c
            for c in fused[:MAX_CHOICES]
            if c.score >= max(t.choices_at * t.choice_share, best.score * t.choice_share)
        )
        return Match(Decision.CHOICES, lex.detected, best.score, close)
