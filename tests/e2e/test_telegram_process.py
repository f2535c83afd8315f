"""``python -m bot run`` as a real process on Telegram (the fake Bot API): serve, answer, stop on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from bot.config import ROOT
from tests.auxil.fake_telegram import TOKEN, FakeTelegram
from tests.auxil.process import bot_env


async def test_run_serves_telegram_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    async with FakeTelegram() as tg:
        env = bot_env(
            tmp_path,
            BOT_TELEGRAM_TOKEN=TOKEN,
            BOT_TELEGRAM_BASE_URL=tg.base_url,
            BOT_TELEGRAM_STAFF_CHAT="-1001",
            BOT_LOG_LEVEL="DEBUG",  # even at DEBUG: no token, no message text
        )
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            for _ in range(300):  # the command menu is set once the channel is up
                if "" in tg.commands:
                    break
                await asyncio.sleep(0.05)
            user = tg.user(42, "ro", "Maria")
            user.says("/start ro")
            [reply] = await tg.wait_sent(1, 42, within=20)
            assert "Bună ziua!" in reply.text
            user.says("Numele meu este Maria Popescu")
            await tg.wait_sent(2, 42, within=20)
        finally:
            proc.send_signal(signal.SIGTERM)
            _stdout, stderr = await asyncio.wait_for(proc.communicate(), 30)
    log = stderr.decode()
    assert proc.returncode == 0, log
    assert "Traceback" not in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Maria" not in log and "Bună ziua" not in log
    assert "telegram: serving as @newcomers_test_bot" in log
