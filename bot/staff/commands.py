"""The contact point's staff commands in a chat: ``/agenda``, ``/cancel``, ``/noshow`` and ``/close``.

Staff read and write in ``staff_language``. The core only lets staff users reach them
(``Feature.staff_commands``), and :class:`StaffFeature` checks again.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import date, timedelta

from bot.booking import texts
from bot.booking.notices import describe, notify, tell_cancelled
from bot.booking.repository import Booking, Status, normalise_code
from bot.booking.service import BookingService, day_bounds
from bot.common import markup as mk
from bot.core.clock import local
from bot.core.events import Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from bot.i18n.catalog import Translator
from bot.staff import accounts

log = logging.getLogger(__name__)

COMMANDS = ("agenda", "cancel", "noshow", "close", *accounts.COMMANDS)
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


class StaffFeature(Feature):
    """Staff commands over the booking service (the staff's own view of the appointments)."""

    name = "staff"
    staff_commands = COMMANDS

    def __init__(self, services: FeatureServices) -> None:
        self.service = BookingService(services)

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        return await command(self.service, turn, name, args)


async def command(service: BookingService, turn: Turn, name: str, args: str) -> list[Reply] | None:
    if not turn.is_staff:  # the core checks too; a feature never trusts a single gate
        return None
    t = service.staff_t()
    if name == "agenda":
        return [Reply(await agenda(service, t, args, turn))]
    if name == "cancel":
        return [Reply(await cancel(service, t, args, turn))]
    if name == "noshow":
        return [Reply(await no_show(service, t, args, turn))]
    if name == "close":
        return [Reply(await close(service, t, args, turn))]
    if name == "account":
        return [Reply(await accounts.account(service, t, args, turn))]
    if name == "cancelaccount":
        return [Reply(await accounts.cancel_all(service, t, args, turn))]
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
    marks = await accounts.agenda_marks(service, t, turn.now)  # many appointments on one account
    lines = [t("booking-staff-agenda-title", day=when, count=len(rows))]
    for language in sorted(by_language):
        lines += ["", f"**{texts.language_name(language, t.lang)}** ({len(by_language[language])})"]
        for booking in by_language[language]:
            mark = " – " + t("booking-staff-no-show-mark") if booking.status is Status.NO_SHOW else ""
            account = marks.get(booking.user_id, "") if booking.user_id is not None else ""
            lines.append("- " + describe(booking, t) + mark + account)
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
