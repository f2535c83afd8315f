"""The Matrix channel's decisions for a sync batch, without a homeserver (sans-I/O).

Sync responses are built as a homeserver sends them and parsed by nio (:mod:`tests.auxil.matrix_json`);
the actions :func:`plan_batch` returns are what the I/O loop in ``bot.channels.matrix`` carries out.
"""

from __future__ import annotations

from collections.abc import Mapping

from nio import SyncResponse

from bot.channels.matrix_events import Undecryptable
from bot.channels.matrix_sync import (
    GAP_PAGES,
    SYNC_TIMEOUT_MS,
    ChannelView,
    ForgetRoom,
    Gap,
    GapPager,
    HandleInbound,
    HandleRoom,
    JoinRoom,
    LeaveRoom,
    NoteUndecryptable,
    RejectInvite,
    SaveToken,
    SyncPosition,
    SyncRequest,
    ToldSessions,
    event_action,
    plan_batch,
    room_work,
)
from bot.core.events import InboundKind
from tests.auxil.matrix_json import (
    ANNA,
    ME,
    OLGA,
    ROOM,
    STAFF_ROOM,
    encrypted,
    events,
    image,
    invite_state,
    joined,
    member,
    sync,
    text,
)

INVITED = "!invited:example.org"


def view(members: Mapping[str, frozenset[str]] | None = None) -> ChannelView:
    rooms = dict(members or {})
    return ChannelView(ME, STAFF_ROOM, frozenset({f"matrix:{OLGA}"}), rooms.get)


def leaves(channel: ChannelView, batch: SyncResponse) -> bool:
    return any(isinstance(a, LeaveRoom) for a in plan_batch(channel, SyncPosition.resume("s1"), batch))


def handled(actions: list[object]) -> dict[str, list[str]]:
    """Room → ids of the events its HandleRoom action carries."""
    return {a.room_id: [e.event_id for e in a.events] for a in actions if isinstance(a, HandleRoom)}


# -- the sync position: restart, fresh device -------------------------------------------------


def test_a_fresh_device_asks_for_one_event_per_room_and_ignores_history() -> None:
    position = SyncPosition.resume(None)
    assert position.request() == SyncRequest(since=None, timeout_ms=0, timeline_limit=1, full_state=None)
    batch = sync(
        "s1",
        join={ROOM: joined([text(ANNA, "written before the bot existed")])},
        invite={INVITED: invite_state(ME, ANNA, is_direct=True)},
    )
    actions = plan_batch(view(), position, batch)
    assert actions == [JoinRoom(INVITED, "direct"), SaveToken("s1")]  # invitations still count
    later = position.after("s1")
    assert later.request(50) == SyncRequest(
        since="s1", timeout_ms=SYNC_TIMEOUT_MS, timeline_limit=50, full_state=None
    )
    assert handled(
        plan_batch(view(), later, sync("s2", join={ROOM: joined([text(ANNA, "hi", "$new")])}))
    ) == {ROOM: ["$new"]}


def test_a_restart_resumes_at_the_stored_position_and_answers_what_came_meanwhile() -> None:
    position = SyncPosition.resume("s7")
    # at once, from where it stopped, with the rooms' whole state (nio knows no room after a restart)
    assert position.request(50) == SyncRequest(since="s7", timeout_ms=0, timeline_limit=50, full_state=True)
    batch = sync("s8", join={ROOM: joined([text(ANNA, "while you were down", "$down")])})
    actions = plan_batch(view(), position, batch)
    assert actions == [HandleRoom(ROOM, tuple(batch.rooms.join[ROOM].timeline.events)), SaveToken("s8")]
    assert handled(actions) == {ROOM: ["$down"]}
    assert position.after("s8").request(50).full_state is None


def test_the_sync_position_is_stored_last() -> None:
    batch = sync(
        "s9",
        join={
            ROOM: joined([text(ANNA, "hi")]),
            "!gone:example.org": joined([member(ANNA, "leave", prev="join")]),
        },
        invite={INVITED: invite_state(ME, "@spam:example.org", is_direct=False)},
        leave=("!left:example.org",),
    )
    actions = plan_batch(view({"!gone:example.org": frozenset({ME})}), SyncPosition.resume("s8"), batch)
    kinds = [type(a) for a in actions]
    assert kinds == [RejectInvite, HandleRoom, HandleRoom, LeaveRoom, ForgetRoom, SaveToken]
    assert actions[-1] == SaveToken("s9")


