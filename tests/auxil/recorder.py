"""A channel's messenger that keeps what the bot sent on its own (reminders, counsellors' answers, staff
notices), and a started app that sends through it: shared by tests/booking, tests/inbox and tests/desk.

The ``clock`` fixture is the root conftest's (``FakeClock(START)``); ``recorder`` is a fixture here, which
a conftest takes in with ``from tests.auxil.recorder import recorder``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.app import App
from bot.common import markup
from bot.core.clock import FakeClock
from bot.core.events import Reply
from bot.core.outbox import Delivery
from tests.auxil.chat import started_app

STAFF_REF = "staff"  # where staff notices go: recorder.to(STAFF_REF)


@dataclass
class Recorder:
    """Keeps every reply sent to a ref; a ref in ``unreachable`` gets ``refusal`` instead (``BLOCKED``, as a
    messenger reports a 403 or a person who left the room; ``FAILED`` for a transient error)."""

    channel: str = "console"
    sent: list[tuple[str, Reply]] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)
    refusal: Delivery = Delivery.BLOCKED

    async def send(self, ref: str, replies: Sequence[Reply]) -> Delivery:
        if ref in self.unreachable:
            return self.refusal
        self.sent.extend((ref, reply) for reply in replies)
        return Delivery.DELIVERED

    def to(self, ref: str) -> list[str]:
        """The plain texts sent to ``ref``, in order."""
        return [markup.to_plain(reply.text) for r, reply in self.sent if r == ref]

    def replies_to(self, ref: str) -> list[Reply]:
        return [reply for r, reply in self.sent if r == ref]

    def texts(self) -> list[str]:
        """Every plain text sent, to anyone."""
        return [markup.to_plain(reply.text) for _ref, reply in self.sent]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@asynccontextmanager
async def recording_app(
    tmp_path: Path, clock: FakeClock, recorder: Recorder, **settings: object
) -> AsyncIterator[App]:
    """A started app (``settings`` as for ``started_app``) whose console messages, staff notices included,
    go to ``recorder``."""
    app = await started_app(tmp_path, clock, **settings)
    app.postman.register(recorder, staff_ref=STAFF_REF)
    try:
        yield app
    finally:
        await app.stop()
