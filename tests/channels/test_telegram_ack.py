"""Telegram acknowledges an update only once it was handled: the poller's offset (a low watermark over
the updates in flight) and the webhook's answer; the core's kept replies erased once delivered.

The real channel against the fake Bot API; the crash itself (SIGKILL, restart) is in
tests/e2e/test_telegram_crash.py.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from bot.app import FeatureFactory
from bot.channels.telegram_poller import Watermark
from bot.config import Settings
from bot.core.events import Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from tests.auxil.fake_telegram import FakeUser
from tests.auxil.telegram_bot import Running, telegram_bot
from tests.auxil.wait import until


class Gate(Feature):
    """``/gate`` waits inside the core's turn until the test opens the gate."""

    name = "gate"
    commands = ("gate",)

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.open = asyncio.Event()

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        self.entered.set()
        await self.open.wait()
        return [Reply("through the gate")]


def gated(gate: Gate) -> FeatureFactory:
    def features(services: FeatureServices, settings: Settings) -> list[Feature]:
        return [gate]

    return features


async def kept_replies(bot: Running, update_id: int) -> str | None:
    row = await bot.app.db.fetchone(
        "SELECT replies FROM processed_events WHERE channel='telegram' AND event_id=?", (str(update_id),)
    )
    assert row is not None, f"update {update_id} was not recorded"
    return None if row[0] is None else str(row[0])


async def erased(bot: Running, update_id: int) -> bool:
    return await kept_replies(bot, update_id) is None


async def introduced(bot: Running, user: FakeUser) -> None:
    """The user chose a language (a first contact is asked for one before anything else)."""
    before = len(bot.tg.to(user.id))
    user.says("/start en")
    await bot.tg.wait_sent(before + 1, user.id)


# -- the watermark on its own ----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_offset_is_the_oldest_update_in_flight() -> None:
    marks = Watermark()
    assert marks.offset is None  # nothing fetched yet: Telegram's own offset
    for update_id in (5, 6, 7):
        assert marks.fresh(update_id)
        marks.begin(update_id)
    marks.done(6)
    assert marks.offset == 5  # 6 is handled, but 5 is not: nothing is acknowledged
    assert not marks.fresh(6) and not marks.fresh(5)  # returned again by Telegram: skipped
    marks.done(5)
    assert marks.offset == 7
    marks.done(7)
    assert marks.offset == 8 and marks.in_flight == 0
    marks.done(7)  # twice, or an id never fetched: ignored
    marks.done(99)
    assert marks.offset == 8


def test_a_stuck_update_is_given_up_after_max_age() -> None:
    clock = Clock()
    marks = Watermark(max_age=60, clock=clock)
    marks.begin(1)
    clock.now = 30
    marks.begin(2)
    assert marks.give_up_stuck() == []
    clock.now = 61
    assert marks.give_up_stuck() == [1]  # the only one that old
    assert marks.offset == 2 and marks.given_up == 1
    marks.done(1)  # handled after all: nothing changes
    assert marks.offset == 2


def test_a_full_window_without_progress_gives_up_what_holds_it() -> None:
    clock = Clock()
    marks = Watermark(window=10, max_age=600, stall=5, clock=clock)
    for update_id in range(1, 6):
        marks.begin(update_id)
    clock.now = 6
    marks.done(5)  # progress
    clock.now = 10
    for update_id in range(6, 11):
        marks.begin(update_id)  # 9 in flight, 1 to 10: Telegram can hand out nothing newer
    clock.now = 10.5
    assert marks.give_up_stuck() == []  # handled a moment ago: things move, wait
    clock.now = 11.5
    assert marks.give_up_stuck() == [1, 2, 3, 4]  # stalled: those in flight for 5 s make room
    assert marks.give_up_stuck() == []  # the window is no longer full
    assert marks.offset == 6 and marks.given_up == 4


# -- polling -------------------------------------------------------------------------------


async def test_the_offset_never_passes_an_update_still_being_handled(tmp_path: Path) -> None:
    gate = Gate()
    async with telegram_bot(tmp_path, features=gated(gate)) as bot:
        slow, quick = bot.tg.user(41, "en"), bot.tg.user(42, "en")
        await introduced(bot, slow)
        held = slow.says("/gate")
        await asyncio.wait_for(gate.entered.wait(), 10)
        ids = [quick.says("/start en"), quick.says("/help"), quick.says("/privacy")]
        await bot.tg.wait_sent(3, 42)  # others go on meanwhile
        calls = bot.tg.calls["getUpdates"]
        await until(lambda: bot.tg.calls["getUpdates"] >= calls + 2, what="the poller to ask again")
        assert bot.tg.confirmed_offset <= held  # not acknowledged: a crash now would not lose it
        assert bot.tg.fetched[held] >= 2  # Telegram gave it again (it is not acknowledged) ...
        assert len(bot.tg.to(41)) == 1  # ... and it was not handled twice
        gate.open.set()
        [_, reply] = await bot.tg.wait_sent(2, 41)
        assert "through the gate" in reply.text
        await until(lambda: bot.tg.confirmed_offset > ids[-1], what="everything to be acknowledged")
        await bot.tg.wait_idle()
        assert len(bot.tg.to(42)) == 3 and len(bot.tg.to(41)) == 2  # each update answered once


