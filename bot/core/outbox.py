"""Messages the bot sends on its own (staff notices, reminders, notices to users), by channel."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from bot.core.events import Address, Reply

log = logging.getLogger(__name__)


class Messenger(Protocol):
    """A channel's way to send to any address on it."""

    channel: str

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool:
        """Send; False when the recipient cannot be reached (blocked the bot, left the room)."""
        ...


class Postman:
    """Routes outgoing messages to the right channel; knows the staff destinations."""

    def __init__(self) -> None:
        self._messengers: dict[str, Messenger] = {}
        self.staff: list[Address] = []

    def register(self, messenger: Messenger, staff_ref: str | None = None) -> None:
        self._messengers[messenger.channel] = messenger
        address = Address(messenger.channel, staff_ref) if staff_ref else None
        # a channel registering again must not double the staff notices
        if address is not None and address not in self.staff:
            self.staff.append(address)

    def reaches(self, channel: str) -> bool:
        return channel in self._messengers

    async def send(self, to: Address, replies: Sequence[Reply]) -> bool:
        messenger = self._messengers.get(to.channel)
        if messenger is None:
            log.warning("no messenger for channel %s; message dropped", to.channel)
            return False
        return await messenger.send(to.ref, replies)

    async def notify_staff(self, text: str) -> None:
        """Tell every staff destination; ``text`` must already have user parts escaped."""
        for address in self.staff:
            try:
                await self.send(address, [Reply(text)])
            except Exception:  # one failing staff channel must not hide the notice from the others
                log.exception("could not notify staff on %s", address.channel)
