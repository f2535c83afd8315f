"""A monotonic timer that only moves when a test says so (the channels' :class:`Timer` seam)."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

SETTLE_ROUNDS = 20  # loop turns after a timer fired: the woken task runs up to its next wait
QUIET_ROUNDS = 5  # loop turns with nothing busy before the code counts as waiting for time


@dataclass(order=True)
class _Due:
    when: float
    seq: int
    callback: Callable[[], None] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        self.cancelled = True


class FakeTimer:
    """``time()`` stands still; :meth:`run_next` jumps to the next moment someone waits for."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._due: list[_Due] = []
        self._seq = itertools.count()
        self._changed = asyncio.Event()

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        woken: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def wake() -> None:
            if not woken.done():  # the sleeper may have been cancelled meanwhile
                woken.set_result(None)

        self.call_at(self.now + seconds, wake)
        await woken

    def call_at(self, when: float, callback: Callable[[], None]) -> _Due:
        due = _Due(when, next(self._seq), callback)
        heapq.heappush(self._due, due)
        self._changed.set()
        return due

    def next_due(self) -> float | None:
        """The next moment something waits for (None: nothing waits)."""
        self._drop_cancelled()
        return self._due[0].when if self._due else None

    async def run_next(self, within: float = 10.0) -> float:
        """Wait (real time, at most ``within``) until something waits on the timer, move the time
        there, run it and let the woken tasks run; the new time is returned."""
        async with asyncio.timeout(within):
            while self.next_due() is None:
                self._changed.clear()
                await self._changed.wait()
        due = heapq.heappop(self._due)
        self.now = max(self.now, due.when)
        due.callback()
        for _ in range(SETTLE_ROUNDS):
            await asyncio.sleep(0)
        return self.now

    async def advance(self, seconds: float) -> None:
        """Move the time by ``seconds``, running everything that falls due on the way, in order."""
        target = self.now + seconds
        while (when := self.next_due()) is not None and when <= target:
            await self.run_next()
        self.now = target

    async def drive(
        self, done: Callable[[], bool], busy: Callable[[], bool], within: float = 10.0
    ) -> list[float]:
        """Let the code run until ``done()``, moving the time on whenever it only waits for it.

        ``busy()`` says the code is doing something that is not waiting for time (a request on the
        wire); the timer moves only when it is false for a few loop turns. Returns the moments the
        time was moved to. ``within`` bounds the real time a stuck test may take; it is never waited.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        moments: list[float] = []
        quiet = 0
        while not done():
            if loop.time() > deadline:
                raise AssertionError(f"stuck; the time was moved to {moments}")
            if busy() or self.next_due() is None:
                quiet = 0
            else:
                quiet += 1
                if quiet >= QUIET_ROUNDS:
                    moments.append(await self.run_next())
                    quiet = 0
            await asyncio.sleep(0)  # let the code and its network round trips run
        return moments

    def _drop_cancelled(self) -> None:
        while self._due and self._due[0].cancelled:
            heapq.heappop(self._due)
