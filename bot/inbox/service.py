"""What the chat side and the desk share: staff notices, answer delivery, closing, the retention job.

Staff notices name the thread, its language and topic guess, never the person's text: the text is read
in the desk only. A counsellor's answer reaches the person in their chat, wrapped in a message in the
person's language that says it comes from a counsellor, with a "reply" choice under it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.common import markup
from bot.core import actions
from bot.core.events import Address, Choice, Reply
from bot.core.services import FeatureServices
from bot.i18n.catalog import Translator
from bot.inbox.repository import Inbox, Thread
from bot.inbox.settings import InboxSettings

log = logging.getLogger(__name__)

ASK = "inbox:ask"


def reply_action(thread_id: int) -> str:
    return f"inbox:reply:{thread_id}"


@dataclass(frozen=True, slots=True)
class Delivery:
    """The outcome of a counsellor's answer: stored (message id) and whether it reached the chat."""

    message_id: int
    delivered: bool


class InboxService:
    def __init__(self, services: FeatureServices, settings: InboxSettings | None = None) -> None:
        self.services = services
        self.settings = settings or InboxSettings()
        self.inbox = Inbox(services.db)

    def staff_t(self) -> Translator:
        return self.services.content.current.catalog.translator(self.services.staff_language)

    def user_t(self, lang: str | None) -> Translator:
        catalog = self.services.content.current.catalog
        return catalog.translator(lang if lang in catalog.languages else catalog.default)

    def topic_title(self, topic: str | None, lang: str) -> str:
        """A topic id as its title in ``lang``; "" when there is no guess (or the topic is gone)."""
        tree = self.services.content.current.tree
        found = tree.topic(topic) if topic else None
        return tree.topic_title(found, lang) if found is not None else ""

    async def tell_staff(self, thread: Thread, new: bool) -> None:
        """A short notice to every staff channel: number, language, topic; never the person's text."""
        t = self.staff_t()
        topic = self.topic_title(thread.topic, t.lang) or t("inbox-staff-no-topic")
        msg_id = "inbox-staff-new" if new else "inbox-staff-reply"
        base = self.services.desk_url.rstrip("/")
        where = t("inbox-staff-desk-link", url=f"{base}/inbox/{thread.id}") if base else t("inbox-staff-desk")
        text = t(msg_id, number=str(thread.id), language=thread.lang, topic=markup.escape(topic))
        try:
            await self.services.outbox.notify_staff(f"{text}\n{where}")
        except Exception:  # a failing staff channel must not lose the person's question
            log.exception("inbox staff notice failed")

    # -- the desk's actions ----------------------------------------------------------------

    async def answer(self, thread_id: int, staff: str, text: str) -> Delivery | None:
        """Store a counsellor's answer and deliver it in the person's chat; None if the thread is not open."""
        thread = await self.inbox.get(thread_id)
        if thread is None or not thread.open:
            return None
        now = self.services.clock.now()
        message_id = await self.inbox.add_answer(thread_id, staff, text, thread.lang, now)
        if message_id is None:
            return None
        delivered = await self._deliver(thread, self._answer_replies(thread, text))
        if delivered:
            await self.inbox.mark_delivered(message_id)
        return Delivery(message_id, delivered)

    def _answer_replies(self, thread: Thread, text: str) -> list[Reply]:
        t = self.user_t(thread.lang)
        choices = (
            Choice(reply_action(thread.id), t("inbox-reply-choice")),
            Choice(actions.HOME, t("choice-home")),
        )
        # the counsellor's words are theirs: escaped, so no markup of ours changes them
        return [Reply(t("inbox-answer", number=str(thread.id), text=markup.escape(text)), choices)]

    async def _deliver(self, thread: Thread, replies: Sequence[Reply]) -> bool:
        outbox, sessions = self.services.outbox, self.services.sessions
        if thread.blocked or not outbox.reaches(thread.channel):
            return False
        try:
            reached = await outbox.send(Address(thread.channel, thread.user_ref), replies)
        except Exception:
            log.exception("inbox answer to a user on %s failed", thread.channel)
            return False
        if reached:
            # typed numbers must mean this message's choices (console, Matrix), as after any reply
            choices = [(c.action, c.label) for r in replies for c in r.choices]
            await sessions.set_choices(thread.channel, thread.user_ref, choices)
        else:
            await sessions.mark_blocked(thread.channel, thread.user_ref)
        return reached

    async def close(self, thread_id: int) -> bool:
        return await self.inbox.close(thread_id, self.services.clock.now())

    # -- retention ---------------------------------------------------------------------------

    async def purge(self, now: datetime | None = None) -> tuple[int, int]:
        """Close idle threads and delete those closed long ago: (closed, deleted)."""
        now = now or self.services.clock.now()
        closed = await self.inbox.close_idle(now, self.settings.close_after_days)
        deleted = await self.inbox.delete_closed(now, self.settings.delete_after_days)
        if closed or deleted:
            log.info("inbox retention: %d threads closed, %d deleted", closed, deleted)
        return closed, deleted

    async def run(self) -> None:
        """The retention job (started through ``services.spawn``)."""
        while True:
            try:
                await self.purge()
            except Exception:
                log.exception("inbox retention failed")
            await asyncio.sleep(self.settings.retention_every)
