"""What comes in and what goes out: plain data, no platform types.

A channel turns a platform update into an :class:`Inbound`, hands it to the core and renders the
:class:`Reply` objects it gets back. Choices are rendered as buttons where the platform has them and
always also as numbers (``1. label``) that the user may type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class InboundKind(StrEnum):
    TEXT = "text"
    ACTION = "action"  # a button press: ``action`` holds the choice's opaque action string
    MEDIA = "media"  # sticker, photo, voice...: ``media`` names which


@dataclass(frozen=True, slots=True)
class Address:
    """Where a message goes: a user (or room/chat) on one channel."""

    channel: str
    ref: str


@dataclass(frozen=True, slots=True)
class Inbound:
    """One event from a user, as every channel sees it."""

    channel: str
    user_ref: str
    kind: InboundKind = InboundKind.TEXT
    text: str = ""
    action: str = ""
    media: str = ""
    platform_lang: str | None = None
    event_id: str | None = None  # platform's id, to process a retried event only once
    chat_ref: str | None = None  # where to answer, when it differs from the user (groups, rooms)
    # set by the channel: written in the staff chat or room, the only place staff commands are taken
    from_staff_place: bool = False

    @property
    def sender(self) -> Address:
        return Address(self.channel, self.user_ref)


@dataclass(frozen=True, slots=True)
class Choice:
    """An option the user can take: a button, or its number typed as text."""

    action: str
    label: str


@dataclass(frozen=True, slots=True)
class Reply:
    """One message. ``text`` uses the light markup of :mod:`bot.common.markup`."""

    text: str
    choices: tuple[Choice, ...] = field(default=())


def numbered_choices(replies: list[Reply]) -> list[Choice]:
    """All choices of a batch of replies, in the order their numbers 1..n are shown."""
    return [choice for reply in replies for choice in reply.choices]
