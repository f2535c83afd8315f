"""The content tree: topics, nodes and their texts in each language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.content.contact_point import ContactPoint


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str
    main: bool = False  # the page the answer's closing "source" line links to


@dataclass(frozen=True, slots=True)
class Text:
    """One node in one language."""

    lang: str
    title: str
    summary: str
    body: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    reviewed: date
    path: Path
    body_line: int = 1  # line of the file where the body starts
    examples: tuple[str, ...] = ()  # from examples.<lang>.txt: questions the way newcomers write them


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    topic: str
    order: int
    reviewed: date
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    texts: Mapping[str, Text]
    path: Path
    related_line: int = 1  # line of `related:` in node.yml, for messages

    @property
    def main_source(self) -> Source | None:
        """The source marked ``main: true``, else the first one with a web address."""
        marked = next((s for s in self.sources if s.main), None)
        return marked or next((s for s in self.sources if s.url), None)


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    order: int
    icon: str
    titles: Mapping[str, str]
    nodes: tuple[str, ...]  # node ids, in menu order


FALLBACK = ("en", "de")


@dataclass(frozen=True, slots=True)
class ContentTree:
    topics: tuple[Topic, ...]
    nodes: Mapping[str, Node]
    contact: ContactPoint

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def text(self, node_id: str, lang: str) -> Text:
        """The node's text in ``lang``, else in English, German or whatever it has."""
        texts = self.nodes[node_id].texts
        for code in (lang, *FALLBACK):
            if code in texts:
                return texts[code]
        return next(iter(texts.values()))

    def topic_title(self, topic: Topic, lang: str) -> str:
        for code in (lang, *FALLBACK):
            if code in topic.titles:
                return topic.titles[code]
        return topic.id
