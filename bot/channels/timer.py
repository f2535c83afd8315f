"""Monotonic time for the channels' rate limits and retries, injected so tests can move it by hand.

The core's :class:`~bot.core.clock.Clock` gives the wall-clock date; sending needs a clock that never
jumps (NTP, DST) and a way to wait on it. :class:`LoopTimer` is asyncio's own (the event loop's
``time()``, ``sleep`` and ``call_at``); a test passes a fake that only moves when told to.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Timer(Protocol):
    """Seconds on a monotonic clock, and waiting until a moment on it."""

    def time(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...

    def call_at(self, when: float, callback: Callable[[], None]) -> Cancellable: ...


class LoopTimer:
    """The running event loop's clock (what asyncio's own timeouts use)."""

    def time(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    def call_at(self, when: float, callback: Callable[[], None]) -> Cancellable:
        return asyncio.get_running_loop().call_at(when, callback)
