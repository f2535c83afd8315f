from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder, recording_app
from tests.auxil.recorder import recorder as recorder  # the fixture, shared

STAFF = "console:desk"


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    async with recording_app(tmp_path, clock, recorder, staff_users=frozenset({STAFF})) as app:
        yield app


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
