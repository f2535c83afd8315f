"""The channels the bot can serve on, registered through one small interface.

``python -m bot run`` serves every entry whose ``enabled`` says so. A new channel is a new module with an
``async def serve(services, settings)`` plus one entry here; nothing else names channels. The modules are
imported only when enabled (matrix-nio and python-telegram-bot take a while to import).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from bot.config import Settings
from bot.core.services import ChannelServices


@dataclass(frozen=True, slots=True)
class ChannelEntry:
    name: str
    module: str  # has ``async def serve(services: ChannelServices, settings) -> None``
    enabled: Callable[[Settings], bool]
    settings: Callable[[Settings], object]  # the channel's own slice of the settings

    async def serve(self, services: ChannelServices, settings: Settings) -> None:
        """Run the channel until cancelled."""
        module = importlib.import_module(self.module)
        await module.serve(services, self.settings(settings))


CHANNELS: tuple[ChannelEntry, ...] = (
    ChannelEntry("telegram", "bot.channels.telegram", lambda s: s.telegram.enabled, lambda s: s.telegram),
    ChannelEntry("matrix", "bot.channels.matrix", lambda s: s.matrix.enabled, lambda s: s.matrix),
)


def enabled_channels(settings: Settings) -> list[ChannelEntry]:
    return [entry for entry in CHANNELS if entry.enabled(settings)]
