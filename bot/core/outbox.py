"""Messages the bot sends on its own (staff notices, reminders, notices to users), by channel.

Staff notices are queued, never awaited by the person's turn: a Telegram group takes 20 messages a
minute, and a booking's confirmation must not wait for the staff chat's turn. Each staff destination
has its own bounded queue and sender task, so one slow or failing staff channel holds up no other;
when a queue is full the oldest notice is dropped (and logged): staff can always read the agenda.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from bot.core.events import Address, Reply

log = logging.getLogger(__name__)

STAFF_QUEUE = 500  # notices waiting per staff destination before the oldest is dropped


class Delivery(StrEnum):
    """What became of a message sent on the bot's own initiative."""

    DELIVERED = "delivered"
    BLOCKED = "blocked"  # the person blocked the bot (Telegram 403) or left the room: stop trying
    FAILED = "failed"  # anything else (network, 5xx, 400, shutdown): worth another try later


def outcome(result: bool | Delivery) -> Delivery:
    """A messenger's answer as an outcome. A plain ``False`` is not proof of being blocked: failed."""
    if isinstance(result, Delivery):
        return result
    return Delivery.DELIVERED if result else Delivery.FAILED


class Messenger(Protocol):
    """A channel's way to send to any address on it."""

    channel: str

    async def send(self, ref: str, replies: Sequence[Reply]) -> bool | Delivery:
        """Send; a :class:`Delivery` (or True/False: delivered/failed)."""
        ...


class _StaffLine:
    """One staff destination's queue and the task that empties it, one notice at a time."""

    def __init__(self, postman: Postman, address: Address, size: int) -> None:
        self.postman = postman
        self.address = address
        self.size = size
        self.queue: deque[str] = deque()
        self.dropped = 0
        self._ready = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._busy = False
        self._task: asyncio.Task[None] | None = None

    def put(self, text: str) -> None:
        if len(self.queue) >= self.size:
            self.queue.popleft()
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 100 == 0:
                log.warning("staff notices on %s: queue full, %d dropped", self.address.channel, self.dropped)
        self.queue.append(text)
        self._idle.clear()
        self._ready.set()
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name=f"staff-notices-{self.address.channel}"
            )

    async def _run(self) -> None:
        while True:
            if not self.queue:
                self._idle.set()
                self._ready.clear()
                await self._ready.wait()
                continue
            text = self.queue.popleft()
            try:
                result = await self.postman.deliver(self.address, [Reply(text)])
                if result is not Delivery.DELIVERED:
                    log.warning("a staff notice on %s was not delivered (%s)", self.address.channel, result)
            except asyncio.CancelledError:
                raise
            except Exception:  # one failing staff channel must not stop its own later notices either
                log.exception("could not notify staff on %s", self.address.channel)

    async def wait_idle(self) -> None:
        await self._idle.wait()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


class Postman:
    """Routes outgoing messages to the right channel; knows the staff destinations."""

    def __init__(self, staff_queue: int = STAFF_QUEUE) -> None:
        self._messengers: dict[str, Messenger] = {}
        self.staff: list[Address] = []
        self._staff_queue = staff_queue
        self._lines: dict[Address, _StaffLine] = {}

    def register(self, messenger: Messenger, staff_ref: str | None = None) -> None:
        self._messengers[messenger.channel] = messenger
        address = Address(messenger.channel, staff_ref) if staff_ref else None
        # a channel registering again must not double the staff notices
        if address is not None and address not in self.staff:
            self.staff.append(address)

    def reaches(self, channel: str) -> bool:
        return channel in self._messengers

    async def deliver(self, to: Address, replies: Sequence[Reply]) -> Delivery:
        messenger = self._messengers.get(to.channel)
        if messenger is None:
            log.warning("no messenger for channel %s; message not sent", to.channel)
            return Delivery.FAILED
        return outcome(await messenger.send(to.ref, replies))

    async def send(self, to: Address, replies: Sequence[Reply]) -> bool:
        return await self.deliver(to, replies) is Delivery.DELIVERED

    async def notify_staff(self, text: str) -> None:
        """Queue a notice for every staff destination and return at once (never waits for a channel);
        ``text`` must already have user parts escaped."""
        for address in self.staff:
            line = self._lines.get(address)
            if line is None:
                line = self._lines[address] = _StaffLine(self, address, self._staff_queue)
            line.put(text)

    @property
    def staff_queued(self) -> int:
        return sum(len(line.queue) for line in self._lines.values())

    async def drain(self, seconds: float, channel: str | None = None) -> bool:
        """Wait until the staff notices queued (for ``channel``, or all) were handed over; False when
        ``seconds`` ran out first."""
        lines = [x for x in self._lines.values() if channel is None or x.address.channel == channel]
        try:
            await asyncio.wait_for(asyncio.gather(*(x.wait_idle() for x in lines)), seconds)
        except TimeoutError:
            return False
        return True

    async def close(self, seconds: float = 5.0) -> None:
        """Shutdown: send what is queued within ``seconds``, then stop the sender tasks."""
        if not await self.drain(seconds):
            log.warning("%d staff notices not sent at shutdown", self.staff_queued)
        for line in self._lines.values():
            await line.stop()
