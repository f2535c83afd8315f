"""Long polling that acknowledges only what was handled (PTB's updater acknowledges what it fetched).

Telegram forgets every update below the ``offset`` of a ``getUpdates`` call. PTB's updater moves the
offset past each batch as soon as it is queued, so an update fetched just before a crash is never
delivered again. This poller moves it only to the lowest update still in flight (:class:`Watermark`):
an update fetched but not yet handled comes back after a crash or restart, and the core's
de-duplication answers it (handled again, or its recorded replies given again).

Telegram returns the updates in flight again with every batch until they are handled; those are
skipped (their ids are at most the highest fetched). Telegram hands out at most 100 updates from the
offset, so updates in flight at the bottom hold back everything newer once that window is full. A
stuck update must not hold the rest: it is given up (acknowledged unhandled, one log line with ids
only) when it is older than ``max_age``, and when the window is full and nothing was handled for
``stall`` seconds, every update in flight that long is given up. Memory is bounded by that window.

Only the new updates are parsed (into PTB's ``Update``): the poll goes straight to the request seam,
as the sender's calls do, since the updates in flight come back with every batch. After a batch with
nothing new, the next poll waits until the offset moved (an update at the bottom was handled) or
``recheck`` seconds passed: Telegram answers at once while it holds updates in flight.

Errors are handled as PTB's updater does: network errors and timeouts retried (with backoff up to
30 s), a flood wait waited, a 409 Conflict (another instance polling) logged once, ``InvalidToken``
ends the poller.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut
from telegram.request import BaseRequest

from bot.channels.telegram_logs import describe, log_error
from bot.channels.telegram_request import json_data
from bot.channels.telegram_sender import retry_seconds

log = logging.getLogger("bot.channels.telegram")  # the channel's own lines keep the channel's name

BATCH = 100  # the most updates Telegram returns at once (and so the window the offset can lag by)
MAX_AGE = 60.0  # seconds an update may stay in flight before it is acknowledged anyway
STALL = 5.0  # seconds without progress, the window full, before the oldest update is given up
RECHECK = 0.5  # seconds between polls while only updates in flight come back
MAX_BACKOFF = 30.0


class Watermark:
    """Update ids fetched and not yet handled, and the offset that acknowledges everything else."""

    def __init__(
        self,
        window: int = BATCH,
        max_age: float = MAX_AGE,
        stall: float = STALL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window = window
        self.max_age = max_age
        self.stall = stall
        self.clock = clock
        self.highest = 0  # the highest update id fetched (0: none yet)
        self._in_flight: dict[int, float] = {}  # update id -> when fetched; ids arrive in order
        self._progress_at = clock()
        self.progress = asyncio.Event()  # set when an update was handled (or given up)
        self.given_up = 0

    def fresh(self, update_id: int) -> bool:
        """Not fetched before (Telegram sends the updates in flight again until they are handled)."""
        return update_id > self.highest

    def begin(self, update_id: int) -> None:
        self.highest = max(self.highest, update_id)
        self._in_flight[update_id] = self.clock()

    def done(self, update_id: int) -> None:
        """Handled: it may be acknowledged (unknown ids, given up before, are ignored)."""
        if self._in_flight.pop(update_id, None) is not None:
            self._progress_at = self.clock()
            self.progress.set()

    @property
    def offset(self) -> int | None:
        """What ``getUpdates`` is told: the oldest update in flight, else one past the highest fetched."""
        if self._in_flight:
            return next(iter(self._in_flight))
        return self.highest + 1 if self.highest else None

    @property
    def in_flight(self) -> int:
        return len(self._in_flight)

    @property
    def room(self) -> bool:
        """Whether a batch from the offset can hold an update not fetched yet."""
        offset = self.offset
        return offset is None or self.highest - offset + 1 < self.window

    def pending(self) -> list[int]:
        return list(self._in_flight)

    def give_up_stuck(self) -> list[int]:
        """Drop the updates that hold the rest back (too old, or in flight while the full window
        stalled); their ids."""
        if not self._in_flight:
            return []
        now = self.clock()
        oldest = next(iter(self._in_flight))
        stalled = self.highest - oldest + 1 >= self.window and now - self._progress_at >= self.stall
        limit = self.stall if stalled else self.max_age
        dropped: list[int] = []
        for update_id, fetched in self._in_flight.items():  # in id order, so fetched in time order
            if now - fetched < limit:
                break
            dropped.append(update_id)
        for update_id in dropped:
            del self._in_flight[update_id]
        if dropped:
            self._progress_at = now
            self.given_up += len(dropped)
        return dropped


class Poller:
    """Fetches updates into ``put`` (PTB's update queue) and acknowledges them as :meth:`done` says."""

    def __init__(
        self,
        bot: Bot,
        request: BaseRequest,
        put: Callable[[Update], Any],
        *,
        timeout: float = 30.0,
        allowed_updates: Sequence[str] | None = None,
        watermark: Watermark | None = None,
        recheck: float = RECHECK,
    ) -> None:
        self.bot = bot
        self.request = request  # the bot's getUpdates request (initialised and closed with the bot)
        self.put = put
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates) if allowed_updates is not None else None
        self.marks = watermark or Watermark()
        self.recheck = recheck
        self._task: asyncio.Task[None] | None = None
        self._conflict = False
        self._stopped = False
        self._closed = False
        self.failure: BaseException | None = None  # why the poller ended on its own (InvalidToken)

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Remove a webhook left from an earlier configuration (Telegram refuses polling beside it),
        then poll in the background."""
        await self._retrying(lambda: self.bot.delete_webhook(drop_pending_updates=False))
        self._task = asyncio.create_task(self._loop(), name="telegram poller")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self) -> None:
        """Stop fetching (a long poll in progress is abandoned; it acknowledges nothing new)."""
        self._stopped = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(self._task, 5.0)
            self._task = None

    async def acknowledge(self) -> None:
        """Tell Telegram what was handled, once, without waiting for new updates (at shutdown)."""
        offset = self.marks.offset
        if offset is None or self._closed:
            return
        self._closed = True
        try:
            await self.bot.get_updates(
                offset=offset, limit=1, timeout=0, allowed_updates=self.allowed_updates
            )
        except TelegramError as exc:  # the next start fetches those updates again: handled twice at worst
            log.warning("telegram: handled updates not acknowledged at shutdown (%s)", describe(exc))

    def done(self, update_id: int) -> None:
        self.marks.done(update_id)

    # -- the loop ----------------------------------------------------------------------------

    async def _loop(self) -> None:
        try:
            while not self._stopped:
                fresh = await self._retrying(self._poll)
                if self.marks.in_flight and (not fresh or not self.marks.room):
                    await self._offset_moved()
        except InvalidToken as exc:
            self.failure = exc
            log_error(exc)

    async def _offset_moved(self) -> None:
        """Until an update at the bottom was handled, or ``recheck`` seconds (for newer updates)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.recheck
        offset = self.marks.offset
        while self.marks.offset == offset:
            self.marks.progress.clear()
            try:
                await asyncio.wait_for(self.marks.progress.wait(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                return

    async def _poll(self) -> int:
        """One ``getUpdates``; the number of new updates handed on."""
        dropped = self.marks.give_up_stuck()
        if len(dropped) == 1:
            log.warning("telegram: update %d still not handled; acknowledged anyway", dropped[0])
        elif dropped:
            log.warning(
                "telegram: %d updates (ids %d to %d) still not handled; acknowledged anyway",
                len(dropped),
                dropped[0],
                dropped[-1],
            )
        offset = self.marks.offset
        # a long poll only while nothing is in flight: otherwise Telegram answers at once anyway
        timeout = self.timeout if self.marks.in_flight == 0 else 0
        params: dict[str, Any] = {"limit": BATCH, "timeout": timeout}
        if offset is not None:
            params["offset"] = offset
        if self.allowed_updates is not None:
            params["allowed_updates"] = self.allowed_updates
        read_timeout = (self.request.read_timeout or 0) + timeout
        result = await self.request.post(
            f"{self.bot.base_url}/getUpdates", json_data(params), read_timeout=read_timeout
        )
        fresh = 0
        for data in result if isinstance(result, list) else []:
            update_id = data.get("update_id") if isinstance(data, dict) else None
            if not isinstance(update_id, int) or not self.marks.fresh(update_id):
                continue  # in flight already (or given up): not parsed again
            self.marks.begin(update_id)
            try:
                update = Update.de_json(data, self.bot)
            except Exception:  # as PTB: one bad update must not stop polling; it is acknowledged
                log.error("telegram: an unreadable update %d skipped", update_id)
                self.marks.done(update_id)
                continue
            await self.put(update)
            fresh += 1
        return fresh

    async def _retrying(self, action: Callable[[], Any]) -> Any:
        """``action`` until it succeeds, as PTB's network loop: timeouts at once, flood waits as told,
        other errors after a growing pause; a 409 Conflict logged once until polling works again."""
        pause = 0.0
        while True:
            try:
                result = await action()
            except InvalidToken:
                raise
            except TelegramError as exc:
                if self._stopped:
                    # aiohttp may turn the cancellation of a request into a timeout: stop all the same
                    raise asyncio.CancelledError from None
                pause = self._pause_after(exc, pause)
            else:
                self._conflict = False
                return result
            if pause:
                await asyncio.sleep(pause)

    def _pause_after(self, exc: TelegramError, pause: float) -> float:
        if isinstance(exc, RetryAfter):
            return 0.5 + retry_seconds(exc)
        if isinstance(exc, TimedOut):
            return 0.0  # a long poll that took too long: at once again
        if isinstance(exc, Conflict):
            if not self._conflict:
                log_error(exc)
            self._conflict = True
        else:
            log_error(exc)
        return 1.0 if pause == 0 else min(MAX_BACKOFF, 1.5 * pause)
