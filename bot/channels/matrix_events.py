"""Matrix room events as the core sees them: pure translation, no I/O.

A room event becomes an :class:`Inbound` (channel ``matrix``, user ref = the sender's Matrix id, event
id = the Matrix event id, chat ref = the room), an :class:`Undecryptable` (a Megolm event the bot has
no key for), or None: nothing to answer (our own messages, notices, edits, state events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from nio import (
    BadEvent,
    Event,
    MegolmEvent,
    RoomEncryptedMedia,
    RoomMessage,
    RoomMessageEmote,
    RoomMessageMedia,
    RoomMessageNotice,
    RoomMessageText,
    RoomMessageUnknown,
    StickerEvent,
    UnknownBadEvent,
)

from bot.channels.matrix_store import CHANNEL
from bot.core.events import Inbound, InboundKind

MEDIA_KINDS = {
    "m.image": "photo",
    "m.audio": "voice",
    "m.video": "video",
    "m.file": "document",
    "m.location": "location",
}
TimelineEvent: TypeAlias = Event | BadEvent | UnknownBadEvent
_REPLY_FALLBACK = re.compile(r"\A(?:>[^\n]*\n)+\n?")


@dataclass(frozen=True, slots=True)
class Undecryptable:
    """An encrypted event the bot cannot read (yet): its room key is to be requested."""

    room_id: str
    event: MegolmEvent

    @property
    def sender(self) -> str:
        return str(self.event.sender)

    @property
    def session_id(self) -> str:
        return str(self.event.session_id)


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


def translate(room_id: str, event: TimelineEvent, me: str) -> Inbound | Undecryptable | None:
    """Any timeline event: what the core is to answer, a key to request, or None (nothing to do)."""
    if isinstance(event, UnknownBadEvent) or event.sender == me:
        return None
    if isinstance(event, MegolmEvent):
        return Undecryptable(room_id, event)
    if isinstance(event, BadEvent):
        return bad_to_inbound(room_id, event)
    return to_inbound(room_id, event)
