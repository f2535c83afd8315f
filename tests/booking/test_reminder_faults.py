"""A transient error does not lose a reminder: the Bot API answering 502 at 18:00 delays the
day-before reminder, and both reminders still arrive, each exactly once. Only a 403 means blocked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import App
from bot.booking.reminders import retry_delay
from bot.channels.telegram_limits import Limits
from bot.core.clock import BERLIN, FakeClock
from tests.auxil.chat import START, Chat
from tests.auxil.telegram_bot import telegram_bot
from tests.booking.conftest import feature
from tests.booking.test_reminders import step, stepped

USER = 4242
# the sender does not retry on its own here: every failure comes back to the reminder job at once
ONE_TRY = Limits(overall=0, retries=0)


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


async def book_on_telegram(app: App, when: datetime) -> None:
    chat = Chat(app, user=str(USER), channel="telegram")
    await chat.say("/language ro")
    for action in ("booking:new", "booking:topic:housing", "booking:lang:ro"):
        await chat.action(action)
    slot = next(s for s in await feature(app).service.free_slots(app.clock.now(), "ro") if s.start == when)
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}")
    await chat.action("booking:skip")
    await chat.action("booking:skip")
    await chat.action("booking:confirm")
    assert "-" in chat.text, chat.text


def test_the_backoff_grows_and_is_capped() -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 6, 20)] == [60, 120, 240, 1800, 1800]


async def test_502_for_a_while_at_18_00_and_both_reminders_still_arrive_once(tmp_path: Path) -> None:
    clock = FakeClock(START)
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    async with telegram_bot(tmp_path, clock=clock, limits=ONE_TRY, features=stepped) as bot:
        app = bot.app
        await book_on_telegram(app, monday)
        reminders = lambda: [s for s in bot.tg.to(USER) if "Willkommen Europa" in s.text]  # noqa: E731

        clock.set(berlin(2026, 11, 29, 18, 0))
        bot.tg.fail("sendMessage", "502", count=4, chat_id=USER)  # the Bot API is down for a while
        tries = 0
        while not reminders():
            assert await step(app) in (0, 1)
            tries += 1
            assert tries <= 10, "the reminder never arrived"
            if reminders():
                break
            due = await app.db.fetchone("SELECT min(due_at) FROM reminders WHERE status = 'pending'")
            assert due is not None
            clock.set(max(clock.now(), datetime.fromisoformat(due[0])))  # to the next try, no sleeping
        assert tries == 5  # four 502s, then delivered
        assert clock.now() - berlin(2026, 11, 29, 18, 0) == timedelta(minutes=1 + 2 + 4 + 8)
        blocked = await app.db.fetchone("SELECT blocked FROM users WHERE user_ref = ?", (str(USER),))
        assert blocked is not None and blocked[0] == 0  # a 502 is not a block

        assert await step(app) == 0  # delivered: never again
        clock.set(berlin(2026, 11, 30, 7, 0))
        assert await step(app) == 1
        assert await step(app) == 0
        texts = [s.text for s in reminders()]
        assert len(texts) == 2, texts
        statuses = await app.db.fetchall("SELECT kind, status FROM reminders ORDER BY kind")
        assert [tuple(r) for r in statuses] == [("day_before", "sent"), ("hours_2", "sent")]


async def test_a_403_drops_the_reminders_and_marks_the_person_blocked(tmp_path: Path) -> None:
    clock = FakeClock(START)
    monday = berlin(2026, 11, 30, 9, 0).astimezone(UTC)
    async with telegram_bot(tmp_path, clock=clock, limits=ONE_TRY, features=stepped) as bot:
        app = bot.app
        await book_on_telegram(app, monday)
        bot.tg.blocked.add(USER)
        clock.set(berlin(2026, 11, 29, 18, 0))
        assert await step(app) == 0
        clock.set(berlin(2026, 11, 30, 7, 0))
        assert await step(app) == 0
        blocked = await app.db.fetchone("SELECT blocked FROM users WHERE user_ref = ?", (str(USER),))
        assert blocked is not None and blocked[0] == 1
        statuses = await app.db.fetchall("SELECT status FROM reminders")
        assert {r[0] for r in statuses} == {"dropped"}
        assert bot.tg.to(USER) == [] and bot.tg.calls["sendMessage"] == 2  # staff notice + one try
