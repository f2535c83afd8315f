"""What booking tells the contact point's staff (every booking, move and cancellation) and what it tells a
person whose appointment the contact point cancelled.

Staff read in ``staff_language``. Staff channels (Telegram group, Matrix room, staff.log) get code, time,
language and topic only, plus a link to the desk (``desk_url``): a person's first name and phone are shown
only on the desk, so ``/forget`` and the 30-day erasure leave no copy in a chat the bot cannot edit.
"""

from __future__ import annotations

from bot.booking import reasons, texts
from bot.booking.repository import Booking
from bot.booking.service import BookingService
from bot.common import markup as mk
from bot.core import actions
from bot.core.clock import BERLIN
from bot.core.events import Choice, Reply
from bot.core.outbox import Delivery
from bot.i18n.catalog import Translator


def describe(booking: Booking, t: Translator, with_person: bool = False) -> str:
    """A booking for staff: code, time, language, topic (``with_person``: first name and phone escaped,
    for places that are not a chat, such as a terminal)."""
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


def staff_marked(service: BookingService, text: str, t: Translator) -> str:
    """A staff notice with the "hours not confirmed" mark while they are not: staff see what the person
    was told, that the time rests on hours the contact point has not confirmed."""
    mark = t("booking-staff-unconfirmed") if not service.contact.hours.confirmed else ""
    return f"{text}\n{mark}" if mark else text


def desk_link(service: BookingService, t: Translator, booking: Booking) -> str:
    """The line that leads staff to the desk's agenda of the booking's day (empty without ``desk_url``)."""
    base = service.services.desk_url.rstrip("/")
    if not base:
        return ""
    day = booking.start.astimezone(BERLIN).date().isoformat()
    return "\n" + t("booking-staff-desk-link", url=f"{base}/agenda?date={day}")


async def announce(service: BookingService, msg_id: str, booking: Booking) -> None:
    """Tell the staff channels about ``booking`` (code, time, language, topic, the desk link; never the
    person's name or phone), marked while the hours are unconfirmed."""
    t = service.staff_t()
    text = t(msg_id, booking=describe(booking, t)) + desk_link(service, t, booking)
    await service.notify_staff(staff_marked(service, text, t))


async def notify_move(service: BookingService, old: Booking | None, new: Booking) -> None:
    t = service.staff_t()
    before = texts.when_short(old.start, t.lang) if old else "?"
    old_code = texts.code_text(old.code) if old else "?"
    text = t("booking-staff-moved", old=old_code, before=before, booking=describe(new, t))
    await service.notify_staff(staff_marked(service, text + desk_link(service, t, new), t))


async def tell_cancelled(service: BookingService, booking: Booking, note: str | None) -> bool:
    """Tell the person, in their language, that the contact point cancelled their appointment and why
    (``note``: a preset reason, translated, or staff's own words marked as German; see reasons.py)."""

    def build(ut: Translator) -> list[Reply]:
        text = ut(
            "booking-cancelled-by-staff",
            when=texts.when_long(booking.start, ut.lang),
            reason=reasons.for_person(ut, note),
        )
        choices = (
            Choice("booking:new", ut("booking-entry")),
            Choice(actions.HOME, ut("choice-home")),
        )
        return [Reply(text, choices)]

    return await service.tell_user(booking, build) is Delivery.DELIVERED
