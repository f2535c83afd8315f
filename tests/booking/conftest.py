from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.core import markup
from bot.core.clock import FakeClock
from bot.core.events import Reply
from tests.auxil.chat import START, started_app

STAFF = "console:desk"


@dataclass
class Recorder:
    """A channel's messenger that keeps what the bot sent on its own (reminders, staff notices)."""

    channel: str = "console"
    sent: list[tuple[str, str]] = field(default_factory=list)  # (ref, plain text)
    unreachable: set[str] = field(default_factory=set)

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        if ref in self.unreachable:
            return False
        for reply in replies:
            self.sent.append((ref, markup.to_plain(reply.text)))
        return True

    def to(self, ref: str) -> list[str]:
        return [text for r, text in self.sent if r == ref]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    app = await started_app(tmp_path, clock, staff_users=frozenset({STAFF}))
    app.postman.register(recorder, staff_ref="staff")
    yield app
    await app.stop()


def feature(app: App) -> BookingFeature:
    return next(f for f in app.features if isinstance(f, BookingFeature))
