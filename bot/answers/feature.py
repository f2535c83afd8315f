"""The answers feature: a free-text question gets a node, a short choice of nodes, or an honest "no".

- a clear best match: the node's answer (title, text, related buttons, "checked on" date);
- close candidates: up to three of them as choices;
- nothing relevant: say so, show up to three pages that came close, offer an appointment at the
  contact point and the menu, and count the question (text only, masked, never linked to a user) so
  staff see what to write next (a long story by its question);
- several questions in one message: the clearest answered as above, the pages of the others offered
  below in one line (:mod:`bot.answers.several`);
- written clearly in another of the bot's languages: the answer stays in the chosen language, and a
  one-tap choice offers to switch (asked in the language the user wrote in).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from bot.answers.detect import detect
from bot.answers.focus import focus
from bot.answers.gaps import Gaps
from bot.answers.hybrid import HybridMatcher
from bot.answers.index import build_index
from bot.answers.matcher import Decision, Match, Matcher
from bot.answers.service import SemanticService
from bot.answers.several import Asked, ask
from bot.common import markup as mk
from bot.content.library import Library
from bot.core import actions
from bot.core.events import Choice, Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from bot.ops import metrics

log = logging.getLogger(__name__)

APPOINTMENT_NODE = "contact/appointment"
BOOKING_ENTRY = "booking:new"  # the menu's way to book (bot.booking), offered first when declining
MAX_NEAR = 3


class AnswersFeature(Feature):
    """Matches free text against the content; the index is rebuilt on every content reload."""

    name = "answers"

    def __init__(
        self, services: FeatureServices, gaps_enabled: bool = True, semantic: SemanticService | None = None
    ) -> None:
        self._content = services.content
        self.gaps = Gaps(services.db, enabled=gaps_enabled)
        self._matcher: Matcher | None = None
        self.semantic = semantic  # matching by meaning, trained in the background (None: by words)
        self._vocabulary: frozenset[str] = frozenset()
        services.content.on_reload(self._rebuild)

    def _rebuild(self, library: Library) -> None:
        # runs in the reload thread; the new matcher replaces the old one in a single assignment
        index = build_index(library.tree, library.catalog.languages)
        # what a stored unanswered question may keep: words of the content (any language), official terms
        self._vocabulary = index.official_words.union(*(part.own_words for part in index.languages.values()))
        self._matcher = Matcher(index)
        log.info("answers index rebuilt for content version %d", library.version)
        if self.semantic is not None:
            self.semantic.schedule(library, self._matcher.index)

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._rebuild(self._content.current)
        assert self._matcher is not None
        return self._matcher

    async def match(self, text: str, lang: str) -> Match:
        """By words and meaning once the model is trained, by words until then (or without a model)."""
        return (await self.ask(text, lang)).main

    async def ask(self, text: str, lang: str) -> Asked:
        """The message's answer and the pages of its other questions (:mod:`bot.answers.several`)."""
        trained = self.semantic.current if self.semantic is not None else None
        if trained is None:
            return ask(self.matcher.match, text, lang)
        # the model takes milliseconds per question: off the event loop, so other chats keep moving
        hybrid = HybridMatcher(self.matcher, trained)
        return await asyncio.to_thread(ask, hybrid.match, text, lang, True)

    async def answer(self, turn: Turn, text: str) -> list[Reply] | None:
        asked = await self.ask(text, turn.lang)
        match = asked.main
        nodes = turn.library.tree.nodes
        candidates = [c.node for c in match.candidates if c.node in nodes]
        if match.decision is Decision.ANSWER and candidates:
            replies, outcome = turn.show_node(candidates[0]), "answered"
        elif match.decision is Decision.CHOICES and candidates:
            replies, outcome = self._choices(turn, candidates), "choices"
        else:
            replies, outcome = self._decline(turn, candidates), "unmatched"
            # a long story is counted by its question: that is what staff can write a page for
            await self.gaps.record(
                match.detected.other or match.detected.lang,
                focus(text),
                turn.now,
                self._vocabulary.__contains__,
            )
        metrics.QUESTIONS.labels(outcome).inc()
        if outcome != "unmatched":
            replies += self._also_asked(turn, [n for n in asked.others if n in nodes])
        return replies + self._switch_offer(turn, match)

    def _also_asked(self, turn: Turn, others: list[str]) -> list[Reply]:
        """The pages of the message's other questions, offered in one line below the answer."""
        if not others:
            return []
        tree = turn.library.tree
        titles = [tree.text(n, turn.lang).title for n in others]
        line = turn.t("answers-also", topics=", ".join(mk.escape(title) for title in titles))
        return [
            Reply(
                line, tuple(Choice(actions.node(n), title) for n, title in zip(others, titles, strict=True))
            )
        ]

    def _choices(self, turn: Turn, candidates: list[str]) -> list[Reply]:
        tree = turn.library.tree
        turn.session.end_flow()
        choices = [Choice(actions.node(n), tree.text(n, turn.lang).title) for n in candidates]
        if len(candidates) == 1:
            # one unsure candidate: offer it, but also the way to a person
            if APPOINTMENT_NODE in tree.nodes and candidates[0] != APPOINTMENT_NODE:
                title = tree.text(APPOINTMENT_NODE, turn.lang).title
                choices.append(Choice(actions.node(APPOINTMENT_NODE), title))
            prompt = turn.t("answers-maybe")
        else:
            prompt = turn.t("answers-choose")
        choices.append(Choice(actions.HOME, turn.t("choice-home")))
        return [Reply(prompt, tuple(choices))]

    def _decline(self, turn: Turn, near: list[str]) -> list[Reply]:
        """No answer, said plainly; the pages that came close (the matcher keeps only close ones),
        then the way to a person, then the menu."""
        tree = turn.library.tree
        turn.session.end_flow()
        turn.session.location = ""
        menu = list(turn.home_choices())
        near = [n for n in near if n != APPOINTMENT_NODE][:MAX_NEAR]
        choices = [Choice(actions.node(n), tree.text(n, turn.lang).title) for n in near]
        if APPOINTMENT_NODE in tree.nodes:
            # the booking entry when the menu has one, else the node that explains booking
            title = tree.text(APPOINTMENT_NODE, turn.lang).title
            entry = next((c for c in menu if c.action == BOOKING_ENTRY or c.label == title), None)
            if entry is not None:
                menu.remove(entry)
            choices.append(entry or Choice(actions.node(APPOINTMENT_NODE), title))
        choices.append(Choice("inbox:ask", turn.t("inbox-ask-choice")))  # a counsellor (bot.inbox)
        choices.extend(c for c in menu if c not in choices)
        return [Reply(turn.t("answers-none-near" if near else "answers-none"), tuple(choices))]

    def _switch_offer(self, turn: Turn, match: Match) -> list[Reply]:
        other = match.detected.other
        catalog = turn.library.catalog
        if not other or other == turn.lang or other not in catalog.languages:
            return []
        # asked in the language the user wrote in: that is the one they read best
        t = catalog.translator(other)
        name = catalog.name_of(other)
        return [Reply(t("answers-switch"), (Choice(actions.language(other), "🌐 " + name),))]

    def language_of(self, text: str, languages: Sequence[str]) -> str | None:
        """First contact: the language whose words the message uses; None on a tie (nothing to tell by)."""
        if not languages:
            return None
        ranked = [s for s in detect(self.matcher.index, text, languages[0]).scores if s[0] in languages]
        if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]
