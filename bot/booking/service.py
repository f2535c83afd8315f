"""What the booking flow, the staff commands and the reminder job share: the store, the schedule of
the current content version, free slots, and messages to users and staff."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from bot.booking import guard, texts
from bot.booking.reminders import Reminders
from bot.booking.repository import Booking, Bookings
from bot.booking.rules import BookingRules, WhenUnconfirmed, rules_of
from bot.booking.schedule import Schedule, Slot, iso
from bot.content.contact_point import ContactPoint
from bot.core.clock import BERLIN
from bot.core.events import Address, Choice, Reply
from bot.core.outbox import Delivery
from bot.core.services import FeatureServices
from bot.i18n.catalog import Translator
from bot.store.db import Database

log = logging.getLogger(__name__)

REMINDER_INTERVAL = 30.0  # seconds between two looks for due reminders

ACTION_NEW = "booking:new"
ACTION_MINE = "booking:mine"


def cancel_action(code: str) -> str:
    return f"booking:cancel:{code}"


def move_action(code: str) -> str:
    return f"booking:move:{code}"


class BookingService:
    def __init__(self, services: FeatureServices, reminder_interval: float = REMINDER_INTERVAL) -> None:
        self.services = services
        self.clock = services.clock
        self.bookings = Bookings(services.db)
        self.reminders = Reminders(self.bookings, services.clock, lambda: self.rules)
        self.reminder_interval = reminder_interval
        self._rate_told_until: datetime | None = None  # staff told the booking rate was reached

    @property
    def contact(self) -> ContactPoint:
        return self.services.content.current.tree.contact

    @property
    def rules(self) -> BookingRules:
        return rules_of(self.contact)

    @property
    def closed(self) -> bool:
        """No booking now: the hours are not confirmed and the operator chose ``when_unconfirmed: closed``."""
        contact = self.contact
        return not contact.hours.confirmed and rules_of(contact).when_unconfirmed is WhenUnconfirmed.CLOSED

    async def schedule(self) -> Schedule:
        return Schedule(self.contact, await self.bookings.closing_days())

    async def free_slots(
        self, now: datetime, language: str | None, after: datetime | None = None
    ) -> list[Slot]:
        """Bookable slots with a free place, in time order (``after``: only later ones)."""
        schedule = await self.schedule()
        slots = [s for s in schedule.bookable(now, language) if after is None or s.start > after]
        if not slots:
            return []
        taken = await self.bookings.taken(slots[0].start, slots[-1].start + timedelta(seconds=1), now)
        return [s for s in slots if taken.get((s.site, iso(s.start)), 0) < s.capacity]

    # -- messages --------------------------------------------------------------------------------

    def staff_t(self) -> Translator:
        return self.services.content.current.catalog.translator(self.services.staff_language)

    def user_t(self, lang: str | None) -> Translator:
        catalog = self.services.content.current.catalog
        return catalog.translator(lang or catalog.default)

    async def notify_staff(self, text: str) -> None:
        """``text`` must already have every user part escaped."""
        try:
            await self.services.outbox.notify_staff(text)
        except Exception:  # a staff channel failing must not undo a booking
            log.exception("staff notice failed")

    async def tell_user(self, booking: Booking, build: Callable[[Translator], Sequence[Reply]]) -> Delivery:
        """Send a message to the booking's user in their language. Only a messenger's "blocked" (a
        Telegram 403, the person left the room) marks the person blocked; any other failure is
        transient and the caller may try again."""
        if booking.channel is None or booking.user_ref is None or booking.blocked:
            return Delivery.BLOCKED  # forgotten, or blocked the bot before: nobody to tell
        if not self.services.outbox.reaches(booking.channel):
            return Delivery.FAILED  # that channel is not connected in this process: not the user's fault
        replies = list(build(self.user_t(booking.user_lang)))
        try:
            result = await self.services.outbox.deliver(Address(booking.channel, booking.user_ref), replies)
        except Exception:
            log.exception("message to a user on %s failed", booking.channel)
            return Delivery.FAILED
        if result is Delivery.DELIVERED:
            await self._remember_choices(booking, replies)
        elif result is Delivery.BLOCKED:
            await self.services.sessions.mark_blocked(booking.channel, booking.user_ref)
        return result

    async def _remember_choices(self, booking: Booking, replies: Sequence[Reply]) -> None:
        # typed numbers must mean the choices of this message (console, Matrix), as after any reply
        choices = [(c.action, c.label) for r in replies for c in r.choices]
        if not choices or booking.channel is None or booking.user_ref is None:
            return
        await self.services.sessions.set_choices(booking.channel, booking.user_ref, choices)

    def user_choices(self, t: Translator, booking: Booking | None = None) -> tuple[Choice, ...]:
        choices = []
        if booking is not None:
            choices.append(Choice(cancel_action(booking.code), t("booking-cancel-choice-short")))
        choices.append(Choice(ACTION_MINE, t("booking-mine-choice")))
        choices.append(Choice(ACTION_NEW, t("booking-entry")))
        return tuple(choices)

    async def send_reminder(self, booking: Booking) -> Delivery:
        def build(t: Translator) -> list[Reply]:
            text = t(
                "booking-reminder",
                when=texts.when_long(booking.start, t.lang),
                address=texts.address(self.contact, booking.site, t),
                code=texts.code_text(booking.code),
            )
            text = texts.marked(text, self.contact, t)
            return [Reply(text, self.user_choices(t, booking))]

        return await self.tell_user(booking, build)

    # -- background job ----------------------------------------------------------------------------

    async def booking_wait(self, user_id: int, now: datetime) -> guard.Wait | None:
        """Whether a new booking must wait (the rate across all accounts, the new-account cool-down);
        staff hear once an hour that the rate was reached."""
        first_seen = await self.services.sessions.first_seen(user_id)
        wait = await guard.booking_wait(self.db, self.rules, first_seen, now)
        if guard.rate_reached(wait) and (self._rate_told_until is None or now >= self._rate_told_until):
            self._rate_told_until = now + guard.HOUR
            t = self.staff_t()
            await self.notify_staff(
                t("booking-staff-rate", hour=self.rules.bookings_per_hour, day=self.rules.bookings_per_day)
            )
        return wait

    @property
    def db(self) -> Database:
        return self.bookings.db

    async def housekeeping(self) -> None:
        await guard.forget_old_holds(self.db, self.clock.now())
        _, anonymised = await self.bookings.housekeeping(self.clock.now(), self.rules.keep_personal_days)
        if anonymised:
            log.info("booking: erased names and phones of %d past appointments", anonymised)

    async def run(self) -> None:
        await self.reminders.loop(
            self.send_reminder, self.services.outbox.reaches, self.reminder_interval, self.housekeeping
        )


def day_bounds(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    """UTC start of the Europe/Berlin day ``first`` and end of ``last`` (default: the same day)."""
    last = last or first
    start = datetime.combine(first, time(0), tzinfo=BERLIN)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=BERLIN)
    return start.astimezone(UTC), end.astimezone(UTC)
