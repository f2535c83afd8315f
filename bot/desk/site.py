"""The desk's web application: sessions, CSRF, templates, the page registry and the audit log.

Every path except ``/login``, ``/healthz`` and ``/static/`` needs a session (else: 303 to ``/login``);
every POST needs the CSRF token (else: 403), checked here before any page's handler runs. Pages register
themselves with :meth:`Desk.page` and :meth:`Desk.post` (see ``bot/desk/__init__.py``).
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from bot.booking.service import BookingService
from bot.config import Settings
from bot.core.services import FeatureServices
from bot.desk.accounts import Accounts, Session, StaffUser
from bot.desk.audit import AuditLog
from bot.i18n.catalog import Translator

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SESSION_COOKIE = "desk_session"
LOGIN_CSRF_COOKIE = "desk_login_csrf"  # double-submit token of the login form (no session yet)
CSRF_FIELD = "csrf_token"
PUBLIC = ("/login", "/healthz")
STATIC = "/static/"
MAX_FORM = 64 * 1024

_DESK: web.AppKey[Desk] = web.AppKey("desk")
_SESSION: web.RequestKey[Session] = web.RequestKey("desk.session")
_FORM: web.RequestKey[Mapping[str, Any]] = web.RequestKey("desk.form")
_LOGIN_CSRF: web.RequestKey[str] = web.RequestKey("desk.login_csrf")

# a strict policy: no scripts at all, styles only from the desk itself, no framing
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
    " frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store, max-age=0",
}


@dataclass(frozen=True, slots=True)
class NavItem:
    path: str
    label_id: str
    admin: bool


class Desk:
    """The desk: what its pages use (services, booking, accounts, audit, templates) and its aiohttp app."""

    def __init__(self, services: FeatureServices, settings: Settings) -> None:
        self.services = services
        self.settings = settings
        self.booking = BookingService(services)
        self.accounts = Accounts(services.db)
        self.audit_log = AuditLog(services.db)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(_package_dir() / "templates")),
            autoescape=True,  # every value escaped, whatever the template's name
            auto_reload=False,  # templates ship with the code: no stat() of every file on every page
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.nav: list[NavItem] = []
        self.app = web.Application(middlewares=[self._guard], client_max_size=MAX_FORM)
        self.app[_DESK] = self
        self.app.router.add_static(
            "/static", str(_package_dir() / "static"), name="static", append_version=True
        )
        self.app.router.add_get("/healthz", self._healthz)

    # -- registering pages ------------------------------------------------------------------------

    def page(self, path: str, handler: Handler, nav: str | None = None, admin: bool = False) -> None:
        """A GET page; ``nav``: the Fluent id of its link in the top bar; ``admin``: admins only."""
        self.app.router.add_get(path, _only_admins(handler) if admin else handler, allow_head=False)
        if nav:
            self.nav.append(NavItem(path, nav, admin))

    def post(self, path: str, handler: Handler, admin: bool = False) -> None:
        """A form's target (CSRF checked before ``handler`` runs)."""
        self.app.router.add_post(path, _only_admins(handler) if admin else handler)

    def public(self, path: str, get: Handler, post: Handler | None = None) -> None:
        """A page without a session (only /login)."""
        self.app.router.add_get(path, get, allow_head=False)
        if post is not None:
            self.app.router.add_post(path, post)

    # -- for handlers ---------------------------------------------------------------------------------

    @staticmethod
    def of(request: web.Request) -> Desk:
        return request.app[_DESK]

    @staticmethod
    def session(request: web.Request) -> Session | None:
        found: Session | None = request.get(_SESSION)
        return found

    def staff(self, request: web.Request) -> StaffUser:
        session = self.session(request)
        if session is None:  # the guard lets no request without a session reach a page
            raise web.HTTPSeeOther("/login")
        return session.user

    def translator(self) -> Translator:
        """The staff's language (``staff_language``), from the content in force."""
        return self.services.content.current.catalog.translator(self.services.staff_language)

    # ``desk.t()`` for short; not a function of its own named ``t`` returning a Translator, which the
    # message-id check (tests/auxil/message_ids.py) would take for a translator factory
    t = translator

    def csrf_field(self, request: web.Request) -> Markup:
        """The hidden CSRF field of this request's session (or of the login form)."""
        session = self.session(request)
        token = session.csrf if session else request.get(_LOGIN_CSRF, "")
        return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, token)

    def render(self, request: web.Request, template: str, status: int = 200, **values: Any) -> web.Response:
        session = self.session(request)
        t = self.translator()
        field = self.csrf_field(request)

        def csrf() -> Markup:
            return field

        context = {
            "t": t,
            "lang": t.lang,
            "csrf": csrf,
            "staff": session.user if session else None,
            "nav": [item for item in self.nav if session and (session.user.is_admin or not item.admin)],
            "path": request.path,
            "static": lambda name: str(request.app.router["static"].url_for(filename=name)),
        }
        context.update(values)
        html = self.env.get_template(template).render(context)
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    async def form(self, request: web.Request) -> Mapping[str, str]:
        """The POSTed fields (the guard has read and checked them already)."""
        data = request.get(_FORM)
        if data is None:
            data = await request.post()
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def redirect(self, request: web.Request, location: str) -> web.Response:
        """303 See Other (POST/redirect/GET)."""
        return see_other(location)

    async def audit(self, request: web.Request, action: str, subject: str) -> None:
        """Record that the logged-in staff member did ``action`` on ``subject`` (a code, never personal
        data)."""
        await self.audit_log.record(self.staff(request).name, action, subject, self.services.clock.now())

    def is_tls(self, request: web.Request) -> bool:
        """Behind the city's TLS proxy (it says so in X-Forwarded-Proto), or told so by the settings."""
        forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
        return self.settings.desk_secure_cookie or request.secure or forwarded == "https"

    def set_cookie(self, request: web.Request, response: web.StreamResponse, name: str, value: str) -> None:
        response.set_cookie(
            name, value, httponly=True, samesite="Strict", secure=self.is_tls(request), path="/"
        )

    # -- the guard --------------------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await self._guarded(request, handler)
        except web.HTTPException as exc:  # as a plain response, so the headers below can be added
            response = web.Response(status=exc.status, headers=exc.headers, text=exc.text)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    async def _guarded(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        if path.startswith(STATIC) or path == "/healthz":
            return await handler(request)
        if path in PUBLIC:
            token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
            request[_LOGIN_CSRF] = token
            if request.method == "POST":
                await self._check_csrf(request, request.cookies.get(LOGIN_CSRF_COOKIE, ""))
            response = await handler(request)
            if request.cookies.get(LOGIN_CSRF_COOKIE) != token:
                self.set_cookie(request, response, LOGIN_CSRF_COOKIE, token)
            return response
        cookie = request.cookies.get(SESSION_COOKIE, "")
        session = await self.accounts.session(cookie, self.services.clock.now()) if cookie else None
        if session is None:
            raise web.HTTPSeeOther("/login")
        request[_SESSION] = session
        if request.method == "POST":
            await self._check_csrf(request, session.csrf)
        return await handler(request)

    async def _check_csrf(self, request: web.Request, expected: str) -> None:
        data = await request.post()
        request[_FORM] = data
        given = data.get(CSRF_FIELD)
        if not expected or not isinstance(given, str) or not hmac.compare_digest(given, expected):
            log.info("desk: a form without a valid CSRF token was refused (%s)", request.path)
            raise web.HTTPForbidden(text="CSRF token missing or wrong")

    async def _healthz(self, request: web.Request) -> web.Response:
        row = await self.services.db.fetchone("SELECT 1")
        return web.json_response({"status": "ok" if row else "fail"}, status=200 if row else 503)


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _only_admins(handler: Handler) -> Handler:
    async def admin_only(request: web.Request) -> web.StreamResponse:
        desk = Desk.of(request)
        if not desk.staff(request).is_admin:
            return desk.render(request, "error.html", status=403, message_id="desk-error-admin-only")
        return await handler(request)

    return admin_only


def _package_dir() -> Path:
    return Path(str(resources.files("bot.desk")))
