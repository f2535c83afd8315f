"""The Matrix channel: end-to-end encrypted direct chats and a staff room, on matrix-nio.

Only translation happens here. A sync response is turned into :class:`Inbound` events (channel
``matrix``, user ref = the sender's Matrix id, event id = the Matrix event id, chat ref = the room),
handed to the core, and the replies are rendered back into the room (:mod:`matrix_render`).

Sync: the position is stored after every batch has been handled, so after a restart the bot resumes
there (messages sent while it was down are answered, a gap in a long timeline is fetched page by
page) and the core's event-id check stops a message from being answered twice. A fresh device
ignores the rooms' history. Login, 429s and outages: :mod:`matrix_client`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Sequence
from typing import Any

from nio import (
    BadEvent,
    ErrorResponse,
    Event,
    InviteMemberEvent,
    LocalProtocolError,
    MegolmEvent,
    MessageDirection,
    RoomCreateResponse,
    RoomEncryptedMedia,
    RoomMemberEvent,
    RoomMessage,
    RoomMessageEmote,
    RoomMessageMedia,
    RoomMessageNotice,
    RoomMessagesResponse,
    RoomMessageText,
    RoomMessageUnknown,
    RoomSendError,
    SendRetryError,
    StickerEvent,
    SyncError,
    SyncResponse,
    UnknownBadEvent,
)
from nio.responses import RoomInfo

from bot.channels.matrix_client import Backoff, Client, LoginFailed, connect, relogin
from bot.channels.matrix_render import render
from bot.channels.matrix_store import CHANNEL, MatrixStore
from bot.config import MatrixSettings
from bot.core.events import Inbound, InboundKind, Reply
from bot.core.services import ChannelServices

log = logging.getLogger(__name__)

SYNC_TIMEOUT_MS = 30_000
TIMELINE_LIMIT = 50  # events per room in one sync; older ones of a gap are fetched with /messages
GAP_PAGES = 20  # at most this many pages of 100 events are fetched to close one gap
SHUTDOWN_GRACE = 10.0  # seconds a batch being handled may take to finish when the bot stops
ROOM_WAIT = 30.0  # seconds to wait for a newly created direct room to show up in the sync
ENCRYPTION = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}
MEDIA_KINDS = {
    "m.image": "photo",
    "m.audio": "voice",
    "m.video": "video",
    "m.file": "document",
    "m.location": "location",
}
_REPLY_FALLBACK = re.compile(r"\A(?:>[^\n]*\n)+\n?")


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


def strip_reply_fallback(event: RoomMessageText) -> str:
    """The user's own words of a reply: clients quote the replied-to message first (``> ...``)."""
    relates = event.source.get("content", {}).get("m.relates_to", {})
    if isinstance(relates, dict) and "m.in_reply_to" in relates:
        return _REPLY_FALLBACK.sub("", event.body, count=1)
    return str(event.body)


def _is_edit(event: RoomMessage) -> bool:
    relates = event.source.get("content", {}).get("m.relates_to", {})
    return isinstance(relates, dict) and relates.get("rel_type") == "m.replace"


def to_inbound(room_id: str, event: Event) -> Inbound | None:
    """A room event as the core sees it; None for what the bot does not answer."""
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "user_ref": event.sender,
        "event_id": event.event_id,
        "chat_ref": room_id,
    }
    if isinstance(event, RoomMessageNotice):
        return None  # bots write notices: never answering them rules out loops between bots
    if isinstance(event, RoomMessage) and _is_edit(event):
        return None  # the original was answered already
    if isinstance(event, RoomMessageText):
        return Inbound(text=strip_reply_fallback(event), **base)
    if isinstance(event, RoomMessageEmote):
        return Inbound(text=str(event.body), **base)
    if isinstance(event, StickerEvent):
        return Inbound(kind=InboundKind.MEDIA, media="sticker", **base)
    if isinstance(event, RoomMessageMedia | RoomEncryptedMedia | RoomMessageUnknown):
        msgtype = event.source.get("content", {}).get("msgtype", "")
        return Inbound(kind=InboundKind.MEDIA, media=MEDIA_KINDS.get(msgtype, "other"), **base)
    return None


