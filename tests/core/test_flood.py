"""Flood control: one polite slow-down message, then quiet until calm; nobody else is slowed down."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat


async def test_flooding_user_is_slowed_down_once_then_quiet(app: App, clock: FakeClock) -> None:
    flooder = Chat(app, user="f", channel="telegram")
    other = Chat(app, user="o", channel="telegram")
    await flooder.say("/language ro")
    answered = 1
    for _ in range(19):
        clock.advance(timedelta(milliseconds=100))
        if await flooder.say("/menu"):
            answered += 1
    assert answered == 20
    clock.advance(timedelta(milliseconds=100))
    warning = await flooder.say("/menu")
    assert "așteptați" in warning  # Romanian slow-down note
    for _ in range(30):
        clock.advance(timedelta(milliseconds=100))
        assert await flooder.say("/menu") == ""
    await other.say("/language en")
    assert await other.say("/menu")  # someone else is answered at once
    clock.advance(timedelta(seconds=11))
    assert "Sănătate" in await flooder.say("/menu")  # calm again


async def test_console_is_not_flood_controlled(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language en")
    for _ in range(40):
        assert await chat.say("/menu")
