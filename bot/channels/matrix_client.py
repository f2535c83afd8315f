"""The nio client the Matrix channel uses: login kept across restarts, rate limits and outages.

matrix-nio already retries a request after ``M_LIMIT_EXCEEDED`` (sleeping ``retry_after_ms``) and
after connection errors (with exponential backoff), which is how a homeserver restart is survived.
Two gaps are filled here: Synapse may give the wait only in the ``Retry-After`` header (nio would then
sleep a fixed 5 s), and a login must be reused, because a new device cannot read the encrypted
messages sent to the old one.
"""

from __future__ import annotations

import logging
import os
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from aiohttp import ClientResponse
from nio import AsyncClient, AsyncClientConfig, ErrorResponse, LoginResponse, WhoamiResponse

from bot.channels.matrix_store import Login, MatrixStore
from bot.common.private import private_dir
from bot.config import MatrixSettings

log = logging.getLogger(__name__)

DEVICE_NAME = "newcomers-bot"
MAX_RETRY_AFTER_MS = 600_000  # a wait longer than 10 minutes is a misconfigured server: cap it
UNKNOWN_TOKEN = "M_UNKNOWN_TOKEN"


class LoginFailed(Exception):
    """The homeserver refused the credentials (wrong password, revoked token)."""


def retry_after_ms(value: str | None) -> int | None:
    """``Retry-After``: delay seconds or an HTTP date → milliseconds (None when absent or unreadable)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(int(value) * 1000, MAX_RETRY_AFTER_MS)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - datetime.now(UTC)).total_seconds()
    return max(0, min(int(delta * 1000), MAX_RETRY_AFTER_MS))


class Client(AsyncClient):
    """nio's client, reading the wait of a 429 from ``Retry-After`` when the body does not give it."""

    async def create_matrix_response(
        self,
        response_class: type,
        transport_response: ClientResponse,
        data: tuple[Any, ...] | None = None,
        save_to: os.PathLike[str] | None = None,
    ) -> Any:
        response = await super().create_matrix_response(response_class, transport_response, data, save_to)
        if transport_response.status == 429 and isinstance(response, ErrorResponse):
            if not response.retry_after_ms:
                response.retry_after_ms = retry_after_ms(transport_response.headers.get("Retry-After"))
            elif response.retry_after_ms > MAX_RETRY_AFTER_MS:
                response.retry_after_ms = MAX_RETRY_AFTER_MS
            log.warning("rate limited by the homeserver: waiting %s ms", response.retry_after_ms or 5000)
        return response

    async def get_timeout_retry_wait_time(self, got_timeouts: int) -> float:
        # nio calls this after every connection error or time-out before it tries again; nio's own
        # warnings are muted (they name users), so the outage is logged here
        wait = float(await super().get_timeout_retry_wait_time(got_timeouts))
        if got_timeouts == 1 or got_timeouts % 10 == 0:
            log.warning(
                "the homeserver cannot be reached (attempt %d): retrying in %.1f s", got_timeouts, wait
            )
        return wait


NIO_DEFAULT_PICKLE_KEY = "DEFAULT_KEY"  # what nio uses when none is given: stores made before keep loading


def client_config(pickle_key: str = "") -> AsyncClientConfig:
    # connection errors and time-outs are retried for ever with backoff 0, 0.4, 0.8 ... capped at 30 s:
    # a homeserver restart or a network blip costs a few seconds, never the bot
    return AsyncClientConfig(
        max_limit_exceeded=None,
        max_timeouts=None,
        backoff_factor=0.2,
        max_timeout_retry_wait_time=30,
        request_timeout=60,
        encryption_enabled=True,
        store_sync_tokens=False,  # the sync position is kept in our own database, with the login
        pickle_key=pickle_key or NIO_DEFAULT_PICKLE_KEY,
    )


class Backoff:
    """Exponential backoff with jitter for errors the homeserver answers (5xx, unknown errors)."""

    def __init__(self, first: float = 0.5, cap: float = 30.0) -> None:
        self.first, self.cap, self.failures = first, cap, 0

    def next(self) -> float:
        self.failures += 1
        delay = min(self.cap, self.first * 2 ** (self.failures - 1))
        return float(delay * random.uniform(0.8, 1.2))

    def reset(self) -> None:
        self.failures = 0


async def connect(settings: MatrixSettings, store: MatrixStore, crypto_dir: Path) -> Client:
    """A logged-in client on the stored device (or a new one, first time), with its crypto store loaded."""
    private_dir(crypto_dir)  # the Matrix keys: owner-only (once, at start-up)
    if not settings.pickle_key:
        log.warning(
            "BOT_MATRIX_PICKLE_KEY is not set: the Matrix keys at rest are protected by file permissions only"
        )
    client = Client(
        settings.homeserver,
        settings.user_id,
        store_path=str(crypto_dir),
        config=client_config(settings.pickle_key),
    )
    try:
        stored = await store.login()
        if stored is not None and (stored.homeserver, stored.user_id) != (
            settings.homeserver,
            settings.user_id,
        ):
            log.info("the Matrix account changed: logging in afresh")
            stored = None
        if settings.access_token and (stored is None or stored.access_token != settings.access_token):
            await _adopt_token(client, settings, store)
        elif stored is not None:
            client.restore_login(stored.user_id, stored.device_id, stored.access_token)
            who = await client.whoami()
            if isinstance(who, ErrorResponse):
                if who.status_code != UNKNOWN_TOKEN or not settings.password:
                    raise LoginFailed(str(who))
                log.info("the stored Matrix token expired: logging in again on the same device")
                await _password_login(client, settings, store, device_id=stored.device_id)
        else:
            await _password_login(client, settings, store, device_id=None)
        if client.should_upload_keys:
            await client.keys_upload()
    except BaseException:
        await client.close()
        raise
    log.info("Matrix: logged in as %s on device %s", client.user_id, client.device_id)
    return client


async def relogin(client: Client, settings: MatrixSettings, store: MatrixStore) -> None:
    """After ``M_UNKNOWN_TOKEN`` at run time: log in with the password, keeping the device."""
    if not settings.password:
        raise LoginFailed("the access token is no longer valid and no password is configured")
    await _password_login(client, settings, store, device_id=client.device_id)
    if client.olm is not None:
        # a hard logout deleted the device with its keys on the server: publish them again (the
        # same identity keys, so people's apps keep trusting this device; harmless if they are there)
        client.olm.account.shared = False
        await client.keys_upload()


async def _adopt_token(client: Client, settings: MatrixSettings, store: MatrixStore) -> None:
    client.access_token = settings.access_token
    client.user_id = settings.user_id
    who = await client.whoami()
    if not isinstance(who, WhoamiResponse) or not who.device_id:
        raise LoginFailed(f"the access token was refused or has no device: {who}")
    client.restore_login(who.user_id, who.device_id, settings.access_token)
    await store.save_login(Login(settings.homeserver, who.user_id, who.device_id, settings.access_token))


async def _password_login(
    client: Client, settings: MatrixSettings, store: MatrixStore, device_id: str | None
) -> None:
    if not settings.password:
        raise LoginFailed("no BOT_MATRIX_PASSWORD or BOT_MATRIX_ACCESS_TOKEN")
    client.device_id = device_id or ""
    response = await client.login(settings.password, device_name=DEVICE_NAME)
    if not isinstance(response, LoginResponse):
        raise LoginFailed(str(response))
    await store.save_login(
        Login(settings.homeserver, response.user_id, response.device_id, response.access_token)
    )
