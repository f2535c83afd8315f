"""The Telegram channel on python-telegram-bot: updates in, the core's replies out. Translation only.

Long polling by default (:mod:`telegram_poller`); a webhook when ``webhook_url`` is configured
(:mod:`telegram_webhook`). Updates are handled concurrently but in order within each chat
(:mod:`telegram_order`); every message leaves through one rate-limited, per-chat-ordered queue
(:mod:`telegram_sender`), the replies as well as staff notices and reminders sent through the post
office.

An update is acknowledged to Telegram (the poller's offset moves past it, the webhook call is answered)
only once it was handled: the core recorded the turn and the sender delivered its replies. Then the
replies the core kept for a redelivery are erased. An update not handled when the process dies (or
whose replies were still queued at shutdown) is fetched again after the restart.

Logging (:mod:`telegram_logs`): one line per routine error, never a message text, never the token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from telegram import Update, User
from telegram.error import InvalidToken, TelegramError
from telegram.ext import ContextTypes

from bot.channels.telegram_limits import Limits
from bot.channels.telegram_logs import quiet_ptb_logs
from bot.channels.telegram_order import OrderedUpdateProcessor
from bot.channels.telegram_poller import Poller
from bot.channels.telegram_render import (
    OutMessage,
    parse_page,
)
from bot.channels.telegram_request import AiohttpRequest
from bot.channels.telegram_sender import Sender
from bot.channels.telegram_setup import (
    PTBApplication,
    build_application,
    initialize,
    limits_from,
    set_commands,
)
from bot.channels.telegram_updates import (
    ALLOWED_UPDATES,
    CHANNEL,
    Where,
    addressed_to_bot,
    callback_event,
    chat_key,
    message_event,
    where,
)
from bot.channels.telegram_webhook import Webhook
from bot.channels.telegram_wording import Wording
from bot.channels.timer import Timer
from bot.common import markup as mk
from bot.config import TelegramSettings
from bot.core.events import Inbound, Reply
from bot.core.flood import FloodGuard, Verdict
from bot.core.outbox import Delivery
from bot.core.services import ChannelServices
from bot.i18n.catalog import negotiate

log = logging.getLogger(__name__)
PAGE_TURNS = 10  # keyboard page turns one user may make ...
PAGE_TURN_SECONDS = 10  # ... within this many seconds

# an update handled by the core whose replies went to the sender: the event and the sender's promise
Handed = tuple[Inbound, "asyncio.Future[Delivery]"]


class TelegramMessenger:
    """The postman's way to Telegram: the same queue (and limits) as the replies."""

    channel = CHANNEL

    def __init__(self, telegram: TelegramChannel) -> None:
        self.telegram = telegram

    async def send(self, ref: str, replies: Sequence[Reply]) -> Delivery:
        try:
            chat_id = int(ref)
        except ValueError:
            log.warning("telegram: not a chat id; message dropped")
            return Delivery.FAILED
        return await self.telegram.send(chat_id, list(replies))


