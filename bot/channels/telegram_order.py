"""Handling updates concurrently without reordering a chat: per-chat queues, bounded, round-robin.

python-telegram-bot handles updates one at a time by default (slow when every API call takes 50 ms)
or, with ``concurrent_updates``, all at once (replies in one chat overtake each other). This update
processor keeps one FIFO queue per chat and runs at most ``max_chats`` chats at the same time; a chat
hands its slot to a waiting chat after each update, so a flood in one chat never holds up the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

# PTB's own semaphore would count updates waiting in our queues; ours bounds the work instead
_UNBOUNDED = 1 << 30


class OrderedUpdateProcessor(BaseUpdateProcessor):
    """A :class:`telegram.ext.BaseUpdateProcessor`: ordered within a key (the chat), concurrent across.

    ``key_of(update)`` names the queue an update joins; updates with the key ``None`` run at once.
    """

    def __init__(self, key_of: Callable[[object], Hashable | None], max_chats: int = 64) -> None:
        super().__init__(_UNBOUNDED)
        self.key_of = key_of
        self.max_chats = max_chats
        self._queues: dict[Hashable, deque[Awaitable[Any]]] = {}
        self._waiting: deque[Hashable] = deque()  # keys with work but no slot, in turn order
        self._running = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        """Let queued updates finish (briefly), then drop what is left."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), 10.0)
        for task in list(self._tasks):
            task.cancel()
        for queue in self._queues.values():
            for coroutine in queue:
                if asyncio.iscoroutine(coroutine):
                    coroutine.close()
        self._queues.clear()
        self._waiting.clear()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        # returns at once: PTB's task ends, the update waits in its chat's queue
        key = self.key_of(update)
        if key is None:
            self._start(None, deque([coroutine]))
            return
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(coroutine)  # its chat is running or waiting: it will get there
            return
        self._queues[key] = queue = deque([coroutine])
        if self._running < self.max_chats:
            self._start(key, queue)
        else:
            self._waiting.append(key)

    @property
    def idle(self) -> bool:
        return self._idle.is_set()

    async def wait_idle(self) -> None:
        """Until every queued update was handled (tests and benchmarks)."""
        await self._idle.wait()

    async def wait_idle_for(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True

    def _start(self, key: Hashable | None, queue: deque[Awaitable[Any]]) -> None:
        self._running += 1
        self._idle.clear()
        task = asyncio.create_task(self._run(key, queue))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, key: Hashable | None, queue: deque[Awaitable[Any]]) -> None:
        try:
            while queue:
                coroutine = queue.popleft()
                try:
                    await coroutine
                except Exception:  # PTB's process_update reports handler errors itself
                    log.exception("telegram: an update could not be processed")
                if queue and self._waiting:
                    # others are waiting: go to the back of the line
                    self._waiting.append(key)
                    return
            if key is not None:
                del self._queues[key]
        finally:
            self._running -= 1
            while self._waiting and self._running < self.max_chats:
                next_key = self._waiting.popleft()
                next_queue = self._queues.get(next_key)
                if next_queue:
                    self._start(next_key, next_queue)
            if self._running == 0 and not self._waiting:
                self._idle.set()
