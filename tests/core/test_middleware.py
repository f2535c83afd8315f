"""Each middleware of the turn on its own: order of the chain, per-user order, flood control with
configured exemptions, de-duplication, metrics. No app, no clock that runs by itself."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.events import Inbound, Reply
from bot.core.flood import FloodGuard
from bot.core.middleware import Deduplicate, FloodControl, Metrics, Next, OneAtATime, chain
from bot.core.session import Sessions
from bot.ops import metrics
from bot.store.db import Database

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def event(user: str = "u", channel: str = "telegram", event_id: str | None = None) -> Inbound:
    return Inbound(channel, user, text="hi", event_id=event_id)


async def echo(event: Inbound, now: datetime) -> list[Reply]:
    return [Reply(f"{event.user_ref}:{event.text}")]


async def test_chain_calls_middlewares_in_order_around_the_handler() -> None:
    seen: list[str] = []

    class Mark:
        def __init__(self, name: str) -> None:
            self.name = name

        async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]:
            seen.append(f"{self.name}>")
            replies = await call_next(event, now)
            seen.append(f"<{self.name}")
            return replies

    handle = chain([Mark("a"), Mark("b")], echo)
    assert await handle(event(), NOW) == [Reply("u:hi")]
    assert seen == ["a>", "b>", "<b", "<a"]


async def test_one_at_a_time_per_user_others_go_on() -> None:
    release = asyncio.Event()
    order: list[str] = []

    async def slow(event: Inbound, now: datetime) -> list[Reply]:
        order.append(f"start {event.user_ref}{event.text}")
        if event.user_ref == "a" and event.text == "1":
            await release.wait()
        order.append(f"end {event.user_ref}{event.text}")
        return []

    handle = chain([OneAtATime()], slow)
    first = asyncio.create_task(handle(Inbound("c", "a", text="1"), NOW))
    second = asyncio.create_task(handle(Inbound("c", "a", text="2"), NOW))
    other = asyncio.create_task(handle(Inbound("c", "b", text="1"), NOW))
    await other  # another user is not held up by a's slow turn
    assert "end b1" in order and "start a2" not in order
    release.set()
    await asyncio.gather(first, second)
    assert order.index("end a1") < order.index("start a2")


async def test_one_at_a_time_forgets_idle_users() -> None:
    order = OneAtATime()
    handle = chain([order], echo)
    for n in range(100):
        await handle(event(user=str(n)), NOW)
    assert len(order) == 0  # no lock kept for users with no turn running


async def test_flood_control_warns_once_then_drops_and_exempts_by_configuration() -> None:
    warned: list[str] = []

    async def slow_down(event: Inbound) -> list[Reply]:
        warned.append(event.user_ref)
        return [Reply("slow down")]

    guard = FloodGuard(limit=3, window=timedelta(seconds=10))
    handle = chain([FloodControl(guard, slow_down, exempt=frozenset({"console"}))], echo)
    answers = [await handle(event(), NOW + timedelta(seconds=n / 10)) for n in range(6)]
    assert answers[:3] == [[Reply("u:hi")]] * 3
    assert answers[3] == [Reply("slow down")]
    assert answers[4:] == [[], []]
    assert warned == ["u"]
    # the exempt channel is never limited
    console = [await handle(event(channel="console"), NOW) for _ in range(10)]
    assert all(a == [Reply("u:hi")] for a in console)
    # calm again after the window
    assert await handle(event(), NOW + timedelta(seconds=30)) == [Reply("u:hi")]


async def test_deduplicate_handles_a_retried_event_once(tmp_path: Path) -> None:
    db = Database(tmp_path / "bot.sqlite3")
    await db.open()
    try:
        calls = 0

        async def counted(event: Inbound, now: datetime) -> list[Reply]:
            nonlocal calls
            calls += 1
            return await echo(event, now)

        handle = chain([Deduplicate(Sessions(db))], counted)
        assert await handle(event(event_id="e1"), NOW) == [Reply("u:hi")]
        assert await handle(event(event_id="e1"), NOW) == []  # a retry in the same process life
        assert calls == 1
        # after a restart (a new process life) the same event gets its recorded replies again:
        # the crash may have come before the channel sent them
        restarted = chain([Deduplicate(Sessions(db))], counted)
        assert await restarted(event(event_id="e1"), NOW) == [Reply("u:hi")]
        assert calls == 1
        assert await handle(event(event_id="e2"), NOW) == [Reply("u:hi")]
        assert await handle(event(), NOW) == [Reply("u:hi")]  # no id: nothing to compare
    finally:
        await db.close()


async def test_an_event_whose_turn_died_is_handled_again_when_redelivered(tmp_path: Path) -> None:
    """At-least-once: the id is recorded after the turn, so a turn cut short (a crash, here an
    exception) leaves it unrecorded, and the platform's redelivery gets its reply."""
    db = Database(tmp_path / "bot.sqlite3")
    await db.open()
    try:
        calls = 0

        async def dies_once(event: Inbound, now: datetime) -> list[Reply]:
            nonlocal calls
            calls += 1
            if calls == 1:
                raise RuntimeError("killed mid-turn")
            return [Reply("answer")]

        handle = chain([Deduplicate(Sessions(db))], dies_once)
        with pytest.raises(RuntimeError):
            await handle(event(event_id="e1"), NOW)
        assert await handle(event(event_id="e1"), NOW) == [Reply("answer")]  # redelivered: answered
        assert await handle(event(event_id="e1"), NOW) == []  # answered: a retry is ignored
        assert calls == 2
    finally:
        await db.close()


async def test_replies_delivered_are_erased_and_the_event_still_recognised(tmp_path: Path) -> None:
    """The channel reports an event's replies delivered: the kept copy (it may hold a phone number) is
    erased at once, not an hour later; the id stays, so a redelivery after a restart is ignored."""
    db = Database(tmp_path / "bot.sqlite3")
    await db.open()
    try:
        sessions = Sessions(db)
        handle = chain([Deduplicate(sessions)], echo)
        assert await handle(event(event_id="e1"), NOW) == [Reply("u:hi")]
        assert await handle(event(event_id="e2"), NOW) == [Reply("u:hi")]
        await sessions.delivered("telegram", "e1")
        rows = dict(await db.fetchall("SELECT event_id, replies FROM processed_events"))
        assert rows["e1"] is None and rows["e2"] is not None  # only the delivered one
        restarted = chain([Deduplicate(Sessions(db))], echo)
        assert await restarted(event(event_id="e1"), NOW) == []  # delivered: not given again
        assert await restarted(event(event_id="e2"), NOW) == [Reply("u:hi")]  # not confirmed: given again
        await sessions.delivered("telegram", "e2", "unknown")  # several at once; an unknown one: nothing
        rows = dict(await db.fetchall("SELECT event_id, replies FROM processed_events"))
        assert rows == {"e1": None, "e2": None}
    finally:
        await db.close()


async def test_metrics_count_every_event_even_a_failing_one() -> None:
    before = metrics.UPDATES.labels("metrics-test")._value.get()

    async def boom(event: Inbound, now: datetime) -> list[Reply]:
        raise RuntimeError("boom")

    handle = chain([Metrics()], boom)
    with pytest.raises(RuntimeError):
        await handle(event(channel="metrics-test"), NOW)
    await chain([Metrics()], echo)(event(channel="metrics-test"), NOW)
    assert metrics.UPDATES.labels("metrics-test")._value.get() == before + 2
