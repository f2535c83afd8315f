"""The console: chat in a terminal. Choices are printed as ``1. label``; type the number or text.

With piped input it reads one user message per line and exits at the end of input, so it can be
scripted. Staff notices go to ``<data dir>/staff.log``.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.common import markup
from bot.common.private import private_dir, private_file
from bot.core.clock import local
from bot.core.events import Inbound, Reply

CHANNEL = "console"
STAFF_REF = "staff"


def render(replies: Sequence[Reply]) -> str:
    """Replies as console text: messages, then their choices numbered across the batch."""
    blocks = []
    number = 0
    for reply in replies:
        lines = [markup.to_plain(reply.text)]
        for choice in reply.choices:
            number += 1
            lines.append(f"{number}. {choice.label}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class ConsoleMessenger:
    """Sends the bot's own messages: to the console user on screen, to staff into the staff log."""

    channel = CHANNEL

    def __init__(self, output: TextIO, staff_log: Path) -> None:
        self.output = output
        self.staff_log = staff_log

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        if ref == STAFF_REF:
            private_dir(self.staff_log.parent)
            self.staff_log.touch(mode=0o600)  # names and times of appointments: owner-only
            private_file(self.staff_log)
            stamp = local(datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
            with self.staff_log.open("a", encoding="utf-8") as log_file:
                for reply in replies:
                    log_file.write(f"[{stamp}] {markup.to_plain(reply.text)}\n")
            return True
        self.output.write(render(replies) + "\n\n")
        self.output.flush()
        return True


def console_language() -> str | None:
    """The terminal's language (``LANG=ro_RO.UTF-8`` → ``ro``), as a platform language code."""
    value = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    code = value.split(".")[0]
    return None if code in ("", "C", "POSIX") else code


async def run_console(
    handle: Callable[[Inbound], Awaitable[list[Reply]]],
    *,
    user_ref: str = "local",
    lang: str | None = None,
    input_stream: TextIO | None = None,
    output: TextIO | None = None,
) -> None:
    """Read lines until the end of input; print the replies to each."""
    source = input_stream or sys.stdin
    out = output or sys.stdout
    interactive = source.isatty()
    loop = asyncio.get_running_loop()
    platform_lang = lang or console_language()

    async def send(text: str) -> None:
        event = Inbound(CHANNEL, user_ref, text=text, platform_lang=platform_lang)
        replies = await handle(event)
        if replies:
            out.write(render(replies) + "\n\n")
            out.flush()

    if interactive:
        await send("/start")
    while True:
        if interactive:
            out.write("> ")
            out.flush()
        line = await loop.run_in_executor(None, source.readline)
        if line == "":
            return
        await send(line.rstrip("\r\n"))
