"""``/login`` and ``/logout``: a session cookie after a good password; lockout after repeated failures."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.desk.accounts import LoginResult
from bot.desk.site import SESSION_COOKIE, Desk, see_other

log = logging.getLogger(__name__)


def register(desk: Desk) -> None:
    desk.public("/login", login_form, login)
    desk.post("/logout", logout)
    desk.page("/", home)


async def home(request: web.Request) -> web.StreamResponse:
    return see_other("/agenda")


async def login_form(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    if desk.session(request) is not None:
        return see_other("/agenda")
    return desk.render(request, "login.html", error=None, username="")


async def login(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    form = await desk.form(request)
    name = form.get("username", "").strip().lower()[:64]
    password = form.get("password", "")
    now = desk.services.clock.now()
    result, user = await desk.accounts.verify(name, password, now)
    if result is not LoginResult.OK or user is None:
        # the visitor is not told whether the name exists; the log names no account either
        log.info("desk: login refused (%s)", result)
        error = "desk-login-locked" if result is LoginResult.LOCKED else "desk-login-wrong"
        return desk.render(request, "login.html", status=401, error=error, username=name)
    token, _session = await desk.accounts.open_session(user, now)
    await desk.audit_log.record(user.name, "login", "-", now)
    response = see_other("/agenda")
    desk.set_cookie(request, response, SESSION_COOKIE, token)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    await desk.audit(request, "logout", "-")
    await desk.accounts.close_session(request.cookies.get(SESSION_COOKIE, ""))
    response = see_other("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response
