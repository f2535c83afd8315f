"""Telegram's sending limits as sliding windows: at most ``count`` messages in any ``period`` seconds."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Outgoing limits; ``overall`` 0 turns every limit off (self-hosted Bot API, raised limits, benchmarks).

    Defaults follow Telegram's advice: about 30 messages per second in all, one per second in a chat
    (a short burst of ``chat_burst`` is allowed), 20 per minute in a group.
    """

    overall: float = 30.0
    per_chat: float = 1.0
    chat_burst: int = 3
    group_per_minute: int = 20
    max_in_flight: int = 64  # requests on the wire at once (bounded concurrency)
    retries: int = 5  # network errors and 5xx before a message is given up

    @property
    def enabled(self) -> bool:
        return self.overall > 0

    def overall_window(self) -> Window | None:
        if not self.enabled:
            return None
        # evenly spaced (in steps of at most 1/30 s), not a whole second's worth at once: bursts
        # would make the limit depend on network jitter (two bursts 1 s apart can arrive closer).
        # A little under the limit too: requests sent exactly 1/30 s apart reach Telegram with some
        # jitter, and 31 of them could then fall into one second.
        count = max(1, math.ceil(self.overall / 30))
        return Window(count, count / (self.overall * JITTER_MARGIN))

    def chat_window(self) -> Window | None:
        if not self.enabled or self.per_chat <= 0:
            return None
        burst = max(1, self.chat_burst)
        return Window(burst, burst / self.per_chat)

    def group_window(self) -> Window | None:
        if not self.enabled or self.group_per_minute <= 0:
            return None
        return Window(self.group_per_minute, 60.0)


JITTER_MARGIN = 0.97


class Window:
    """A sliding window: :meth:`next_free` says when the next event may happen, :meth:`take` records it.

    The time is always passed in (the sender's :class:`~bot.channels.timer.Timer`): a window never reads
    a clock, so it is tested at any moment without waiting.
    """

    __slots__ = ("count", "period", "times")

    def __init__(self, count: int, period: float) -> None:
        self.count = count
        self.period = period
        self.times: deque[float] = deque()

    def next_free(self, now: float) -> float:
        times = self.times
        while times and times[0] <= now - self.period:
            times.popleft()
        if len(times) < self.count:
            return now
        return times[0] + self.period

    def take(self, now: float) -> None:
        self.times.append(now)
