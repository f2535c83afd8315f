"""The desk over a real app (fresh database, fixed clock): an aiohttp test client, logged in or not."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import App
from bot.core.clock import FakeClock
from bot.desk.accounts import Role
from bot.desk.server import build_desk
from bot.desk.site import Desk
from tests.auxil.recorder import Recorder, recording_app
from tests.auxil.recorder import recorder as recorder  # the fixture, shared

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = CSRF.search(html)
    assert m, "no CSRF field in the page"
    return m.group(1)


@pytest.fixture
async def app(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    async with recording_app(tmp_path, clock, recorder, desk_url="https://desk.example.org") as app:
        yield app


@pytest.fixture
async def desk(app: App) -> Desk:
    desk = build_desk(app.feature_services, app.settings)
    await desk.accounts.add("anna", Role.COUNSELLOR, PASSWORD, app.clock.now())
    await desk.accounts.add("root", Role.ADMIN, PASSWORD, app.clock.now())
    return desk


async def _client(desk: Desk) -> TestClient:
    client = TestClient(TestServer(desk.app))
    await client.start_server()
    return client


async def log_in(client: TestClient, name: str, password: str = PASSWORD) -> int:
    page = await client.get("/login")
    token = csrf_of(await page.text())
    response = await client.post(
        "/login", data={"username": name, "password": password, "csrf_token": token}, allow_redirects=False
    )
    return response.status


@pytest.fixture
async def anonymous(desk: Desk) -> AsyncIterator[TestClient]:
    client = await _client(desk)
    yield client
    await client.close()


@pytest.fixture
async def client(desk: Desk) -> AsyncIterator[TestClient]:
    """Logged in as the counsellor ``anna``."""
    client = await _client(desk)
    assert await log_in(client, "anna") == 303
    yield client
    await client.close()


@pytest.fixture
async def admin_client(desk: Desk) -> AsyncIterator[TestClient]:
    """Logged in as the admin ``root``."""
    client = await _client(desk)
    assert await log_in(client, "root") == 303
    yield client
    await client.close()


# -- a real server and a real browser (tests/desk/test_browser.py) ------------------------------------


@pytest.fixture
async def live_desk(tmp_path: Path, clock: FakeClock, recorder: Recorder) -> AsyncIterator[App]:
    """The whole app with the desk on a real port of 127.0.0.1 (``app.settings.desk_port``)."""
    from tests.auxil.net import free_port

    async with recording_app(
        tmp_path, clock, recorder, desk_port=free_port(), desk_url="https://desk.example.org"
    ) as app:
        assert app.desk is not None
        await app.desk.accounts.add("anna", Role.COUNSELLOR, PASSWORD, clock.now())
        yield app


@pytest.fixture
async def browser_page() -> AsyncIterator[object]:
    """A page in Debian's chromium (headless, through playwright). Skipped only outside CI when chromium
    is missing; ``scripts/browser.sh`` installs it."""
    import os

    from tests.auxil import browser

    if not browser.available():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing: ./test.sh runs scripts/browser.sh to install it")
        pytest.skip("/usr/bin/chromium is missing: run scripts/browser.sh")
    async with browser.chromium() as chromium:
        page = await chromium.new_page()
        yield page
