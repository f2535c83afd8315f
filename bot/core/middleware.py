"""The cross-cutting steps of a turn, one small class each, chained around the dialogue (as aiogram's).

A middleware gets the next step, the event and the time the turn started; it may answer by itself
(flood control, a retried event), or pass the event on and look at what comes back (metrics). The chain
is built once, in order: ``chain([Metrics(), OneAtATime(), ...], handler)``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import weakref
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Protocol

from bot.core.events import Inbound, Reply
from bot.core.flood import FloodGuard, Verdict
from bot.core.session import Sessions
from bot.ops import metrics

log = logging.getLogger(__name__)

Next = Callable[[Inbound, datetime], Awaitable[list[Reply]]]


class Middleware(Protocol):
    async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]: ...


def chain(middlewares: Sequence[Middleware], handler: Next) -> Next:
    """``handler`` wrapped by ``middlewares``; the first one sees the event first."""
    call = handler
    for middleware in reversed(middlewares):
        call = _bind(middleware, call)
    return call


def _bind(middleware: Middleware, call_next: Next) -> Next:
    async def call(event: Inbound, now: datetime) -> list[Reply]:
        return await middleware(call_next, event, now)

    return call


class Metrics:
    """Counts events by channel and measures how long a turn takes (lock wait included)."""

    async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]:
        started = time.perf_counter()
        try:
            return await call_next(event, now)
        finally:
            metrics.UPDATES.labels(event.channel).inc()
            metrics.HANDLE_SECONDS.observe(time.perf_counter() - started)


class OneAtATime:
    """Events of one user are handled one at a time, in arrival order; other users are not held up."""

    def __init__(self) -> None:
        # weak values: a lock disappears with the last turn waiting for it, so idle users cost nothing
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]:
        key = (event.channel, event.user_ref)
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            return await call_next(event, now)

    def __len__(self) -> int:
        return len(self._locks)


SlowDown = Callable[[Inbound], Awaitable[list[Reply]]]


class FloodControl:
    """Too many messages from one user: one polite "slow down" (``slow_down``), then silence until calm.

    Channels in ``exempt`` (by configuration: the operator's own console, which scripts pipe into) are
    not limited.
    """

    def __init__(self, guard: FloodGuard, slow_down: SlowDown, exempt: frozenset[str] = frozenset()) -> None:
        self.guard = guard
        self.slow_down = slow_down
        self.exempt = exempt

    async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]:
        if event.channel in self.exempt:
            return await call_next(event, now)
        verdict = self.guard.check((event.channel, event.user_ref), now)
        if verdict is Verdict.DROP:
            return []
        if verdict is Verdict.WARN:
            log.info("flood control: slowing down a user on %s", event.channel)
            return await self.slow_down(event)
        return await call_next(event, now)


class Deduplicate:
    """A platform event retried (same id) is handled once; its replies are given again.

    At-least-once: the id is recorded with its replies only *after* the turn produced them (and saved
    the session), so a crash during a turn leaves it unrecorded and the redelivered event is handled
    again (booking steps are idempotent by event key); a crash after the record but before the channel
    sent the replies is answered, on redelivery, with the recorded replies (only an event recorded by an
    earlier process: a retry within one process life is ignored, so duplicates come only with crashes
    or restarts). Kept replies are erased once the channel reports them delivered
    (:meth:`Sessions.delivered`), and otherwise after an hour by retention (they may hold a booking
    summary). A retry arriving while the first is
    still running waits behind it (:class:`OneAtATime` runs before this) and then finds it recorded.
    """

    def __init__(self, sessions: Sessions) -> None:
        self.sessions = sessions
        self.life = secrets.token_hex(4)  # this process: duplicates only across a crash or restart

    async def __call__(self, call_next: Next, event: Inbound, now: datetime) -> list[Reply]:
        if not event.event_id:
            return await call_next(event, now)
        seen = await self.sessions.seen(event.channel, event.event_id)
        if seen is not None:
            life, kept = seen
            if life == self.life or not kept:
                # handled by this process (its channel sent the replies), or the replies were delivered
                # and erased (:meth:`Sessions.delivered`), or there were none
                log.info("duplicate event on %s ignored", event.channel)
                return []
            # handled before a crash or restart: the replies may never have left, give them again
            log.info("event on %s handled before a restart: its replies sent again", event.channel)
            return kept
        replies = await call_next(event, now)
        await self.sessions.first_time(event.channel, event.event_id, now, replies, self.life)
        return replies