def bad_to_inbound(room_id: str, event: BadEvent) -> Inbound | None:
    """A message nio could not parse (a client's malformed photo, say): the person still gets an answer."""
    content = event.source.get("content")
    if event.type != "m.room.message" or not isinstance(content, dict):
        return None
    msgtype = content.get("msgtype")
    if msgtype == "m.notice":
        return None
    return Inbound(
        CHANNEL,
        event.sender,
        kind=InboundKind.MEDIA,
        media=MEDIA_KINDS.get(msgtype, "other") if isinstance(msgtype, str) else "other",
        event_id=event.event_id,
        chat_ref=room_id,
    )


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
        self._notified_sessions: set[str] = set()
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
        token = await self.store.sync_token()
        fresh = token is None
        first = True
        backoff = Backoff()
        while True:
            try:
                response = await self.client.sync(
                    timeout=0 if first else SYNC_TIMEOUT_MS,
                    sync_filter=sync_filter(1 if fresh and first else self.timeline_limit),
                    since=token,
                    # after a restart nio knows no room: ask for their whole state once
                    full_state=True if first and not fresh else None,
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
            # a batch is finished even when the bot is stopped meanwhile: its replies go out and
            # its sync position is stored, so nothing is lost and nothing is answered twice
            batch = asyncio.ensure_future(self._handle_batch(response, token, skip_history=fresh and first))
            try:
                await asyncio.shield(batch)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.wait_for(batch, SHUTDOWN_GRACE)
                    await self.store.save_sync_token(response.next_batch)
                raise
            token = response.next_batch
            await self.store.save_sync_token(token)
            if self.client.outgoing_to_device_messages:
                await self.client.send_to_device_messages()
            first = False
            self.ready.set()
            async with self._synced:
                self._synced.notify_all()

    async def _keys(self) -> None:
        client = self.client
        if client.should_upload_keys:
            await client.keys_upload()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())

    async def _handle_batch(self, response: SyncResponse, since: str | None, skip_history: bool) -> None:
        for room_id, invite in response.rooms.invite.items():
            await self._on_invite(room_id, invite.invite_state)
        work = []
        for room_id, info in response.rooms.join.items():
            if skip_history:
                continue
            work.append(self._room_timeline(room_id, info, since))
        for result in await asyncio.gather(*work, return_exceptions=True):
            if isinstance(result, BaseException):
                log.error("handling a Matrix room failed: %s", type(result).__name__)
        for room_id, info in response.rooms.join.items():
            await self._leave_if_alone(room_id, info)
        for room_id in response.rooms.leave:
            await self.store.forget_room(room_id)

    async def _room_timeline(self, room_id: str, info: RoomInfo, since: str | None) -> None:
        events = list(info.timeline.events)
        joined_at = self._own_join(events)
        if joined_at is not None:
            # just joined: answer what was written since the invitation, not the room's history
            events = events[joined_at:]
        elif info.timeline.limited and since and info.timeline.prev_batch:
            events = await self._gap(room_id, info.timeline.prev_batch, since) + events
        for event in events:
            try:
                await self._on_event(room_id, event)
            except Exception:  # one bad event must not stop the others; never log its content
                log.exception("handling a Matrix event failed (%s)", type(event).__name__)

    def _own_join(self, events: list[Event]) -> int | None:
        """Index after our invitation (or join) when this batch made us join the room."""
        me = self.client.user_id
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

    async def _gap(self, room_id: str, prev_batch: str, since: str) -> list[Event]:
        """Events between our last sync position and the start of a limited timeline, oldest first."""
        found: list[Event] = []
        start = prev_batch
        for _ in range(GAP_PAGES):
            page = await self.client.room_messages(
                room_id, start=start, end=since, direction=MessageDirection.back, limit=100
            )
            if not isinstance(page, RoomMessagesResponse):
                log.warning("could not fetch the messages missed in a room: %s", page)
                break
            found.extend(page.chunk)
            if not page.chunk or not page.end or page.end == start:
                break
            start = page.end
        log.info("fetched %d events missed in a room", len(found))
        return list(reversed(found))

    # -- events ------------------------------------------------------------------------------

    async def _on_event(self, room_id: str, event: Event | BadEvent | UnknownBadEvent) -> None:
        if isinstance(event, UnknownBadEvent) or event.sender == self.client.user_id:
            return
        if isinstance(event, MegolmEvent):
            await self._undecryptable(room_id, event)
            return
        inbound = (
            bad_to_inbound(room_id, event) if isinstance(event, BadEvent) else to_inbound(room_id, event)
        )
        if inbound is None:
            return
        if room_id == self.staff_room and not self._staff_may(inbound):
            return
        replies = await self.services.conversation.handle(inbound)
        if replies:
            await self.send_room(room_id, replies)
        if room_id != self.staff_room:  # after the answer: it is not on the person's way
            await self.store.remember_room(inbound.user_ref, room_id)

    def _staff_may(self, inbound: Inbound) -> bool:
        # the staff room is for staff talking to each other too: only their commands (and the numbers
        # of the choices those offer) reach the core; anyone else there is not answered at all
        if f"{CHANNEL}:{inbound.user_ref}" not in self.services.staff_users:
            return False
        text = inbound.text.strip()
        return inbound.kind is InboundKind.TEXT and (text.startswith("/") or text.isdigit())

    async def _undecryptable(self, room_id: str, event: MegolmEvent) -> None:
        log.warning(
            "an event in a room could not be decrypted (session %s…): room key requested",
            event.session_id[:8],
        )
        with contextlib.suppress(LocalProtocolError):  # already requested for this session
            await self.client.request_room_key(event)
        if event.session_id in self._notified_sessions or room_id == self.staff_room:
            return
        if len(self._notified_sessions) > 10_000:  # memory stays bounded; at worst a second notice
            self._notified_sessions.clear()
        self._notified_sessions.add(event.session_id)
        now = self.services.clock.now()
        if not await self.services.sessions.first_time(CHANNEL, f"undecryptable:{event.event_id}", now):
            return  # told already, before a restart
        lang = None
        user_id = await self.services.sessions.find(CHANNEL, event.sender)
        if user_id is not None:
            lang = await self.services.sessions.language_of(user_id)
        catalog = self.services.content.current.catalog
        t = catalog.translator(lang if lang in catalog.languages else catalog.default)
        await self.send_room(room_id, [Reply(t("matrix-undecryptable"))])

    # -- membership --------------------------------------------------------------------------

    async def _on_invite(self, room_id: str, state: list[Any]) -> None:
        me = self.client.user_id
        invite = next(
            (
                e
                for e in state
                if isinstance(e, InviteMemberEvent) and e.state_key == me and e.membership == "invite"
            ),
            None,
        )
        if invite is None:
            return
        direct = bool(invite.content.get("is_direct"))
        if direct or room_id == self.staff_room:
            response = await self.client.join(room_id)
            if isinstance(response, ErrorResponse):
                log.warning("could not join a room: %s", response.status_code)
            else:
                log.info("joined a %s room", "direct" if direct else "staff")
        else:
            log.info("declined an invitation to a room that is no direct chat")
            await self.client.room_leave(room_id)

    async def _leave_if_alone(self, room_id: str, info: RoomInfo) -> None:
        if room_id == self.staff_room:
            return
        me = self.client.user_id
        someone_left = any(
            isinstance(e, RoomMemberEvent) and e.state_key != me and e.membership in ("leave", "ban")
            for e in [*info.state, *info.timeline.events]
        )
        room = self.client.rooms.get(room_id)
        # nio's member list counts invited people too: a room whose invitation is pending is not left
        if not someone_left or room is None or any(user != me for user in room.users):
            return
        log.info("the other member left a room: leaving it too")
        await self.store.forget_room(room_id)
        await self.client.room_leave(room_id)
        with contextlib.suppress(Exception):
            await self.client.room_forget(room_id)

    # -- sending -----------------------------------------------------------------------------

    async def send_room(self, room_id: str, replies: Sequence[Reply]) -> bool:
        """Send rendered replies, in order; False when the room cannot be reached."""
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
        return True

    async def direct_room(self, user_ref: str) -> str | None:
        """The user's direct room with the bot: the one they wrote in, another shared one, or a new one."""
        async with self._direct_lock:
            rooms = self.client.rooms
            known = await self.store.room_of(user_ref)
            if known and known in rooms and user_ref in rooms[known].users:
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
