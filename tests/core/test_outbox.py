"""The postman: staff notices are queued (never awaited by a turn), per destination, bounded, drained."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.events import Address, Reply
from bot.core.outbox import Delivery, Postman, outcome


@dataclass
class Slow:
    """A staff channel that delivers only when the test opens the gate."""

    channel: str
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    got: list[str] = field(default_factory=list)

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        await self.gate.wait()
        self.got += [r.text for r in replies]
        return True


@dataclass
class Broken:
    channel: str
    calls: int = 0

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        self.calls += 1
        raise RuntimeError("staff channel down")


@dataclass
class Quick:
    channel: str
    got: list[str] = field(default_factory=list)

    async def send(self, ref: str, replies: Sequence[Reply]) -> Delivery:
        self.got += [r.text for r in replies]
        return Delivery.DELIVERED


async def test_a_notice_never_waits_for_a_slow_or_failing_staff_channel() -> None:
    postman = Postman()
    slow, broken, quick = Slow("slow"), Broken("broken"), Quick("quick")
    for messenger in (slow, broken, quick):
        postman.register(messenger, staff_ref="staff")
    for n in range(5):
        # would hang forever if a notice were awaited: the slow channel's gate is closed
        await asyncio.wait_for(postman.notify_staff(f"notice {n}"), 0.5)
    assert await postman.drain(1.0, "quick")
    assert quick.got == [f"notice {n}" for n in range(5)]  # in order, not held up by the others
    assert await postman.drain(1.0, "broken") and broken.calls == 5  # each notice tried once
    assert not await postman.drain(0.05, "slow") and slow.got == []
    slow.gate.set()
    await postman.close(1.0)
    assert slow.got == [f"notice {n}" for n in range(5)]


async def test_the_queue_is_bounded_and_shutdown_waits_at_most_its_timeout() -> None:
    postman = Postman(staff_queue=3)
    slow = Slow("slow")
    postman.register(slow, staff_ref="staff")
    for n in range(10):
        await postman.notify_staff(f"n{n}")
    await asyncio.sleep(0)
    assert postman.staff_queued <= 3  # the oldest went first; memory stays bounded
    loop = asyncio.get_running_loop()
    began = loop.time()
    await postman.close(0.1)  # the gate never opens: shutdown gives up after its timeout
    assert loop.time() - began < 1.0
    slow.gate.set()
    assert slow.got == []


async def test_outcomes_a_plain_false_is_a_failure_not_a_block() -> None:
    assert outcome(True) is Delivery.DELIVERED
    assert outcome(False) is Delivery.FAILED
    assert outcome(Delivery.BLOCKED) is Delivery.BLOCKED
    postman = Postman()
    assert await postman.deliver(Address("nowhere", "x"), [Reply("hi")]) is Delivery.FAILED
