"""The bot on Matrix against a real Synapse: a person in an encrypted direct chat, restarts, outages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.auxil.matrix_bot import running_bot
from tests.auxil.matrix_user import MatrixUser, number_of
from tests.auxil.synapse import Synapse


@pytest.fixture
async def user(synapse: Synapse, tmp_path: Path) -> AsyncIterator[MatrixUser]:
    person = MatrixUser(synapse.url, synapse.register("maria"), tmp_path / "maria")
    await person.start()
    yield person
    await person.stop()


async def test_journey_in_an_encrypted_direct_chat(synapse: Synapse, user: MatrixUser, tmp_path: Path) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot"):
        room = await user.open_direct(bot.user_id)
        assert user.client.rooms[room].encrypted
        picker = await user.ask("/start")
        assert "1. ✓" in picker or "1. " in picker
        home = await user.ask(number_of(picker, "English"))
        assert "Willkommen Europa" in home
        topic = await user.ask(number_of(home, "Health"))
        node = await user.ask(number_of(topic, "insurance"))
        assert "Checked on" in node
        assert user.undecryptable == 0
