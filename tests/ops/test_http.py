"""/healthz and /metrics on 127.0.0.1, in Prometheus' text format."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from tests.auxil.chat import Chat, started_app
from tests.auxil.net import free_port


async def test_health_and_metrics(tmp_path: Path) -> None:
    port = free_port()
    app = await started_app(tmp_path, http_port=port)
    try:
        await Chat(app, channel="telegram").say("/start")
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 200
                body = await resp.json()
                assert body["status"] == "ok" and body["content_version"] == 1
            async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:
                assert resp.status == 200
                text = await resp.text()
        assert 'bot_updates_total{channel="telegram"}' in text
        assert "bot_handle_seconds_bucket" in text
        assert "bot_content_version 1.0" in text
    finally:
        await app.stop()


async def test_health_fails_when_database_is_gone(tmp_path: Path) -> None:
    port = free_port()
    app = await started_app(tmp_path, http_port=port)
    try:
        await app.db.close()
        async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/healthz") as resp:
            assert resp.status == 503
    finally:
        await app.stop()
