"""The Telegram webhook: an aiohttp endpoint on 127.0.0.1 that feeds updates to PTB's update queue.

A reverse proxy terminates TLS and forwards to it. Every call must carry Telegram's secret-token
header (the configured secret, or a random one told to Telegram at start): anyone else who finds the
URL is refused with 403, and an unreadable body with 400.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any

from aiohttp import web
from telegram import Bot, Update

from bot.channels.telegram_updates import ALLOWED_UPDATES
from bot.config import TelegramSettings

log = logging.getLogger("bot.channels.telegram")  # the channel's own lines keep the channel's name

WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024


class Webhook:
    """The endpoint: :meth:`start` listens and registers the URL with Telegram, :meth:`stop` ends it."""

    def __init__(self, bot: Bot, updates: asyncio.Queue[Any], url: str, port: int, secret: str = "") -> None:
        self.bot = bot
        self.updates = updates
        self.url = url
        self.port = port
        self.secret = secret or secrets.token_urlsafe(32)
        self._runner: web.AppRunner | None = None

    @classmethod
    def from_settings(cls, bot: Bot, updates: asyncio.Queue[Any], settings: TelegramSettings) -> Webhook:
        return cls(bot, updates, settings.webhook_url, settings.webhook_port, settings.webhook_secret)

    async def start(self) -> None:
        web_app = web.Application(client_max_size=MAX_BODY)
        web_app.router.add_post(WEBHOOK_PATH, self.on_call)
        self._runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        await self.bot.set_webhook(self.url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def on_call(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secrets.compare_digest(given.encode(), self.secret.encode()):
            log.warning("telegram: webhook call without the right secret token refused")
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), self.bot)
        except Exception:
            log.warning("telegram: unreadable webhook payload ignored")
            return web.Response(status=400)
        await self.updates.put(update)
        return web.Response()
