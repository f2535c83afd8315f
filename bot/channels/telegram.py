"""The Telegram channel on python-telegram-bot: updates in, the core's replies out. Translation only.

Long polling by default; a webhook when ``webhook_url`` is configured (an aiohttp endpoint on
127.0.0.1 that checks Telegram's secret-token header; a reverse proxy terminates TLS). Updates are
handled concurrently but in order within each chat (:mod:`bot.channels.telegram_order`); every
message leaves through one rate-limited, per-chat-ordered queue (:mod:`bot.channels.telegram_sender`),
the replies as well as staff notices and reminders sent through the post office.

Logging: one line per routine error (network, 4xx, shutdown), never a message text, never the token.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from aiohttp import web
from telegram import BotCommand, Update
from telegram.error import Conflict, Forbidden, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.channels.telegram_limits import Limits
from bot.channels.telegram_order import OrderedUpdateProcessor
from bot.channels.telegram_render import (
    MAX_UNPAGED,
    OutMessage,
    PageLabels,
    PageRef,
    keyboard_for,
    parse_page,
    render,
)
from bot.channels.telegram_request import AiohttpRequest
from bot.channels.telegram_sender import Sender
from bot.channels.telegram_updates import (
    ALLOWED_UPDATES,
    CHANNEL,
    Where,
    callback_event,
    chat_key,
    message_event,
    where,
)
from bot.common import markup as mk
from bot.config import TelegramSettings
from bot.core.events import Choice, Inbound, Reply
from bot.core.services import ChannelServices
from bot.i18n.catalog import negotiate

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramMessenger:
    """The postman's way to Telegram: the same queue (and limits) as the replies."""

    channel = CHANNEL

    def __init__(self, telegram: TelegramChannel) -> None:
        self.telegram = telegram

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        try:
            chat_id = int(ref)
        except ValueError:
            log.warning("telegram: not a chat id; message dropped")
            return False
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
    ) -> None:
        self.services = services
        self.settings = settings
        self.limits = limits or Limits(
            overall=max(settings.rate_limit, 0.0),
            per_chat=settings.chat_rate,
            chat_burst=settings.chat_burst,
            group_per_minute=settings.group_per_minute,
            max_in_flight=max(1, settings.max_in_flight),
        )
        self.poll_timeout = poll_timeout
        quiet_ptb_logs(settings.token)
        self.processor = OrderedUpdateProcessor(chat_key, max_chats=max(1, settings.max_chats))
        self.request = AiohttpRequest(pool_size=self.limits.max_in_flight + 16)
        builder = (
            ApplicationBuilder()
            .token(self.settings.token)
            .request(self.request)
            .get_updates_request(AiohttpRequest(pool_size=2))
            .concurrent_updates(self.processor)
            .job_queue(None)
        )
        if self.settings.base_url:
            builder = builder.base_url(self.settings.base_url)
        self.application: Application[Any, Any, Any, Any, Any, Any] = builder.build()
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.application.add_error_handler(self._on_error)
        self.sender = Sender(self.application.bot, self.request, self.limits, on_blocked=self._blocked)
        self.username = ""
        self._staff_chat = self.settings.staff_chat
        self._labels: dict[str, PageLabels] = {}
        self._background: set[asyncio.Task[Any]] = set()
        # button-press answers run beside the handling; a flood of presses must not take every connection
        self._answers = asyncio.Semaphore(16)
        self._webhook: web.AppRunner | None = None
        self.webhook_secret = ""

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self, retry_after: float = 5.0) -> None:
        """Connect (getMe, retried while the network is down), then poll or listen for the webhook.

        Raises ``InvalidToken`` when Telegram refuses the token: retrying would not help.
        """
        delay = retry_after
        while True:
            try:
                await self.application.initialize()  # getMe: checks the token
                break
            except InvalidToken:
                raise
            except TelegramError as exc:  # network down, Telegram busy: one line, then again
                log.warning(
                    "telegram: cannot reach the Bot API (%s); retrying in %.0f s", _describe(exc), delay
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 60.0)
        self.username = self.application.bot.username or ""
        self.sender.start()
        self.services.content.on_reload(lambda library: self._labels.clear())  # edited locales: new labels
        self.services.post_office.register(TelegramMessenger(self), staff_ref=self._staff_chat or None)
        await self._set_commands()
        if self.settings.webhook_url:
            await self._start_webhook()
        else:
            assert self.application.updater is not None
            await self.application.updater.start_polling(
                timeout=timedelta(seconds=self.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                error_callback=self._on_polling_error,
            )
        await self.application.start()
        log.info("telegram: serving as @%s (%s)", self.username, "webhook" if self._webhook else "polling")

    async def stop(self) -> None:
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self._webhook is not None:
            await self._webhook.cleanup()
            self._webhook = None
        if self.application.running:
            await self.application.stop()  # waits for handlers already running
        await self.processor.wait_idle_for(5.0)
        for task in list(self._background):
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(task, 5.0)
        await self.sender.close(seconds=5.0)
        with contextlib.suppress(TelegramError):
            await self.application.shutdown()

    async def _set_commands(self) -> None:
        """The command menu, described in each language (and the default language for everyone else)."""
        dialogue = self.services.conversation
        catalog = self.services.content.current.catalog
        try:
            for lang in catalog.languages:
                commands = [BotCommand(name, text[:256]) for name, text in dialogue.command_list(lang)]
                await self.application.bot.set_my_commands(commands, language_code=lang)
            commands = [BotCommand(n, d[:256]) for n, d in dialogue.command_list(catalog.default)]
            await self.application.bot.set_my_commands(commands)
        except TelegramError as exc:  # the bot works without a command menu
            log.warning("telegram: could not set the command menu (%s)", type(exc).__name__)

    async def _start_webhook(self) -> None:
        self.webhook_secret = self.settings.webhook_secret or secrets.token_urlsafe(32)
        web_app = web.Application(client_max_size=1024 * 1024)
        web_app.router.add_post(WEBHOOK_PATH, self._on_webhook)
        self._webhook = web.AppRunner(web_app, access_log=None, handle_signals=False)
        await self._webhook.setup()
        await web.TCPSite(self._webhook, "127.0.0.1", self.settings.webhook_port).start()
        await self.application.bot.set_webhook(
            self.settings.webhook_url, secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES
        )

    async def _on_webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secrets.compare_digest(given.encode(), self.webhook_secret.encode()):
            log.warning("telegram: webhook call without the right secret token refused")
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), self.application.bot)
        except Exception:
            log.warning("telegram: unreadable webhook payload ignored")
            return web.Response(status=400)
        await self.application.update_queue.put(update)
        return web.Response()

    # -- sending -----------------------------------------------------------------------------

    def labels(self, lang: str) -> PageLabels:
        labels = self._labels.get(lang)
        if labels is None:
            t = self.services.content.current.catalog.translator(lang)
            labels = PageLabels(t("telegram-page-previous"), t("telegram-page-next"))
            self._labels[lang] = labels
        return labels

    async def _language(self, user_ref: str, platform_lang: str | None) -> str:
        """The user's language for what the channel says itself (stored, platform's, default)."""
        catalog = self.services.content.current.catalog
        stored = await self.services.sessions.language_of_ref(CHANNEL, user_ref)
        return negotiate(stored, platform_lang, catalog.languages, catalog.default)

    async def _rendered(
        self, replies: list[Reply], lang: str | None, user_ref: str | None
    ) -> list[OutMessage]:
        if lang is None and any(len(r.choices) > MAX_UNPAGED for r in replies):
            lang = await self._language(user_ref, None) if user_ref else self.services.staff_language
        return render(replies, self.labels(lang or self.services.content.current.catalog.default))

    async def send(self, chat_id: int, replies: list[Reply]) -> bool:
        """Send (queued, rate-limited, in order); True once the last message got through."""
        ref = str(chat_id) if chat_id > 0 else None
        lang = self.services.staff_language if str(chat_id) == self._staff_chat else None
        return await self.sender.submit(chat_id, await self._rendered(replies, lang, ref))

    async def _blocked(self, chat_id: int) -> None:
        if chat_id > 0:
            await self.services.sessions.mark_blocked(CHANNEL, str(chat_id))

    # -- updates -----------------------------------------------------------------------------

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.callback_query is not None:
            await self._on_callback(update)
        elif update.message is not None:
            await self._on_message(update)
        elif update.edited_message is not None:
            await self._on_edited(update)
        elif update.my_chat_member is not None:
            await self._on_membership(update)

    async def _on_message(self, update: Update) -> None:
        message = update.message
        assert message is not None
        place = where(message.chat, self._staff_chat)
        if place is Where.OTHER_GROUP:
            if message.from_user is not None and not message.from_user.is_bot:
                await self._group_notice(message.chat.id, message.from_user)
            return
        if place is Where.STAFF and not self._for_bot(update):
            return  # staff talking among themselves
        event = message_event(update, message, in_group=place is Where.STAFF)
        if event is not None:
            await self._handle(event, message.chat.id)

    def _for_bot(self, update: Update) -> bool:
        message = update.message
        assert message is not None
        if message.text and message.text.startswith("/"):
            return True
        replied = message.reply_to_message
        return (
            replied is not None
            and replied.from_user is not None
            and replied.from_user.id == self.application.bot.id
        )

    async def _handle(self, event: Inbound, chat_id: int) -> None:
        replies = await self.services.conversation.handle(event)
        if replies:
            self.sender.submit(chat_id, await self._rendered(replies, None, event.user_ref))

    async def _on_callback(self, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        # always answer, at once and beside the handling: the user's spinner stops
        self._spawn(self._answer(query.id))
        message = query.message
        place = where(message.chat if message is not None else None, self._staff_chat)
        if place is Where.OTHER_GROUP:
            return
        chat_id = message.chat.id if message is not None else query.from_user.id
        page = parse_page(query.data or "")
        if page is not None and message is not None:
            lang_code = query.from_user.language_code
            if await self._turn_page(query.from_user.id, chat_id, message.message_id, page, lang_code):
                return
        # anything else, a stale page included, is the core's: it checks the data and answers politely
        event = callback_event(update, in_group=place is Where.STAFF)
        if event is not None:
            await self._handle(event, chat_id)

    async def _answer(self, query_id: str) -> None:
        try:
            async with self._answers:
                await self.application.bot.answer_callback_query(query_id)
        except TelegramError as exc:  # too old, or the network: the user's spinner just times out
            log.info("telegram: callback query not answered (%s)", type(exc).__name__)

    async def _turn_page(
        self, user_id: int, chat_id: int, message_id: int, page: PageRef, lang_code: str | None
    ) -> bool:
        """Show another page of a long keyboard, from the choices stored for the user's last answer.

        False when those choices are gone (the user went on since): the press is then stale.
        """
        user_ref = str(user_id)
        if await self.services.sessions.find(CHANNEL, user_ref) is None:
            return False
        session = await self.services.sessions.load(CHANNEL, user_ref, self.services.clock.now())
        stored = session.choices[page.first : page.first + page.count]
        if len(stored) != page.count:
            return False
        lang = await self._language(user_ref, lang_code)
        choices = [Choice(action, label) for action, label in stored]
        keyboard = keyboard_for(choices, page.first, page.page, self.labels(lang))
        self.sender.submit(chat_id, [OutMessage("", keyboard)], edit_of=message_id)
        return True

    async def _on_edited(self, update: Update) -> None:
        message = update.edited_message
        assert message is not None
        if where(message.chat, self._staff_chat) is not Where.PRIVATE or message.from_user is None:
            return
        user = message.from_user
        lang = await self._language(str(user.id), user.language_code)
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

    # -- errors: one line each, never the token ----------------------------------------------

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log_error(context.error)

    def _on_polling_error(self, error: TelegramError) -> None:
        log_error(error)


class OneLine(logging.Filter):
    """PTB's own log records: routine Telegram errors without a traceback, and never the token."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, TelegramError | asyncio.CancelledError):
            record.msg, record.args = f"{record.getMessage()} ({_describe(error)})", None
            record.exc_info, record.exc_text = None, None
        if self.token and self.token in record.getMessage():
            record.msg, record.args = record.getMessage().replace(self.token, "<token>"), None
        return True


def quiet_ptb_logs(token: str) -> None:
    """PTB logs the API URL (with the token) and every call's parameters (message texts) at DEBUG,
    and some routine network errors with a traceback: keep it at INFO and in one line."""
    names = [n for n in logging.root.manager.loggerDict if n == "telegram" or n.startswith("telegram.")]
    for name in names:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine(token))


def log_error(error: BaseException | None) -> None:
    if error is None:
        return
    if isinstance(error, InvalidToken):
        log.error("telegram: the bot token was refused")
    elif isinstance(error, Conflict):
        log.warning("telegram: another instance is polling with this token")
    elif isinstance(error, NetworkError | Forbidden | TelegramError | asyncio.CancelledError):
        log.warning("telegram: %s", _describe(error))
    else:
        log.error("telegram: unexpected error", exc_info=error)


def _describe(error: BaseException) -> str:
    text = str(error).replace("\n", " ")[:160]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


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
