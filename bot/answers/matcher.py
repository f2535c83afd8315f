"""From a free-text question to the best content nodes, with a calibrated confidence.

Score of a node: the sum, over the question's informative words (stop words dropped), of the
word's weight (its IDF in the content, from a soft document frequency) times how strongly the node
holds it (0..1, from the fields it appears in: title and keywords most, a body mention least), times
how exactly it matched (a typo, a stem variant or half of a compound costs a little), plus a bonus
for each whole keyword phrase. Confidence: that score divided by the weight of all the question's
informative words. A word the content never uses, even after typo correction, counts as
informative but unmatched, so weather, football or car questions get a low confidence. A node only
counts when at least one matched word is rare enough to say something, and a single known word
among unknown ones is thin evidence unless staff made exactly that word a keyword of the node.

The thresholds were calibrated on tests/answers/questions.jsonl (see bench/answers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answers.detect import Detected, detect
from bot.answers.index import STEM_PREFIX, Index, LangIndex

PHRASE_BONUS = 0.5  # a whole keyword phrase in the question ("asigurare medicala") adds half its weight
UNKNOWN_WEIGHT = 0.7  # weight of a word the content never uses, as a share of a rare word's IDF
INFORMATIVE_IDF = 0.35  # a match needs at least one word with an IDF of this share of the highest
TYPO_SIMILARITY = {1: 0.85, 2: 0.7}  # credit for a word found with 1 or 2 edits
STEM_CREDIT = 0.85  # credit for a stem that differs only in its last letters ("adre" ~ "adres")
COMPOUND_CREDIT = 0.7  # credit for each known part of an unknown compound ("Beratungs|stelle")
MIN_PART = 4  # shortest half of a compound that is looked up
MERGE_FROM = 6  # stems this long are merged with stems one final letter apart
ANSWER_AT = 0.42  # confidence for a direct answer...
ANSWER_MARGIN = 1.25  # ...when the best node scores this much more than the next
CHOICES_AT = 0.3  # confidence for offering candidates
CHOICE_SHARE = 0.6  # candidates within this share of the best
MAX_CHOICES = 3
MAX_QUERY = 1000  # characters matched, the message's end (where the question is): the cost stays bounded
LONE_EVIDENCE = 0.6  # confidence factor when a single known word stands among unknown ones
NEAR_AT = 0.2  # a declined question still shows the pages this close (a useful "no")


class Decision(StrEnum):
    ANSWER = "answer"
    CHOICES = "choices"
    DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class Candidate:
    node: str
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome for one question: what to do, in which language it was written, the candidates."""

    decision: Decision
    detected: Detected
    score: float
    candidates: tuple[Candidate, ...] = ()

    @property
    def node(self) -> str | None:
        return self.candidates[0].node if self.decision is not Decision.DECLINE and self.candidates else None

    @property
    def alternatives(self) -> list[str]:
        """The other nodes offered as choices (none for a direct answer or a decline)."""
        if self.decision is not Decision.CHOICES:
            return []
        return [c.node for c in self.candidates[1:]]


def tail(text: str, size: int = MAX_QUERY) -> str:
    """The end of a long message (where its question usually is), from a word's start."""
    return text if len(text) <= size else text[-size:].split(" ", 1)[-1]


def _max_edits(word: str) -> int:
    if len(word) < 3:
        return 0
    return 1 if len(word) < 9 else 2


def _plausible(word: str, found: str, edits: int) -> bool:
    """Short words have many neighbours ("maine" is one edit from "mine"): allow only likely typos."""
    if len(word) >= 6:
        return True
    if len(word) == 3:  # only swapped letters: "jbo" → "job"
        return sorted(word) == sorted(found) and word[0] in found[:2]
    return len(found) == len(word) and found[0] == word[0] and edits == 1


def _may_know(heads: frozenset[str], word: str) -> bool:
    """Whether some known stem could be this word's: one starts with its first letters."""
    return any(word[:k] in heads for k in range(1, STEM_PREFIX + 1))


