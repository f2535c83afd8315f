"""Telegram's outgoing queue is bounded per chat, and turning keyboard pages (answered by the channel,
not the core) has its own flood control."""

from __future__ import annotations

from pathlib import Path

from bot.channels.telegram import PAGE_TURNS
from bot.channels.telegram_limits import Limits
from bot.channels.telegram_render import OutMessage
from bot.core.outbox import Delivery
from tests.auxil.telegram_bot import telegram_bot
from tests.channels.test_telegram_sender import drive, sender_for


async def test_a_full_chat_queue_refuses_more_instead_of_growing() -> None:
    async with sender_for(Limits(overall=0)) as s:
        s.sender.max_queued = 5
        first = s.sender.submit(42, [OutMessage(f"a{n}") for n in range(3)])
        refused = s.sender.submit(42, [OutMessage(f"b{n}") for n in range(3)])
        fits = s.sender.submit(42, [OutMessage("c0"), OutMessage("c1")])
        other = s.sender.submit(43, [OutMessage("d0")])  # other chats are not affected
        assert refused.done() and refused.result() is Delivery.FAILED
        assert s.sender.stats.overflow == 3
        await drive(s, lambda: first.done() and fits.done() and other.done())
        assert first.result() and fits.result() and other.result()
        assert [m.text for m in s.tg.to(42)] == ["a0", "a1", "a2", "c0", "c1"]


async def test_page_turns_are_flood_controlled(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "ro")
        user.says("/language ro")
        picker = (await bot.tg.wait_sent(1, 42))[-1]
        # a last answer with more choices than one keyboard page shows
        sessions, now = bot.app.sessions, bot.app.clock.now()
        session = await sessions.load("telegram", "42", now)
        session.choices = [(f"node:n{n}", f"choice {n}") for n in range(15)]
        await sessions.save(session, now)
        arrow = "tgpage:0:15:1"
        for _ in range(PAGE_TURNS * 3):
            await bot.tg.wait_answered(user.presses(arrow, message_id=picker.message_id))
        await bot.tg.wait_idle()
        edits = [s for s in bot.tg.to(42) if s.method == "editMessageReplyMarkup"]
        assert 1 <= len(edits) <= PAGE_TURNS
