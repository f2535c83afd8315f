"""The update processor: in order within a chat, concurrent across chats, fair under a flood."""

from __future__ import annotations

import asyncio

from bot.channels.telegram_order import OrderedUpdateProcessor


def key(update: object) -> object:
    return update[0] if isinstance(update, tuple) else None


async def test_in_order_within_a_chat_concurrent_across_chats() -> None:
    processor = OrderedUpdateProcessor(key, max_chats=10)
    done: list[tuple[str, int]] = []
    running = 0
    most = 0

    async def handle(update: tuple[str, int]) -> None:
        nonlocal running, most
        running += 1
        most = max(most, running)
        for _ in range(3 - update[1] % 3):  # later updates are quicker: tempting to overtake
            await asyncio.sleep(0)
        done.append(update)
        running -= 1

    updates = [(chat, n) for n in range(6) for chat in "abcdefghijkl"]
    for update in updates:
        await processor.process_update(update, handle(update))
    await asyncio.wait_for(processor.wait_idle(), 10)
    for chat in "abcdefghijkl":
        assert [n for c, n in done if c == chat] == list(range(6))
    assert most == 10  # bounded, and used


async def test_a_flooding_chat_holds_up_nobody() -> None:
    processor = OrderedUpdateProcessor(key, max_chats=1)
    done: list[str] = []
    under_way = asyncio.Event()

    async def handle(name: str) -> None:
        under_way.set()
        await asyncio.sleep(0)  # some work: the others may run meanwhile
        done.append(name)

    for n in range(50):
        await processor.process_update(("flood", n), handle(f"flood {n}"))
    await under_way.wait()
    await processor.process_update(("quiet", 0), handle("quiet"))
    await asyncio.wait_for(processor.wait_idle(), 10)
    assert done.index("quiet") <= 5  # one turn each, not after 50 updates
    assert [d for d in done if d.startswith("flood")] == [f"flood {n}" for n in range(50)]


async def test_an_error_in_one_update_does_not_stop_its_chat() -> None:
    processor = OrderedUpdateProcessor(key, max_chats=2)
    done: list[int] = []

    async def handle(n: int) -> None:
        if n == 1:
            raise RuntimeError("boom")
        done.append(n)

    for n in range(3):
        await processor.process_update(("a", n), handle(n))
    await asyncio.wait_for(processor.wait_idle(), 10)
    assert done == [0, 2]


async def test_shutdown_drops_what_is_left_without_warnings() -> None:
    processor = OrderedUpdateProcessor(key, max_chats=1)
    gate = asyncio.Event()

    async def blocked() -> None:
        await gate.wait()

    for n in range(3):
        await processor.process_update(("a", n), blocked())
    task = asyncio.create_task(processor.shutdown())
    await asyncio.sleep(0)
    gate.set()
    await asyncio.wait_for(task, 15)
    assert processor.idle
