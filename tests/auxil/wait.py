"""Waiting for a condition in tests: polled, bounded by a real deadline, never a fixed sleep."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable

POLL = 0.01  # seconds between two looks at the condition


async def until(
    condition: Callable[[], bool | Awaitable[bool]], within: float = 10.0, what: str = ""
) -> None:
    """Return as soon as ``condition()`` holds; AssertionError when it still does not after ``within``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        result = condition()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"waited {within} s for {what or 'a condition'} in vain")
        await asyncio.sleep(POLL)
