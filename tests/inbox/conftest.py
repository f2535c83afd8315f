from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.app import App
from bot.common import markup
from bot.core.clock import FakeClock
from bot.core.events import Reply
from bot.inbox.feature import InboxFeature
from tests.auxil.chat import START, started_app


@dataclass
class Recorder:
    """A channel's messenger keeping what the bot sent on its own (answers, staff notices)."""

    channel: str = "console"
    sent: list[tuple[str, Reply]] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        if ref in self.unreachable:
            return False
        self.sent.extend((ref, reply) for reply in replies)
        return True

    def to(self, ref: str) -> list[str]:
        return [markup.to_plain(reply.text) for r, reply in self.sent if r == ref]

    def replies_to(self, ref: str) -> list[Reply]:
        return [reply for r, reply in self.sent if r == ref]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    app = await started_app(tmp_path, clock)
    app.postman.register(recorder, staff_ref="staff")
    yield app
    await app.stop()


def inbox_of(app: App) -> InboxFeature:
    return next(f for f in app.features if isinstance(f, InboxFeature))
