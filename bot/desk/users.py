"""``/users`` (admins only): staff accounts and the audit log; add and remove accounts.

The command line does the same (``python -m bot desk add-user NAME --role ...``); counsellors get 403.
"""

from __future__ import annotations

from aiohttp import web

from bot.desk.accounts import AccountError, Role
from bot.desk.site import Desk

ERRORS = ("desk-users-bad", "desk-users-remove-failed")


def register(desk: Desk) -> None:
    desk.page("/users", users, nav="desk-nav-users", admin=True)
    desk.post("/users/add", add_user, admin=True)
    desk.post("/users/remove", remove_user, admin=True)


async def users(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    return desk.render(
        request,
        "users.html",
        accounts=await desk.accounts.list(),
        entries=await desk.audit_log.latest(),
        roles=[str(r) for r in Role],
        done=request.query.get("done", "") if request.query.get("done") in ("added", "removed") else "",
        error=next((e for e in ERRORS if e == request.query.get("error")), None),
    )


async def add_user(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    form = await desk.form(request)
    name = form.get("username", "").strip().lower()
    role = form.get("role", "")
    if role not in [str(r) for r in Role]:
        return desk.redirect(request, "/users?error=desk-users-bad")
    try:
        await desk.accounts.add(name, Role(role), form.get("password", ""), desk.services.clock.now())
    except AccountError:
        return desk.redirect(request, "/users?error=desk-users-bad")
    await desk.audit(request, "add_user", name)
    return desk.redirect(request, "/users?done=added")


async def remove_user(request: web.Request) -> web.StreamResponse:
    desk = Desk.of(request)
    form = await desk.form(request)
    name = form.get("username", "")
    if name == desk.staff(request).name or not await desk.accounts.remove(name):
        return desk.redirect(request, "/users?error=desk-users-remove-failed")
    await desk.audit(request, "remove_user", name)
    return desk.redirect(request, "/users?done=removed")
