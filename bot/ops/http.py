"""``GET /healthz`` and ``GET /metrics`` on 127.0.0.1:``BOT_HTTP_PORT``."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.ops.metrics import REGISTRY

log = logging.getLogger(__name__)

HealthCheck = Callable[[], Awaitable[dict[str, object]]]


def make_app(health: HealthCheck) -> web.Application:
    async def healthz(request: web.Request) -> web.Response:
        try:
            status = await health()
        except Exception as exc:  # any failure means unhealthy; say what kind, not more
            log.warning("health check failed: %s", type(exc).__name__)
            return web.json_response({"status": "fail", "error": type(exc).__name__}, status=503)
        return web.json_response(status, status=200 if status.get("status") == "ok" else 503)

    async def metrics(request: web.Request) -> web.Response:
        body = generate_latest(REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app


async def start_http(health: HealthCheck, port: int, host: str = "127.0.0.1") -> web.AppRunner:
    runner = web.AppRunner(make_app(health), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("health and metrics on http://%s:%d/", host, port)
    return runner
