"""Content edits are served within 2 s without a restart; a broken edit keeps the last good version."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from bot.core.clock import FakeClock
from bot.core.events import Reply
from tests.auxil.chat import START, Chat, copy_tree, started_app


class StaffInbox:
    channel = "console"

    def __init__(self) -> None:
        self.received: list[str] = []

    async def send(self, ref: str, replies: list[Reply]) -> bool:
        self.received.extend(r.text for r in replies)
        return True


async def wait_for(condition, seconds: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    # a bound on waiting, not a speed test: edits are served within ~1 s on a quiet machine
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while loop.time() < deadline:
        if await condition():
            return True
        await asyncio.sleep(0.05)
    return False


async def test_valid_edit_is_served_and_broken_edit_is_not(tmp_path: Path) -> None:
    content, locales = copy_tree(tmp_path)
    app = await started_app(tmp_path, FakeClock(START), content_dir=content, locales_dir=locales)
    inbox = StaffInbox()
    app.postman.register(inbox, staff_ref="staff")
    try:
        chat = Chat(app)
        await chat.say("/language en")
        en = content / "health/insurance/en.md"
        text = en.read_text(encoding="utf-8")
        en.write_text(re.sub(r"(?m)^title:.*$", "title: Health insurance (new)", text), encoding="utf-8")

        async def served() -> bool:
            return "Health insurance (new)" in await chat.action("node:health/insurance")

        assert await wait_for(served)

        en.write_text(en.read_text(encoding="utf-8").replace("title:", "title: [broken", 1), encoding="utf-8")

        async def reported() -> bool:
            return bool(inbox.received)

        assert await wait_for(reported)
        assert "health/insurance/en.md:" in inbox.received[0]
        assert "Health insurance (new)" in await chat.action("node:health/insurance")

        locale = locales / "en" / "main.ftl"
        locale.write_text(
            re.sub(r"(?m)^choice-home = .*$", "choice-home = 🏠 Home", locale.read_text(encoding="utf-8")),
            encoding="utf-8",
        )
        en.write_text(text, encoding="utf-8")

        async def locale_served() -> bool:
            await chat.say("/menu")
            await chat.action("node:health/insurance")
            return any(c.label == "🏠 Home" for c in chat.choices)

        assert await wait_for(locale_served)
    finally:
        await app.stop()