def test_a_batch_delivered_again_carries_the_same_event_ids() -> None:
    # stopped before the position was stored: the homeserver sends the batch again; the event ids are
    # the same, so the core's event-id check answers nothing twice
    raw = [text(ANNA, "1", "$one"), text(ANNA, "2", "$two")]
    first = plan_batch(view(), SyncPosition.resume("s1"), sync("s2", join={ROOM: joined(raw)}))
    again = plan_batch(view(), SyncPosition.resume("s1"), sync("s2", join={ROOM: joined(raw)}))
    assert handled(first) == handled(again) == {ROOM: ["$one", "$two"]}
    [room] = [a for a in again if isinstance(a, HandleRoom)]
    ids = [
        a.inbound.event_id
        for e in room.events
        if isinstance(a := event_action(view(), ROOM, e), HandleInbound)
    ]
    assert ids == ["$one", "$two"]


# -- gaps ------------------------------------------------------------------------------------


def test_a_limited_timeline_after_a_known_position_has_a_gap_to_fetch() -> None:
    batch = sync("s3", join={ROOM: joined([text(ANNA, "latest")], limited=True, prev_batch="p2")})
    [room, _] = plan_batch(view(), SyncPosition.resume("s2"), batch)
    assert isinstance(room, HandleRoom) and room.gap == Gap(prev_batch="p2", since="s2")


def test_no_gap_without_a_position_or_when_the_timeline_is_complete() -> None:
    complete = sync("s3", join={ROOM: joined([text(ANNA, "all there")], prev_batch="p2")})
    [room, _] = plan_batch(view(), SyncPosition.resume("s2"), complete)
    assert isinstance(room, HandleRoom) and room.gap is None
    limited = sync("s3", join={ROOM: joined([text(ANNA, "latest")], limited=True, prev_batch="p2")})
    unknown_since = room_work(view(), ROOM, limited.rooms.join[ROOM], since=None)
    assert unknown_since is not None and unknown_since.gap is None  # nothing to fetch back to


def test_joining_answers_what_came_after_the_invitation_not_the_history() -> None:
    timeline = [
        text(ANNA, "old history", "$old"),
        member(ME, "invite", sender=ANNA),
        text(ANNA, "are you there?", "$after"),
        member(ME, "join", prev="invite"),
        text(ANNA, "hello", "$hello"),
    ]
    batch = sync("s3", join={ROOM: joined(timeline, limited=True, prev_batch="p2")})
    [room, _] = plan_batch(view(), SyncPosition.resume("s2"), batch)
    assert isinstance(room, HandleRoom) and room.gap is None  # the history before is not fetched
    answered = [e.event_id for e in room.events if isinstance(event_action(view(), ROOM, e), HandleInbound)]
    assert answered == ["$after", "$hello"]


def test_the_gap_is_walked_back_page_by_page_and_given_oldest_first() -> None:
    pager = GapPager(Gap("p3", "s1"))
    assert pager.next_start() == "p3"
    pager.feed(events(text(ANNA, "5", "$5"), text(ANNA, "4", "$4")), "p2")
    assert pager.next_start() == "p2"
    pager.feed(events(text(ANNA, "3", "$3")), "p1")
    pager.feed([], "p0")  # nothing more: the gap is closed
    assert pager.next_start() is None
    assert [e.event_id for e in pager.events()] == ["$3", "$4", "$5"]


def test_the_gap_walk_stops_at_the_end_of_the_room_or_after_so_many_pages() -> None:
    ended = GapPager(Gap("p1", "s1"))
    ended.feed(events(text(ANNA, "first ever")), None)  # no end token: the start of the room
    assert ended.next_start() is None
    stuck = GapPager(Gap("p1", "s1"))
    stuck.feed(events(text(ANNA, "x")), "p1")  # the same token again: no progress
    assert stuck.next_start() is None
    endless = GapPager(Gap("p0", "s1"))
    for page in range(GAP_PAGES):
        assert endless.next_start() is not None
        endless.feed(events(text(ANNA, str(page))), f"p{page + 1}")
    assert endless.next_start() is None and len(endless.events()) == GAP_PAGES
    failed = GapPager(Gap("p1", "s1"))
    failed.stop()  # a page could not be fetched
    assert failed.next_start() is None and failed.events() == []


# -- invitations and membership --------------------------------------------------------------


