"""The Matrix channel: end-to-end encrypted direct chats and a staff room, on matrix-nio. The I/O.

Only translation happens here. The decisions are pure and live beside it: :mod:`matrix_events` turns
room events into the core's :class:`Inbound` events, :mod:`matrix_sync` turns each sync response into
typed actions (join, decline, handle a room, fetch a gap, leave, store the position); this module runs
the sync loop and executes those actions against the homeserver. Replies are rendered back into the
room by :mod:`matrix_render`. Login, 429s and outages: :mod:`matrix_client`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Sequence

from nio import (
    ErrorResponse,
    LocalProtocolError,
    MessageDirection,
    RoomCreateResponse,
    RoomMessagesResponse,
    RoomSendError,
    RoomSendResponse,
    SendRetryError,
    SyncError,
    SyncResponse,
)

from bot.channels.matrix_client import Backoff, Client, LoginFailed, connect, relogin
from bot.channels.matrix_events import TimelineEvent, Undecryptable
from bot.channels.matrix_render import render
from bot.channels.matrix_store import CHANNEL, MatrixStore
from bot.channels.matrix_sync import (
    FORGET_PAGES,
    GAP_PAGE_SIZE,
    TIMELINE_LIMIT,
    Action,
    ChannelView,
    EventAction,
    ForgetRoom,
    Gap,
    GapPager,
    HandleRoom,
    InvitePolicy,
    JoinRoom,
    LeaveRoom,
    NoteUndecryptable,
    RejectInvite,
    RoomNotes,
    SaveToken,
    SyncPosition,
    ToldSessions,
    event_action,
    own_messages,
    partners,
    plan_batch,
    sync_filter,
)
from bot.config import MatrixSettings
from bot.core.events import Reply
from bot.core.services import ChannelServices

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 10.0  # seconds a batch being handled may take to finish when the bot stops
ROOM_WAIT = 30.0  # seconds to wait for a newly created direct room to show up in the sync
ENCRYPTION = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}


class MatrixMessenger:
    """Sends to a room id (``!...``) or to a user (``@...``: their direct room, made when missing)."""

    channel = CHANNEL

    def __init__(self, channel: MatrixChannel) -> None:
        self._channel = channel

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        room_id = ref if ref.startswith("!") else await self._channel.direct_room(ref)
        if room_id is None:
            return False
        return await self._channel.send_room(room_id, replies)


class MatrixChannel:
    """One logged-in bot account: the sync loop, inbound translation, room membership, sending."""

    def __init__(
        self, services: ChannelServices, settings: MatrixSettings, timeline_limit: int = TIMELINE_LIMIT
    ) -> None:
        self.services = services
        self.settings = settings
        self.store = MatrixStore(services.db)
        self.timeline_limit = timeline_limit
        self.messenger = MatrixMessenger(self)
        self.staff_room: str | None = None
        self._client: Client | None = None
        self._synced = asyncio.Condition()  # notified after every handled sync batch
        self._told = ToldSessions()
        self._notes = RoomNotes()  # one "could not decrypt" note per room per hour at most
        self._policy = InvitePolicy(
            per_inviter=settings.rooms_per_inviter,
            per_server=settings.rooms_per_server,
            allow_servers=frozenset(s.lower() for s in settings.allow_servers),
            deny_servers=frozenset(s.lower() for s in settings.deny_servers),
        )
        self._direct_lock = asyncio.Lock()
        self.ready = asyncio.Event()  # set once the first sync has been handled (tests, health)

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("the Matrix channel is not connected")
        return self._client

    # -- life cycle --------------------------------------------------------------------------

    async def run(self) -> None:
        """Log in, register the messenger, sync until cancelled."""
        self._client = await connect(self.settings, self.store, self.services.data_dir / "matrix")
        self.staff_room = await self._join_staff_room()
        self.services.post_office.register(self.messenger, staff_ref=self.staff_room)
        await self._sync_forever()

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()

    async def _join_staff_room(self) -> str | None:
        configured = self.settings.staff_room
        if not configured:
            return None
        room_id = configured
        if configured.startswith("#"):
            resolved = await self.client.room_resolve_alias(configured)
            if isinstance(resolved, ErrorResponse):
                log.error("the staff room alias cannot be resolved: %s", resolved)
                return None
            room_id = resolved.room_id
        joined = await self.client.join(room_id)
        if isinstance(joined, ErrorResponse):
            # not invited yet: the invitation is accepted when it comes
            log.warning("cannot join the staff room yet: %s", joined)
        return room_id

    # -- sync --------------------------------------------------------------------------------

    async def _sync_forever(self) -> None:
        position = SyncPosition.resume(await self.store.sync_token())
        backoff = Backoff()
        while True:
            request = position.request(self.timeline_limit)
            try:
                response = await self.client.sync(
                    timeout=request.timeout_ms,
                    sync_filter=sync_filter(request.timeline_limit),
                    since=request.since,
                    full_state=request.full_state,
                )
                if isinstance(response, SyncResponse):
                    await self._keys()
            except (asyncio.CancelledError, LoginFailed):
                raise
            except Exception:  # a bug or a malformed answer must not end the channel: try again
                delay = backoff.next()
                log.exception("Matrix sync failed: retrying in %.1f s", delay)
                await asyncio.sleep(delay)
                continue
            if isinstance(response, SyncError):
                if response.status_code == "M_UNKNOWN_TOKEN":
                    await relogin(self.client, self.settings, self.store)
                    continue
                delay = backoff.next()
                log.warning("Matrix sync failed (%s): retrying in %.1f s", response, delay)
                await asyncio.sleep(delay)
                continue
            assert isinstance(response, SyncResponse)
            backoff.reset()
            view = self._view()
            # a batch is finished even when the bot is stopped meanwhile: its replies go out and
            # its sync position is stored (the last action), so nothing is lost or answered twice
            batch = asyncio.ensure_future(self._execute(view, plan_batch(view, position, response)))
            try:
                await asyncio.shield(batch)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.wait_for(batch, SHUTDOWN_GRACE)
                raise
            position = position.after(response.next_batch)
            if self.client.outgoing_to_device_messages:
                await self.client.send_to_device_messages()
            self.ready.set()
            async with self._synced:
                self._synced.notify_all()

    def _view(self) -> ChannelView:
        rooms = self.client.rooms

        def members(room_id: str) -> frozenset[str] | None:
            room = rooms.get(room_id)
            return frozenset(room.users) if room is not None else None

        shared = partners(
            {room_id: frozenset(room.users) for room_id, room in rooms.items()},
            self.client.user_id,
            self.staff_room,
        )
        return ChannelView(
            self.client.user_id, self.staff_room, self.services.staff_users, members, shared, self._policy
        )

    async def _keys(self) -> None:
        client = self.client
        if client.should_upload_keys:
            await client.keys_upload()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())

    # -- executing the actions ---------------------------------------------------------------

    async def _execute(self, view: ChannelView, actions: Sequence[Action]) -> None:
        """Run a batch's actions in order; the rooms to handle (consecutive) run concurrently."""
        for concurrent, group in itertools.groupby(actions, lambda a: isinstance(a, HandleRoom)):
            if concurrent:
                work = [self._handle_room(view, a) for a in group if isinstance(a, HandleRoom)]
                for result in await asyncio.gather(*work, return_exceptions=True):
                    if isinstance(result, BaseException):
                        log.error("handling a Matrix room failed: %s", type(result).__name__)
                continue
            for action in group:
                await self._do(action)

    async def _do(self, action: Action) -> None:
        client = self.client
        if isinstance(action, JoinRoom):
            response = await client.join(action.room_id)
            if isinstance(response, ErrorResponse):
                log.warning("could not join a room: %s", response.status_code)
            else:
                log.info("joined a %s room", action.kind)
        elif isinstance(action, RejectInvite):
            log.info("declined an invitation (%s)", action.reason)
            await client.room_leave(action.room_id)
        elif isinstance(action, LeaveRoom):
            if action.reason == "crowded":
                log.info("a third person is in a direct room: leaving it")
            else:
                log.info("the other member left a room: leaving it too")
            await self.store.forget_room(action.room_id)
            await client.room_leave(action.room_id)
            with contextlib.suppress(Exception):
                await client.room_forget(action.room_id)
        elif isinstance(action, ForgetRoom):
            await self.store.forget_room(action.room_id)
        elif isinstance(action, SaveToken):
            await self.store.save_sync_token(action.token)

    async def _handle_room(self, view: ChannelView, work: HandleRoom) -> None:
        events = list(work.events)
        if work.gap is not None:
            events = await self._gap(work.room_id, work.gap) + events
        for event in events:
            try:
                action = event_action(view, work.room_id, event)
                if action is not None:
                    await self._on_event(action)
            except Exception:  # one bad event must not stop the others; never log its content
                log.exception("handling a Matrix event failed (%s)", type(event).__name__)

    async def _gap(self, room_id: str, gap: Gap) -> list[TimelineEvent]:
        """Events between our last sync position and the start of a limited timeline, oldest first."""
        pager = GapPager(gap)
        while (start := pager.next_start()) is not None:
            page = await self.client.room_messages(
                room_id, start=start, end=gap.since, direction=MessageDirection.back, limit=GAP_PAGE_SIZE
            )
            if not isinstance(page, RoomMessagesResponse):
                log.warning("could not fetch the messages missed in a room: %s", page)
                pager.stop()
                break
            pager.feed(page.chunk, page.end)
        events = pager.events()
        log.info("fetched %d events missed in a room", len(events))
        return events

    async def _on_event(self, action: EventAction) -> None:
        if isinstance(action, NoteUndecryptable):
            await self._undecryptable(action.undecryptable, action.tell)
            return
        replies = await self.services.conversation.handle(action.inbound)
        sent: list[str] = []
        if replies and await self.send_room(action.room_id, replies, sent) and action.inbound.event_id:
            # the person has them: the copy kept for a redelivery (a summary with a phone number) goes
            await self.services.sessions.delivered(action.inbound.channel, action.inbound.event_id)
        if not action.remember:
            return
        if await self.services.sessions.find(CHANNEL, action.inbound.user_ref) is None:
            # the person had the bot forget them (/forget): the room's history goes too
            await self.forget_room(action.room_id, keep=frozenset(sent))
            return
        # after the answer: it is not on the person's way
        await self.store.remember_room(action.inbound.user_ref, action.room_id)

    async def forget_room(self, room_id: str, keep: frozenset[str] = frozenset()) -> int:
        """After /forget: redact the bot's messages in the room (the answer just sent, ``keep``, stays
        for the person to read), then leave and forget the room. Returns how many were redacted."""
        redacted = 0
        start = await self.store.sync_token()
        pager = GapPager(Gap(start or "", ""), max_pages=FORGET_PAGES)
        while (page_start := pager.next_start()) is not None:
            page = await self.client.room_messages(  # no position yet: from the room's latest event
                room_id, start=page_start or None, direction=MessageDirection.back, limit=GAP_PAGE_SIZE
            )
            if not isinstance(page, RoomMessagesResponse):
                log.warning("could not read a room's messages to redact them: %s", page)
                break
            pager.feed(page.chunk, page.end)
        for event_id in own_messages(pager.events(), self.client.user_id, keep):
            response = await self.client.room_redact(
                room_id, event_id, reason="forgotten at the user's request"
            )
            if isinstance(response, ErrorResponse):
                log.warning("could not redact a message: %s", response.status_code)
            else:
                redacted += 1
        log.info("forgotten: %d of the bot's messages redacted in a direct room, leaving it", redacted)
        await self.store.forget_room(room_id)
        await self.client.room_leave(room_id)
        with contextlib.suppress(Exception):
            await self.client.room_forget(room_id)
        return redacted

    async def _undecryptable(self, undecryptable: Undecryptable, tell: bool) -> None:
        event = undecryptable.event
        log.warning(
            "an event in a room could not be decrypted (session %s…): room key requested",
            undecryptable.session_id[:8],
        )
        with contextlib.suppress(LocalProtocolError):  # already requested for this session
            await self.client.request_room_key(event)
        if not tell or not self._told.first(undecryptable.session_id):
            return
        now = self.services.clock.now()
        if not self._notes.allow(undecryptable.room_id, now):
            return  # told in this room within the hour: undecryptable events are no way to flood it
        if not await self.services.sessions.first_time(CHANNEL, f"undecryptable:{event.event_id}", now):
            return  # told already, before a restart
        lang = None
        user_id = await self.services.sessions.find(CHANNEL, undecryptable.sender)
        if user_id is not None:
            lang = await self.services.sessions.language_of(user_id)
        catalog = self.services.content.current.catalog
        t = catalog.translator(lang if lang in catalog.languages else catalog.default)
        await self.send_room(undecryptable.room_id, [Reply(t("matrix-undecryptable"))])

    # -- sending -----------------------------------------------------------------------------

    async def send_room(self, room_id: str, replies: Sequence[Reply], sent: list[str] | None = None) -> bool:
        """Send rendered replies, in order; False when the room cannot be reached. The event ids of what
        was sent are added to ``sent`` when given."""
        for content in render(replies):
            try:
                response = await self.client.room_send(
                    room_id, "m.room.message", content, ignore_unverified_devices=True
                )
            except (LocalProtocolError, SendRetryError) as exc:
                log.warning("cannot send to a room: %s", type(exc).__name__)
                return False
            if isinstance(response, RoomSendError):
                log.warning("the homeserver refused a message: %s", response.status_code)
                return False
            if sent is not None and isinstance(response, RoomSendResponse):
                sent.append(response.event_id)
        return True

    async def direct_room(self, user_ref: str) -> str | None:
        """The user's direct room with the bot: the one they wrote in, another shared one, or a new one."""
        async with self._direct_lock:
            rooms = self.client.rooms
            known = await self.store.room_of(user_ref)
            if known and known in rooms and set(rooms[known].users) == {self.client.user_id, user_ref}:
                return known
            for room_id, room in rooms.items():
                if room_id != self.staff_room and set(room.users) == {self.client.user_id, user_ref}:
                    return room_id
            created = await self.client.room_create(
                is_direct=True, invite=[user_ref], initial_state=[ENCRYPTION]
            )
            if not isinstance(created, RoomCreateResponse):
                log.warning("could not open a direct room: %s", created.status_code)
                return None
            room_id = created.room_id

            def invited() -> bool:
                # the person must be in nio's member list (invited) before the first message, or the
                # room key would be shared with nobody; a sync may show the room before the invitation
                room = self.client.rooms.get(room_id)
                return room is not None and user_ref in room.users

            async with self._synced:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._synced.wait_for(invited), ROOM_WAIT)
            if not invited():
                return None
            await self._know_devices(user_ref)
            return room_id

    async def _know_devices(self, user_ref: str) -> None:
        # the first message goes out while the person is only invited: their devices must be known
        # now, or the room key is shared with nobody and they cannot read it once they join
        olm = self.client.olm
        if olm is None or any(True for _ in olm.device_store.active_user_devices(user_ref)):
            return
        olm.users_for_key_query.add(user_ref)
        with contextlib.suppress(LocalProtocolError):
            await self.client.keys_query()


async def serve(services: ChannelServices, settings: MatrixSettings) -> None:
    """Run the Matrix channel until cancelled (``python -m bot run``)."""
    channel = MatrixChannel(services, settings)
    try:
        await channel.run()
    except LoginFailed as exc:
        log.error("Matrix login failed: %s", exc)
        raise
    finally:
        await channel.close()
