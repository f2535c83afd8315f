"""``/agenda``: the day's appointments by time and consultation language, with first name and phone (only
here), holds in progress, and the actions arrived, no-show, cancel with a reason and close a day; exports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from aiohttp import web
from markupsafe import escape

from bot.booking import reasons, texts
from bot.booking.accounts import future_counts
from bot.booking.notices import announce, tell_cancelled
from bot.booking.repository import Booking, Status, normalise_code
from bot.booking.service import day_bounds
from bot.core.clock import BERLIN, local
from bot.desk.agenda_rows import rows_html
from bot.desk.site import Desk
from bot.staff import export
from bot.staff.commands import close_day

MAX_EXPORT_DAYS = 366
# the messages a redirect may name (?error=...): never an id taken from the address as is
ERRORS = (
    "desk-agenda-code-unknown",
    "desk-agenda-bad-date",
    "desk-agenda-action-failed",
    "desk-agenda-no-show-early",
    "desk-agenda-reason-missing",
    "desk-agenda-close-past",
    "desk-agenda-export-bad",
)


def register(desk: Desk) -> None:
    desk.page("/agenda", agenda, nav="desk-nav-agenda")
    desk.page("/agenda/export", export_range)
    desk.page("/agenda/{code}/cancel", cancel_form)
    desk.post("/agenda/{code}/arrived", arrived)
    desk.post("/agenda/{code}/noshow", no_show)
    desk.post("/agenda/{code}/cancel", cancel)
    desk.post("/agenda/close", close)


@dataclass(frozen=True, slots=True)
class Row:
    booking: Booking
    stored_code: str
    first_name: str | None
    phone: str | None
    code: str
    time: str
    topic: str
    language: str
    status: str  # booked, arrived, no_show, cancelled
    can_no_show: bool
    reason: str
    account: int | None  # the account's number when it has more than one appointment ahead (scalping?)


@dataclass(frozen=True, slots=True)
class Slot:
    time: str
    language: str
    language_name: str
    rows: list[Row]


LABELS = {
    "time": "desk-col-time",
    "language": "desk-col-language",
    "code": "desk-col-code",
    "topic": "desk-col-topic",
    "status": "desk-col-status",
    "name": "desk-col-name",
    "phone": "desk-col-phone",
    "actions": "desk-col-actions",
    "arrived": "desk-action-arrived",
    "no_show": "desk-action-no-show",
    "cancel": "desk-action-cancel",
}
STATUSES = {
    "booked": "desk-status-booked",
    "arrived": "desk-status-arrived",
    "no_show": "desk-status-no_show",
    "cancelled": "desk-status-cancelled",
}


def _day(text: str | None, today: date) -> date | None:
    if not text:
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _status(booking: Booking) -> str:
    if booking.status is Status.BOOKED and booking.arrived:
        return "arrived"
    return str(booking.status)


async def agenda(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    t = desk.translator()
    now = desk.services.clock.now()
    today = local(now).date()
    notice = request.query.get("done", "")
    code_query = request.query.get("code", "").strip()
    error = None
    highlight = ""
    day = _day(request.query.get("date"), today)
    if code_query:
        found = await desk.booking.bookings.get(code_query)
        if found is None or found.status is Status.HOLD:
            error = "desk-agenda-code-unknown"
        else:
            day, highlight = local(found.start).date(), found.code
    if day is None:
        day, error = today, "desk-agenda-bad-date"
    start, end = day_bounds(day)
    rows = await desk.booking.bookings.between(start, end, (Status.BOOKED, Status.NO_SHOW, Status.CANCELLED))
    holds = await desk.booking.bookings.live_holds(start, end, now)
    slots: dict[tuple[str, str], list[Row]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    # each text is formatted once per page, not once per row (200 rows: Fluent calls add up)
    topics: dict[str, str] = {}
    # accounts with more than one appointment ahead: each row of theirs links to the account's page
    accounts = {
        user: escape(t("desk-accounts-mark", account=user, count=count))
        for user, count in (await future_counts(desk.booking.bookings, now)).items()
        if count > 1
    }
    for booking in rows:
        time = texts.time_label(booking.start.astimezone(BERLIN))
        if booking.topic not in topics:
            topics[booking.topic] = texts.topic_label(t, booking.topic)
        slots[(time, booking.language)].append(
            Row(
                booking=booking,
                stored_code=booking.code,
                first_name=booking.first_name,
                phone=booking.phone,
                code=texts.code_text(booking.code),
                time=time,
                topic=topics[booking.topic],
                language=booking.language,
                status=_status(booking),
                can_no_show=booking.status is Status.BOOKED and booking.start <= now,
                reason=reasons.for_staff(t, booking.staff_note) if booking.staff_note else "",
                account=booking.user_id if booking.user_id in accounts else None,
            )
        )
        if booking.status is not Status.CANCELLED:
            counts[booking.language] += 1
    names = {language: texts.language_name(language, t.lang) for language in {lang for _, lang in slots}}
    grouped = [
        Slot(time, language, names[language], slots[(time, language)]) for time, language in sorted(slots)
    ]
    hold_rows = [
        (texts.time_label(h.start.astimezone(BERLIN)), texts.language_name(h.language, t.lang)) for h in holds
    ]
    labels = {key: escape(t(msg_id)) for key, msg_id in LABELS.items()}  # escaped once a page
    return desk.render(
        request,
        "agenda.html",
        day=day,
        day_label=texts.day_label(day, t.lang),
        unconfirmed=not desk.services.content.current.tree.contact.hours.confirmed,
        previous=(day - timedelta(days=1)).isoformat(),
        next=(day + timedelta(days=1)).isoformat(),
        today=today.isoformat(),
        slots=grouped,
        L=labels,
        rows_html=rows_html(
            ((slot.language_name, row) for slot in grouped for row in slot.rows),
            labels,
            {key: escape(t(msg_id)) for key, msg_id in STATUSES.items()},
            desk.csrf_field(request),
            highlight,
            accounts,
        ),
        counts=sorted((texts.language_name(lang, t.lang), n) for lang, n in counts.items()),
        total=sum(counts.values()),
        holds=hold_rows,
        presets=reasons.presets_for_staff(t),
        notice=notice if notice in ("arrived", "noshow", "cancelled", "closed") else "",
        error=error or next((e for e in ERRORS if e == request.query.get("error")), None),
        code_query=code_query,
        highlight=highlight,
        is_past=day < today,
    )


def _back(day: date, **query: str) -> str:
    extra = "".join(f"&{k}={v}" for k, v in query.items())
    return f"/agenda?date={day.isoformat()}{extra}"


async def _booking_of(request: web.Request) -> Booking | None:
    desk = Desk.of(request)
    return await desk.booking.bookings.get(normalise_code(request.match_info["code"]))


def _day_of(booking: Booking | None, now: datetime) -> date:
    return local(booking.start if booking else now).date()


Mark = Callable[[str, datetime], Awaitable[Booking | None]]


async def _mark(request: web.Request, mark: Mark, action: str, done: str, error: str) -> web.StreamResponse:
    """Mark one appointment (``bookings.mark_arrived`` or ``mark_no_show``), record ``action`` in the audit
    log and go back to its day, saying ``done``; or ``error`` when it could not be marked."""
    desk = Desk.of(request)
    now = desk.services.clock.now()
    booking = await mark(request.match_info["code"], now)
    if booking is None:
        found = await _booking_of(request)
        return desk.redirect(request, _back(_day_of(found, now), error=error))
    await desk.audit(request, action, booking.code)
    return desk.redirect(request, _back(_day_of(booking, now), done=done))


async def arrived(request: web.Request) -> web.StreamResponse:
    bookings = Desk.of(request).booking.bookings
    return await _mark(request, bookings.mark_arrived, "arrived", "arrived", "desk-agenda-action-failed")


async def no_show(request: web.Request) -> web.StreamResponse:
    bookings = Desk.of(request).booking.bookings
    return await _mark(request, bookings.mark_no_show, "no_show", "noshow", "desk-agenda-no-show-early")


async def cancel(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    now = desk.services.clock.now()
    form = await desk.form(request)
    note = reasons.note_of(form.get("preset", ""), form.get("text", ""))
    found = await _booking_of(request)
    if note is None:
        return desk.redirect(request, _back(_day_of(found, now), error="desk-agenda-reason-missing"))
    booking = await desk.booking.bookings.cancel(request.match_info["code"], "staff", now, note=note)
    if booking is None:
        return desk.redirect(request, _back(_day_of(found, now), error="desk-agenda-action-failed"))
    await desk.audit(request, "cancel", booking.code)
    await tell_cancelled(desk.booking, booking, note)
    await announce(desk.booking, "booking-staff-cancelled-by-staff", booking)
    return desk.redirect(request, _back(_day_of(booking, now), done="cancelled"))


async def cancel_form(request: web.Request) -> web.StreamResponse:
    """The cancel form of one appointment (its own page keeps the day's page small)."""
    desk = Desk.of(request)
    t = desk.translator()
    booking = await _booking_of(request)
    if booking is None or booking.status is not Status.BOOKED:
        now = desk.services.clock.now()
        return desk.redirect(request, _back(_day_of(booking, now), error="desk-agenda-action-failed"))
    return desk.render(
        request,
        "cancel.html",
        booking=booking,
        code=texts.code_text(booking.code),
        when=texts.when_short(booking.start, t.lang),
        topic=texts.topic_label(t, booking.topic),
        language=texts.language_name(booking.language, t.lang),
        day=local(booking.start).date().isoformat(),
        presets=reasons.presets_for_staff(t),
    )


async def close(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    now = desk.services.clock.now()
    form = await desk.form(request)
    today = local(now).date()
    day = _day(form.get("date"), today) or today
    note = reasons.note_of(form.get("preset", ""), form.get("text", ""))
    if note is None:
        return desk.redirect(request, _back(day, error="desk-agenda-reason-missing"))
    if day < today:
        return desk.redirect(request, _back(day, error="desk-agenda-close-past"))
    cancelled, told = await close_day(desk.booking, day, note, now)
    await desk.audit(request, "close_day", day.isoformat())
    t = desk.booking.staff_t()
    await desk.booking.notify_staff(
        t("booking-staff-close-done", day=texts.day_label(day, t.lang), count=len(cancelled), told=told)
    )
    return desk.redirect(request, _back(day, done="closed"))


async def export_range(request: web.Request) -> web.StreamResponse:
    """``/agenda/export?from=...&to=...&format=csv|ics``: the same files as ``python -m bot agenda``."""
    desk = Desk.of(request)
    now = desk.services.clock.now()
    today = local(now).date()
    first = _day(request.query.get("from"), today)
    last = _day(request.query.get("to") or request.query.get("from"), today)
    fmt = request.query.get("format", "csv")
    if (
        first is None
        or last is None
        or last < first
        or (last - first).days > MAX_EXPORT_DAYS
        or fmt
        not in (
            "csv",
            "ics",
        )
    ):
        return desk.redirect(request, _back(today, error="desk-agenda-export-bad"))
    since, until = day_bounds(first, last)
    rows = await desk.booking.bookings.between(
        since, until, (Status.BOOKED, Status.NO_SHOW, Status.CANCELLED)
    )
    await desk.audit(request, "export", f"{first.isoformat()}..{last.isoformat()}")
    name = f"agenda-{first.isoformat()}-{last.isoformat()}.{fmt}"
    if fmt == "csv":
        body, content_type = export.to_csv(rows), "text/csv"
    else:
        sites = {s.id: s.address for s in desk.booking.contact.sites}
        body, content_type = export.to_ics(rows, sites, now), "text/calendar"
    return web.Response(
        text=body,
        content_type=content_type,
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
