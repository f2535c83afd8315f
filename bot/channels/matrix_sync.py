"""What the Matrix channel does with a sync response: decisions only, no I/O (sans-I/O, as in nio).

:func:`plan_batch` turns one sync response and the channel's small state (:class:`ChannelView`,
:class:`SyncPosition`) into a list of typed actions: join or decline an invitation, handle a room's new
events (after fetching a gap in its timeline), leave a room the other person left, forget a room we
left, store the sync position. :func:`event_action` decides per event (answer it, or note that it could
not be decrypted), :class:`GapPager` walks a gap page by page, :class:`SyncPosition` says what to ask
the homeserver for next. ``bot.channels.matrix`` executes the actions.

Sync position: it is stored after every batch has been handled, so after a restart the bot resumes there
(messages sent while it was down are answered, a gap in a long timeline is fetched page by page) and the
core's event-id check stops a message from being answered twice. A fresh device ignores the rooms' history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal, TypeAlias

from nio import InviteMemberEvent, RoomMemberEvent, SyncResponse
from nio.responses import RoomInfo

from bot.channels.matrix_events import TimelineEvent, Undecryptable, translate
from bot.channels.matrix_store import CHANNEL
from bot.core.events import Inbound, InboundKind

SYNC_TIMEOUT_MS = 30_000
TIMELINE_LIMIT = 50  # events per room in one sync; older ones of a gap are fetched with /messages
GAP_PAGES = 20  # at most this many pages of GAP_PAGE_SIZE events are fetched to close one gap
GAP_PAGE_SIZE = 100
TOLD_SESSIONS = 10_000  # undecryptable sessions remembered as told; then forgotten (at worst a second notice)
NOTE_EVERY = timedelta(hours=1)  # at most one "could not decrypt" note per room in this time
NOTED_ROOMS = 10_000  # rooms remembered for that; older entries are dropped first


def sync_filter(timeline_limit: int) -> dict[str, Any]:
    """What the bot syncs: full member lists (encryption needs them), no presence, typing or receipts."""
    return {
        "presence": {"not_types": ["*"]},
        "account_data": {"not_types": ["*"]},
        "room": {
            "timeline": {"limit": timeline_limit},
            "state": {"lazy_load_members": False},
            "ephemeral": {"not_types": ["*"]},
            "account_data": {"not_types": ["*"]},
        },
    }


# -- state -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncRequest:
    """The parameters of the next ``/sync``."""

    since: str | None
    timeout_ms: int
    timeline_limit: int
    full_state: bool | None


@dataclass(frozen=True, slots=True)
class SyncPosition:
    """Where the sync stands: the stored token, whether this device is new, whether a batch was handled."""

    token: str | None
    fresh: bool  # no token was stored: a new device, which ignores the rooms' history
    first: bool = True  # no batch handled yet since the start

    @classmethod
    def resume(cls, stored: str | None) -> SyncPosition:
        return cls(stored, fresh=stored is None)

    @property
    def skip_history(self) -> bool:
        """The first batch of a fresh device: invitations count, old messages do not."""
        return self.fresh and self.first

    def request(self, timeline_limit: int = TIMELINE_LIMIT) -> SyncRequest:
        return SyncRequest(
            since=self.token,
            timeout_ms=0 if self.first else SYNC_TIMEOUT_MS,  # the first answer at once
            timeline_limit=1 if self.skip_history else timeline_limit,
            # after a restart nio knows no room: ask for their whole state once
            full_state=True if self.first and not self.fresh else None,
        )

    def after(self, next_batch: str) -> SyncPosition:
        """The position once a batch ending at ``next_batch`` was handled."""
        return SyncPosition(next_batch, self.fresh, first=False)


def server_of(user_id: str) -> str:
    """The homeserver part of a Matrix id (``@anna:example.org`` → ``example.org``)."""
    return user_id.partition(":")[2].lower()


@dataclass(frozen=True, slots=True)
class InvitePolicy:
    """Which direct invitations are joined: caps per inviter and per homeserver, allow and deny lists."""

    per_inviter: int = 2  # direct rooms with one person (a second one: a new phone, a lost room)
    per_server: int = 1000  # direct rooms with people of one homeserver (scripted accounts are cheap)
    allow_servers: frozenset[str] = frozenset()  # empty: every homeserver not denied
    deny_servers: frozenset[str] = frozenset()

    def server_allowed(self, server: str) -> bool:
        if server in self.deny_servers:
            return False
        return not self.allow_servers or server in self.allow_servers


@dataclass(frozen=True, slots=True)
class ChannelView:
    """What the decisions read of the channel: who we are, the staff room and staff, room members."""

    me: str
    staff_room: str | None
    staff_users: frozenset[str]  # "matrix:@someone:server"
    members: Callable[[str], frozenset[str] | None]  # room → users nio knows there (joined or invited)
    partners: Mapping[str, int] = field(default_factory=dict)  # user → rooms shared with them (not staff)
    policy: InvitePolicy = InvitePolicy()

    def is_staff(self, user_ref: str) -> bool:
        return f"{CHANNEL}:{user_ref}" in self.staff_users

    def rooms_on(self, server: str) -> int:
        return sum(count for user, count in self.partners.items() if server_of(user) == server)


def partners(rooms: Mapping[str, frozenset[str]], me: str, staff_room: str | None) -> dict[str, int]:
    """How many rooms (other than the staff room) the bot shares with each other member."""
    counts: Counter[str] = Counter()
    for room_id, users in rooms.items():
        if room_id != staff_room:
            counts.update(user for user in users if user != me)
    return dict(counts)


# -- actions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JoinRoom:
    room_id: str
    kind: Literal["direct", "staff"]


@dataclass(frozen=True, slots=True)
class RejectInvite:
    """An invitation declined: no direct chat, others in the room, a cap reached, a homeserver refused."""

    room_id: str
    reason: Literal["not direct", "not alone", "inviter cap", "server cap", "server refused"] = "not direct"


@dataclass(frozen=True, slots=True)
class Gap:
    """Events missed between our last position and the start of a limited timeline."""

    prev_batch: str
    since: str


@dataclass(frozen=True, slots=True)
class HandleRoom:
    """New events of a room, oldest first; a gap before them is fetched first.

    The HandleRoom actions of one batch run concurrently; within a room the events go in order.
    """

    room_id: str
    events: tuple[TimelineEvent, ...]
    gap: Gap | None = None


@dataclass(frozen=True, slots=True)
class LeaveRoom:
    """Leave a direct room and forget it: the other member left, or a third person came in (what the bot
    says there, a booking's phone number say, is for one person only)."""

    room_id: str
    reason: Literal["alone", "crowded"] = "alone"


@dataclass(frozen=True, slots=True)
class ForgetRoom:
    """We left (or were removed from) a room: it is nobody's direct room any more."""

    room_id: str


@dataclass(frozen=True, slots=True)
class SaveToken:
    token: str


@dataclass(frozen=True, slots=True)
class HandleInbound:
    """Hand an event to the core and send its replies to the room (then remember the user's room)."""

    room_id: str
    inbound: Inbound
    remember: bool  # a direct room: where the bot reaches this user


@dataclass(frozen=True, slots=True)
class NoteUndecryptable:
    """Request the room key; tell the person (once per session) when ``tell``."""

    undecryptable: Undecryptable
    tell: bool


Action: TypeAlias = JoinRoom | RejectInvite | HandleRoom | LeaveRoom | ForgetRoom | SaveToken
EventAction: TypeAlias = HandleInbound | NoteUndecryptable


# -- decisions -------------------------------------------------------------------------------


def plan_batch(view: ChannelView, position: SyncPosition, response: SyncResponse) -> list[Action]:
    """The actions for one sync batch, in the order they are to run; the sync token comes last."""
    actions: list[Action] = []
    joining: Counter[str] = Counter()  # joins planned in this batch, per inviter
    for room_id, invite in response.rooms.invite.items():
        join = invite_action(view, room_id, invite.invite_state, joining)
        if join is not None:
            actions.append(join)
    leaves = {room_id: leave_action(view, room_id, info) for room_id, info in response.rooms.join.items()}
    if not position.skip_history:
        for room_id, info in response.rooms.join.items():
            leave = leaves[room_id]
            if leave is not None and leave.reason == "crowded":
                continue  # not a word more in a room others can read
            work = room_work(view, room_id, info, position.token)
            if work is not None:
                actions.append(work)
    actions.extend(leave for leave in leaves.values() if leave is not None)
    actions.extend(ForgetRoom(room_id) for room_id in response.rooms.leave)
    actions.append(SaveToken(response.next_batch))
    return actions


def invite_action(
    view: ChannelView, room_id: str, state: Sequence[Any], joining: Counter[str] | None = None
) -> JoinRoom | RejectInvite | None:
    """Join the staff room, and a direct chat when the inviter is the only other member, their homeserver
    is allowed and neither they nor their homeserver reached the cap of rooms; decline the rest.
    ``joining`` counts the joins already planned in this batch (and is updated)."""
    invite = next(
        (
            e
            for e in state
            if isinstance(e, InviteMemberEvent) and e.state_key == view.me and e.membership == "invite"
        ),
        None,
    )
    if invite is None:
        return None
    if room_id == view.staff_room:
        return JoinRoom(room_id, "staff")
    if not invite.content.get("is_direct"):
        return RejectInvite(room_id)
    inviter = str(invite.sender)
    others = {
        e.state_key
        for e in state
        if isinstance(e, InviteMemberEvent | RoomMemberEvent)
        and e.membership in ("join", "invite")
        and e.state_key not in (view.me, inviter)
    }
    if others:
        return RejectInvite(room_id, "not alone")
    server = server_of(inviter)
    if not view.policy.server_allowed(server):
        return RejectInvite(room_id, "server refused")
    joining = Counter() if joining is None else joining
    if view.partners.get(inviter, 0) + joining[inviter] >= view.policy.per_inviter:
        return RejectInvite(room_id, "inviter cap")
    planned_on_server = sum(n for user, n in joining.items() if server_of(user) == server)
    if view.rooms_on(server) + planned_on_server >= view.policy.per_server:
        return RejectInvite(room_id, "server cap")
    joining[inviter] += 1
    return JoinRoom(room_id, "direct")


def own_join(events: Sequence[TimelineEvent], me: str) -> int | None:
    """Index after our invitation (or join) when this batch made us join the room."""
    invite = join = None
    for index, event in enumerate(events):
        if isinstance(event, RoomMemberEvent) and event.state_key == me:
            if event.membership == "invite":
                invite = index
            elif event.membership == "join" and event.prev_membership != "join":
                join = index
    if join is None:
        return None
    return (invite if invite is not None and invite < join else join) + 1


def room_work(view: ChannelView, room_id: str, info: RoomInfo, since: str | None) -> HandleRoom | None:
    """A joined room's new events: all of them, or only those since our invitation when we just joined;
    a limited timeline after a known position has a gap to fetch first."""
    events: list[TimelineEvent] = list(info.timeline.events)
    gap = None
    joined_at = own_join(events, view.me)
    if joined_at is not None:
        # just joined: answer what was written since the invitation, not the room's history
        events = events[joined_at:]
    elif info.timeline.limited and since and info.timeline.prev_batch:
        gap = Gap(info.timeline.prev_batch, since)
    if not events and gap is None:
        return None
    return HandleRoom(room_id, tuple(events), gap)


def leave_action(view: ChannelView, room_id: str, info: RoomInfo) -> LeaveRoom | None:
    """Leave a direct room once everybody else left it (a pending invitation keeps it), or as soon as a
    third person is in it or invited."""
    if room_id == view.staff_room:
        return None
    changes = [
        e.membership
        for e in [*info.state, *info.timeline.events]
        if isinstance(e, RoomMemberEvent) and e.state_key != view.me
    ]
    if not changes:
        return None
    members = view.members(room_id)
    if members is None:
        return None
    # nio's member list counts invited people too: a room whose invitation is pending is not left
    others = [user for user in members if user != view.me]
    if len(others) > 1:
        return LeaveRoom(room_id, "crowded")
    if not others and any(change in ("leave", "ban") for change in changes):
        return LeaveRoom(room_id)
    return None


def event_action(view: ChannelView, room_id: str, event: TimelineEvent) -> EventAction | None:
    """One timeline event: hand it to the core, note it as undecryptable, or nothing."""
    translated = translate(room_id, event, view.me)
    if translated is None:
        return None
    if isinstance(translated, Undecryptable):
        return NoteUndecryptable(translated, tell=room_id != view.staff_room)
    if room_id == view.staff_room:
        if not staff_may(view, translated):
            return None
        return HandleInbound(room_id, replace(translated, from_staff_place=True), remember=False)
    return HandleInbound(room_id, translated, remember=True)


def staff_may(view: ChannelView, inbound: Inbound) -> bool:
    """The staff room is for staff talking to each other too: only their commands (and the numbers of
    the choices those offer) reach the core; anyone else there is not answered at all."""
    if not view.is_staff(inbound.user_ref):
        return False
    text = inbound.text.strip()
    return inbound.kind is InboundKind.TEXT and (text.startswith("/") or text.isdigit())


@dataclass
class GapPager:
    """Walks a gap backwards with ``/messages``: :meth:`next_start` says where the next page starts
    (None: done), :meth:`feed` takes a page; :meth:`events` gives what was found, oldest first."""

    gap: Gap
    max_pages: int = GAP_PAGES
    _start: str | None = None
    _pages: int = 0
    _found: list[TimelineEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._start = self.gap.prev_batch

    def next_start(self) -> str | None:
        return self._start if self._pages < self.max_pages else None

    def feed(self, chunk: Sequence[TimelineEvent], end: str | None) -> None:
        self._pages += 1
        self._found.extend(chunk)
        self._start = None if not chunk or not end or end == self._start else end

    def stop(self) -> None:
        """A page could not be fetched: keep what was found."""
        self._start = None

    def events(self) -> list[TimelineEvent]:
        return list(reversed(self._found))


FORGET_PAGES = 10  # /forget: the bot's messages in the last this many pages of GAP_PAGE_SIZE are redacted
MESSAGE_TYPES = ("m.room.message", "m.room.encrypted")


def own_messages(events: Sequence[TimelineEvent], me: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """Ids of the bot's own messages among ``events`` (those in ``keep`` excepted): what /forget redacts,
    since the bot's answers may repeat what the person told it (a booking summary with a phone number)."""
    return [
        str(e.event_id)
        for e in events
        if e.sender == me and e.source.get("type") in MESSAGE_TYPES and e.event_id not in keep
    ]


class RoomNotes:
    """Flood control for the "could not decrypt" note: at most one per room per ``every`` (bounded)."""

    def __init__(self, every: timedelta = NOTE_EVERY, limit: int = NOTED_ROOMS) -> None:
        self.every = every
        self.limit = limit
        self._last: dict[str, datetime] = {}  # insertion order: oldest first

    def allow(self, room_id: str, now: datetime) -> bool:
        last = self._last.get(room_id)
        if last is not None and now - last < self.every:
            return False
        self._last.pop(room_id, None)
        self._last[room_id] = now
        while len(self._last) > self.limit:
            del self._last[next(iter(self._last))]
        return True

    def __len__(self) -> int:
        return len(self._last)


class ToldSessions:
    """Megolm sessions whose undecryptable messages the person was told about (bounded memory)."""

    def __init__(self, limit: int = TOLD_SESSIONS) -> None:
        self.limit = limit
        self._told: set[str] = set()

    def first(self, session_id: str) -> bool:
        """True the first time a session is seen (then it counts as told)."""
        if session_id in self._told:
            return False
        if len(self._told) > self.limit:
            self._told.clear()
        self._told.add(session_id)
        return True
