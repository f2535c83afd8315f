"""The real bot on the Telegram channel against the fake Bot API server, for tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.channels.telegram_limits import Limits
from bot.channels.timer import Timer
from bot.config import TelegramSettings
from bot.core.clock import FakeClock
from tests.auxil.chat import START, started_app
from tests.auxil.fake_telegram import TOKEN, FakeTelegram

STAFF_CHAT = -1001234


@dataclass
class Running:
    tg: FakeTelegram
    app: App
    channel: TelegramChannel


@asynccontextmanager
async def telegram_bot(
    tmp: Path,
    *,
    latency: float = 0.0,
    limits: Limits | None = None,
    clock: FakeClock | None = None,
    timer: Timer | None = None,
    telegram: dict[str, Any] | None = None,
    **changes: Any,
) -> AsyncIterator[Running]:
    """A fake server, the app with Telegram configured to use it, the channel started (polling)."""
    async with FakeTelegram(latency=latency) as tg:
        settings = TelegramSettings(
            token=TOKEN, base_url=tg.base_url, staff_chat=str(STAFF_CHAT), rate_limit=0
        )
        settings = replace(settings, **(telegram or {}))
        app = await started_app(tmp, clock or FakeClock(START), telegram=settings, **changes)
        channel = TelegramChannel(
            app.channel_services,
            app.settings.telegram,
            limits=limits or Limits(overall=0),
            poll_timeout=1.0,
            timer=timer,
        )
        try:
            await channel.start()
            yield Running(tg, app, channel)
        finally:
            await channel.stop()
            await app.stop()
