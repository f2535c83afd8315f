"""Matrix client-server JSON for unit tests: events and sync responses as a homeserver sends them.

They go through nio's own parsers (``SyncResponse.from_dict``), so the channel's decisions are tested
on the very objects the real sync loop gets, without a homeserver.
"""

from __future__ import annotations

import itertools
from typing import Any

from nio import RoomMessagesResponse, SyncResponse

from bot.channels.matrix_events import TimelineEvent

ME = "@bot:example.org"
ANNA = "@anna:example.org"
OLGA = "@olga:example.org"  # staff
STAFF_ROOM = "!staff:example.org"
ROOM = "!anna:example.org"

_ids = itertools.count(1)
Json = dict[str, Any]


def _event(kind: str, sender: str, content: Json, event_id: str | None = None, **extra: Any) -> Json:
    number = next(_ids)
    return {
        "type": kind,
        "event_id": event_id or f"$e{number}",
        "sender": sender,
        "origin_server_ts": 1_700_000_000_000 + number,
        "content": content,
        **extra,
    }


def text(sender: str, body: str, event_id: str | None = None, **content: Any) -> Json:
    return _event("m.room.message", sender, {"msgtype": "m.text", "body": body, **content}, event_id)


def notice(sender: str, body: str) -> Json:
    return _event("m.room.message", sender, {"msgtype": "m.notice", "body": body})


def image(sender: str) -> Json:
    return _event("m.room.message", sender, {"msgtype": "m.image", "body": "a.jpg", "url": "mxc://x/y"})


def encrypted(sender: str, session_id: str, event_id: str | None = None) -> Json:
    content = {
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnAC",
        "sender_key": "senderkey",
        "session_id": session_id,
        "device_id": "ANNAPHONE",
    }
    return _event("m.room.encrypted", sender, content, event_id)


def member(user: str, membership: str, prev: str | None = None, sender: str | None = None) -> Json:
    unsigned = {"prev_content": {"membership": prev}} if prev else {}
    return _event(
        "m.room.member", sender or user, {"membership": membership}, state_key=user, unsigned=unsigned
    )


def invite_state(invited: str, by: str, is_direct: bool) -> list[Json]:
    content: Json = {"membership": "invite"}
    if is_direct:
        content["is_direct"] = True
    return [
        {"type": "m.room.create", "state_key": "", "sender": by, "content": {"creator": by}},
        {"type": "m.room.member", "state_key": invited, "sender": by, "content": content},
    ]


def joined(
    timeline: list[Json],
    *,
    limited: bool = False,
    prev_batch: str | None = None,
    state: list[Json] | None = None,
) -> Json:
    room: Json = {"timeline": {"events": timeline, "limited": limited}, "state": {"events": state or []}}
    if prev_batch:
        room["timeline"]["prev_batch"] = prev_batch
    return room


def sync(
    next_batch: str = "s2",
    *,
    join: dict[str, Json] | None = None,
    invite: dict[str, list[Json]] | None = None,
    leave: tuple[str, ...] = (),
) -> SyncResponse:
    body = {
        "next_batch": next_batch,
        "rooms": {
            "join": join or {},
            "invite": {room: {"invite_state": {"events": events}} for room, events in (invite or {}).items()},
            "leave": {room: {"timeline": {"events": []}, "state": {"events": []}} for room in leave},
        },
    }
    response = SyncResponse.from_dict(body)
    assert isinstance(response, SyncResponse), response
    return response


def events(*raw: Json) -> list[TimelineEvent]:
    """Parsed timeline events (as nio gives them in a sync or a /messages page)."""
    page = RoomMessagesResponse.from_dict({"chunk": list(raw), "start": "x", "end": "y"}, ROOM)
    assert isinstance(page, RoomMessagesResponse), page
    return list(page.chunk)