def test_direct_invitations_and_the_staff_room_are_joined_other_rooms_declined() -> None:
    batch = sync(
        invite={
            "!direct:example.org": invite_state(ME, ANNA, is_direct=True),
            STAFF_ROOM: invite_state(ME, OLGA, is_direct=False),
            "!group:example.org": invite_state(ME, "@spam:example.org", is_direct=False),
            "!other:example.org": invite_state("@someone:example.org", ANNA, is_direct=True),  # not us
        }
    )
    actions = plan_batch(view(), SyncPosition.resume("s1"), batch)
    assert actions[:-1] == [
        JoinRoom("!direct:example.org", "direct"),
        JoinRoom(STAFF_ROOM, "staff"),
        RejectInvite("!group:example.org"),
    ]


def test_the_bot_leaves_a_direct_room_once_the_other_person_left() -> None:
    alone = view({ROOM: frozenset({ME})})
    assert leaves(alone, sync(join={ROOM: joined([member(ANNA, "leave", prev="join")])}))
    assert leaves(alone, sync(join={ROOM: joined([], state=[member(ANNA, "ban", prev="join", sender=ME)])}))


def test_a_room_stays_while_someone_is_in_it_or_invited_and_the_staff_room_always() -> None:
    left = sync(join={ROOM: joined([member(ANNA, "leave", prev="join")])})
    assert not leaves(view({ROOM: frozenset({ME, "@maria:example.org"})}), left)  # an invitation is pending
    assert not leaves(view({}), left)  # a room nio does not know
    staff_left = sync(join={STAFF_ROOM: joined([member(OLGA, "leave", prev="join")])})
    assert not leaves(view({STAFF_ROOM: frozenset({ME})}), staff_left)
    assert not leaves(view({ROOM: frozenset({ME})}), sync(join={ROOM: joined([text(ANNA, "hi")])}))


def test_a_room_we_left_is_forgotten() -> None:
    actions = plan_batch(view(), SyncPosition.resume("s1"), sync(leave=("!old:example.org",)))
    assert actions == [ForgetRoom("!old:example.org"), SaveToken("s2")]


# -- events ----------------------------------------------------------------------------------


def test_direct_messages_go_to_the_core_and_the_room_is_remembered() -> None:
    hello, photo = events(text(ANNA, "hello"), image(ANNA))
    action = event_action(view(), ROOM, hello)
    assert isinstance(action, HandleInbound) and action.remember and action.room_id == ROOM
    assert action.inbound.text == "hello" and action.inbound.chat_ref == ROOM
    media = event_action(view(), ROOM, photo)
    assert isinstance(media, HandleInbound) and media.inbound.kind is InboundKind.MEDIA


def test_in_the_staff_room_only_staff_commands_and_numbers_reach_the_core() -> None:
    command, number, chat, stranger, stranger_command, photo = events(
        text(OLGA, "/agenda"),
        text(OLGA, " 2 "),
        text(OLGA, "coffee, anyone?"),
        text(ANNA, "hello"),
        text(ANNA, "/agenda"),
        image(OLGA),
    )
    for event in (command, number):
        action = event_action(view(), STAFF_ROOM, event)
        assert isinstance(action, HandleInbound) and not action.remember  # not anyone's direct room
    for event in (chat, stranger, stranger_command, photo):
        assert event_action(view(), STAFF_ROOM, event) is None


def test_undecryptable_messages_are_noted_and_told_once_per_session_outside_the_staff_room() -> None:
    first, second, in_staff = events(
        encrypted(ANNA, "SESSION1"), encrypted(ANNA, "SESSION1"), encrypted(OLGA, "SESSION2")
    )
    action = event_action(view(), ROOM, first)
    assert isinstance(action, NoteUndecryptable) and action.tell
    assert isinstance(action.undecryptable, Undecryptable) and action.undecryptable.session_id == "SESSION1"
    staff = event_action(view(), STAFF_ROOM, in_staff)
    assert isinstance(staff, NoteUndecryptable) and not staff.tell  # the key is requested, nobody told
    told = ToldSessions(limit=2)
    assert told.first("SESSION1") and not told.first("SESSION1")
    assert told.first("SESSION2") and told.first("SESSION3")
    assert told.first("SESSION4")  # over the limit: forgotten (at worst a second notice), memory bounded
    assert told.first("SESSION1")
    assert isinstance(event_action(view(), ROOM, second), NoteUndecryptable)  # the decision is the same
