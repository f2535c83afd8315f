"""Matrix invitations and direct rooms: joined only when the inviter is alone with the bot, capped per
inviter and per homeserver, allow/deny lists; a direct room is left once a third person is in it; the
"could not decrypt" note at most once per room per hour. Decisions are pure (as in test_matrix_sync)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.app import App
from bot.channels.matrix_sync import (
    ChannelView,
    HandleRoom,
    InvitePolicy,
    JoinRoom,
    LeaveRoom,
    RejectInvite,
    RoomNotes,
    SaveToken,
    SyncPosition,
    partners,
    plan_batch,
)
from bot.core.clock import FakeClock
from tests.auxil.chat import START
from tests.auxil.matrix_json import (
    ANNA,
    ME,
    OLGA,
    ROOM,
    STAFF_ROOM,
    encrypted,
    invite_state,
    joined,
    member,
    sync,
    text,
)
from tests.channels.test_matrix import channel_for

EVE = "@eve:example.org"
MALLORY = "@mallory:evil.example"


def view(members: dict[str, frozenset[str]] | None = None, policy: InvitePolicy | None = None) -> ChannelView:
    rooms = dict(members or {})
    return ChannelView(
        ME,
        STAFF_ROOM,
        frozenset({f"matrix:{OLGA}"}),
        rooms.get,
        partners(rooms, ME, STAFF_ROOM),
        policy or InvitePolicy(),
    )


def joined_member(user: str) -> dict[str, Any]:
    return {"type": "m.room.member", "state_key": user, "sender": user, "content": {"membership": "join"}}


def plan(channel: ChannelView, **batch: Any) -> list[object]:
    return list(plan_batch(channel, SyncPosition.resume("s1"), sync("s2", **batch)))


def test_a_direct_invitation_is_joined_only_when_the_inviter_is_alone_with_the_bot() -> None:
    alone = invite_state(ME, ANNA, is_direct=True)
    crowded = [*invite_state(ME, ANNA, is_direct=True), joined_member(ANNA), joined_member(EVE)]
    actions = plan(view(), invite={"!a:example.org": alone, "!b:example.org": crowded})
    assert actions == [
        JoinRoom("!a:example.org", "direct"),
        RejectInvite("!b:example.org", "not alone"),
        SaveToken("s2"),
    ]


def test_rooms_are_capped_per_inviter_even_within_one_batch() -> None:
    one_room = view({ROOM: frozenset({ME, ANNA})})  # the default cap is 2 rooms per person
    actions = plan(
        one_room,
        invite={
            "!2:example.org": invite_state(ME, ANNA, is_direct=True),
            "!3:example.org": invite_state(ME, ANNA, is_direct=True),
            "!olga:example.org": invite_state(ME, OLGA, is_direct=True),
        },
    )
    assert actions[:-1] == [
        JoinRoom("!2:example.org", "direct"),
        RejectInvite("!3:example.org", "inviter cap"),
        JoinRoom("!olga:example.org", "direct"),
    ]


def test_rooms_are_capped_per_homeserver() -> None:
    rooms = {f"!{n}:evil.example": frozenset({ME, f"@bot{n}:evil.example"}) for n in range(3)}
    capped = view(rooms, InvitePolicy(per_server=4))
    actions = plan(
        capped,
        invite={
            "!x:evil.example": invite_state(ME, "@x:evil.example", is_direct=True),
            "!y:evil.example": invite_state(ME, "@y:evil.example", is_direct=True),
            "!anna:example.org": invite_state(ME, ANNA, is_direct=True),
        },
    )
    assert actions[:-1] == [
        JoinRoom("!x:evil.example", "direct"),  # the 4th room with evil.example
        RejectInvite("!y:evil.example", "server cap"),
        JoinRoom("!anna:example.org", "direct"),  # other homeservers are not held up
    ]


def test_homeservers_can_be_allowed_or_denied() -> None:
    def invites() -> dict[str, list[dict[str, Any]]]:  # fresh each time: nio's parser consumes them
        return {
            "!m:evil.example": invite_state(ME, MALLORY, is_direct=True),
            "!a:example.org": invite_state(ME, ANNA, is_direct=True),
        }

    denied = plan(view(policy=InvitePolicy(deny_servers=frozenset({"evil.example"}))), invite=invites())
    assert denied[:-1] == [
        RejectInvite("!m:evil.example", "server refused"),
        JoinRoom("!a:example.org", "direct"),
    ]
    only = plan(view(policy=InvitePolicy(allow_servers=frozenset({"evil.example"}))), invite=invites())
    assert only[:-1] == [
        JoinRoom("!m:evil.example", "direct"),
        RejectInvite("!a:example.org", "server refused"),
    ]
    # the staff room is joined whatever the lists say
    staff = plan(
        view(policy=InvitePolicy(allow_servers=frozenset({"nowhere.example"}))),
        invite={STAFF_ROOM: invite_state(ME, OLGA, is_direct=False)},
    )
    assert staff[:-1] == [JoinRoom(STAFF_ROOM, "staff")]


def test_a_direct_room_is_left_unanswered_when_a_third_person_comes_in() -> None:
    crowded = view({ROOM: frozenset({ME, ANNA, EVE})})
    batch = {"join": {ROOM: joined([text(ANNA, "my phone is 0176 1234567"), member(EVE, "join")])}}
    actions = plan(crowded, **batch)
    assert actions == [LeaveRoom(ROOM, "crowded"), SaveToken("s2")]  # nothing handled there
    invited = view({ROOM: frozenset({ME, ANNA, EVE})})
    assert LeaveRoom(ROOM, "crowded") in plan(
        invited, join={ROOM: joined([member(EVE, "invite", sender=ANNA)])}
    )
    # two people, as it should be: the room is handled and kept
    pair = plan(
        view({ROOM: frozenset({ME, ANNA})}), join={ROOM: joined([member(ANNA, "join"), text(ANNA, "hi")])}
    )
    assert [type(a) for a in pair] == [HandleRoom, SaveToken]
    # the staff room is for many people
    staff = view({STAFF_ROOM: frozenset({ME, OLGA, EVE})})
    assert not any(
        isinstance(a, LeaveRoom) for a in plan(staff, join={STAFF_ROOM: joined([member(EVE, "join")])})
    )


def test_room_notes_are_once_per_room_per_hour_and_bounded() -> None:
    notes = RoomNotes(limit=2)
    assert notes.allow("!a", START) and not notes.allow("!a", START + timedelta(minutes=59))
    assert notes.allow("!b", START) and notes.allow("!a", START + timedelta(minutes=61))
    assert notes.allow("!c", START) and len(notes) == 2  # the oldest is dropped


async def test_undecryptable_events_bring_one_note_per_room_per_hour(app: App, clock: FakeClock) -> None:
    channel, client = channel_for(app)
    channel_view = view({ROOM: frozenset({ME, ANNA})})
    flood = [encrypted(ANNA, f"SESSION{n}", f"$x{n}") for n in range(30)]  # a new session each time
    await channel._execute(
        channel_view,
        plan_batch(channel_view, SyncPosition.resume("s1"), sync("s2", join={ROOM: joined(flood)})),
    )
    assert [c[1] for c in client.calls if c[0] == "send"] == [ROOM]
    assert len([c for c in client.calls if c[0] == "key request"]) == 30  # every key is still asked for
    clock.advance(timedelta(minutes=61))
    later = [encrypted(ANNA, "SESSION99", "$later")]
    await channel._execute(
        channel_view,
        plan_batch(channel_view, SyncPosition.resume("s2"), sync("s3", join={ROOM: joined(later)})),
    )
    assert [c[1] for c in client.calls if c[0] == "send"] == [ROOM, ROOM]
