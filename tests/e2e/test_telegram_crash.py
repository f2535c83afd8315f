"""``python -m bot run`` on Telegram (the fake Bot API in this process), killed with SIGKILL while a
reply is on its way: the update is fetched again after the restart and answered; an update handled
before the kill is not fetched again; the offset never passed the unhandled update."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from pathlib import Path

from bot.config import ROOT
from tests.auxil.fake_telegram import TOKEN, FakeTelegram
from tests.auxil.process import bot_env
from tests.auxil.wait import until


async def start_bot(tg: FakeTelegram, data: Path) -> asyncio.subprocess.Process:
    env = bot_env(data, BOT_TELEGRAM_TOKEN=TOKEN, BOT_TELEGRAM_BASE_URL=tg.base_url)
    tg.commands.clear()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    await until(lambda: "" in tg.commands, within=30, what="the bot to start")  # its menu is set last
    return proc


async def test_an_update_cut_short_by_sigkill_is_fetched_again_and_answered(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        user = tg.user(42, "en")
        proc = await start_bot(tg, tmp_path)
        try:
            handled = user.says("/start en")
            await tg.wait_sent(1, 42, within=20)
            await until(lambda: tg.confirmed_offset > handled, what="the handled update to be acknowledged")
            tg.fail("sendMessage", "timeout", chat_id=42)  # the next reply hangs on the wire
            cut = user.says("/help")
            await until(lambda: tg.calls["sendMessage"] >= 2, within=20, what="the reply to be on its way")
            assert tg.confirmed_offset <= cut  # the turn is recorded, but its reply did not arrive
            fetched = tg.fetched[handled], tg.fetched[cut]  # (fetched again while in flight: skipped)
        finally:
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
        assert tg.to(42)[1:] == []  # the user has no answer to /help

        proc = await start_bot(tg, tmp_path)
        try:
            [_, again] = await tg.wait_sent(2, 42, within=20)  # the reply the core kept, sent now
            assert "/privacy" in again.text  # the help
            await until(lambda: tg.confirmed_offset > cut, what="the update to be acknowledged")
            assert tg.fetched[handled] == fetched[0]  # handled before the kill: never fetched again
            assert tg.fetched[cut] > fetched[1]  # fetched again after the restart
        finally:
            proc.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(proc.communicate(), 30)
        assert proc.returncode == 0, stderr.decode()
        assert len(tg.to(42)) == 2  # each answered once

    db = sqlite3.connect(tmp_path / "bot.sqlite3")
    try:
        kept = dict(db.execute("SELECT event_id, replies FROM processed_events WHERE channel='telegram'"))
    finally:
        db.close()
    assert kept == {str(handled): None, str(cut): None}  # recorded, the delivered replies erased
