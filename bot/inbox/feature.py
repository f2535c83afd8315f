"""Ask a counsellor: a question the bot cannot answer goes to a person at the contact point.

From ``/ask``, from a decline ("inbox:ask") and from every answer's menu ("inbox:ask:<node>"), the person
is told plainly that a person will read what they write, in which languages, and roughly when to expect
an answer; consent is asked once and stored. Their text becomes a thread (or a new message in their open
thread); staff channels hear "new question #N (bg, Health)" without the text, which only the desk shows.
The counsellor's answer arrives in the chat with a "reply" choice (:mod:`bot.inbox.service`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from bot.content import render
from bot.core import actions
from bot.core.events import Choice, Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from bot.core.textinput import has_words
from bot.inbox.service import ASK, InboxService
from bot.inbox.settings import InboxSettings

log = logging.getLogger(__name__)

NodeGuess = Callable[[str, str], Sequence[str]]
"""(text, language) → content node ids that may fit, best first (the answers matcher, given by the app)."""

CONSENT, WRITE = "consent", "write"


class InboxFeature(Feature):
    name = "inbox"
    commands = ("ask",)

    def __init__(
        self,
        services: FeatureServices,
        settings: InboxSettings | None = None,
        nodes_for: NodeGuess | None = None,
    ) -> None:
        self.services = services
        self.service = InboxService(services, settings)
        self.inbox = self.service.inbox
        self._nodes_for = nodes_for

    async def start(self) -> None:
        self.services.spawn(self.service.run(), "inbox retention")

    # -- entry points ---------------------------------------------------------------------------

    def node_choices(self, turn: Turn, node_id: str) -> list[Choice]:
        action = f"{ASK}:{node_id}"
        return [Choice(action, turn.t("inbox-ask-choice"))] if actions.is_valid(action) else []

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        return await self.begin(turn) if name == "ask" else None

    async def action(self, turn: Turn, action: str) -> list[Reply] | None:
        verb, _, arg = action.partition(":")
        if verb == "ask":
            return await self.begin(turn, arg if arg in turn.library.tree.nodes else None)
        if verb == "reply" and arg.isdigit():
            return await self.reply(turn, int(arg))
        if verb == "consent" and turn.session.flow == self.name and turn.session.step == CONSENT:
            await self.inbox.give_consent(turn.session.user_id, turn.now)
            turn.session.step = WRITE
            return self._write_prompt(turn, turn.t("inbox-write-prompt"))
        return None

    async def text(self, turn: Turn, text: str) -> list[Reply] | None:
        if turn.session.step != WRITE:
            return None  # asked to agree first: a question now is answered as usual
        if not has_words(text):
            return self._write_prompt(turn, turn.t("no-words"))
        thread_id, node = turn.session.data.get("thread"), turn.session.data.get("node")
        user_id = turn.session.user_id
        turn.session.end_flow()
        if isinstance(thread_id, int) and await self.inbox.add_person_message(
            thread_id, user_id, turn.lang, text, turn.now
        ):
            thread = await self.inbox.get(thread_id)
            assert thread is not None
            await self.service.tell_staff(thread, new=False)
            return [Reply(turn.t("inbox-added", number=str(thread_id)), self._after(turn))]
        guess = self._guess(turn, text, node if isinstance(node, str) else None)
        topic = turn.library.tree.nodes[guess].topic if guess else None
        thread = await self.inbox.ask(user_id, turn.lang, text, turn.now, topic, guess)
        await self.service.tell_staff(thread, new=True)
        return [
            Reply(
                turn.t("inbox-sent", number=str(thread.id), days=self.service.settings.answer_days),
                self._after(turn),
            )
        ]

    async def back(self, turn: Turn) -> list[Reply] | None:
        return None  # "back" leaves the question unsent

    async def forget(self, turn: Turn) -> None:
        await self.inbox.forget_user(turn.session.user_id)

    # -- the steps ---------------------------------------------------------------------------

    async def begin(self, turn: Turn, node: str | None = None) -> list[Reply]:
        t, session = turn.t, turn.session
        session.end_flow()
        session.flow = self.name
        if node:
            session.data["node"] = node
        thread = await self.inbox.open_thread_of(session.user_id)
        if thread is not None:
            session.step, session.data["thread"] = WRITE, thread.id
            return self._write_prompt(turn, t("inbox-open-thread", number=str(thread.id)))
        intro = t("inbox-intro", languages=self._languages(turn), days=self.service.settings.answer_days)
        if await self.inbox.has_consent(session.user_id):
            session.step = WRITE
            return self._write_prompt(turn, intro + "\n\n" + t("inbox-write-prompt"))
        session.step = CONSENT
        choices = (
            Choice("inbox:consent", t("inbox-consent-yes")),
            Choice(actions.HOME, t("inbox-consent-no")),
        )
        settings = self.service.settings
        kept = settings.close_after_days + settings.delete_after_days
        return [Reply(intro + "\n\n" + t("inbox-consent", kept=kept), choices)]

    async def reply(self, turn: Turn, thread_id: int) -> list[Reply] | None:
        thread = await self.inbox.get(thread_id)
        if thread is None or thread.user_id != turn.session.user_id:
            return None  # deleted meanwhile, or not theirs: the core says "no longer valid"
        turn.session.end_flow()
        if not thread.open:
            choices = (Choice(ASK, turn.t("inbox-ask-choice")), Choice(actions.HOME, turn.t("choice-home")))
            return [Reply(turn.t("inbox-closed", number=str(thread_id)), choices)]
        turn.session.flow, turn.session.step = self.name, WRITE
        turn.session.data["thread"] = thread_id
        return self._write_prompt(turn, turn.t("inbox-reply-prompt", number=str(thread_id)))

    def _write_prompt(self, turn: Turn, text: str) -> list[Reply]:
        return [Reply(text, (Choice(actions.HOME, turn.t("inbox-cancel")),))]

    def _after(self, turn: Turn) -> tuple[Choice, ...]:
        return (Choice(actions.HOME, turn.t("choice-home")),)

    def _languages(self, turn: Turn) -> str:
        """The languages the contact point advises in (contact-point.yml), named in the reader's language."""
        codes = turn.library.tree.contact.languages or tuple(turn.library.catalog.languages)
        return ", ".join(render.language_name(code, turn.lang) for code in codes)

    def _guess(self, turn: Turn, text: str, node: str | None) -> str | None:
        """The content node the question is about: the one asked from, else the answers matcher's best."""
        nodes = turn.library.tree.nodes
        if node is not None and node in nodes:
            return node
        if self._nodes_for is None:
            return None
        try:
            return next((n for n in self._nodes_for(text, turn.lang) if n in nodes), None)
        except Exception:  # a guess must never lose the question
            log.exception("inbox topic guess failed")
            return None
