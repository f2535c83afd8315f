"""A staff group limited to one message a minute never delays a booking's confirmation."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bench.burst import unguarded_content
from bot.booking.flow import BookingFeature
from bot.channels.telegram_limits import Limits
from tests.auxil.chat import Chat
from tests.auxil.telegram_bot import STAFF_CHAT, telegram_bot

BOOKINGS = 30


async def test_30_confirmations_each_under_a_second_with_a_group_limit_of_1_a_minute(
    tmp_path: Path,
) -> None:
    limits = Limits(overall=1000, per_chat=0, group_per_minute=1, max_in_flight=8)
    # 30 bookings at once are what the booking rate stops: turned off here, this test is about staff notices
    content = unguarded_content(tmp_path)
    async with telegram_bot(tmp_path, limits=limits, content_dir=content) as bot:
        app = bot.app
        feature = next(f for f in app.features if isinstance(f, BookingFeature))
        slots = await feature.service.free_slots(app.clock.now(), "ro")
        waits: list[float] = []
        for n in range(BOOKINGS):
            chat = Chat(app, user=f"person{n}")
            await chat.say("/language ro")
            for action in ("booking:new", "booking:topic:housing", "booking:lang:ro"):
                await chat.action(action)
            slot = slots[n // 2]  # two people per slot, as the capacity allows
            await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
            await chat.action(f"booking:slot:{slot.key}")
            await chat.action("booking:skip")
            await chat.action("booking:skip")
            began = time.perf_counter()
            # a bound, not a wait: before staff notices were queued, the 2nd one waited a minute here
            await asyncio.wait_for(chat.action("booking:confirm"), 5.0)
            waits.append(time.perf_counter() - began)
            assert "-" in chat.text, chat.text  # the booking code: confirmed
        assert max(waits) < 1.0, waits
        # the group got the first notice; the rest wait their turn in the queue, none lost
        first = await bot.tg.wait_sent(1, STAFF_CHAT)
        assert len(first) == 1
        # one handed to the sender (waiting for the group's minute), the others in the postman's queue
        assert app.postman.staff_queued + bot.channel.sender.queued == BOOKINGS - 1
