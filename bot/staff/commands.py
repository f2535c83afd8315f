"""The contact point's staff commands in a chat: ``/agenda``, ``/cancel``, ``/noshow`` and ``/close``.

Staff read and write in ``staff_language``. The core only lets staff users reach them
(``Feature.staff_commands``), and :class:`StaffFeature` checks again.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import date, datetime, timedelta

from bot.booking import reasons, texts
from bot.booking.notices import announce, describe, tell_cancelled
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


MAX_RANGE_DAYS = 31


def parse_range(args: str, today: date) -> tuple[date, date] | None:
    """``/agenda``, ``/agenda 2026-12-01``, ``/agenda 2026-12-01 2026-12-05`` or
    ``2026-12-01..2026-12-05``."""
    parts = args.replace("..", " ").split()
    if len(parts) > 2:
        return None
    first = parse_day(parts[0] if parts else "", today)
    last = parse_day(parts[1], today) if len(parts) == 2 else first
    if first is None or last is None or last < first or (last - first).days >= MAX_RANGE_DAYS:
        return None
    return first, last


async def agenda(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    """Appointments of a day or a range, per day and language: code, time, language and topic only
    (first names and phones are on the desk, never in a chat)."""
    days = parse_range(args, local(turn.now).date())
    if days is None:
        return t("booking-staff-agenda-usage")
    start, end = day_bounds(*days)
    rows = await service.bookings.between(start, end, (Status.BOOKED, Status.NO_SHOW))
    by_day: dict[date, list[Booking]] = defaultdict(list)
    for booking in rows:
        by_day[local(booking.start).date()].append(booking)
    marks = await accounts.agenda_marks(service, t, turn.now)  # many appointments on one account
    out: list[str] = []
    day = days[0]
    while day <= days[1]:
        if by_day.get(day) or days[0] == days[1]:
            out.append(_agenda_day(t, day, by_day.get(day, []), marks))
        day += timedelta(days=1)
    if not out:
        first, last = (texts.day_label(d, t.lang) for d in days)
        return t("booking-staff-agenda-range-empty", first=first, last=last)
    return "\n\n".join(out)


def _agenda_day(t: Translator, day: date, rows: list[Booking], marks: dict[int, str]) -> str:
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
            account = marks.get(booking.user_id, "") if booking.user_id is not None else ""
            lines.append("- " + describe(booking, t) + mark + account)
    return "\n".join(lines)


def _code_and_reason(args: str) -> tuple[str, str]:
    code, _, reason = args.strip().partition(" ")
    return normalise_code(code), " ".join(reason.split())[:MAX_REASON]


def _note(reason: str) -> str | None:
    """A preset (its id or number) or staff's own words."""
    preset = reasons.preset_in(reason)
    return reasons.note_of(preset or "", reason)


def _reason_usage(t: Translator) -> str:
    presets = [
        f"{n}. {mk.escape(p)}: {reasons.for_staff(t, reasons.PRESET_PREFIX + p)}"
        for n, p in enumerate(reasons.PRESETS, 1)
    ]
    return "\n".join([t("booking-staff-reasons-title"), *presets])


async def cancel(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code, reason = _code_and_reason(args)
    if not code or not reason:
        return t("booking-staff-cancel-usage") + "\n" + _reason_usage(t)
    note = _note(reason)
    booking = await service.bookings.cancel(code, "staff", turn.now, note=note)
    if booking is None:
        return t("booking-staff-unknown-code", code=mk.escape(code))
    told = await tell_cancelled(service, booking, note)
    await announce(service, "booking-staff-cancelled-by-staff", booking)
    return t("booking-staff-cancel-done", code=texts.code_text(booking.code), told="yes" if told else "no")


async def no_show(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code, _ = _code_and_reason(args)
    if not code:
        return t("booking-staff-noshow-usage")
    booking = await service.bookings.mark_no_show(code, turn.now)
    if booking is None:
        found = await service.bookings.get(code)
        if found is not None and found.status is Status.BOOKED and found.start > turn.now:
            # too early: say when it becomes possible instead of "unknown code"
            return t(
                "booking-staff-noshow-too-early",
                code=texts.code_text(found.code),
                when=texts.when_short(found.start, t.lang),
            )
        return t("booking-staff-noshow-unknown", code=mk.escape(code))
    return t("booking-staff-noshow-done", code=texts.code_text(booking.code))


async def close(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    """A closing day: added to the schedule, that day's appointments cancelled, each person told."""
    day_text, _, reason = args.strip().partition(" ")
    reason = " ".join(reason.split())[:MAX_REASON]
    today = local(turn.now).date()
    day = parse_day(day_text, today) if day_text else None
    if day is None or not reason:
        return t("booking-staff-close-usage") + "\n" + _reason_usage(t)
    if day < today:
        return t("booking-staff-close-past", day=day.isoformat())
    cancelled, told = await close_day(service, day, _note(reason), turn.now)
    text = t("booking-staff-close-done", day=texts.day_label(day, t.lang), count=len(cancelled), told=told)
    if cancelled:
        text += "\n" + t(
            "booking-staff-close-codes", codes=", ".join(texts.code_text(b.code) for b in cancelled)
        )
    await service.notify_staff(text)
    return text


async def close_day(
    service: BookingService, day: date, note: str | None, now: datetime
) -> tuple[list[Booking], int]:
    """A closing day: added to the schedule, that day's appointments cancelled, each person told in their
    language. Returns (the cancelled appointments, how many people were told). The chat and the desk
    use it."""
    await service.bookings.add_closing_day(day, note or "-", now)
    start, end = day_bounds(day)
    told = 0
    cancelled = []
    for booking in await service.bookings.between(start, end, (Status.BOOKED,)):
        gone = await service.bookings.cancel(booking.code, "closed", now, note=note)
        if gone is None:
            continue
        cancelled.append(gone)
        if await tell_cancelled(service, gone, note):
            told += 1
    log.info("closing day %s added; %d appointments cancelled", day.isoformat(), len(cancelled))
    return cancelled, told
