"""What booking tells the contact point's staff (every booking, move and cancellation; user text escaped)
and what it tells a person whose appointment the contact point cancelled.

Staff read in ``staff_language``; no message here quotes anything the person typed except, escaped, their
first name and phone in the booking line.
"""

from __future__ import annotations

from bot.booking import texts
from bot.booking.repository import Booking
from bot.booking.service import BookingService
from bot.common import markup as mk
from bot.core import actions
from bot.core.events import Choice, Reply
from bot.core.outbox import Delivery
from bot.i18n.catalog import Translator


def describe(booking: Booking, t: Translator, with_person: bool = True) -> str:
    """A booking for staff: code, time, language, topic; first name and phone escaped."""
    text = t(
        "booking-staff-line",
        code=texts.code_text(booking.code),
        when=texts.when_short(booking.start, t.lang),
        language=booking.language,
        topic=texts.topic_label(t, booking.topic),
    )
    if with_person and booking.first_name:
        text += ", " + t("booking-line-name", name=mk.escape(booking.first_name))
    if with_person and booking.phone:
        text += ", " + t("booking-line-phone", phone=mk.escape(booking.phone))
    return text


async def notify(service: BookingService, msg_id: str, booking: Booking, with_person: bool = True) -> None:
    t = service.staff_t()
    await service.notify_staff(t(msg_id, booking=describe(booking, t, with_person)))


async def notify_move(service: BookingService, old: Booking | None, new: Booking) -> None:
    t = service.staff_t()
    before = texts.when_short(old.start, t.lang) if old else "?"
    old_code = texts.code_text(old.code) if old else "?"
    await service.notify_staff(
        t("booking-staff-moved", old=old_code, before=before, booking=describe(new, t))
    )


async def tell_cancelled(service: BookingService, booking: Booking, reason: str) -> bool:
    """Tell the person, in their language, that the contact point cancelled their appointment."""

    def build(ut: Translator) -> list[Reply]:
        text = ut(
            "booking-cancelled-by-staff",
            when=texts.when_long(booking.start, ut.lang),
            reason=mk.escape(reason),
        )
        choices = (
            Choice("booking:new", ut("booking-entry")),
            Choice(actions.HOME, ut("choice-home")),
        )
        return [Reply(text, choices)]

    return await service.tell_user(booking, build) is Delivery.DELIVERED
