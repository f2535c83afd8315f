"""The services features and channels are given: each part sees the few things it uses, not the whole app.

These are the seams of the bot (as PTB's ``BaseRequest`` or aiogram's middlewares are theirs): small typed
protocols with one real implementation each (``LibraryService``, ``Postman``, ``Dialogue``) and, where a
test needs one, a small fake. ``bot.app`` is the only place that builds them and hands them out.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.content.library import Library
from bot.core.clock import Clock
from bot.core.events import Address, Inbound, Reply
from bot.core.outbox import Delivery, Messenger
from bot.core.session import Sessions
from bot.store.db import Database


class ContentSource(Protocol):
    """The content in force, and a way to hear about every new version (hot reload)."""

    @property
    def current(self) -> Library: ...

    def on_reload(self, callback: Callable[[Library], None]) -> None: ...


class Spawn(Protocol):
    """Run a background job (reminders, sync...) that stops with the app."""

    def __call__(self, coro: Coroutine[Any, Any, None], name: str) -> None: ...


class Outbox(Protocol):
    """Messages the bot sends on its own: to one address, or to every staff destination."""

    def reaches(self, channel: str) -> bool: ...

    async def send(self, to: Address, replies: Sequence[Reply]) -> bool: ...

    async def deliver(self, to: Address, replies: Sequence[Reply]) -> Delivery: ...

    async def notify_staff(self, text: str) -> None:
        """Queued: returns at once, never waits for a staff channel."""
        ...


class PostOffice(Outbox, Protocol):
    """What a channel adds to the outbox: its way to send (and, optionally, its staff chat)."""

    def register(self, messenger: Messenger, staff_ref: str | None = None) -> None: ...

    async def drain(self, seconds: float, channel: str | None = None) -> bool:
        """Wait (at most ``seconds``) for the queued staff notices of ``channel`` to go out."""
        ...


class Conversation(Protocol):
    """The core as a channel sees it: an event in, replies out; and the commands for the platform's menu."""

    async def handle(self, event: Inbound) -> list[Reply]: ...

    def command_list(self, lang: str) -> list[tuple[str, str]]: ...


@dataclass(frozen=True, slots=True)
class FeatureServices:
    """What a feature (answers, booking, staff) may use."""

    clock: Clock
    content: ContentSource
    sessions: Sessions
    outbox: Outbox
    db: Database  # for the feature's own tables (its repositories); never another part's
    spawn: Spawn
    staff_language: str
    desk_url: str = ""  # the desk's public address (behind the TLS proxy), for links in staff notices


@dataclass(frozen=True, slots=True)
class ChannelServices:
    """What a channel (Telegram, Matrix, console) may use."""

    conversation: Conversation
    content: ContentSource
    sessions: Sessions
    post_office: PostOffice
    clock: Clock
    db: Database  # for the channel's own tables (Matrix account, groups told once)
    staff_users: frozenset[str]
    staff_language: str
    data_dir: Path

    def is_staff(self, channel: str, user_ref: str) -> bool:
        return f"{channel}:{user_ref}" in self.staff_users
