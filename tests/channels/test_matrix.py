"""The Matrix channel's I/O loop carrying out the planned actions, with a stand-in for nio's client.

The homeserver itself is in tests/e2e/test_matrix.py (a real Synapse); here the client only records
what it was asked to do, so the order of the work, gap paging and error isolation are checked fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from nio import MessageDirection, RoomMessagesResponse

from bot.app import App
from bot.channels.matrix import MatrixChannel
from bot.channels.matrix_sync import (
    ChannelView,
    ForgetRoom,
    JoinRoom,
    LeaveRoom,
    RejectInvite,
    SaveToken,
    SyncPosition,
    plan_batch,
)
from bot.config import MatrixSettings
from bot.core.events import Inbound, Reply
from tests.auxil.matrix_json import ANNA, ME, ROOM, STAFF_ROOM, encrypted, joined, sync, text


@dataclass
class FakeClient:
    """What the channel asks of nio's client, recorded; /messages pages served from ``pages``."""

    user_id: str = ME
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # start token → page JSON
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    rooms: dict[str, Any] = field(default_factory=dict)

    async def room_messages(
        self, room_id: str, start: str, end: str, direction: MessageDirection, limit: int
    ) -> RoomMessagesResponse:
        self.calls.append(("messages", room_id, start, end, direction, limit))
        return RoomMessagesResponse.from_dict(self.pages[start], room_id)  # type: ignore[return-value]

    async def room_send(self, room_id: str, kind: str, content: dict[str, Any], **options: Any) -> object:
        self.calls.append(("send", room_id, content["body"]))
        return object()

    async def join(self, room_id: str) -> object:
        self.calls.append(("join", room_id))
        return object()

    async def room_leave(self, room_id: str) -> object:
        self.calls.append(("leave", room_id))
        return object()

    async def room_forget(self, room_id: str) -> object:
        self.calls.append(("forget", room_id))
        return object()

    async def request_room_key(self, event: Any) -> object:
        self.calls.append(("key request", event.session_id))
        return object()


@dataclass
class Core:
    """The core as the channel sees it: records what it was handed, answers each with its text."""

    seen: list[str] = field(default_factory=list)
    fail_on: str = ""

    async def handle(self, event: Inbound) -> list[Reply]:
        if event.event_id == self.fail_on:
            raise RuntimeError("a bug in one turn")
        self.seen.append(event.event_id or "")
        return [Reply(f"re: {event.text}")]

    def command_list(self, lang: str) -> list[tuple[str, str]]:
        return []


def channel_for(app: App, core: Core | None = None) -> tuple[MatrixChannel, FakeClient]:
    services = app.channel_services if core is None else replace(app.channel_services, conversation=core)
    channel = MatrixChannel(services, MatrixSettings(staff_room=STAFF_ROOM))
    client = FakeClient()
    channel._client = client  # type: ignore[assignment]
    channel.staff_room = STAFF_ROOM
    return channel, client


VIEW = ChannelView(ME, STAFF_ROOM, frozenset(), {}.get)


async def test_a_gap_is_fetched_page_by_page_and_answered_oldest_first(app: App) -> None:
    core = Core()
    channel, client = channel_for(app, core)
    client.pages = {
        "p2": {"chunk": [text(ANNA, "3", "$3"), text(ANNA, "2", "$2")], "start": "p2", "end": "p1"},
        "p1": {"chunk": [text(ANNA, "1", "$1")], "start": "p1", "end": "p0"},
        "p0": {"chunk": [], "start": "p0"},
    }
    batch = sync("s2", join={ROOM: joined([text(ANNA, "4", "$4")], limited=True, prev_batch="p2")})
    await channel._execute(VIEW, plan_batch(VIEW, SyncPosition.resume("s1"), batch))
    pages = [c[2:] for c in client.calls if c[0] == "messages"]
    assert pages == [(s, "s1", MessageDirection.back, 100) for s in ("p2", "p1", "p0")]
    assert core.seen == ["$1", "$2", "$3", "$4"]
    assert [c[2] for c in client.calls if c[0] == "send"] == ["re: 1", "re: 2", "re: 3", "re: 4"]
    assert await channel.store.sync_token() == "s2"  # stored once the batch was handled


async def test_one_failing_event_does_not_stop_the_others(app: App) -> None:
    core = Core(fail_on="$2")
    channel, client = channel_for(app, core)
    batch = sync(join={ROOM: joined([text(ANNA, "1", "$1"), text(ANNA, "2", "$2"), text(ANNA, "3", "$3")])})
    await channel._execute(VIEW, plan_batch(VIEW, SyncPosition.resume("s1"), batch))
    assert core.seen == ["$1", "$3"]
    assert [c[2] for c in client.calls if c[0] == "send"] == ["re: 1", "re: 3"]
    assert await channel.store.sync_token() == "s2"


async def test_membership_actions_reach_the_homeserver_in_order(app: App) -> None:
    channel, client = channel_for(app)
    actions = [
        JoinRoom("!direct:example.org", "direct"),
        RejectInvite("!group:example.org"),
        LeaveRoom(ROOM),
        ForgetRoom("!old:example.org"),
        SaveToken("s5"),
    ]
    await channel._execute(VIEW, actions)
    assert client.calls == [
        ("join", "!direct:example.org"),
        ("leave", "!group:example.org"),
        ("leave", ROOM),
        ("forget", ROOM),
    ]
    assert await channel.store.sync_token() == "s5"


async def test_undecryptable_messages_request_the_key_and_tell_the_person_once(app: App) -> None:
    channel, client = channel_for(app)
    locked = [encrypted(ANNA, "SESSION1", "$a"), encrypted(ANNA, "SESSION1", "$b")]
    batch = sync(join={ROOM: joined(locked), STAFF_ROOM: joined([encrypted(ANNA, "SESSION2", "$c")])})
    await channel._execute(VIEW, plan_batch(VIEW, SyncPosition.resume("s1"), batch))
    requests = [c[1] for c in client.calls if c[0] == "key request"]
    assert sorted(requests) == ["SESSION1", "SESSION1", "SESSION2"]
    notices = [c[1] for c in client.calls if c[0] == "send"]
    assert notices == [ROOM]  # once for the session, never in the staff room
