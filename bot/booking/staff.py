"""The contact point's side: a notice to the staff channel for every booking, move and cancellation
(user text escaped), and the staff commands ``/agenda``, ``/cancel``, ``/noshow`` and ``/close``.

Staff read and write in ``settings.staff_language``. The core only lets staff users reach
:func:`command` (``Feature.staff_commands``).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.booking import texts
from bot.booking.repository import Booking, Status, normalise_code
from bot.booking.service import BookingService, day_bounds
from bot.common import markup as mk
from bot.core import actions
from bot.core.clock import local
from bot.core.events import Choice, Reply
from bot.core.feature import Turn
from bot.i18n.catalog import Translator

if TYPE_CHECKING:
    from bot.booking.flow import BookingFeature

log = logging.getLogger(__name__)

COMMANDS = ("agenda", "cancel", "noshow", "close")
MAX_REASON = 300
DATE_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_day(text: str, today: date) -> date | None:
    """``2026-12-24``, ``24.12.2026``, ``today``/``heute``, ``tomorrow``/``morgen``."""
    text = text.strip().lower()
    if text in ("", "today", "heute"):
        return today
    if text in ("tomorrow", "morgen"):
        return today + timedelta(days=1)
    m = DATE_DE.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(text)
    except ValueError:
        return None


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


async def command(feature: BookingFeature, turn: Turn, name: str, args: str) -> list[Reply] | None:
    if not turn.is_staff:  # the core checks too; a feature never trusts a single gate
        return None
    service = feature.service
    t = service.staff_t()
    if name == "agenda":
        return [Reply(await agenda(service, t, args, turn))]
    if name == "cancel":
        return [Reply(await cancel(service, t, args, turn))]
    if name == "noshow":
        return [Reply(await no_show(service, t, args, turn))]
    if name == "close":
        return [Reply(await close(service, t, args, turn))]
    return None


async def agenda(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    day = parse_day(args, local(turn.now).date())
    if day is None:
        return t("booking-staff-agenda-usage")
    start, end = day_bounds(day)
    rows = await service.bookings.between(start, end, (Status.BOOKED, Status.NO_SHOW))
    when = texts.day_label(day, t.lang)
    if not rows:
        return t("booking-staff-agenda-empty", day=when)
    by_language: dict[str, list[Booking]] = defaultdict(list)
    for booking in rows:
        by_language[booking.language].append(booking)
    lines = [t("booking-staff-agenda-title", day=when, count=len(rows))]
    for language in sorted(by_language):
        lines += ["", f"**{texts.language_name(language, t.lang)}** ({len(by_language[language])})"]
        for booking in by_language[language]:
            mark = " – " + t("booking-staff-no-show-mark") if booking.status is Status.NO_SHOW else ""
            lines.append("- " + describe(booking, t) + mark)
    return "\n".join(lines)


def _code_and_reason(args: str) -> tuple[str, str]:
    code, _, reason = args.strip().partition(" ")
    return normalise_code(code), " ".join(reason.split())[:MAX_REASON]


async def cancel(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code, reason = _code_and_reason(args)
    if not code or not reason:
        return t("booking-staff-cancel-usage")
    booking = await service.bookings.cancel(code, "staff", turn.now)
    if booking is None:
        return t("booking-staff-unknown-code", code=mk.escape(code))
    told = await tell_cancelled(service, booking, reason)
    await notify(service, "booking-staff-cancelled-by-staff", booking)
    return t("booking-staff-cancel-done", code=texts.code_text(booking.code), told="yes" if told else "no")


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

    return await service.tell_user(booking, build)


async def no_show(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code, _ = _code_and_reason(args)
    if not code:
        return t("booking-staff-noshow-usage")
    booking = await service.bookings.mark_no_show(code, turn.now)
    if booking is None:
        return t("booking-staff-noshow-unknown", code=mk.escape(code))
    return t("booking-staff-noshow-done", code=texts.code_text(booking.code))


async def close(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    """A closing day: added to the schedule, that day's appointments cancelled, each person told."""
    day_text, _, reason = args.strip().partition(" ")
    reason = " ".join(reason.split())[:MAX_REASON]
    today = local(turn.now).date()
    day = parse_day(day_text, today) if day_text else None
    if day is None or not reason:
        return t("booking-staff-close-usage")
    if day < today:
        return t("booking-staff-close-past", day=day.isoformat())
    await service.bookings.add_closing_day(day, reason, turn.now)
    start, end = day_bounds(day)
    told = 0
    cancelled = 0
    for booking in await service.bookings.between(start, end, (Status.BOOKED,)):
        gone = await service.bookings.cancel(booking.code, "closed", turn.now)
        if gone is None:
            continue
        cancelled += 1
        if await tell_cancelled(service, gone, reason):
            told += 1
    log.info("closing day %s added; %d appointments cancelled", day.isoformat(), cancelled)
    text = t("booking-staff-close-done", day=texts.day_label(day, t.lang), count=cancelled, told=told)
    await service.notify_staff(text)
    return text
