"""Building and connecting the Telegram channel's PTB application: limits, requests, getMe, command menu."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, BaseUpdateProcessor, ContextTypes, TypeHandler

from bot.channels.telegram_limits import Limits
from bot.channels.telegram_logs import describe, log_error
from bot.channels.telegram_request import AiohttpRequest
from bot.config import TelegramSettings
from bot.core.services import Conversation
from bot.i18n.catalog import Catalog

log = logging.getLogger("bot.channels.telegram")  # the channel's own lines keep the channel's name

PTBApplication = Application[Any, Any, Any, Any, Any, Any]
OnUpdate = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
MAX_RETRY = 60.0  # seconds between two getMe attempts at most while the Bot API cannot be reached


def limits_from(settings: TelegramSettings) -> Limits:
    """The outgoing limits the settings ask for (a rate of 0 turns them off)."""
    return Limits(
        overall=max(settings.rate_limit, 0.0),
        per_chat=settings.chat_rate,
        chat_burst=settings.chat_burst,
        group_per_minute=settings.group_per_minute,
        max_in_flight=max(1, settings.max_in_flight),
    )


def build_application(
    settings: TelegramSettings,
    request: AiohttpRequest,
    processor: BaseUpdateProcessor,
    on_update: OnUpdate,
    updates_request: AiohttpRequest | None = None,
) -> PTBApplication:
    """PTB's application on our request seam, with our update processor and one handler for every update."""
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .request(request)
        .get_updates_request(updates_request or AiohttpRequest(pool_size=2))
        .concurrent_updates(processor)
        .job_queue(None)
        .updater(None)  # our poller (telegram_poller) acknowledges only what was handled
    )
    if settings.base_url:
        builder = builder.base_url(settings.base_url)
    application: PTBApplication = builder.build()
    application.add_handler(TypeHandler(Update, on_update))
    application.add_error_handler(_on_error)
    return application


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log_error(context.error)  # one line each, never the token


async def initialize(application: PTBApplication, retry_after: float) -> None:
    """getMe, retried while the network is down; ``InvalidToken`` when Telegram refuses the token."""
    delay = retry_after
    while True:
        try:
            await application.initialize()  # getMe: checks the token
            return
        except InvalidToken:
            raise
        except TelegramError as exc:  # network down, Telegram busy: one line, then again
            log.warning("telegram: cannot reach the Bot API (%s); retrying in %.0f s", describe(exc), delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY)


async def set_commands(bot: Bot, conversation: Conversation, catalog: Catalog) -> None:
    """The command menu, described in each language (and the default language for everyone else)."""
    try:
        for lang in catalog.languages:
            commands = [BotCommand(name, text[:256]) for name, text in conversation.command_list(lang)]
            await bot.set_my_commands(commands, language_code=lang)
        commands = [BotCommand(n, d[:256]) for n, d in conversation.command_list(catalog.default)]
        await bot.set_my_commands(commands)
    except TelegramError as exc:  # the bot works without a command menu
        log.warning("telegram: could not set the command menu (%s)", type(exc).__name__)
