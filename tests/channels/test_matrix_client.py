"""Rate limits and outages at the HTTP level: a small homeserver stand-in speaking HTTP on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web
from nio import WhoamiResponse

from bot.channels.matrix_client import Backoff, Client, LoginFailed, client_config, connect, retry_after_ms
from bot.channels.matrix_store import Login, MatrixStore
from bot.config import MatrixSettings
from bot.store.db import Database


class RateLimitedServer:
    """Answers ``whoami`` with 429 ``times`` times (the wait in the header or in the body), then 200."""

    def __init__(self, times: int, header: str | None, body_ms: int | None) -> None:
        self.times, self.header, self.body_ms = times, header, body_ms
        self.calls: list[float] = []

    async def whoami(self, request: web.Request) -> web.Response:
        self.calls.append(time.monotonic())
        if len(self.calls) <= self.times:
            body: dict[str, object] = {"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests"}
            if self.body_ms is not None:
                body["retry_after_ms"] = self.body_ms
            headers = {"Retry-After": self.header} if self.header else {}
            return web.json_response(body, status=429, headers=headers)
        if request.headers.get("Authorization") != "Bearer good":
            return web.json_response({"errcode": "M_UNKNOWN_TOKEN", "error": "Unknown token"}, status=401)
        return web.json_response({"user_id": "@bot:example.org", "device_id": "DEVICE1"})


@pytest.fixture
async def server_factory() -> AsyncIterator[object]:
    runners: list[web.AppRunner] = []

    async def start(handler: RateLimitedServer) -> str:
        app = web.Application()
        app.router.add_get("/_matrix/client/v3/account/whoami", handler.whoami)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{port}"

    yield start
    for runner in runners:
        await runner.cleanup()


async def _whoami(url: str) -> tuple[object, float]:
    client = Client(url, "@bot:example.org", config=client_config())
    client.access_token = "good"
    started = time.monotonic()
    try:
        response = await client.whoami()
    finally:
        await client.close()
    return response, time.monotonic() - started


async def test_retry_after_header_is_honoured(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = RateLimitedServer(times=1, header="1", body_ms=None)
    response, took = await _whoami(await server_factory(server))
    assert isinstance(response, WhoamiResponse)
    assert len(server.calls) == 2
    # waited the second the header asked for, not nio's default of five
    assert 0.9 <= server.calls[1] - server.calls[0] < 3.0, took


async def test_retry_after_ms_in_the_body_is_honoured(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = RateLimitedServer(times=2, header=None, body_ms=300)
    response, _ = await _whoami(await server_factory(server))
    assert isinstance(response, WhoamiResponse)
    gaps = [b - a for a, b in zip(server.calls, server.calls[1:], strict=False)]
    assert len(gaps) == 2 and all(0.25 <= gap < 2.0 for gap in gaps)


def test_retry_after_values() -> None:
    assert retry_after_ms("2") == 2000
    assert retry_after_ms(None) is None and retry_after_ms("soon") is None
    assert retry_after_ms("999999") == 600_000  # capped
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    value = retry_after_ms(later)
    assert value is not None and 25_000 <= value <= 31_000


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff(first=0.5, cap=4.0)
    delays = [backoff.next() for _ in range(6)]
    assert delays[0] < delays[2] < delays[4] and max(delays) <= 4.0 * 1.2
    backoff.reset()
    assert backoff.next() <= 0.5 * 1.2


async def test_stored_login_is_reused_and_a_refused_token_without_password_fails(
    server_factory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    url = await server_factory(RateLimitedServer(times=0, header=None, body_ms=None))
    db = Database(tmp_path / "bot.sqlite3")
    await db.open()
    try:
        store = MatrixStore(db)
        settings = MatrixSettings(homeserver=url, user_id="@bot:example.org", access_token="good")
        client = await connect(settings, store, tmp_path / "crypto")
        await client.close()
        assert client.device_id == "DEVICE1"
        assert await store.login() == Login(url, "@bot:example.org", "DEVICE1", "good")
        await store.save_sync_token("s1")
        # a stored login whose token is refused, and no password to log in again with
        await store.save_login(Login(url, "@bot:example.org", "DEVICE1", "revoked"))
        assert await store.sync_token() == "s1"  # same device: the sync position stays
        with pytest.raises(LoginFailed):
            await connect(
                MatrixSettings(homeserver=url, user_id="@bot:example.org", password=""), store, tmp_path / "c"
            )
        await store.save_login(Login(url, "@bot:example.org", "OTHER", "x"))
        assert await store.sync_token() is None  # another device starts afresh
    finally:
        await db.close()