class Matcher:
    """Answers questions against one :class:`Index` (rebuilt and replaced when content changes)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        # the first letters (at most STEM_PREFIX) of every known stem: a half of a compound that starts
        # with none of them cannot be known, and is not stemmed (Snowball in Python is the cost of a
        # long message of unknown words)
        self._heads = {
            lang: frozenset(stem[:STEM_PREFIX] for stem in part.postings)
            for lang, part in index.languages.items()
        }
        self._fuzzy = {
            lang: lru_cache(maxsize=20000)(lambda word, part=part: self._nearest(part, word))
            for lang, part in index.languages.items()
        }

    @staticmethod
    def _nearest(part: LangIndex, word: str) -> tuple[str, int] | None:
        edits = _max_edits(word)
        if not edits:
            return None
        best: tuple[str, int] | None = None
        for length in range(len(word) - edits, len(word) + edits + 1):
            choices = part.by_length.get(length)
            if not choices:
                continue
            found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=edits)
            if found is not None and not _plausible(word, found[0], int(found[1])):
                found = None
            if found is not None and (best is None or found[1] < best[1]):
                best = (found[0], int(found[1]))
                if best[1] == 1:
                    edits = 1
        return best

    @staticmethod
    def _known_stem(part: LangIndex, word: str) -> str | None:
        if word in part.forms:
            return part.forms[word]
        stem = part.analyzer.stem(word)
        return stem if stem in part.postings else None

    @staticmethod
    def _stem_family(part: LangIndex, stem: str, apart: int) -> list[str]:
        """Known stems that this one is a prefix of, or the other way round, 1..``apart`` letters apart."""
        if len(stem) < STEM_PREFIX:
            return []
        return sorted(
            (
                known
                for known in part.stems_by_prefix.get(stem[:STEM_PREFIX], ())
                if 0 < abs(len(known) - len(stem)) <= apart
                and (known.startswith(stem) or stem.startswith(known))
            ),
            key=lambda known: abs(len(known) - len(stem)),
        )

    def _postings(self, part: LangIndex, stem: str) -> dict[str, float]:
        """The stem's nodes, merged with stems one final letter apart: Snowball stems "Deutschkurs"
        as "deutschkur" but "Deutschkurse" as "deutschkurs"."""
        merged = dict(part.postings[stem])
        if len(stem) >= MERGE_FROM:
            for known in self._stem_family(part, stem, 1):
                for node, strength in part.postings[known].items():
                    merged[node] = max(merged.get(node, 0.0), strength)
        return merged

    def _compound(self, part: LangIndex, word: str) -> list[str]:
        """Known stems of the halves of an unknown compound word (German: Beratungs|stelle), when the
        known halves make up at least half of the word (a short known start says little)."""
        if len(word) < 2 * MIN_PART:
            return []
        best: list[str] = []
        best_cover = len(word) / 2
        heads = self._heads[part.lang]
        left_known = _may_know(heads, word)  # every left half starts as the word does
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            left_stem = (
                self._known_stem(part, left)
                or (self._known_stem(part, left[:-1]) if left.endswith("s") else None)
                if left_known
                else None
            )
            right_stem = self._known_stem(part, right) if _may_know(heads, right) else None
            cover = (len(left) if left_stem else 0) + (len(right) if right_stem else 0)
            if cover >= best_cover:
                best = [stem for stem in (left_stem, right_stem) if stem is not None]
                best_cover = cover
        return best

    def _weights(self, part: LangIndex, text: str) -> list[tuple[str | None, float, float]]:
        """(stem or None when unknown, weight, match credit) of each informative word."""
        seen: set[str] = set()
        out: list[tuple[str | None, float, float]] = []
        unknown = UNKNOWN_WEIGHT * part.max_idf
        for word, stem in part.analyzer.terms(text):
            if word in seen:
                continue
            seen.add(word)
            credit = 1.0
            if stem not in part.postings:
                if word in part.forms:
                    stem = part.forms[word]
                else:
                    near = self._fuzzy[part.lang](word)
                    family = self._stem_family(part, stem, 2) if near is None else []
                    if family:
                        related = family[0]
                        if related not in {s for s, _, _ in out}:
                            out.append((related, part.idf[related], STEM_CREDIT))
                        continue
                    if near is None:
                        if word.isdigit():
                            continue  # a number the content never mentions ("200 euro") says nothing
                        parts = self._compound(part, word)
                        if not parts:
                            out.append((None, unknown, 0.0))
                        for piece in parts:
                            if piece not in {s for s, _, _ in out}:
                                out.append((piece, part.idf[piece], COMPOUND_CREDIT))
                        continue
                    stem = part.forms[near[0]]
                    credit = TYPO_SIMILARITY.get(near[1], 0.6)
            if stem in {s for s, _, _ in out}:
                continue
            out.append((stem, part.idf[stem], credit))
        return out

    def rank(self, lang: str, text: str) -> tuple[float, list[Candidate]]:
        """Candidates by confidence (best first) in one language's index."""
        part = self.index.languages[lang]
        terms = self._weights(part, text)
        total = sum(weight for _, weight, _ in terms)
        if not total:
            return 0.0, []
        scores: dict[str, float] = {}
        informative: set[str] = set()
        floor = INFORMATIVE_IDF * part.max_idf
        matched: dict[str, float] = {}
        for stem, weight, credit in terms:
            if stem is None:
                continue
            matched[stem] = weight
            for node, strength in self._postings(part, stem).items():
                scores[node] = scores.get(node, 0.0) + weight * credit * strength
                if weight >= floor:
                    informative.add(node)
        for node, stems in part.phrases:
            if node in scores and stems <= matched.keys():
                scores[node] += PHRASE_BONUS * sum(matched[s] for s in stems)
        # one known word among unknown ones ("which phone should I buy") is thin evidence, unless
        # staff made exactly that word a keyword of the node ("Hausarzt")
        lone = len(matched) == 1 and any(stem is None for stem, _, _ in terms)
        solo: set[str] = set()
        if lone:
            only = next(iter(matched))
            family = self._stem_family(part, only, 1) if len(only) >= MERGE_FROM else []
            for known in (only, *family):
                solo |= part.solo.get(known, set())
        ranked = sorted(
            (
                Candidate(node, score / total * (LONE_EVIDENCE if lone and node not in solo else 1.0))
                for node, score in scores.items()
                if node in informative
            ),
            key=lambda c: -c.score,
        )
        # a confidence may exceed 1 through keyword phrases: kept so that margins stay visible
        return (ranked[0].score if ranked else 0.0), ranked

    def unknown_share(self, text: str, lang: str) -> float:
        """Share (by weight) of the informative words the content never uses, typos corrected."""
        part = self.index.languages.get(lang) or next(iter(self.index.languages.values()))
        terms = self._weights(part, tail(text))
        total = sum(weight for _, weight, _ in terms)
        return sum(weight for stem, weight, _ in terms if stem is None) / total if total else 0.0

    def match(self, text: str, user_lang: str) -> Match:
        """Detect the language, rank the nodes and decide: answer, offer choices, or decline."""
        text = tail(text)
        detected = detect(self.index, text, user_lang)
        best, ranked = self.rank(detected.lang, text)
        if best < ANSWER_AT and detected.lang != user_lang and user_lang in self.index.languages:
            other_best, other_ranked = self.rank(user_lang, text)
            if other_best > best:
                best, ranked = other_best, other_ranked
        if not ranked or best < CHOICES_AT:
            near = tuple(c for c in ranked[:MAX_CHOICES] if c.score >= NEAR_AT)
            return Match(Decision.DECLINE, detected, round(min(best, 1.0), 4), near)
        second = ranked[1].score if len(ranked) > 1 else 0.0
        if best >= ANSWER_AT and best >= second * ANSWER_MARGIN:
            return Match(Decision.ANSWER, detected, round(min(best, 1.0), 4), tuple(ranked[:MAX_CHOICES]))
        close = tuple(c for c in ranked[:MAX_CHOICES] if c.score >= max(CHOICES_AT, best * CHOICE_SHARE))
        return Match(Decision.CHOICES, detected, round(min(best, 1.0), 4), close)
