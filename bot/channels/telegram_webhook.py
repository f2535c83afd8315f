"""The Telegram webhook: an aiohttp endpoint on 127.0.0.1 that feeds updates to PTB's update queue.

A reverse proxy terminates TLS and forwards to it. Every call must carry Telegram's secret-token
header (the configured secret, or a random one told to Telegram at start): anyone else who finds the
URL is refused with 403, and an unreadable body with 400.

A call is answered only once its update was handled (the core recorded the turn and the replies were
delivered; the channel calls :meth:`Webhook.done`), or after ``wait`` seconds at most: Telegram
delivers an update again when the call fails or times out, so an update whose handling a crash cut
short comes back after the restart. Telegram keeps at most ``max_connections`` (40 by default) calls
open at once, so waiting also holds back a flood.
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
WAIT = 10.0  # seconds a call waits for its update to be handled before it is answered anyway


class Webhook:
    """The endpoint: :meth:`start` listens and registers the URL with Telegram, :meth:`stop` ends it."""

    def __init__(
        self,
        bot: Bot,
        updates: asyncio.Queue[Any],
        url: str,
        port: int,
        secret: str = "",
        wait: float = WAIT,
    ) -> None:
        self.bot = bot
        self.updates = updates
        self.url = url
        self.port = port
        self.secret = secret or secrets.token_urlsafe(32)
        self.wait = wait
        self._runner: web.AppRunner | None = None
        self._handling: dict[int, asyncio.Future[None]] = {}  # update id -> settled when handled
        self.answered_early = 0  # calls answered because ``wait`` ran out

    @classmethod
    def from_settings(cls, bot: Bot, updates: asyncio.Queue[Any], settings: TelegramSettings) -> Webhook:
        return cls(bot, updates, settings.webhook_url, settings.webhook_port, settings.webhook_secret)

    async def start(self) -> None:
        web_app = web.Application(client_max_size=MAX_BODY)
        web_app.router.add_post(WEBHOOK_PATH, self.on_call)
        # at shutdown, calls still waiting are cut off: Telegram delivers them again after the restart
        self._runner = web.AppRunner(web_app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
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
        if update is None:
            return web.Response()
        handled = self._handling.get(update.update_id)
        if handled is None:
            handled = asyncio.get_running_loop().create_future()
            self._handling[update.update_id] = handled
            await self.updates.put(update)
        # else: Telegram retried a call still being handled; both are answered when it is done
        try:
            await asyncio.wait_for(asyncio.shield(handled), self.wait)
        except TimeoutError:
            self.answered_early += 1
            log.warning(
                "telegram: update %d not handled within %g s; answered anyway", update.update_id, self.wait
            )
        finally:
            self._handling.pop(update.update_id, None)  # bounded: only calls open now
        return web.Response()

    def done(self, update_id: int) -> None:
        """The update was handled: answer its call (unknown ids, answered already, are ignored)."""
        handled = self._handling.pop(update_id, None)
        if handled is not None and not handled.done():
            handled.set_result(None)
