"""A person on Matrix: a real nio client (with end-to-end encryption) talking to the bot.

It logs in on the test homeserver, opens a direct chat with the bot (encrypted unless told
otherwise), sends text and collects what the bot writes back, decrypted, in arrival order.
"""

from __future__ import annotations

# ruff: noqa: ASYNC109  (a test helper: every wait has its own deadline)
import asyncio
import contextlib
import time
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    RoomCreateResponse,
    RoomMessageText,
    RoomSendResponse,
)

from tests.auxil.synapse import Account

ENCRYPTION = {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}


class MatrixUser:
    def __init__(self, homeserver: str, account: Account, store_dir: Path) -> None:
        store_dir.mkdir(parents=True, exist_ok=True)
        self.account = account
        self.client = AsyncClient(
            homeserver,
            account.user_id,
            store_path=str(store_dir),
            config=AsyncClientConfig(encryption_enabled=True, max_timeouts=None, backoff_factor=0.1),
        )
        self.messages: list[tuple[str, dict[str, Any]]] = []  # (room id, content) from others
        self.undecryptable = 0
        self._arrived = asyncio.Condition()
        self._sync: asyncio.Task[None] | None = None
        self.room_id = ""

    @property
    def user_id(self) -> str:
        return self.account.user_id

    async def start(self) -> None:
        response = await self.client.login(self.account.password, device_name="test-phone")
        assert isinstance(response, LoginResponse), response
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        self.client.add_event_callback(self._on_text, RoomMessageText)
        self.client.add_event_callback(self._on_undecryptable, MegolmEvent)
        await self.client.sync(timeout=0, full_state=True)
        self._sync = asyncio.create_task(self.client.sync_forever(timeout=30_000))

    async def stop(self) -> None:
        if self._sync is not None:
            self._sync.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._sync
        await self.client.close()

    async def _on_text(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == self.user_id:
            return
        async with self._arrived:
            self.messages.append((room.room_id, event.source["content"]))
            self._arrived.notify_all()

    async def _on_undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        self.undecryptable += 1

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(predicate), timeout)

    async def wait_joined(self, room_id: str, member: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            room = self.client.rooms.get(room_id)
            if room is not None and member in room.users and not room.users[member].invited:
                return
            await asyncio.sleep(0.02)
        raise TimeoutError(f"{member} did not join")

    async def open_direct(self, bot_id: str, encrypted: bool = True, timeout: float = 10.0) -> str:
        """A direct chat with the bot, once the bot has joined it."""
        created = await self.client.room_create(
            is_direct=True, invite=[bot_id], initial_state=[ENCRYPTION] if encrypted else []
        )
        assert isinstance(created, RoomCreateResponse), created
        self.room_id = created.room_id
        await self.wait_joined(created.room_id, bot_id, timeout)
        return created.room_id

    async def send(self, text: str, room_id: str | None = None) -> str:
        room = room_id or self.room_id
        response = await self.client.room_send(
            room, "m.room.message", {"msgtype": "m.text", "body": text}, ignore_unverified_devices=True
        )
        assert isinstance(response, RoomSendResponse), response
        return str(response.event_id)

    async def ask(self, text: str, count: int = 1, timeout: float = 10.0, room_id: str | None = None) -> str:
        """Send ``text``; the bodies of the next ``count`` messages from the bot, joined by blank lines."""
        start = len(self.messages)
        await self.send(text, room_id)
        await self.wait_for(lambda: len(self.messages) >= start + count, timeout)
        return "\n\n".join(str(c.get("body", "")) for _, c in self.messages[start : start + count])

    def bodies(self, start: int = 0, room_id: str | None = None) -> list[str]:
        return [str(c.get("body", "")) for r, c in self.messages[start:] if room_id is None or r == room_id]

    async def quiet(self, seconds: float = 1.0) -> int:
        """Wait ``seconds`` and return how many messages arrived meanwhile."""
        before = len(self.messages)
        await asyncio.sleep(seconds)
        return len(self.messages) - before


def number_of(body: str, label_part: str) -> str:
    """The number in front of the choice whose label contains ``label_part``, in a rendered body."""
    for line in body.splitlines():
        head, dot, label = line.partition(". ")
        if dot and head.isdigit() and label_part.lower() in label.lower():
            return head
    raise AssertionError(f"no choice {label_part!r} in {body!r}")
