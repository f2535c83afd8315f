"""Item 4 of the desk: after a booking with a first name and a phone, neither appears in any message to staff
(the console's staff.log, a Telegram staff group), in the logs, or in chat staff commands. Only the desk
shows them."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.app import App
from bot.booking.texts import code_text
from bot.channels.console import STAFF_REF, ConsoleMessenger
from bot.core.clock import local
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.booking.conftest import feature

NAME = "Mariana"
PHONE_TYPED = "0151 2345 6789"
PHONE_TRACES = ("+4915123456789", "15123456789", "2345 6789", "23456789")


async def book_with_name_and_phone(app: App) -> str:
    chat = Chat(app, user="maria")
    await chat.say("/language ro")
    for action in ("booking:new", "booking:topic:health", "booking:lang:ro"):
        await chat.action(action)
    await chat.say("1")  # the first day
    await chat.say("1")  # the first time
    await chat.say(NAME)
    await chat.say(PHONE_TYPED)
    await chat.action("booking:confirm")
    user_id = (await app.sessions.load("console", "maria", app.clock.now())).user_id
    booking = (await feature(app).service.bookings.upcoming(user_id, app.clock.now()))[0]
    assert booking.first_name == NAME and booking.phone == "+4915123456789"
    return booking.code


async def test_no_name_or_phone_reaches_staff_channels_or_logs(
    app: App, client: TestClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    staff_log = tmp_path / "staff.log"
    app.postman.register(ConsoleMessenger(io.StringIO(), staff_log), staff_ref=STAFF_REF)
    group = Recorder(channel="telegram")  # the Telegram staff group
    app.postman.register(group, staff_ref="-100123")
    caplog.set_level(logging.DEBUG)
    code = await book_with_name_and_phone(app)
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    day = local(booking.start).date().isoformat()
    # what staff do in chat: the agenda of the day and of a range
    app.dialogue.staff_users = frozenset({"console:desk-staff"})
    staff = Chat(app, user="desk-staff")
    await staff.say("/language de")
    agenda = await staff.say(f"/agenda {day}") + await staff.say(f"/agenda {day} {day}")
    assert code_text(code) in agenda
    # the desk shows them (and only the desk)
    html = await (await client.get(f"/agenda?date={day}")).text()
    assert NAME in html and "+4915123456789" in html
    # a move and a cancellation are announced too
    chat = Chat(app, user="maria")
    await chat.action(f"booking:cancel:{code}")
    await chat.action(f"booking:cancelyes:{code}")

    to_staff = staff_log.read_text(encoding="utf-8")
    group_text = "\n".join(group.texts())
    assert code_text(code) in to_staff and code_text(code) in group_text  # the notices did arrive
    assert "https://desk.example.org/agenda?date=" in group_text
    places = {"staff.log": to_staff, "telegram group": group_text, "logs": caplog.text, "/agenda": agenda}
    for where, text in places.items():
        assert NAME not in text, where
        for trace in PHONE_TRACES:
            assert trace not in text, (where, trace)
