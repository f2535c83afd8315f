"""Every outgoing Telegram message goes through here: ordered per chat, fair between chats, polite.

One FIFO queue per chat and a round-robin of the chats that have something to send: a chat with a
hundred queued messages gets one turn per round like everybody else, so nobody waits behind a busy
chat. A chat has at most one request on the wire, so its messages arrive in the order they were queued;
different chats are sent concurrently, at most ``Limits.max_in_flight`` at once. The limits (overall,
per chat, per group) are sliding windows checked before each request. A 429 puts only its chat back
for ``retry_after`` (nothing is dropped); a 403 (the user blocked the bot, or the bot left the group)
drops the chat's queue and reports the chat, so it is marked and not retried; network errors and 5xx
are retried with backoff. Time comes from an injected :class:`~bot.channels.timer.Timer` (the event
loop's clock unless a test passes a fake one).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.request import BaseRequest

from bot.channels.telegram_limits import Limits, Window
from bot.channels.telegram_render import Keyboard, OutMessage
from bot.channels.telegram_request import json_data
from bot.channels.timer import Cancellable, LoopTimer, Timer
from bot.core.outbox import Delivery

log = logging.getLogger(__name__)

NO_PREVIEW = {"is_disabled": True}


@dataclass
class Job:
    """One API call for a chat: a new message, or a new text/keyboard for one already sent."""

    message: OutMessage
    edit_of: int | None = None  # message id to edit instead of sending a new message
    done: asyncio.Future[Delivery] | None = None  # resolved when this (last) part was sent or given up
    attempts: int = 0


@dataclass(eq=False)
class _Chat:
    id: int
    window: Window | None
    group_window: Window | None
    queue: deque[Job] = field(default_factory=deque)
    scheduled: bool = False  # in the round-robin, waiting for its limit, or on the wire
    not_before: float = 0.0  # 429: Telegram asked us to wait until then
    timer: Cancellable | None = None  # waiting for its limit

    def forgettable(self, now: float) -> bool:
        """Idle, and no limit would remember it: the entry can go (bounded memory)."""
        if self.scheduled or self.queue or self.not_before > now:
            return False
        return all(
            w is None or (w.next_free(now) == now and not w.times) for w in (self.window, self.group_window)
        )


@dataclass
class Stats:
    sent: int = 0
    retried_429: int = 0
    retried_network: int = 0
    blocked: int = 0
    failed: int = 0
    overflow: int = 0  # messages refused because their chat's queue was full


def markup_of(keyboard: Keyboard) -> dict[str, Any]:
    """An InlineKeyboardMarkup as JSON."""
    return {
        "inline_keyboard": [
            [{"text": label, "callback_data": data} for label, data in row] for row in keyboard
        ]
    }


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type will become timedelta: take both
        warnings.simplefilter("ignore")
        value: Any = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


MAX_QUEUED = 200  # messages one chat may have waiting; more are refused (a group at 20 a minute: 10 min)


class Sender:
    """The outgoing queue. :meth:`submit` never waits for the network; ``await`` the future if needed.

    Bounded: a chat holds at most ``max_queued`` messages waiting; what comes beyond is refused (its
    future says False) instead of growing memory while Telegram's limits hold the chat back."""

    def __init__(
        self,
        bot: Bot,
        request: BaseRequest,
        limits: Limits,
        on_blocked: Callable[[int], Awaitable[None]] | None = None,
        timer: Timer | None = None,
        max_queued: int = MAX_QUEUED,
    ) -> None:
        self.bot = bot
        self.max_queued = max_queued
        self.timer: Timer = timer or LoopTimer()
        self.request = request
        self.limits = limits
        self.on_blocked = on_blocked
        self.stats = Stats()
        self._chats: dict[int, _Chat] = {}
        self._ready: deque[_Chat] = deque()
        self._overall = limits.overall_window()
        self._in_flight = 0
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._pending = 0  # jobs queued or on the wire
        self._task: asyncio.Task[None] | None = None
        self._requests: set[asyncio.Task[None]] = set()
        self._finished = 0
        self._closed = False

    # -- public ------------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._schedule(), name="telegram-sender")

    def submit(
        self, chat_id: int, messages: list[OutMessage], edit_of: int | None = None
    ) -> asyncio.Future[Delivery]:
        """Queue messages for a chat, in order; the future tells what became of the last one
        (delivered; blocked: a 403; failed: refused, given up after retries, or shut down)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Delivery] = loop.create_future()
        if not messages:
            done.set_result(Delivery.DELIVERED)
            return done
        if self._closed:  # shut down: nobody would send it; the caller may keep it for later
            done.set_result(Delivery.FAILED)
            return done
        chat = self._chats.get(chat_id)
        if chat is None:
            is_group = chat_id < 0
            chat = _Chat(chat_id, self.limits.chat_window(), self.limits.group_window() if is_group else None)
            self._chats[chat_id] = chat
        if len(chat.queue) + len(messages) > self.max_queued:
            if self.stats.overflow == 0 or self.stats.overflow % 100 == 0:
                log.warning(
                    "telegram: a chat's queue is full (%d waiting): messages refused", len(chat.queue)
                )
            self.stats.overflow += len(messages)
            done.set_result(Delivery.FAILED)
            return done
        for index, message in enumerate(messages):
            last = index == len(messages) - 1
            chat.queue.append(Job(message, edit_of if index == 0 else None, done if last else None))
        self._pending += len(messages)
        self._idle.clear()
        if not chat.scheduled:
            chat.scheduled = True
            self._ready.append(chat)
            self._wake.set()
        return done

    async def drain(self, seconds: float) -> bool:
        """Wait until everything queued was sent (or given up); False when ``seconds`` ran out."""
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def close(self, seconds: float = 5.0) -> None:
        """Send what is queued (within ``seconds``), then stop."""
        if not await self.drain(seconds):
            log.warning("telegram: %d queued messages not sent at shutdown", self._pending)
        self._closed = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for chat in self._chats.values():
            if chat.timer is not None:
                chat.timer.cancel()
        for request in list(self._requests):
            request.cancel()
        for chat in self._chats.values():
            for job in chat.queue:
                if job.done is not None and not job.done.done():
                    job.done.set_result(Delivery.FAILED)

    @property
    def queued(self) -> int:
        return self._pending

    @property
    def in_flight(self) -> int:
        """Requests on the wire now."""
        return self._in_flight

    # -- the scheduler -----------------------------------------------------------------------

    async def _schedule(self) -> None:
        timer = self.timer
        while True:
            if not self._ready or self._in_flight >= self.limits.max_in_flight:
                self._wake.clear()
                await self._wake.wait()
                continue
            now = timer.time()
            if self._overall is not None:
                free = self._overall.next_free(now)
                if free > now:
                    await timer.sleep(free - now)
                    continue
            chat = self._ready.popleft()
            wait_until = chat.not_before
            if chat.window is not None:
                wait_until = max(wait_until, chat.window.next_free(now))
            if chat.group_window is not None:
                wait_until = max(wait_until, chat.group_window.next_free(now))
            if wait_until > now:
                # this chat must wait; the others go on (it stays "scheduled" meanwhile)
                chat.timer = timer.call_at(wait_until, functools.partial(self._requeue, chat))
                continue
            for window in (self._overall, chat.window, chat.group_window):
                if window is not None:
                    window.take(now)
            self._in_flight += 1
            request = asyncio.create_task(self._send(chat, chat.queue[0]))
            self._requests.add(request)
            request.add_done_callback(self._requests.discard)

    def _requeue(self, chat: _Chat) -> None:
        chat.timer = None
        self._ready.append(chat)
        self._wake.set()

    def _finish(self, chat: _Chat, job: Job | None, ok: Delivery) -> None:
        """``job`` leaves the queue (sent or given up); None: it stays for another try."""
        if job is not None:
            chat.queue.popleft()
            self._pending -= 1
            if job.done is not None and not job.done.done():
                job.done.set_result(ok)
        self._in_flight -= 1
        if chat.queue:
            self._ready.append(chat)
        else:
            chat.scheduled = False
        self._finished += 1
        if self._finished % 1000 == 0:
            self._sweep()
        if self._pending == 0:
            self._idle.set()
        self._wake.set()

    def _sweep(self) -> None:
        now = self.timer.time()
        for chat_id in [c.id for c in self._chats.values() if c.forgettable(now)]:
            del self._chats[chat_id]

    def _drop_chat(self, chat: _Chat) -> None:
        while len(chat.queue) > 1:
            job = chat.queue.pop()
            self._pending -= 1
            if job.done is not None and not job.done.done():
                job.done.set_result(Delivery.BLOCKED)

    async def _send(self, chat: _Chat, job: Job) -> None:
        try:
            await self._call(chat.id, job)
        except RetryAfter as exc:
            self.stats.retried_429 += 1
            chat.not_before = self.timer.time() + retry_seconds(exc)
            log.info("telegram: 429, chat waits %.0f s before its next message", retry_seconds(exc))
            self._finish(chat, None, Delivery.FAILED)
        except Forbidden:
            self.stats.blocked += 1
            log.info("telegram: a chat is unreachable (403); its queued messages are dropped")
            self._drop_chat(chat)
            self._finish(chat, job, Delivery.BLOCKED)
            if self.on_blocked is not None:
                try:
                    await self.on_blocked(chat.id)
                except Exception as exc:  # marking must not stop the sender
                    log.warning("telegram: could not mark a blocked chat: %s", type(exc).__name__)
        except ChatMigrated as exc:
            log.info("telegram: a group became a supergroup; sending there")
            self._finish(chat, job, Delivery.FAILED)
            self.submit(exc.new_chat_id, [job.message])
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                self._finish(chat, job, Delivery.DELIVERED)
                return
            self.stats.failed += 1
            log.warning("telegram: a message was refused (400: %s)", _short(exc))
            self._finish(chat, job, Delivery.FAILED)
        except InvalidToken:
            self.stats.failed += 1
            log.error("telegram: the bot token was refused")
            self._finish(chat, job, Delivery.FAILED)
        except (NetworkError, TelegramError) as exc:  # timeouts, 5xx, connection errors
            job.attempts += 1
            if job.attempts > self.limits.retries:
                self.stats.failed += 1
                log.warning("telegram: a message was given up after %d tries (%s)", job.attempts, _short(exc))
                self._finish(chat, job, Delivery.FAILED)
                return
            self.stats.retried_network += 1
            chat.not_before = self.timer.time() + min(0.5 * 2 ** (job.attempts - 1), 15.0)
            log.info("telegram: %s; retrying", _short(exc))
            self._finish(chat, None, Delivery.FAILED)
        except asyncio.CancelledError:
            raise
        except Exception:
            self.stats.failed += 1
            log.exception("telegram: unexpected error while sending")
            self._finish(chat, job, Delivery.FAILED)
        else:
            self.stats.sent += 1
            chat.not_before = 0.0
            self._finish(chat, job, Delivery.DELIVERED)

    async def _call(self, chat_id: int, job: Job) -> None:
        # straight to the request seam with JSON-ready parameters: PTB's object layer (building
        # keyboard objects, parsing the returned Message) cost more than the rest of the bot
        message = job.message
        params: dict[str, Any] = {"chat_id": chat_id}
        if job.edit_of is None:
            method = "sendMessage"
        else:
            params["message_id"] = job.edit_of
            method = "editMessageText" if message.html else "editMessageReplyMarkup"
        if message.html:
            params.update(text=message.html, parse_mode="HTML", link_preview_options=NO_PREVIEW)
        if message.keyboard or job.edit_of is not None:
            params["reply_markup"] = markup_of(message.keyboard)
        await self.request.post(f"{self.bot.base_url}/{method}", json_data(params))


def _short(exc: BaseException) -> str:
    # Telegram's description only: never the URL (it holds the token)
    text = str(exc).replace("\n", " ")
    return f"{type(exc).__name__}: {text[:120]}"
