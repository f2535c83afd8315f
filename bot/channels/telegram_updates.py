"""Telegram updates as the core's :class:`~bot.core.events.Inbound` events (translation only)."""

from __future__ import annotations

from collections.abc import Hashable
from enum import StrEnum

from telegram import Chat, Message, Update

from bot.core.events import Inbound, InboundKind

CHANNEL = "telegram"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]

# Telegram's attachment → the core's media kind (the core's messages know these names)
MEDIA = (
    ("sticker", "sticker"),
    ("photo", "photo"),
    ("voice", "voice"),
    ("audio", "voice"),
    ("video", "video"),
    ("video_note", "video"),
    ("animation", "video"),
    ("document", "document"),
    ("location", "location"),
    ("venue", "location"),
)
# service messages (someone joined, a title changed...): nobody is talking to the bot
SERVICE = (
    "new_chat_members",
    "left_chat_member",
    "new_chat_title",
    "new_chat_photo",
    "delete_chat_photo",
    "group_chat_created",
    "supergroup_chat_created",
    "migrate_to_chat_id",
    "migrate_from_chat_id",
    "pinned_message",
)


class Where(StrEnum):
    PRIVATE = "private"
    STAFF = "staff"  # the staff group
    OTHER_GROUP = "other-group"


def where(chat: Chat | None, staff_chat: str) -> Where:
    if chat is None or chat.type == Chat.PRIVATE:
        return Where.PRIVATE
    if staff_chat and str(chat.id) == staff_chat:
        return Where.STAFF
    return Where.OTHER_GROUP


def addressed_to_bot(message: Message, bot_id: int) -> bool:
    """In the staff group the bot hears a command, or a reply to one of its own messages."""
    if message.text and message.text.startswith("/"):
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


def chat_key(update: object) -> Hashable | None:
    """The queue an update joins: its chat (a user's private chat is the user)."""
    if not isinstance(update, Update):
        return None
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return f"user:{user.id}" if user is not None else None


def media_kind(message: Message) -> str | None:
    """The core's media name for a message without text; "other" for polls, contacts and the like."""
    for attribute, kind in MEDIA:
        if getattr(message, attribute, None):
            return kind
    if any(getattr(message, attribute, None) for attribute in SERVICE):
        return None
    return "other"


def message_event(update: Update, message: Message, in_group: bool) -> Inbound | None:
    """A new message as an event; ``None`` when nobody is talking to the bot (service messages)."""
    user = message.from_user
    if user is None or user.is_bot:
        return None
    common = {
        "channel": CHANNEL,
        "user_ref": str(user.id),
        "platform_lang": user.language_code,
        "event_id": str(update.update_id),
        "chat_ref": str(message.chat.id) if in_group else None,
        "from_staff_place": in_group,  # the staff group is the only group the bot talks in
    }
    if message.text is not None:
        return Inbound(kind=InboundKind.TEXT, text=message.text, **common)  # type: ignore[arg-type]
    kind = media_kind(message)
    if kind is None:
        return None
    return Inbound(kind=InboundKind.MEDIA, media=kind, **common)  # type: ignore[arg-type]


def callback_event(update: Update, in_group: bool) -> Inbound | None:
    """A button press: its data is the choice's action (the core checks it)."""
    query = update.callback_query
    if query is None:
        return None
    message = query.message
    chat_ref = str(message.chat.id) if in_group and message is not None else None
    return Inbound(
        CHANNEL,
        str(query.from_user.id),
        kind=InboundKind.ACTION,
        action=query.data or "",
        platform_lang=query.from_user.language_code,
        event_id=f"cq{query.id}",
        chat_ref=chat_ref,
        from_staff_place=in_group,
    )
