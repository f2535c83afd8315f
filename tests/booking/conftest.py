from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.common import markup
from bot.core.clock import FakeClock
from bot.core.events import Reply
from bot.core.outbox import Delivery
from tests.auxil.chat import START, Chat, started_app

STAFF = "console:desk"


@dataclass
class Recorder:
    """A channel's messenger that keeps what the bot sent on its own (reminders, staff notices)."""

    channel: str = "console"
    sent: list[tuple[str, str]] = field(default_factory=list)  # (ref, plain text)
    unreachable: set[str] = field(default_factory=set)

    async def send(self, ref: str, replies: Sequence[Reply]) -> Delivery:
        if ref in self.unreachable:
            return Delivery.BLOCKED  # as a messenger reports a 403 or a person who left the room
        for reply in replies:
            self.sent.append((ref, markup.to_plain(reply.text)))
        return Delivery.DELIVERED

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


async def book(
    app: App, user: str, lang: str, when: datetime | None = None, name: str | None = None
) -> tuple[Chat, str]:
    """Book through the dialogue (the first free time, or the one starting at ``when``): (chat, code)."""
    chat = Chat(app, user=user)
    await chat.say(f"/language {lang}")
    await chat.action("booking:new")
    await chat.action("booking:topic:housing")
    await chat.action(f"booking:lang:{lang}")
    slots = await feature(app).service.free_slots(app.clock.now(), lang)
    slot = next(s for s in slots if when is None or s.start == when)
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}")
    if name:
        await chat.say(name)
    else:
        await chat.action("booking:skip")
    await chat.action("booking:skip")
    await chat.action("booking:confirm")
    upcoming = await feature(app).service.bookings.upcoming(
        (await app.sessions.load("console", user, app.clock.now())).user_id, app.clock.now()
    )
    assert upcoming, chat.text
    return chat, upcoming[-1].code
