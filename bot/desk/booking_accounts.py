"""``/accounts``: the chat accounts that book (holds and appointments per account), and cancelling every
future appointment of one account after a confirmation page, against scalping.

An account is one Telegram or Matrix identity; the desk shows it by its internal number (``#12``) and its
channel, never the platform id. Cancelling goes through :func:`bot.staff.accounts.cancel_all_of`, the
function the chat's ``/cancelaccount`` uses: each person gets the same notice, the staff channels the same
line. (``bot/desk/accounts.py`` is about the desk's own staff logins, not these.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from bot.booking import reasons, texts
from bot.booking.accounts import Account, account, account_of, active_accounts
from bot.booking.repository import Booking, Status
from bot.desk.site import Desk
from bot.staff.accounts import cancel_all_of

# the messages a redirect may name (?error=...): never an id taken from the address as is
ERRORS = ("desk-accounts-unknown", "desk-accounts-code-unknown", "desk-agenda-reason-missing")
STATUS_LABELS = {
    "hold": "desk-accounts-status-hold",
    "booked": "desk-status-booked",
    "arrived": "desk-status-arrived",
    "no_show": "desk-status-no_show",
    "cancelled": "desk-status-cancelled",
}


def register(desk: Desk) -> None:
    desk.page("/accounts", listing, nav="desk-nav-accounts")
    desk.page("/accounts/{account}", detail)
    desk.page("/accounts/{account}/cancel", confirm)
    desk.post("/accounts/{account}/cancel", cancel_all)


@dataclass(frozen=True, slots=True)
class Line:
    """One appointment or hold of the account, as the page shows it."""

    code: str
    when: str
    language: str
    topic: str
    status: str  # a key of STATUS_LABELS
    first_name: str | None
    phone: str | None
    future: bool


def _status(booking: Booking) -> str:
    if booking.status is Status.BOOKED and booking.arrived:
        return "arrived"
    return str(booking.status)


def _future(found: Account, now: datetime) -> list[Booking]:
    """What cancelling the account cancels: its booked appointments still ahead."""
    return [b for b in found.bookings if b.status is Status.BOOKED and b.start > now]


def _lines(desk: Desk, bookings: list[Booking], now: datetime) -> list[Line]:
    t = desk.translator()
    return [
        Line(
            code=texts.code_text(b.code) if b.status is not Status.HOLD else "–",  # a hold has no code yet
            when=texts.when_short(b.start, t.lang),
            language=texts.language_name(b.language, t.lang),
            topic=texts.topic_label(t, b.topic),
            status=_status(b),
            first_name=b.first_name,
            phone=b.phone,
            future=b.status is Status.BOOKED and b.start > now,
        )
        for b in bookings
    ]


def _account_id(request: web.Request) -> int | None:
    text = request.match_info["account"]
    return int(text) if text.isdigit() and len(text) <= 18 else None


async def _account_of(request: web.Request) -> Account | None:
    desk = Desk.of(request)
    user_id = _account_id(request)
    if user_id is None:
        return None
    return await account(desk.booking.bookings, user_id, desk.services.clock.now())


def _error(request: web.Request) -> str | None:
    return next((e for e in ERRORS if e == request.query.get("error")), None)


async def listing(request: web.Request) -> web.StreamResponse:
    """Accounts with appointments ahead or holds now, the most appointments first; find one by a code."""
    desk = Desk.of(request)
    t = desk.translator()
    now = desk.services.clock.now()
    code = request.query.get("code", "").strip()
    if code:
        found = await account_of(desk.booking.bookings, code, now)
        if found is None:
            return desk.redirect(request, "/accounts?error=desk-accounts-code-unknown")
        return desk.redirect(request, f"/accounts/{found.user_id}")
    rows = await active_accounts(desk.booking.bookings, now)
    return desk.render(
        request,
        "accounts.html",
        rows=[(r, texts.when_short(r.first_seen, t.lang)) for r in rows],
        error=_error(request),
    )


async def detail(request: web.Request) -> web.StreamResponse:
    """One account: its holds now and every appointment still linked to it, by time."""
    return await _account_page(request, "account.html")


async def confirm(request: web.Request) -> web.StreamResponse:
    """The "are you sure" page: exactly what will be cancelled, and the reason the people are told."""
    return await _account_page(request, "account-cancel.html", only_future=True)


async def _account_page(request: web.Request, template: str, only_future: bool = False) -> web.StreamResponse:
    desk = Desk.of(request)
    t = desk.translator()
    now = desk.services.clock.now()
    found = await _account_of(request)
    if found is None:
        return desk.redirect(request, "/accounts?error=desk-accounts-unknown")
    future = _future(found, now)
    count = request.query.get("count", "")
    return desk.render(
        request,
        template,
        account=found,
        seen=texts.when_short(found.first_seen, t.lang),
        lines=_lines(desk, future if only_future else found.bookings, now),
        holds=sum(1 for b in found.bookings if b.status is Status.HOLD),
        future=len(future),
        statuses=STATUS_LABELS,
        presets=reasons.presets_for_staff(t),
        done=int(count) if request.query.get("done") == "cancelled" and count.isdigit() else None,
        error=_error(request),
    )


async def cancel_all(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    now = desk.services.clock.now()
    found = await _account_of(request)
    if found is None:
        return desk.redirect(request, "/accounts?error=desk-accounts-unknown")
    form = await desk.form(request)
    note = reasons.note_of(form.get("preset", ""), form.get("text", ""))
    if note is None:
        return desk.redirect(request, f"/accounts/{found.user_id}/cancel?error=desk-agenda-reason-missing")
    done = await cancel_all_of(desk.booking, found.user_id, note, now)
    await desk.audit(request, "cancel_account", f"account:{found.user_id}")
    return desk.redirect(request, f"/accounts/{found.user_id}?done=cancelled&count={len(done.bookings)}")
