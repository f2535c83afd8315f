"""Telegram throughput with order: the full bot against a fake Bot API server in another process.

A burst of N updates from M users (commands, button presses, questions, stickers, numbers and numbered
probe commands whose replies carry their number) goes to the fake server at once; the bot (this
process: the real App, dialogue, SQLite and Telegram channel) fetches, handles and answers them. For
each run it prints updates/s, messages/s sent, lost updates and the chats whose replies came out of
order, and the most messages seen in any one second overall and in one chat. A bare
python-telegram-bot echo bot with default settings runs against the same server in the same run.

    python bench/telegram.py                      # the default scenarios (< 3 minutes)
    python bench/telegram.py --updates 500 --users 50 --latency 0.02 --only full-off
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# this file is called telegram.py: its own folder must not shadow the telegram package
sys.path[:] = [str(ROOT)] + [
    p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent
]

import aiohttp  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.app import App  # noqa: E402
from bot.channels.telegram import TelegramChannel  # noqa: E402
from bot.config import ROOT as BOT_ROOT  # noqa: E402
from bot.config import Settings, TelegramSettings  # noqa: E402
from tests.auxil.fake_telegram import TOKEN  # noqa: E402

PROBE = re.compile(r"/p(\d+)\b")
ECHO = re.compile(r"^m(\d+)$")
LANGS = ("ro", "bg", "de", "en")


@dataclass
class Result:
    name: str
    updates: int
    seconds: float
    messages: int
    msg_seconds: float
    lost: int
    reordered: int
    max_overall_1s: int
    max_chat_1s: int

    def line(self) -> str:
        ups = self.updates / self.seconds if self.seconds else 0.0
        mps = self.messages / self.msg_seconds if self.msg_seconds else 0.0
        return (
            f"{self.name:<44} {ups:>9.1f} {mps:>10.1f} {self.messages:>7} {self.lost:>5} {self.reordered:>9}"
            f" {self.max_overall_1s:>8} {self.max_chat_1s:>7}"
        )


HEADER = (
    f"{'run':<44} {'updates/s':>9} {'messages/s':>10} {'sent':>7} {'lost':>5} {'reordered':>9}"
    f" {'max/1s':>8} {'chat/1s':>7}"
)


# -- the fake server in another process -----------------------------------------------------------


class Server:
    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self.port = 0
        self.http: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.auxil.fake_telegram",
            "--port",
            "0",
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        line = await self.proc.stdout.readline()
        self.port = int(line.split()[1])
        self.http = aiohttp.ClientSession()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def control(self, path: str, body: Any = None) -> Any:
        assert self.http is not None
        url = f"http://127.0.0.1:{self.port}/_control/{path}"
        if body is None:
            async with self.http.get(url) as response:
                return await response.json()
        async with self.http.post(url, data=json.dumps(body)) as response:
            return await response.json()

    async def stop(self) -> None:
        if self.http is not None:
            await self.http.close()
        if self.proc is not None:
            self.proc.terminate()
            await self.proc.wait()


# -- updates ------------------------------------------------------------------------------


def _user(uid: int, lang: str) -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": "U", "language_code": lang}


def _message(uid: int, lang: str, mid: int, **content: Any) -> dict[str, Any]:
    message = {
        "message_id": mid,
        "date": int(time.time()),
        "chat": {"id": uid, "type": "private", "first_name": "U"},
        "from": _user(uid, lang),
        **content,
    }
    text = content.get("text", "")
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": message}


def _press(uid: int, lang: str, data: str, query: int) -> dict[str, Any]:
    chat = {"id": uid, "type": "private", "first_name": "U"}
    bot = {"id": 123456, "is_bot": True, "first_name": "Bot"}
    message = {"message_id": 1, "date": int(time.time()), "chat": chat, "from": bot, "text": "…"}
    return {
        "callback_query": {
            "id": f"q{query}",
            "from": _user(uid, lang),
            "chat_instance": "c",
            "data": data,
            "message": message,
        }
    }


def full_bot_burst(updates: int, users: int, seed: int = 7) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """Each user: ``/start <lang>``, then numbered probes between realistic updates."""
    rng = random.Random(seed)
    per_user = max(2, updates // users)
    scripts: dict[int, list[dict[str, Any]]] = {}
    probes: dict[int, int] = {}
    mid = 1
    query = 1
    for index in range(users):
        uid = 100000 + index
        lang = LANGS[index % len(LANGS)]
        script = [_message(uid, lang, mid, text=f"/start {lang}")]
        count = 0
        for step in range(1, per_user):
            mid += 1
            if step % 2:
                script.append(_message(uid, lang, mid, text=f"/p{step}"))
                count += 1
                continue
            kind = rng.choice(("topic", "node", "help", "sticker", "number", "question", "menu"))
            if kind == "topic":
                script.append(_press(uid, lang, "topic:health", query))
                query += 1
            elif kind == "node":
                script.append(_press(uid, lang, "node:health/insurance", query))
                query += 1
            elif kind == "sticker":
                sticker = {
                    "file_id": "s",
                    "file_unique_id": "s",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                }
                script.append(_message(uid, lang, mid, sticker=sticker))
            else:
                text = {"help": "/help", "number": "1", "question": "health insurance card", "menu": "/menu"}[
                    kind
                ]
                script.append(_message(uid, lang, mid, text=text))
        scripts[uid] = script
        probes[uid] = count
    return _interleave(scripts, rng), probes


def echo_burst(updates: int, users: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    per_user = max(1, updates // users)
    scripts = {
        100000 + i: [_message(100000 + i, "en", k + 1, text=f"m{k}") for k in range(per_user)]
        for i in range(users)
    }
    return _interleave(scripts, rng)


def _interleave(scripts: dict[int, list[dict[str, Any]]], rng: random.Random) -> list[dict[str, Any]]:
    """A burst: users' updates mixed at random, each user's own in order."""
    positions = {uid: 0 for uid in scripts}
    out: list[dict[str, Any]] = []
    live = list(scripts)
    while live:
        uid = rng.choice(live)
        out.append(scripts[uid][positions[uid]])
        positions[uid] += 1
        if positions[uid] == len(scripts[uid]):
            live.remove(uid)
    return out


# -- analysis -----------------------------------------------------------------------------


def max_in_window(times: list[float], window: float = 1.0) -> int:
    best = 0
    start = 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def analyse(
    name: str,
    sent: list[dict[str, Any]],
    n_updates: int,
    seconds: float,
    expected: dict[int, int],
    pattern: re.Pattern[str],
    updates_per_chat: int = 0,
) -> Result:
    """Lost: probes that never got their reply, or chats with fewer messages than updates (every
    update in these bursts gets at least one message). Reordered: probe replies out of order."""
    messages = [s for s in sent if s["method"] == "sendMessage"]
    by_chat: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for s in messages:
        by_chat[s["chat_id"]].append(s)
    reordered = 0
    lost = 0
    for chat_id, want in expected.items():
        numbers = [int(m.group(1)) for s in by_chat.get(chat_id, []) if (m := pattern.search(s["text"]))]
        if numbers != sorted(numbers):
            reordered += 1
        missing = max(0, want - len(set(numbers)))
        lost += max(missing, updates_per_chat - len(by_chat.get(chat_id, [])))
    times = sorted(s["at"] for s in messages)
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    per_chat = max((max_in_window(sorted(s["at"] for s in v)) for v in by_chat.values()), default=0)
    return Result(
        name, n_updates, seconds, len(messages), span, lost, reordered, max_in_window(times), per_chat
    )


# -- runs ---------------------------------------------------------------------------------


async def _until(predicate: Any, limit: float) -> None:
    deadline = time.monotonic() + limit
    while not await predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the run did not finish in time")
        await asyncio.sleep(0.01)


async def run_full(
    server: Server, name: str, updates: int, users: int, latency: float, rate: float
) -> Result:
    await server.control("config", {"latency": latency, "reset": True})
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp),
            content_dir=BOT_ROOT / "content",
            locales_dir=BOT_ROOT / "locales",
            semantic=False,
            telegram=TelegramSettings(token=TOKEN, base_url=server.base_url, rate_limit=rate),
        )
        app = App(settings)
        await app.start()
        channel = TelegramChannel(app.channel_services, app.settings.telegram, poll_timeout=1.0)
        await channel.start()
        try:
            burst, probes = full_bot_burst(updates, users)
            before = await server.control("stats")
            t0 = time.monotonic()
            first = (await server.control("updates", burst))["first"]
            last_id = first + len(burst) - 1

            async def done() -> bool:
                stats = await server.control("stats")
                return (
                    stats["confirmed_offset"] > last_id
                    and channel.processor.idle
                    and channel.sender.queued == 0
                )

            await _until(done, 600)
            seconds = time.monotonic() - t0
            sent = await server.control(f"sent?since={before['sent']}")
        finally:
            await channel.stop()
            await app.stop()
    return analyse(name, sent, len(burst), seconds, probes, PROBE, max(2, updates // users))


async def run_echo(server: Server, name: str, updates: int, users: int, latency: float) -> Result:
    await server.control("config", {"latency": latency, "reset": True})

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(update.message.text)

    application = ApplicationBuilder().token(TOKEN).base_url(server.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_polling(timeout=1)
    await application.start()
    try:
        burst = echo_burst(updates, users)
        t0 = time.monotonic()
        await server.control("updates", burst)

        async def done() -> bool:
            return int((await server.control("stats"))["sent"]) >= len(burst)

        await _until(done, 600)
        seconds = time.monotonic() - t0
        sent = await server.control("sent")
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
    per_user = max(1, updates // users)
    return analyse(
        name, sent, len(burst), seconds, {100000 + i: per_user for i in range(users)}, ECHO, per_user
    )


async def main(args: argparse.Namespace) -> None:
    server = Server()
    await server.start()
    results: list[Result] = []
    lat_ms = int(args.latency * 1000)
    runs = [
        (
            "full-limits",
            f"full bot, limits on ({args.rate:g}/s), {lat_ms} ms",
            lambda: run_full(server, "", args.updates, args.users, args.latency, args.rate),
        ),
        (
            "full-off",
            f"full bot, limiter off, {lat_ms} ms",
            lambda: run_full(server, "", args.updates, args.users, args.latency, 0),
        ),
        (
            "echo-latency",
            f"bare PTB echo bot (defaults), {lat_ms} ms",
            lambda: run_echo(server, "", args.echo_updates, min(args.users, args.echo_updates), args.latency),
        ),
        (
            "full-0",
            "full bot, limiter off, no latency",
            lambda: run_full(server, "", args.updates, args.users, 0.0, 0),
        ),
        (
            "echo-0",
            "bare PTB echo bot (defaults), no latency",
            lambda: run_echo(server, "", args.updates, args.users, 0.0),
        ),
    ]
    print(
        f"{args.updates} updates from {args.users} users per run (echo bot with latency: {args.echo_updates})"
    )
    print(HEADER, flush=True)
    try:
        for key, label, run in runs:
            if args.only and key not in args.only:
                continue
            result = replace(await run(), name=label)
            results.append(result)
            print(result.line(), flush=True)
    finally:
        await server.stop()
    rates = {r.name: r.updates / r.seconds for r in results if r.seconds}
    full0 = next((v for k, v in rates.items() if k.startswith("full bot, limiter off, no")), None)
    echo0 = next((v for k, v in rates.items() if k.startswith("bare PTB echo bot (defaults), no")), None)
    if full0 and echo0:
        print(f"full bot / bare echo bot, no latency: {full0 / echo0:.2f}x")
    limited = next((r for r in results if r.name.startswith("full bot, limits on")), None)
    if limited and limited.msg_seconds:
        share = limited.messages / limited.msg_seconds / args.rate
        print(f"limits on: {share:.0%} of the overall limit ({args.rate:g} messages/s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05, help="simulated API latency, seconds")
    parser.add_argument("--rate", type=float, default=30.0, help="overall limit for the limits-on run")
    parser.add_argument("--echo-updates", type=int, default=300, help="echo bot updates in the latency run")
    parser.add_argument(
        "--only", nargs="*", default=[], help="full-limits full-off echo-latency full-0 echo-0"
    )
    asyncio.run(main(parser.parse_args()))