async def test_an_update_stuck_too_long_is_acknowledged_with_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gate = Gate()
    async with telegram_bot(tmp_path, features=gated(gate)) as bot:
        assert bot.channel._poller is not None
        bot.channel._poller.marks.max_age = 0.3
        slow = bot.tg.user(41, "en")
        await introduced(bot, slow)
        held = slow.says("/gate")
        await asyncio.wait_for(gate.entered.wait(), 10)
        later = bot.tg.user(42, "en").says("/start en")
        await until(lambda: bot.tg.confirmed_offset > later, what="the stuck update to be given up")
        gate.open.set()
        await bot.tg.wait_sent(2, 41)  # still answered
    [line] = [r.getMessage() for r in caplog.records if "acknowledged anyway" in r.getMessage()]
    assert line == f"telegram: update {held} still not handled; acknowledged anyway"


async def test_replies_are_erased_once_delivered_and_kept_when_not(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        first = user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        await until(lambda: bot.tg.confirmed_offset > first, what="the update to be acknowledged")
        await until(lambda: erased(bot, first), what="the kept replies to be erased")  # the id stays
        bot.tg.fail("sendMessage", "400", chat_id=42)  # refused: the reply never arrives
        second = user.says("/help")
        await until(lambda: bot.tg.confirmed_offset > second, what="the update to be acknowledged")
        # acknowledged (a redelivery would be refused again), but the reply is kept for retention
        assert await kept_replies(bot, second) is not None


async def test_replies_still_queued_at_shutdown_leave_their_update_unacknowledged(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        first = user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        await until(lambda: bot.tg.confirmed_offset > first, what="the update to be acknowledged")
        bot.tg.fail("sendMessage", "500", count=1000, chat_id=42)  # the reply cannot leave
        second = user.says("/help")
        await until(lambda: bot.tg.calls["sendMessage"] >= 3, what="the reply to be tried")
        await bot.channel.stop()
        # the final acknowledgement stopped below it: Telegram gives it again after a restart
        assert first < bot.tg.confirmed_offset <= second
        assert await kept_replies(bot, second) is not None  # and the core has its replies to repeat


# -- webhook -------------------------------------------------------------------------------


async def post(url: str, secret: str, update: dict[str, object]) -> int:
    async with aiohttp.ClientSession() as http:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with http.post(url, json=update, headers=headers) as response:
            return response.status


async def test_the_webhook_answers_telegram_only_once_the_update_was_handled(
    tmp_path: Path, unused_tcp_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    gate = Gate()
    settings = {"webhook_url": "https://bot.example.org/telegram", "webhook_port": unused_tcp_port}
    async with telegram_bot(tmp_path, features=gated(gate), telegram=settings) as bot:
        url, secret = f"http://127.0.0.1:{unused_tcp_port}/telegram", bot.channel.webhook_secret
        user = bot.tg.user(42, "en")
        assert await post(url, secret, {"update_id": 1, "message": user.message("/start en")}) == 200
        assert len(bot.tg.to(42)) == 1  # answered after the reply was delivered
        call = asyncio.create_task(post(url, secret, {"update_id": 2, "message": user.message("/gate")}))
        await asyncio.wait_for(gate.entered.wait(), 10)
        await asyncio.sleep(0)  # give the call every chance to finish early
        assert not call.done()  # still handling: a crash now and Telegram would deliver it again
        gate.open.set()
        assert await asyncio.wait_for(call, 10) == 200
        assert len(bot.tg.to(42)) == 2
        await until(lambda: erased(bot, 2), what="the kept replies to be erased")

        # a turn that takes too long: answered after the bounded wait, with one line
        webhook = bot.channel._webhook
        assert webhook is not None
        webhook.wait = 0.2
        gate.open.clear()
        gate.entered.clear()
        assert await post(url, secret, {"update_id": 3, "message": user.message("/gate")}) == 200
        assert webhook.answered_early == 1
        gate.open.set()
        await bot.tg.wait_sent(3, 42)
    assert "update 3 not handled within 0.2 s; answered anyway" in caplog.text
