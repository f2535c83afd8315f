"""The search index: per language, stems → nodes with field-weighted frequencies, built from content.

Everything staff write counts, with weights: title and keywords most, example questions, then the
summary and the body. Each node's German keywords (the official words on letters and signs:
Anmeldung, Krankenkasse, Jobcenter) are added to every language, so they are recognised whatever
language they are typed in. Built in well under a second for the shipped content; rebuilt on every
content reload, so an edit is searchable at once.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.answers.analyzer import Analyzer
from bot.answers.normalize import is_cyrillic, words
from bot.content.tree import ContentTree, Text

OFFICIAL_LANGUAGE = "de"
# How much one occurrence of a word in a field says that the node is about it (combined as a noisy
# OR, so a node holding a word in its title, keywords and questions is surer than one that only
# mentions it in the body, however often); body occurrences count at most BODY_CAP times.
FIELD_CREDIT = {
    "title": 0.6,
    "keywords": 0.6,
    "questions": 0.45,
    "official": 0.35,
    "summary": 0.3,
    "body": 0.15,
}
BODY_CAP = 3
STEM_PREFIX = 4


def bm25_idf(docs: int, df: float) -> float:
    return math.log(1.0 + (docs - df + 0.5) / (df + 0.5))


@dataclass
class LangIndex:
    """One language's part of the index."""

    lang: str
    analyzer: Analyzer
    docs: int = 0
    postings: dict[str, dict[str, float]] = field(default_factory=dict)  # stem → node → strength 0..1
    phrases: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # node, keyword's stems
    idf: dict[str, float] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # surface word → stem
    by_length: dict[int, list[str]] = field(default_factory=dict)  # surface words by length (typos)
    solo: dict[str, set[str]] = field(default_factory=dict)  # one-word keyword stem → its nodes
    stems_by_prefix: dict[str, list[str]] = field(default_factory=dict)  # first letters → stems
    own_words: frozenset[str] = frozenset()  # words of this language's own texts (language detection)
    max_idf: float = 1.0

    def fields(self, text: Text, official: Iterable[str]) -> Iterable[tuple[str, str]]:
        yield "title", text.title
        yield "keywords", "\n".join(text.keywords)
        yield "questions", "\n".join(text.questions)
        yield "summary", text.summary
        yield "body", text.body
        if self.lang != OFFICIAL_LANGUAGE:  # the German text has them already
            yield "official", "\n".join(official)

    def add(self, node_id: str, text: Text, official: Iterable[str]) -> None:
        self.docs += 1
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for name, value in self.fields(text, official):
            for word, stem in self.analyzer.terms(value):
                self.forms.setdefault(word, stem)
                counts[stem][name] += 1
        for stem, per_field in counts.items():
            miss = 1.0
            for name, count in per_field.items():
                miss *= (1.0 - FIELD_CREDIT[name]) ** min(count, BODY_CAP if name == "body" else count)
            self.postings.setdefault(stem, {})[node_id] = 1.0 - miss
        for keyword in text.keywords:
            stems = frozenset(stem for _, stem in self.analyzer.terms(keyword))
            if len(stems) >= 2:
                self.phrases.append((node_id, stems))
            elif stems:
                self.solo.setdefault(next(iter(stems)), set()).add(node_id)

    def finish(self) -> None:
        # soft document frequency: a node that only mentions a word in passing ("book an appointment"
        # at the end of every answer) counts for a fraction, so that word stays informative for the
        # node that is about it
        self.idf = {stem: bm25_idf(self.docs, sum(nodes.values())) for stem, nodes in self.postings.items()}
        # the reference weight: a word that one node holds (the soft frequency can go below one)
        self.max_idf = bm25_idf(self.docs, 1.0)
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for stem in self.postings:
            if len(stem) >= STEM_PREFIX:
                by_prefix[stem[:STEM_PREFIX]].append(stem)
        self.stems_by_prefix = dict(by_prefix)
        buckets: dict[int, list[str]] = defaultdict(list)
        for word in self.forms:
            buckets[len(word)].append(word)
        self.by_length = dict(buckets)


@dataclass
class Index:
    """The whole index: one :class:`LangIndex` per content language, plus the official words."""

    languages: Mapping[str, LangIndex]
    official_words: frozenset[str]  # folded German keyword words, in no particular language
    cyrillic: frozenset[str]  # languages written in Cyrillic


def _official_terms(tree: ContentTree, node_id: str) -> tuple[str, ...]:
    texts = tree.nodes[node_id].texts
    return texts[OFFICIAL_LANGUAGE].keywords if OFFICIAL_LANGUAGE in texts else ()


def build_index(tree: ContentTree, languages: Iterable[str]) -> Index:
    """Index every node in every language (a missing translation is indexed from its fallback text)."""
    langs = list(languages)
    own: dict[str, set[str]] = {lang: set() for lang in langs}
    for node in tree.nodes.values():
        for lang in langs:
            if lang in node.texts:
                t = node.texts[lang]
                for value in (t.title, t.summary, t.body, *t.keywords, *t.questions):
                    own[lang].update(words(value))
    official_words: set[str] = set()
    for node_id in tree.nodes:
        for keyword in _official_terms(tree, node_id):
            official_words.update(words(keyword))
    result: dict[str, LangIndex] = {}
    for lang in langs:
        vocabulary = own[lang]
        index = LangIndex(lang, Analyzer(lang, vocabulary.__contains__))
        for node_id in tree.nodes:
            index.add(node_id, tree.text(node_id, lang), _official_terms(tree, node_id))
        index.finish()
        index.own_words = frozenset(vocabulary - official_words)
        result[lang] = index
    cyrillic = frozenset(
        lang
        for lang, words_ in own.items()
        if words_ and sum(is_cyrillic(w) for w in words_) > len(words_) / 2
    )
    return Index(result, frozenset(official_words), cyrillic)