class TelegramChannel:
    """One bot account: its PTB application, update order, outgoing queue and messenger."""

    def __init__(
        self,
        services: ChannelServices,
        settings: TelegramSettings,
        *,
        limits: Limits | None = None,
        poll_timeout: float = 30.0,
        timer: Timer | None = None,
    ) -> None:
        self.services = services
        self.settings = settings
        self.limits = limits or limits_from(settings)
        self.poll_timeout = poll_timeout
        quiet_ptb_logs(settings.token)
        self.processor = OrderedUpdateProcessor(chat_key, max_chats=max(1, settings.max_chats))
        self.request = AiohttpRequest(pool_size=self.limits.max_in_flight + 16)
        self.updates_request = AiohttpRequest(pool_size=2)  # long polls apart from the sending
        self.application: PTBApplication = build_application(
            settings, self.request, self.processor, self._on_update, self.updates_request
        )
        self.sender = Sender(
            self.application.bot, self.request, self.limits, on_blocked=self._blocked, timer=timer
        )
        self.username = ""
        self._staff_chat = self.settings.staff_chat
        self.wording = Wording(services)
        self._background: set[asyncio.Task[Any]] = set()
        # button-press answers run beside the handling; a flood of presses must not take every connection
        self._answers = asyncio.Semaphore(16)
        # turning keyboard pages is answered here, not by the core: it gets its own flood control
        self._page_turns = FloodGuard(PAGE_TURNS, timedelta(seconds=PAGE_TURN_SECONDS))
        self._webhook: Webhook | None = None
        self._poller: Poller | None = None
        self._stopping = False
        self._delivered: list[str] = []  # event ids whose kept replies are to be erased
        self._eraser: asyncio.Task[None] | None = None

    @property
    def webhook_secret(self) -> str:
        """The secret Telegram sends with every webhook call ("" when polling)."""
        return self._webhook.secret if self._webhook is not None else ""

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, retry_after: float = 5.0) -> None:
        """Connect (getMe, retried while the network is down), then poll or listen for the webhook.

        Raises ``InvalidToken`` when Telegram refuses the token: retrying would not help.
        """
        await initialize(self.application, retry_after)
        self.username = self.application.bot.username or ""
        self.sender.start()
        self.services.content.on_reload(lambda library: self.wording.forget())
        self.services.post_office.register(TelegramMessenger(self), staff_ref=self._staff_chat or None)
        await set_commands(
            self.application.bot, self.services.conversation, self.services.content.current.catalog
        )
        if self.settings.webhook_url:
            self._webhook = Webhook.from_settings(
                self.application.bot, self.application.update_queue, self.settings
            )
            await self._webhook.start()
        else:
            self._poller = Poller(
                self.application.bot,
                self.updates_request,
                self.application.update_queue.put,
                timeout=self.poll_timeout,
                allowed_updates=ALLOWED_UPDATES,
            )
            await self._poller.start()
        await self.application.start()
        log.info("telegram: serving as @%s (%s)", self.username, "webhook" if self._webhook else "polling")

    async def stop(self) -> None:
        self._stopping = True
        if self._poller is not None:
            await self._poller.stop()
        if self._webhook is not None:
            await self._webhook.stop()
        if self.application.running:
            await self.application.stop()  # waits for handlers already running
        await self.processor.wait_idle_for(5.0)
        # staff notices still queued go out through this sender before it closes
        await self.services.post_office.drain(5.0, CHANNEL)
        await self.sender.close(seconds=5.0)
        # replies are sent or given up now: the updates they answer are settled (or left for a restart)
        for task in list(self._background):
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(task, 5.0)
        if self._eraser is not None:  # started by the last settlements
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(self._eraser, 5.0)
        if self._poller is not None:
            await self._poller.acknowledge()
        with contextlib.suppress(TelegramError):
            await self.application.shutdown()

    # -- sending -----------------------------------------------------------------------------

    async def send(self, chat_id: int, replies: list[Reply]) -> Delivery:
        """Send (queued, rate-limited, in order); what became of the last message (only a 403 is
        "blocked")."""
        ref = str(chat_id) if chat_id > 0 else None
        lang = self.services.staff_language if str(chat_id) == self._staff_chat else None
        return await self.sender.submit(chat_id, await self.wording.rendered(replies, lang, ref))

    async def _blocked(self, chat_id: int) -> None:
        if chat_id > 0:
            await self.services.sessions.mark_blocked(CHANNEL, str(chat_id))

    # -- updates -----------------------------------------------------------------------------

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        handed: Handed | None = None
        try:
            if update.callback_query is not None:
                handed = await self._on_callback(update)
            elif update.message is not None:
                handed = await self._on_message(update)
            elif update.edited_message is not None:
                await self._on_edited(update)
            elif update.my_chat_member is not None:
                await self._on_membership(update)
        except asyncio.CancelledError:
            raise  # cut short at shutdown: not acknowledged, so fetched again after the restart
        except Exception:
            self._acknowledge(update.update_id)  # an update that failed would fail again
            raise
        if handed is None:
            self._acknowledge(update.update_id)
        else:
            self._spawn(self._settle(update.update_id, handed))

    async def _settle(self, update_id: int, handed: Handed) -> None:
        """Once the replies were delivered: erase the copy the core kept, acknowledge the update."""
        event, sent = handed
        delivery = await sent
        if delivery is Delivery.FAILED and self._stopping:
            # still queued at shutdown: not acknowledged, so Telegram gives the update again after the
            # restart and the core answers it with the replies it kept
            return
        if delivery is Delivery.DELIVERED and event.event_id:
            self._erase(event.event_id)
        self._acknowledge(update_id)

    def _erase(self, event_id: str) -> None:
        """Erase the core's copy of delivered replies: one statement for all that gathered meanwhile
        (an update per event would double the writes of a busy hour). A crash before the erasure costs
        a duplicate at worst: the update is redelivered only if it was not acknowledged either."""
        self._delivered.append(event_id)
        if self._eraser is None or self._eraser.done():
            self._eraser = asyncio.create_task(self._erase_delivered())
            self._background.add(self._eraser)
            self._eraser.add_done_callback(self._background.discard)

    async def _erase_delivered(self) -> None:
        while self._delivered:
            ids, self._delivered = self._delivered, []
            await self.services.sessions.delivered(CHANNEL, *ids)

    def _acknowledge(self, update_id: int) -> None:
        if self._poller is not None:
            self._poller.done(update_id)
        if self._webhook is not None:
            self._webhook.done(update_id)

    async def _on_message(self, update: Update) -> Handed | None:
        message = update.message
        assert message is not None
        place = where(message.chat, self._staff_chat)
        if place is Where.OTHER_GROUP:
            if message.from_user is not None and not message.from_user.is_bot:
                await self._group_notice(message.chat.id, message.from_user)
            return None
        if place is Where.STAFF and not addressed_to_bot(message, self.application.bot.id):
            return None  # staff talking among themselves
        if place is Where.STAFF and not self._is_staff(message.from_user):
            return None  # others in the staff group are not answered at all (as in the Matrix staff room)
        event = message_event(update, message, in_group=place is Where.STAFF)
        if event is None:
            return None
        return await self._handle(event, message.chat.id)

    def _is_staff(self, user: User | None) -> bool:
        return user is not None and f"{CHANNEL}:{user.id}" in self.services.staff_users

    async def _handle(self, event: Inbound, chat_id: int) -> Handed | None:
        """The core's turn, its replies queued; what to wait for before the update is acknowledged."""
        replies = await self.services.conversation.handle(event)
        if not replies:
            return None
        rendered = await self.wording.rendered(replies, None, event.user_ref)
        return event, self.sender.submit(chat_id, rendered)

    async def _on_callback(self, update: Update) -> Handed | None:
        query = update.callback_query
        assert query is not None
        # always answer, at once and beside the handling: the user's spinner stops
        self._spawn(self._answer(query.id))
        message = query.message
        place = where(message.chat if message is not None else None, self._staff_chat)
        if place is Where.OTHER_GROUP or (place is Where.STAFF and not self._is_staff(query.from_user)):
            return None
        chat_id = message.chat.id if message is not None else query.from_user.id
        page = parse_page(query.data or "")
        if page is not None and message is not None:
            key = (CHANNEL, str(query.from_user.id))
            if self._page_turns.check(key, self.services.clock.now()) is not Verdict.OK:
                return None  # pressing the arrows in a loop: the spinner stops, nothing is sent
            # another page of a long keyboard, from the choices stored for the user's last answer
            keyboard = await self.wording.page(str(query.from_user.id), page, query.from_user.language_code)
            if keyboard is not None:
                self.sender.submit(chat_id, [OutMessage("", keyboard)], edit_of=message.message_id)
                return None
        # anything else, a stale page included, is the core's: it checks the data and answers politely
        event = callback_event(update, in_group=place is Where.STAFF)
        if event is None:
            return None
        return await self._handle(event, chat_id)

    async def _answer(self, query_id: str) -> None:
        try:
            async with self._answers:
                await self.application.bot.answer_callback_query(query_id)
        except TelegramError as exc:  # too old, or the network: the user's spinner just times out
            log.info("telegram: callback query not answered (%s)", type(exc).__name__)

    async def _on_edited(self, update: Update) -> None:
        message = update.edited_message
        assert message is not None
        if where(message.chat, self._staff_chat) is not Where.PRIVATE or message.from_user is None:
            return
        user = message.from_user
        lang = await self.wording.language(str(user.id), user.language_code)
        t = self.services.content.current.catalog.translator(lang)
        self.sender.submit(message.chat.id, [OutMessage(mk.to_html(t("telegram-edited")))])

    async def _on_membership(self, update: Update) -> None:
        member = update.my_chat_member
        assert member is not None
        status = member.new_chat_member.status
        place = where(member.chat, self._staff_chat)
        if place is Where.PRIVATE and status in ("kicked", "left"):
            await self.services.sessions.mark_blocked(CHANNEL, str(member.chat.id))
        elif place is Where.OTHER_GROUP and status in ("member", "administrator"):
            await self._group_notice(member.chat.id, member.from_user)

    async def _group_notice(self, chat_id: int, user: Any) -> None:
        """Tell a group once that the bot works in a private chat; afterwards stay silent there."""
        now = self.services.clock.now().isoformat(timespec="seconds")
        added = await self.services.db.execute(
            "INSERT OR IGNORE INTO telegram_group_notices(chat_id, noticed_at) VALUES (?, ?)",
            (str(chat_id), now),
        )
        if not added:
            return
        catalog = self.services.content.current.catalog
        lang = negotiate(None, getattr(user, "language_code", None), catalog.languages, catalog.default)
        text = catalog.translator(lang)("telegram-group-notice", bot=mk.escape(self.username))
        self.sender.submit(chat_id, [OutMessage(mk.to_html(text))])

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.create_task(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


async def serve(services: ChannelServices, settings: TelegramSettings) -> None:
    """Run the Telegram channel until cancelled (``bot.cli.run`` calls this).

    A refused token ends this channel with one log line; the other channels go on.
    """
    channel = TelegramChannel(services, settings)
    try:
        await channel.start()
    except InvalidToken:
        log.error("telegram: the bot token was refused; the Telegram channel is not started")
        with contextlib.suppress(Exception):
            await channel.application.shutdown()
        return
    try:
        await asyncio.Event().wait()
    finally:
        await channel.stop()


__all__ = ["TelegramChannel", "TelegramMessenger", "serve"]
