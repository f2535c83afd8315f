"""Starts the desk on 127.0.0.1:``desk_port`` inside the bot process (``bot.app`` calls it)."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.config import Settings
from bot.core.services import FeatureServices
from bot.desk.pages import register_all
from bot.desk.site import Desk

log = logging.getLogger(__name__)


def build_desk(services: FeatureServices, settings: Settings) -> Desk:
    desk = Desk(services, settings)
    register_all(desk)
    return desk


async def start_desk(
    services: FeatureServices, settings: Settings, host: str = "127.0.0.1"
) -> tuple[Desk, web.AppRunner]:
    desk = build_desk(services, settings)
    runner = web.AppRunner(desk.app, access_log=None)  # access logs would carry booking codes in URLs
    await runner.setup()
    await web.TCPSite(runner, host, settings.desk_port).start()
    log.info("desk on http://%s:%d/", host, settings.desk_port)
    return desk, runner
