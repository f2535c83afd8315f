"""Per-user flood control: past a burst, one polite slow-down message, then quiet until calm.

Kept in memory (a restart forgets it, which is harmless) and keyed per user, so a flooding user
never slows anyone else down.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum


class Verdict(Enum):
    OK = "ok"
    WARN = "warn"  # first event over the limit: tell the user once
    DROP = "drop"  # still flooding: stay quiet


@dataclass
class _Window:
    times: deque[datetime] = field(default_factory=deque)
    warned: bool = False


class FloodGuard:
    def __init__(
        self, limit: int = 20, window: timedelta = timedelta(seconds=10), max_users: int = 100_000
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_users = max_users
        self._users: dict[tuple[str, str], _Window] = {}

    def check(self, key: tuple[str, str], now: datetime) -> Verdict:
        if self.limit <= 0:
            return Verdict.OK
        state = self._users.get(key)
        if state is None:
            if len(self._users) >= self.max_users:
                self._prune(now)
            state = self._users[key] = _Window()
        times = state.times
        while times and now - times[0] >= self.window:
            times.popleft()
        times.append(now)
        if len(times) <= self.limit:
            if len(times) <= self.limit // 2:
                state.warned = False  # calm again
            return Verdict.OK
        if state.warned:
            return Verdict.DROP
        state.warned = True
        return Verdict.WARN

    def _prune(self, now: datetime) -> None:
        stale = [k for k, s in self._users.items() if not s.times or now - s.times[-1] >= self.window]
        for key in stale:
            del self._users[key]

    def __len__(self) -> int:
        return len(self._users)
