"""The outgoing queue against the fake Bot API over real HTTP: order, fairness, limits, errors.

Time is a :class:`FakeTimer` shared by the sender and the server's stamps. :func:`drive` lets the
sender work and, whenever it only waits for time (nothing on the wire), moves the timer to the moment
it waits for: limits and retries are checked to the exact second, and no test sleeps.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from telegram import Bot

from bot.channels.telegram_limits import Limits
from bot.channels.telegram_render import OutMessage
from bot.channels.telegram_request import AiohttpRequest
from bot.channels.telegram_sender import Sender
from bot.core.outbox import Delivery
from tests.auxil.fake_telegram import TOKEN, FakeTelegram
from tests.auxil.fake_timer import FakeTimer

UNLIMITED = Limits(overall=0)
START = 1000.0


@dataclass
class Setup:
    tg: FakeTelegram
    sender: Sender
    blocked: list[int]
    timer: FakeTimer

    def at(self, chat_id: int) -> list[float]:
        """When the server accepted each message to the chat, in seconds from the start."""
        return [round(m.at - START, 6) for m in self.tg.to(chat_id)]


@asynccontextmanager
async def sender_for(limits: Limits, latency: float = 0.0, read_timeout: float = 5.0) -> AsyncIterator[Setup]:
    timer = FakeTimer(START)
    async with FakeTelegram(latency=latency, clock=timer.time) as tg:
        request = AiohttpRequest(read_timeout=read_timeout)
        bot = Bot(TOKEN, base_url=tg.base_url, request=request)
        await bot.initialize()
        blocked: list[int] = []

        async def on_blocked(chat_id: int) -> None:
            blocked.append(chat_id)

        sender = Sender(bot, request, limits, on_blocked=on_blocked, timer=timer)
        sender.start()
        try:
            yield Setup(tg, sender, blocked, timer)
        finally:
            await sender.close(seconds=1.0)
            await bot.shutdown()


async def drive(s: Setup, done: Callable[[], bool], within: float = 10.0) -> list[float]:
    """Run until ``done()``, moving the timer whenever the sender only waits for it (nothing on the
    wire); the moments it was moved to, in seconds from the start."""
    moments = await s.timer.drive(done, busy=lambda: s.sender.in_flight > 0, within=within)
    return [round(m - START, 6) for m in moments]


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
        assert await s.sender.drain(10)
        for chat in range(1, 21):
            assert texts(s.tg, chat) == [f"{chat}-{n}" for n in range(10)]
        # several chats on the wire at once (one by one, 200 calls of 20 ms would take 4 s)
        assert 2 <= s.tg.most_in_flight <= 20  # and never two of one chat
        assert s.timer.now == START  # nothing had to wait


async def test_a_busy_chat_does_not_hold_up_the_others() -> None:
    limits = Limits(overall=1000, per_chat=1000, chat_burst=1000)
    async with sender_for(limits, latency=0.01) as s:
        s.sender.submit(1, [OutMessage(f"busy {n}") for n in range(40)])
        await s.tg.wait_sent(2, 1)  # the busy chat is under way
        s.sender.submit(2, [OutMessage("quiet")])
        await drive(s, lambda: s.sender.queued == 0)
        order = [m.text for m in s.tg.sent]
        assert order.index("quiet") < 10  # one turn each: it does not wait for 40 messages
        assert texts(s.tg, 1) == [f"busy {n}" for n in range(40)]


async def test_the_overall_limit_is_kept() -> None:
    limits = Limits(overall=20, per_chat=100, chat_burst=100)
    async with sender_for(limits) as s:
        for chat in range(1, 51):
            s.sender.submit(chat, [OutMessage("hi")])
        await drive(s, lambda: len(s.tg.sent) == 50)
        times = [m.at - START for m in s.tg.sent]
        assert max_in_any(times, 1.0) <= 20
        # evenly spaced, a little under the limit: 50 messages 1/(20 x 0.97) s apart
        assert 2.5 <= max(times) <= 2.6
        assert s.sender.queued == 0


async def test_one_chat_gets_a_short_burst_then_four_messages_per_second() -> None:
    limits = Limits(overall=100, per_chat=4, chat_burst=2)  # bursts of 2, then 4 per second
    async with sender_for(limits) as s:
        s.sender.submit(7, [OutMessage(str(n)) for n in range(6)])
        await drive(s, lambda: len(s.tg.to(7)) == 6)
        assert s.at(7) == [0.0, 0.0, 0.5, 0.5, 1.0, 1.0]  # windows of 2 per 0.5 s


async def test_groups_are_limited_per_minute() -> None:
    limits = Limits(overall=100, per_chat=100, chat_burst=100, group_per_minute=3)
    async with sender_for(limits) as s:
        s.sender.submit(-100, [OutMessage(str(n)) for n in range(4)])
        await s.tg.wait_sent(3, -100)
        await drive(s, lambda: s.timer.next_due() is not None)
        assert texts(s.tg, -100) == ["0", "1", "2"]  # the fourth waits for the minute to pass
        assert s.sender.queued == 1
        assert s.timer.next_due() == START + 60.0
        await drive(s, lambda: len(s.tg.to(-100)) == 4)
        assert s.at(-100) == [0.0, 0.0, 0.0, 60.0]


async def test_429_is_retried_after_retry_after_and_nothing_is_lost() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.fail("sendMessage", "429", chat_id=5, retry_after=1)
        done = s.sender.submit(5, [OutMessage("first"), OutMessage("second")])
        s.sender.submit(6, [OutMessage("other chat")])
        moments = await drive(s, done.done)
        assert done.result() is Delivery.DELIVERED
        assert moments == [1.0]  # the chat waited exactly retry_after
        assert texts(s.tg, 5) == ["first", "second"] and s.at(5) == [1.0, 1.0]
        assert s.tg.sent[0].text == "other chat" and s.at(6) == [0.0]  # another chat did not wait
        assert s.sender.stats.retried_429 == 1


async def test_403_drops_the_chat_and_reports_it_once() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.blocked.add(9)
        done = s.sender.submit(9, [OutMessage("a"), OutMessage("b"), OutMessage("c")])
        assert await done is Delivery.BLOCKED
        assert s.tg.calls["sendMessage"] == 1  # not retried, the rest not tried
        assert s.blocked == [9]


async def test_server_errors_and_timeouts_are_retried_with_backoff() -> None:
    async with sender_for(UNLIMITED, read_timeout=0.3) as s:
        s.tg.fail("sendMessage", "500", count=2)
        s.tg.fail("sendMessage", "timeout", count=1)
        done = s.sender.submit(3, [OutMessage("made it")])
        moments = await drive(s, done.done, within=15)
        assert done.result() is Delivery.DELIVERED
        assert moments == [0.5, 1.5, 3.5]  # waits of 0.5, 1 and 2 s after the three failures
        assert texts(s.tg, 3) == ["made it"]
        assert s.sender.stats.retried_network == 3


async def test_a_refused_message_is_given_up_and_the_next_one_goes() -> None:
    async with sender_for(UNLIMITED) as s:
        s.tg.fail("sendMessage", "400", count=1)
        first = s.sender.submit(4, [OutMessage("refused")])
        second = s.sender.submit(4, [OutMessage("fine")])
        assert await first is Delivery.FAILED and await second is Delivery.DELIVERED
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
