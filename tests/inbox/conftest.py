from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import App
from bot.core.clock import FakeClock
from bot.core.outbox import Delivery
from bot.inbox.feature import InboxFeature
from tests.auxil.recorder import Recorder, recording_app


@pytest.fixture
def recorder() -> Recorder:
    # an unreachable person here is a transient failure (the answer is kept as not delivered), not a block
    return Recorder(refusal=Delivery.FAILED)


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    async with recording_app(tmp_path, clock, recorder) as app:
        yield app


def inbox_of(app: App) -> InboxFeature:
    return next(f for f in app.features if isinstance(f, InboxFeature))
