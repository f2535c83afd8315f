"""``run`` (every configured channel, the console when none) and ``console``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from bot.app import App, StartupError
from bot.channels.console import CHANNEL, STAFF_REF, ConsoleMessenger, run_console
from bot.channels.registry import enabled_channels
from bot.config import Settings

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="start the bot on every configured channel (the console when none)")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("console", help="chat with the bot in this terminal (reads stdin when piped)")
    p.add_argument("--user", default="local", help="user reference (default: local)")
    p.add_argument("--lang", default=None, help="platform language code, as a messenger would send it")
    p.set_defaults(func=cmd_console)


def _report(exc: StartupError, settings: Settings) -> int:
    print("The content has errors; the bot cannot start:", file=sys.stderr)
    for issue in exc.issues:
        print(issue.format(settings.content_dir.parent), file=sys.stderr)
    return 1


async def _console(settings: Settings, user: str, lang: str | None) -> int:
    app = App(settings)
    try:
        await app.start()
    except StartupError as exc:
        return _report(exc, settings)
    app.postman.register(ConsoleMessenger(sys.stdout, settings.data_dir / "staff.log"), staff_ref=STAFF_REF)
    try:
        await run_console(app.dialogue.handle, user_ref=user, lang=lang)
    finally:
        await app.stop()
    return 0


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_console(settings, args.user, args.lang))
    except (KeyboardInterrupt, BrokenPipeError):  # Ctrl-C, or the reader of our output went away (| head)
        return 0


async def _run(settings: Settings) -> int:
    channels = enabled_channels(settings)
    if not channels:
        log.info("no Telegram or Matrix credentials configured: starting the console (channel %s)", CHANNEL)
        return await _console(settings, "local", None)
    app = App(settings)
    try:
        await app.start()
    except StartupError as exc:
        return _report(exc, settings)
    loop = asyncio.get_running_loop()
    serving = asyncio.gather(*(entry.serve(app.channel_services, settings) for entry in channels))
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, serving.cancel)
    log.info("serving on %s", ", ".join(entry.name for entry in channels))
    try:
        await serving
    except asyncio.CancelledError:
        log.info("shutting down")
    finally:
        await app.stop()
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(_run(settings))
    except KeyboardInterrupt:
        return 0
