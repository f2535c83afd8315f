"""/forget on Matrix: the bot's messages in the direct room are redacted (its last answer excepted, so the
person reads that everything was deleted), then the room is left and forgotten."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nio import MessageDirection, RoomMessagesResponse, RoomSendResponse

from bot.app import App
from bot.channels.matrix_sync import ChannelView, SyncPosition, own_messages, plan_batch
from tests.auxil.matrix_json import ANNA, ME, ROOM, STAFF_ROOM, events, joined, sync, text
from tests.channels.test_matrix import FakeClient, channel_for


@dataclass
class RedactingClient(FakeClient):
    """Also records redactions; sends get event ids; /messages pages by start token (None: latest)."""

    sent_ids: list[str] = field(default_factory=list)

    async def room_send(self, room_id: str, kind: str, content: dict[str, Any], **options: Any) -> object:
        await super().room_send(room_id, kind, content, **options)
        event_id = f"$sent{len(self.sent_ids)}"
        self.sent_ids.append(event_id)
        return RoomSendResponse(event_id, room_id)

    async def room_messages(  # type: ignore[override]
        self,
        room_id: str,
        start: str | None = None,
        end: str | None = None,
        direction: MessageDirection = MessageDirection.back,
        limit: int = 10,
    ) -> RoomMessagesResponse:
        self.calls.append(("messages", room_id, start))
        return RoomMessagesResponse.from_dict(self.pages[start or "latest"], room_id)  # type: ignore[return-value]

    async def room_redact(self, room_id: str, event_id: str, reason: str | None = None) -> object:
        self.calls.append(("redact", room_id, event_id))
        return object()


def own(body: str, event_id: str) -> dict[str, Any]:
    return text(ME, body, event_id)


def test_own_messages_are_the_bots_messages_only() -> None:
    page = events(own("summary: 0176 1234567", "$1"), text(ANNA, "0176 1234567", "$2"), own("bye", "$3"))
    assert own_messages(page, ME) == ["$1", "$3"]
    assert own_messages(page, ME, keep=frozenset({"$3"})) == ["$1"]


async def test_forget_redacts_the_bots_messages_then_leaves_and_forgets_the_room(app: App) -> None:
    channel, _ = channel_for(app)
    client = RedactingClient()
    channel._client = client  # type: ignore[assignment]
    view = ChannelView(ME, STAFF_ROOM, frozenset(), {ROOM: frozenset({ME, ANNA})}.get)
    await channel.store.save_sync_token("s1")

    async def say(body: str, event_id: str, token: str) -> None:
        batch = sync(token, join={ROOM: joined([text(ANNA, body, event_id)])})
        await channel._execute(view, plan_batch(view, SyncPosition.resume("s0"), batch))

    await say("/language en", "$a", "s1")
    await say("/forget", "$b", "s2")
    assert await channel.store.room_of(ANNA) == ROOM
    # the room as the homeserver has it, newest first: the bot's answers carry what the person said
    client.pages = {
        "s2": {
            "chunk": [
                own("are you sure?", "$q"),
                text(ANNA, "/forget", "$b"),
                own("booked: 0176 1234567", "$bk"),
            ],
            "start": "s2",
            "end": "p1",
        },
        "p1": {"chunk": [own("hello", "$h"), text(ANNA, "/language en", "$a")], "start": "p1", "end": "p0"},
        "p0": {"chunk": [], "start": "p0"},
    }
    before = len(client.sent_ids)
    await say("1", "$c", "s3")  # yes, forget me
    done = client.sent_ids[before:]
    assert done, "the bot confirmed nothing"
    redacted = [c[2] for c in client.calls if c[0] == "redact"]
    assert sorted(redacted) == ["$bk", "$h", "$q"]  # every own message, not the person's, not the goodbye
    assert not set(done) & set(redacted)
    kinds = [c[0] for c in client.calls]
    assert kinds.index("leave") > max(i for i, k in enumerate(kinds) if k == "redact")
    assert ("forget", ROOM) in client.calls
    assert await channel.store.room_of(ANNA) is None
    assert await app.sessions.find("matrix", ANNA) is None
