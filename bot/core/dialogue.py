"""The conversation core: an inbound event in, replies out. No network, no platform types.

A message's way: resolve the user, their session and language; then a command, a chosen action, a
typed number or free text is dispatched to the menu, a feature's flow or the question answerer. The
session (with the choices just offered, so typed numbers work) is stored before the replies leave.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from bot.common import markup as mk
from bot.common.phrases import tokens
from bot.content import render
from bot.content.library import LibraryService
from bot.core import actions
from bot.core.clock import Clock
from bot.core.events import Choice, Inbound, InboundKind, Reply, numbered_choices
from bot.core.feature import Feature, Turn
from bot.core.flood import FloodGuard
from bot.core.lexicon import TALK_REPLY_IDS, Kind, Lexicon, LexiconCache, Talk
from bot.core.middleware import Deduplicate, FloodControl, Metrics, OneAtATime, chain
from bot.core.session import Sessions
from bot.core.textinput import as_command, as_number, clean, has_words
from bot.core.typed import label_choice
from bot.i18n.catalog import negotiate, platform_language
from bot.ops import metrics

log = logging.getLogger(__name__)

MAX_TEXT = 4000  # characters read: a long story is read (its question is usually at the end)
SAFETY_SCAN = 20_000  # characters searched for emergency words, even in a message too long to read
CORE_COMMANDS = ("start", "menu", "language", "help", "privacy", "forget")


class Dialogue:
    def __init__(
        self,
        library: LibraryService,
        sessions: Sessions,
        clock: Clock,
        features: Sequence[Feature] = (),
        staff_users: frozenset[str] = frozenset(),
        max_text: int = MAX_TEXT,
        flood: FloodGuard | None = None,
        flood_exempt: frozenset[str] = frozenset(),
        staff_place_channels: frozenset[str] = frozenset(),
    ) -> None:
        self.library = library
        self.sessions = sessions
        self.clock = clock
        self.features = list(features)
        self.staff_users = staff_users
        self.staff_place_channels = staff_place_channels
        self.max_text = max_text
        self.flood = flood if flood is not None else FloodGuard()
        self.order = OneAtATime()
        self.lexicons = LexiconCache()
        self.dedup = Deduplicate(sessions)
        self._chain = chain(
            [
                Metrics(),
                self.order,
                FloodControl(self.flood, self._slow_down, flood_exempt),
                self.dedup,
            ],
            self._turn,
        )

    # -- the one entry point -------------------------------------------------------------------

    async def handle(self, event: Inbound) -> list[Reply]:
        """Handle one event through the middleware chain (metrics, per-user order, flood control,
        de-duplication), then the turn: session loaded, dispatched, errors answered, session saved."""
        return await self._chain(event, self.clock.now())

    def _staff_here(self, event: Inbound) -> bool:
        """Staff powers belong to a staff member in the staff chat or room (the channel marks it), or on
        a channel that is the staff place as a whole (the console: the operator's own terminal); in a
        private chat or a shared "direct" room staff are users like anyone else."""
        in_place = event.from_staff_place or event.channel in self.staff_place_channels
        return in_place and f"{event.channel}:{event.user_ref}" in self.staff_users

    async def _slow_down(self, event: Inbound) -> list[Reply]:
        catalog = self.library.current.catalog
        lang = await self.sessions.language_of_ref(event.channel, event.user_ref)
        t = catalog.translator(negotiate(lang, event.platform_lang, catalog.languages, catalog.default))
        return [Reply(t("slow-down"))]

    async def _turn(self, event: Inbound, now: datetime) -> list[Reply]:
        library = self.library.current
        catalog = library.catalog
        session = await self.sessions.load(event.channel, event.user_ref, now)
        if session.lang not in catalog.languages:
            session.lang = None
        turn = Turn(
            event,
            session,
            library,
            now,
            is_staff=self._staff_here(event),
            screens=self,
        )
        turn.t = catalog.translator(
            negotiate(session.lang, event.platform_lang, catalog.languages, catalog.default)
        )
        safety = self._safety_line(turn) if event.kind is InboundKind.TEXT else None
        try:
            for feature in self.features:
                await feature.prepare(turn)
            replies = await self._dispatch(turn)
        except Exception:
            log.exception("error while handling an event on %s", event.channel)
            metrics.ERRORS.labels("dialogue").inc()
            session.end_flow()
            replies = [Reply(turn.t("error"), self.home_choices(turn))]
        if safety is not None:
            replies = [safety, *replies]  # first, whatever else was answered
        if not turn.forgotten:
            session.choices = [(c.action, c.label) for c in numbered_choices(replies)] or session.choices
            event = turn.event
            handled = (event.channel, event.event_id, replies, self.dedup.life) if event.event_id else None
            await self.sessions.save(session, now, handled)
        return replies

    # -- dispatch ----------------------------------------------------------------------------

    async def _dispatch(self, turn: Turn) -> list[Reply]:
        event = turn.event
        if event.kind is InboundKind.MEDIA:
            return self._again(turn, turn.t("media-unsupported", kind=event.media or "other"))
        if event.kind is InboundKind.ACTION:
            return await self._action(turn, event.action)
        return await self._text(turn)

    def _safety_line(self, turn: Turn) -> Reply | None:
        """The 112 line when the message has words of an emergency or danger, whatever else matched."""
        text = clean(turn.event.text[:SAFETY_SCAN])
        if as_command(text) is not None:
            return None
        lang = turn.library.safety.language_of(text)
        if lang is None:
            return None
        # someone who has not chosen a language yet gets it in the language they wrote in
        t = turn.t if turn.session.lang else turn.library.catalog.translator(lang)
        return Reply(t("safety-112"))

    async def _text(self, turn: Turn) -> list[Reply]:
        event = turn.event
        if len(event.text) > self.max_text:
            # the beginning is read and the person told so, in one line before the answer
            cut = Reply(turn.t("long-text-cut", max=self.max_text))
            return [cut, *await self._read(turn, event.text[: self.max_text])]
        return await self._read(turn, event.text)

    async def _read(self, turn: Turn, typed: str) -> list[Reply]:
        text = clean(typed)
        if not text:
            return self._again(turn, turn.t("empty-message"))
        command = as_command(text)
        if command is not None:
            return await self._command(turn, *command)
        lexicon = self.lexicons.of(turn.library.catalog)
        choices = turn.session.choices
        number = as_number(text)
        if number is not None and choices:
            if 1 <= number <= len(choices):
                return await self._action(turn, choices[number - 1][0])
            named = label_choice(text, choices, lexicon.filler)  # "26" for the 26th of a month
            if named is not None:
                return await self._action(turn, named)
            return self._again(turn, turn.t("out-of-range", count=len(choices)))
        flow = self._feature(turn.session.flow)
        free_text = flow is not None and flow.wants_text(turn)
        # a name or a phone number is free text: there, only a label typed in full is a choice;
        # so is small talk ("zdraveite" is a greeting, not the topic "Здраве")
        partial = not free_text and lexicon.talk_of(tokens(text)) is None
        named = label_choice(text, choices, lexicon.filler, partial=partial)
        if named is not None:
            return await self._action(turn, named)
        if turn.session.lang is None:
            return await self._first_contact(turn, text, lexicon)
        return await self._free_text(turn, text, lexicon)

    async def _first_contact(self, turn: Turn, text: str, lexicon: Lexicon) -> list[Reply]:
        """A message typed before any language was chosen: answered in the language it is written in, with
        the one-tap language choice below; the picker alone only when no language can be told."""
        languages = turn.library.catalog.languages
        guess = next((g for f in self.features if (g := f.language_of(text, languages)) in languages), None)
        if guess is None:
            return self._language_picker(turn, first=True)
        turn.use_language(guess)
        log.info("first contact on %s answered in the detected language", turn.event.channel)
        replies = await self._free_text(turn, text, lexicon)
        return [*replies, self._language_offer(turn)]

    def _language_offer(self, turn: Turn) -> Reply:
        catalog = turn.library.catalog
        choices = tuple(
            Choice(actions.language(code), ("✓ " if code == turn.lang else "") + catalog.name_of(code))
            for code in sorted(catalog.languages, key=lambda code: code != turn.lang)
        )
        return Reply(turn.t("language-offer"), choices)

    async def _free_text(self, turn: Turn, text: str, lexicon: Lexicon) -> list[Reply]:
        """Words of a step (yes, no, back...), the flow's step, small talk, the features' answers."""
        flow = self._feature(turn.session.flow)
        replies = await self._words(turn, lexicon, tokens(text))
        if replies is not None:
            return replies
        if flow is not None:
            replies = await flow.text(turn, text)
            if replies is not None:
                return replies
        if turn.session.flow:
            # inside a step, a message that is not understood never leaves it nor confirms anything
            return self._again(turn, self._talk_or(turn, lexicon, tokens(text), "step-not-understood"))
        if not has_words(text):
            return self._again(turn, turn.t("no-words"))
        talk = lexicon.talk_of(tokens(text))
        if talk is not None:
            return self._small_talk(turn, talk)
        for feature in self.features:
            replies = await feature.answer(turn, text)
            if replies is not None:
                return replies
        text = turn.t("not-understood") + "\n\n" + turn.t("safety-fallback")
        return [Reply(text, self.home_choices(turn))]

    async def _words(self, turn: Turn, lexicon: Lexicon, words: list[str]) -> list[Reply] | None:
        """Yes, no, back, menu and cancel words, in any of the bot's languages."""
        kind = lexicon.kind_of(words)
        if kind is Kind.YES or kind is Kind.NO:
            chosen = self._polar_choice(turn, kind is Kind.YES)
            return await self._action(turn, chosen) if chosen is not None else None
        if kind is Kind.BACK:
            return await self._back(turn)
        if kind is Kind.MENU:
            return await self._leave_home(turn)
        if kind is Kind.CANCEL:
            return await self._cancel(turn)
        return None

    def _polarity(self, action: str) -> bool | None:
        if action in (actions.FORGET_YES, actions.FORGET_NO):
            return action == actions.FORGET_YES
        prefix, rest = actions.split(action)
        feature = self._feature(prefix)
        return feature.polarity(rest) if feature is not None else None

    def _polar_choice(self, turn: Turn, yes: bool) -> str | None:
        """The one shown choice that says yes (or no); None when there is none or more than one."""
        found = {action for action, _ in turn.session.choices if self._polarity(action) is yes}
        return found.pop() if len(found) == 1 else None

    async def _cancel(self, turn: Turn) -> list[Reply]:
        """ "Stop": the shown "no" choice if there is one, else the flow ends saying what stays."""
        chosen = self._polar_choice(turn, False)
        if chosen is not None:
            return await self._action(turn, chosen)
        if turn.session.flow == "forget":
            return await self._forget_answer(turn, False)
        flow = self._feature(turn.session.flow)
        if flow is not None:
            replies = await flow.cancel(turn)
            if replies is not None:
                return replies
        return self._home(turn)

    def _talk_or(self, turn: Turn, lexicon: Lexicon, words: list[str], msg_id: str) -> str:
        talk = lexicon.talk_of(words)
        return turn.t(TALK_REPLY_IDS[talk]) if talk is not None else turn.t(msg_id)

    def _small_talk(self, turn: Turn, talk: Talk) -> list[Reply]:
        """Thanks, hello, "ok", "are you a person?": a short reply in kind, the menu one tap away."""
        if talk is Talk.HELLO:
            text = turn.t(TALK_REPLY_IDS[talk]) + "\n\n" + turn.t("home-prompt")
            return [Reply(text, self.home_choices(turn))]
        return [Reply(turn.t(TALK_REPLY_IDS[talk]), (Choice(actions.HOME, turn.t("choice-home")),))]

    def _feature(self, name: str) -> Feature | None:
        return next((f for f in self.features if f.name == name), None) if name else None

    async def _command(self, turn: Turn, name: str, args: str) -> list[Reply]:
        t = turn.t
        if name == "start":
            return self._start(turn, args)
        if name == "language":
            code = args.strip().lower()
            if not code:
                return self._language_picker(turn)
            if code in turn.library.catalog.languages:
                return self._set_language(turn, code)
            return self._language_picker(turn, notice=t("language-unknown", code=mk.escape(code[:10])))
        if turn.session.lang is None:
            return self._language_picker(turn, first=True)
        if name == "menu":
            return self._home(turn)
        if name == "help":
            return self._help(turn)
        if name == "privacy":
            return self._privacy(turn)
        if name == "forget":
            return self._forget_ask(turn)
        for feature in self.features:
            if name in feature.commands or (name in feature.staff_commands and turn.is_staff):
                replies = await feature.command(turn, name, args)
                if replies is not None:
                    return replies
            elif name in feature.staff_commands:
                log.warning("staff command refused for a non-staff user on %s", turn.event.channel)
                return [Reply(t("staff-only"), self.home_choices(turn))]
        shown = mk.escape(name[:32]) if name else "…"
        return [Reply(t("unknown-command", command=shown), self.home_choices(turn))]

    async def _action(self, turn: Turn, action: str) -> list[Reply]:
        if not actions.is_valid(action):
            return self._stale(turn)
        prefix, rest = actions.split(action)
        tree = turn.library.tree
        if prefix == "lang":
            if rest in turn.library.catalog.languages:
                return self._set_language(turn, rest)
            return self._stale(turn)
        if action == actions.LANGUAGES:
            return self._language_picker(turn)
        if turn.session.lang is None:
            return self._language_picker(turn, first=True)
        if action == actions.HOME or action == actions.START:
            return await self._leave_home(turn)
        if action == actions.BACK:
            return await self._back(turn)
        if action == actions.HELP:
            return self._help(turn)
        if action == actions.PRIVACY:
            return self._privacy(turn)
        if action == actions.FORGET_ASK:
            return self._forget_ask(turn)
        if action in (actions.FORGET_YES, actions.FORGET_NO):
            return await self._forget_answer(turn, action == actions.FORGET_YES)
        if prefix == "topic" and tree.topic(rest) is not None:
            return self._topic(turn, rest)
        if prefix == "node" and rest in tree.nodes:
            return self.show_node(turn, rest)
        feature = self._feature(prefix)
        if feature is not None:
            replies = await feature.action(turn, rest)
            if replies is not None:
                return replies
        return self._stale(turn)

    # -- views -------------------------------------------------------------------------------

    def _again(self, turn: Turn, notice: str) -> list[Reply]:
        """A short notice with the choices the user had, so the same numbers keep working."""
        if turn.session.lang is None:
            return self._language_picker(turn, first=True, notice=notice)
        stored = tuple(Choice(a, label) for a, label in turn.session.choices)
        return [Reply(notice, stored or self.home_choices(turn))]

    def _stale(self, turn: Turn) -> list[Reply]:
        turn.session.end_flow()
        if turn.session.lang is None:
            return self._language_picker(turn, first=True)
        turn.session.location = ""
        return [Reply(turn.t("stale-choice"), self.home_choices(turn))]

    def home_choices(self, turn: Turn) -> tuple[Choice, ...]:
        """The main menu: topics, what the features add (booking), language."""
        tree, t = turn.library.tree, turn.t
        choices = [
            Choice(actions.topic(topic.id), f"{topic.icon} {tree.topic_title(topic, turn.lang)}".strip())
            for topic in tree.topics
        ]
        for feature in self.features:
            choices.extend(feature.home_choices(turn))
        choices.append(Choice(actions.LANGUAGES, t("choice-language")))
        return tuple(choices)

    async def _leave_home(self, turn: Turn) -> list[Reply]:
        """The main menu, asked for from wherever the person is; a flow left this way says what stays."""
        flow = self._feature(turn.session.flow) if turn.session.flow else None
        note = await flow.leaving(turn) if flow is not None else None
        replies = self._home(turn)
        if note:
            return [Reply(f"{note}\n\n{replies[0].text}", replies[0].choices)]
        return replies

    def _home(self, turn: Turn) -> list[Reply]:
        turn.session.end_flow()
        turn.session.location = ""
        return [Reply(turn.t("home-prompt"), self.home_choices(turn))]

    def nav_choices(self, turn: Turn) -> tuple[Choice, ...]:
        return (Choice(actions.BACK, turn.t("choice-back")), Choice(actions.HOME, turn.t("choice-home")))

    def _topic(self, turn: Turn, topic_id: str) -> list[Reply]:
        tree = turn.library.tree
        topic = tree.topic(topic_id)
        assert topic is not None
        turn.session.end_flow()
        turn.session.location = actions.topic(topic_id)
        choices = [Choice(actions.node(n), tree.text(n, turn.lang).title) for n in topic.nodes]
        title = mk.escape(tree.topic_title(topic, turn.lang))
        return [Reply(turn.t("topic-prompt", topic=title), (*choices, *self.nav_choices(turn)))]

    def show_node(self, turn: Turn, node_id: str) -> list[Reply]:
        """A content node as an answer: its text, related nodes, feature choices, back and home."""
        tree = turn.library.tree
        turn.session.end_flow()
        turn.session.location = actions.node(node_id)
        choices = [
            Choice(actions.node(r), tree.text(r, turn.lang).title) for r in tree.nodes[node_id].related
        ]
        for feature in self.features:
            choices.extend(feature.node_choices(turn, node_id))
        return [Reply(render.node_text(tree, node_id, turn.t), (*choices, *self.nav_choices(turn)))]

    async def _back(self, turn: Turn) -> list[Reply]:
        flow = self._feature(turn.session.flow)
        if flow is not None:
            replies = await flow.back(turn)
            if replies is not None:
                return replies
            turn.session.end_flow()
        prefix, rest = actions.split(turn.session.location)
        tree = turn.library.tree
        if prefix == "node" and rest in tree.nodes:
            return self._topic(turn, tree.nodes[rest].topic)
        return self._home(turn)

    def _language_picker(self, turn: Turn, first: bool = False, notice: str = "") -> list[Reply]:
        catalog = turn.library.catalog
        preselected = platform_language(turn.event.platform_lang, catalog.languages)
        if turn.session.lang and not first:
            preselected = turn.session.lang
        ordered = sorted(catalog.languages, key=lambda code: code != preselected)
        choices = tuple(
            Choice(actions.language(code), ("✓ " if code == preselected else "") + catalog.name_of(code))
            for code in ordered
        )
        if first:
            # someone new may not read the platform's language: ask in every language
            prompt = "\n".join(catalog.translator(code)("language-prompt") for code in ordered)
        else:
            prompt = turn.t("language-prompt")
        return [Reply(f"{notice}\n\n{prompt}" if notice else prompt, choices)]

    def _set_language(self, turn: Turn, code: str) -> list[Reply]:
        was_new = turn.session.lang is None
        turn.use_language(code)
        turn.session.end_flow()
        turn.session.location = ""
        text = turn.t("welcome") if was_new else turn.t("language-set")
        return [Reply(text + "\n\n" + turn.t("home-prompt"), self.home_choices(turn))]

    def _start(self, turn: Turn, args: str) -> list[Reply]:
        """``/start`` with an optional deep-link parameter: ``ro``, ``bg_health-insurance``."""
        catalog, tree = turn.library.catalog, turn.library.tree
        lang_part, _, node_part = args.strip().partition("_")
        if lang_part and lang_part not in catalog.languages and not node_part:
            lang_part, node_part = "", lang_part
        if lang_part in catalog.languages:
            turn.use_language(lang_part)
        elif turn.session.lang is None:
            return self._language_picker(turn, first=True)
        node_id = _deep_link_node(node_part, tree.nodes.keys()) if node_part else None
        if node_id is not None:
            return self.show_node(turn, node_id)
        turn.session.end_flow()
        turn.session.location = ""
        return [Reply(turn.t("welcome") + "\n\n" + turn.t("home-prompt"), self.home_choices(turn))]

    def _help(self, turn: Turn) -> list[Reply]:
        t = turn.t
        lines = [t("help-intro"), ""]
        for name, description in self.command_list(turn.lang):
            lines.append(f"/{name} – {description}")
        return [Reply("\n".join(lines), self.home_choices(turn))]

    def command_list(self, lang: str) -> list[tuple[str, str]]:
        """Public commands with their description in ``lang`` (for /help and the platform's menu)."""
        t = self.library.current.catalog.translator(lang)
        names = [*CORE_COMMANDS, *(c for f in self.features for c in f.commands)]
        return [(name, t(f"command-{name}")) for name in names]

    def _privacy(self, turn: Turn) -> list[Reply]:
        t = turn.t
        choices = []
        if "about/privacy" in turn.library.tree.nodes:
            choices.append(Choice(actions.node("about/privacy"), t("choice-privacy-more")))
        choices += [Choice(actions.FORGET_ASK, t("choice-forget")), Choice(actions.HOME, t("choice-home"))]
        return [Reply(t("privacy"), tuple(choices))]

    def _forget_ask(self, turn: Turn) -> list[Reply]:
        t = turn.t
        turn.session.end_flow()
        turn.session.flow = "forget"
        return [
            Reply(
                t("forget-confirm"),
                (Choice(actions.FORGET_YES, t("forget-yes")), Choice(actions.FORGET_NO, t("forget-no"))),
            )
        ]

    async def _forget_answer(self, turn: Turn, confirmed: bool) -> list[Reply]:
        t = turn.t
        if turn.session.flow != "forget":
            return self._stale(turn)
        turn.session.end_flow()
        if not confirmed:
            return [Reply(t("forget-cancelled"), self.home_choices(turn))]
        for feature in self.features:
            await feature.forget(turn)
        await self.sessions.forget(turn.session.user_id)
        turn.forgotten = True
        return [Reply(t("forget-done"), (Choice(actions.START, t("choice-start")),))]


def _deep_link_node(param: str, node_ids: object) -> str | None:
    """``health-no-insurance`` → ``health/no-insurance``: try each ``-`` as the topic separator."""
    ids = set(node_ids)  # type: ignore[call-overload]
    for index, ch in enumerate(param):
        if ch == "-" and f"{param[:index]}/{param[index + 1 :]}" in ids:
            return f"{param[:index]}/{param[index + 1 :]}"
    return param if param in ids else None
