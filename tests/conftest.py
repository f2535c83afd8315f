from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import START, Chat, started_app


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock) -> AsyncIterator[App]:
    app = await started_app(tmp_path, clock)
    yield app
    await app.stop()


@pytest.fixture
def chat(app: App) -> Chat:
    return Chat(app)
