"""Staff commands on one account: ``/account CODE`` (its holds and appointments) and
``/cancelaccount CODE reason`` (cancel every future appointment of the account, each person told).

Against scalping: many appointments on one account, or many accounts booking at once, are visible
here and in the agenda (the count per account), and can be undone in one command.
:func:`cancel_all_of` is the one way to do it: the chat command and the desk
(``bot/desk/booking_accounts.py``) both call it, so the person and the staff channels are told the same.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.booking import reasons, texts
from bot.booking.accounts import account_of, cancel_account, future_counts
from bot.booking.notices import describe, tell_cancelled
from bot.booking.repository import Booking, Status, normalise_code
from bot.booking.service import BookingService
from bot.core.feature import Turn
from bot.i18n.catalog import Translator

log = logging.getLogger(__name__)

COMMANDS = ("account", "cancelaccount")
MAX_REASON = 300


def _mark(booking: Booking, t: Translator, now: datetime) -> str:
    if booking.status is Status.HOLD:
        return " – " + t("booking-staff-hold-mark")
    if booking.status is Status.CANCELLED:
        return " – " + t("booking-staff-cancelled-mark")
    if booking.status is Status.NO_SHOW:
        return " – " + t("booking-staff-no-show-mark")
    return ""


async def account(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code = normalise_code(args.strip().split(" ")[0]) if args.strip() else ""
    if not code:
        return t("booking-staff-account-usage")
    found = await account_of(service.bookings, code, turn.now)
    if found is None:
        return t("booking-staff-unknown-code", code=code)
    booked = [b for b in found.bookings if b.status is Status.BOOKED and b.start > turn.now]
    holds = [b for b in found.bookings if b.status is Status.HOLD]
    lines = [
        t(
            "booking-staff-account-title",
            account=found.user_id,
            channel=found.channel,
            seen=texts.when_short(found.first_seen, t.lang),
            count=len(booked),
        ),
        t("booking-staff-account-holds", now=len(holds), day=found.holds_today),
        "",
    ]
    lines += ["- " + describe(b, t) + _mark(b, t, turn.now) for b in found.bookings]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Cancelled:
    account: int
    bookings: list[Booking]  # the appointments cancelled, by time
    told: int  # how many of them reached the person


async def cancel_all_of(service: BookingService, user_id: int, note: str | None, now: datetime) -> Cancelled:
    """Cancel every future appointment of one account and drop its holds; tell each person in their
    language (the notice of a single cancellation, with ``note``: a preset or staff's words) and the
    staff channels (the staff log on the console). The chat's ``/cancelaccount`` and the desk use it."""
    cancelled = await cancel_account(service.bookings, user_id, now, note)
    told = 0
    for booking in cancelled:
        if await tell_cancelled(service, booking, note):
            told += 1
    log.info("staff cancelled %d appointments of one account", len(cancelled))
    if cancelled:  # nothing was cancelled (a form sent twice, an account with none): no notice
        await service.notify_staff(done_text(service.staff_t(), user_id, len(cancelled), told))
    return Cancelled(user_id, cancelled, told)


def done_text(t: Translator, account: int, count: int, told: int) -> str:
    return t("booking-staff-cancelaccount-done", account=account, count=count, told=told)


async def cancel_all(service: BookingService, t: Translator, args: str, turn: Turn) -> str:
    code, _, reason = args.strip().partition(" ")
    code, reason = normalise_code(code), " ".join(reason.split())[:MAX_REASON]
    if not code or not reason:
        return t("booking-staff-cancelaccount-usage")
    found = await account_of(service.bookings, code, turn.now)
    if found is None:
        return t("booking-staff-unknown-code", code=code)
    # the reason typed is staff's own words (reaching the person marked as German), as before
    done = await cancel_all_of(service, found.user_id, reasons.note_of("", reason), turn.now)
    return done_text(t, done.account, len(done.bookings), done.told)


async def agenda_marks(service: BookingService, t: Translator, now: datetime) -> dict[int, str]:
    """Per account with more than one future appointment: the mark the agenda shows on its lines."""
    counts = await future_counts(service.bookings, now)
    return {
        user: " – " + t("booking-staff-account-mark", account=user, count=count)
        for user, count in counts.items()
        if count > 1
    }
