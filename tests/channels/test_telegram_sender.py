"""The outgoing queue against the fake Bot API over real HTTP: order, fairness, limits, errors."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from telegram import Bot

from bot.channels.telegram_limits import Limits
from bot.channels.telegram_render import OutMessage
from bot.channels.telegram_request import AiohttpRequest
from bot.channels.telegram_sender import Sender
from tests.auxil.fake_telegram import TOKEN, FakeTelegram

UNLIMITED = Limits(overall=0)


@dataclass
class Setup:
    tg: FakeTelegram
    sender: Sender
    blocked: list[int]


@asynccontextmanager
async def sender_for(limits: Limits, latency: float = 0.0, read_timeout: float = 5.0) -> AsyncIterator[Setup]:
    async with FakeTelegram(latency=latency) as tg:
        request = AiohttpRequest(read_timeout=read_timeout)
        bot = Bot(TOKEN, base_url=tg.base_url, request=request)
        await bot.initialize()
        blocked: list[int] = []

        async def on_blocked(chat_id: int) -> None:
            blocked.append(chat_id)

        sender = Sender(bot, request, limits, on_blocked=on_blocked)
        sender.start()
        try:
            yield Setup(tg, sender, blocked)
        finally:
            await sender.close(seconds=1.0)
            await bot.shutdown()


def texts(tg: FakeTelegram, chat_id: int) -> list[str]:
    return [s.text for s in tg.to(chat_id)]


def max_in_any(times: list[float], seconds: float) -> int:
    times = sorted(times)
    return max((sum(1 for u in times[i:] if u - t < seconds) for i, t in enumerate(times)), default=0)


async def test_each_chat_gets_its_messages_in_order_while_chats_run_concurrently() -> None:
    async with sender_for(UNLIMITED, latency=0.02) as s:
        for n in range(10):
            for chat in range(1, 21):
                s.sender.submit(chat, [OutMessage(f"{chat}-{n}")])
        started = time.monotonic()
        assert await s.sender.drain(10)
        elapsed = time.monotonic() - started
        for chat in range(1, 21):
            assert texts(s.tg, chat) == [f"{chat}-{n}" for n in range(10)]
        # 200 messages at 20 ms each would take 4 s one by one
        assert elapsed < 2.0


async def test_a_busy_chat_does_not_hold_up_the_others() -> None:
    limits = Limits(overall=1000, per_chat=1000, chat_burst=1000)
    async with sender_for(limits, latency=0.01) as s:
        s.sender.submit(1, [OutMessage(f"busy {n}") for n in range(40)])
        await asyncio.sleep(0.03)
        s.sender.submit(2, [OutMessage("quiet")])
        await s.sender.drain(10)
        order = [m.text for m in s.tg.sent]
        assert order.index("quiet") < 10  # one turn each: it does not wait for 40 messages
        assert texts(s.tg, 1) == [f"busy {n}" for n in range(40)]


async def test_the_overall_limit_is_kept() -> None:
    limits = Limits(overall=20, per_chat=100, chat_burst=100)
    async with sender_for(limits) as s:
        for chat in range(1, 51):
            s.sender.submit(chat, [OutMessage("hi")])
        started = time.monotonic()
        assert await s.sender.drain(10)
        elapsed = time.monotonic() - started
        assert len(s.tg.sent) == 50
        assert max_in_any([m.at for m in s.tg.sent], 1.0) <= 20
        assert elapsed >= 2.0


async def test_one_chat_gets_a_short_burst_then_one_message_per_second() -> None:
    limits = Limits(overall=100, per_chat=4, chat_burst=2)  # bursts of 2, then 4 per second
    async with sender_for(limits) as s:
        s.sender.submit(7, [OutMessage(str(n)) for n in range(6)])
        assert await s.sender.drain(10)
        times = [m.at for m in s.tg.to(7)]
        assert times[1] - times[0] < 0.1  # the burst
        assert times[-1] - times[0] >= 0.9  # then 4/s: 6 messages in windows of 2 per 0.5 s


async def test_groups_are_limited_per_minute() -> None:
    limits = Limits(overall=100, per_chat=100, chat_burst=100, group_per_minute=3)
    async with sender_for(limits) as s:
        s.sender.submit(-100, [OutMessage(str(n)) for n in range(4)])
        await asyncio.sleep(0.5)
        assert texts(s.tg, -100) == ["0", "1", "2"]  # the fourth waits for the minute to pass
        assert s.sender.queued == 1


async def test_429_is_retried_after_retry_after_and_nothing_is_lost() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.fail("sendMessage", "429", chat_id=5, retry_after=1)
        done = s.sender.submit(5, [OutMessage("first"), OutMessage("second")])
        s.sender.submit(6, [OutMessage("other chat")])
        started = time.monotonic()
        assert await done is True
        assert time.monotonic() - started >= 1.0
        assert texts(s.tg, 5) == ["first", "second"]
        assert s.tg.sent[0].text == "other chat"  # another chat did not wait
        assert s.sender.stats.retried_429 == 1


async def test_403_drops_the_chat_and_reports_it_once() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.blocked.add(9)
        done = s.sender.submit(9, [OutMessage("a"), OutMessage("b"), OutMessage("c")])
        assert await done is False
        assert s.tg.calls["sendMessage"] == 1  # not retried, the rest not tried
        assert s.blocked == [9]


async def test_server_errors_and_timeouts_are_retried() -> None:
    async with sender_for(UNLIMITED, read_timeout=0.3) as s:
        s.tg.fail("sendMessage", "500", count=2)
        s.tg.fail("sendMessage", "timeout", count=1)
        done = s.sender.submit(3, [OutMessage("made it")])
        assert await asyncio.wait_for(done, 15) is True
        assert texts(s.tg, 3) == ["made it"]
        assert s.sender.stats.retried_network == 3


async def test_a_refused_message_is_given_up_and_the_next_one_goes() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.fail("sendMessage", "400", count=1)
        first = s.sender.submit(4, [OutMessage("refused")])
        second = s.sender.submit(4, [OutMessage("fine")])
        assert await first is False and await second is True
        assert texts(s.tg, 4) == ["fine"]


async def test_keyboards_and_edits_reach_the_server() -> None:
    async with sender_for(UNLIMITED) as s:
        await s.sender.submit(8, [OutMessage("<b>pick</b>", ((("One", "node:a/b"),), (("Two", "home"),)))])
        sent = s.tg.to(8)[0]
        assert sent.params["parse_mode"] == "HTML"
        assert sent.buttons == [("One", "node:a/b"), ("Two", "home")]
        await s.sender.submit(8, [OutMessage("", ((("Three", "back"),),))], edit_of=sent.message_id)
        edit = s.tg.to(8)[1]
        assert edit.method == "editMessageReplyMarkup" and edit.message_id == sent.message_id
        assert edit.buttons == [("Three", "back")]
