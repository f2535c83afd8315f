from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import START, Chat, started_app
from tests.auxil.synapse import Synapse, ensure_installed

# Two workers share the 2 cores (pytest-xdist, ``--dist loadgroup``): the tests of one costly shared
# resource run on one worker, so it is built once: the real Synapse, and the trained meaning model
# (a fresh clone embeds the example bank once, into var/embeddings).
GROUPS = {"synapse": "synapse", "embedder": "model"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, group in GROUPS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))
                break


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


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """A real Synapse on 127.0.0.1 for the whole session (installed into .venv-synapse if missing)."""
    ensure_installed()
    server = Synapse(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.close()
