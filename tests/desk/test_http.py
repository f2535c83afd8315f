"""The desk over HTTP: sessions, CSRF, lockout, escaping, roles, and the agenda's actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient

from bot.app import App
from bot.booking.repository import Status
from bot.booking.texts import code_text
from bot.core.clock import FakeClock, local
from bot.desk.site import Desk
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature
from tests.desk.conftest import PASSWORD, csrf_of, log_in

PAGES = [
    "/",
    "/agenda",
    "/agenda?date=2026-12-01",
    "/content",
    "/users",
    "/agenda/export?format=csv",
    "/accounts",
    "/accounts/1",
    "/accounts/1/cancel",
]
FORMS = [
    "/logout",
    "/agenda/ABCDEF/arrived",
    "/agenda/ABCDEF/noshow",
    "/agenda/ABCDEF/cancel",
    "/agenda/close",
    "/accounts/1/cancel",
]


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_without_a_session_leads_to_login(anonymous: TestClient, path: str) -> None:
    response = await anonymous.get(path, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/login"


@pytest.mark.parametrize("path", FORMS)
async def test_every_form_without_a_session_leads_to_login(anonymous: TestClient, path: str) -> None:
    response = await anonymous.post(path, data={"csrf_token": "x"}, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/login"


async def test_login_healthz_and_static_need_no_session(anonymous: TestClient) -> None:
    login = await anonymous.get("/login")
    html = await login.text()
    assert login.status == 200 and '<label for="username">' in html and '<label for="password">' in html
    assert (await anonymous.get("/healthz")).status == 200
    css = await anonymous.get("/static/desk.css")
    assert css.status == 200 and "table.rows" in await css.text()
    assert "script-src" not in login.headers["Content-Security-Policy"]  # no script may run at all


async def test_a_forged_session_cookie_opens_nothing(anonymous: TestClient) -> None:
    anonymous.session.cookie_jar.update_cookies({"desk_session": "guessed"})
    response = await anonymous.get("/agenda", allow_redirects=False)
    assert response.status == 303


async def test_a_form_without_the_csrf_token_is_refused(app: App, client: TestClient) -> None:
    _chat, code = await book(app, "maria", "ro")
    response = await client.post(f"/agenda/{code}/cancel", data={"preset": "illness"}, allow_redirects=False)
    assert response.status == 403
    wrong = await client.post(
        f"/agenda/{code}/cancel", data={"preset": "illness", "csrf_token": "forged"}, allow_redirects=False
    )
    assert wrong.status == 403
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_the_login_form_needs_its_csrf_token_too(anonymous: TestClient) -> None:
    response = await anonymous.post("/login", data={"username": "anna", "password": PASSWORD})
    assert response.status == 403


async def test_five_wrong_passwords_lock_the_account(anonymous: TestClient, clock: FakeClock) -> None:
    for _ in range(4):
        assert await log_in(anonymous, "anna", "wrong password") == 401
    page = await anonymous.get("/login")
    token = csrf_of(await page.text())
    fifth = await anonymous.post(
        "/login", data={"username": "anna", "password": "wrong again", "csrf_token": token}
    )
    assert fifth.status == 401 and "gesperrt" in await fifth.text()
    assert await log_in(anonymous, "anna") == 401  # the right password does not open a locked account
    clock.advance(timedelta(minutes=16))
    assert await log_in(anonymous, "anna") == 303


async def test_an_unknown_name_gets_the_same_answer_as_a_wrong_password(anonymous: TestClient) -> None:
    page = await anonymous.get("/login")
    token = csrf_of(await page.text())
    unknown = await anonymous.post(
        "/login", data={"username": "nobody", "password": "x", "csrf_token": token}
    )
    wrong = await anonymous.post("/login", data={"username": "anna", "password": "x", "csrf_token": token})
    assert unknown.status == wrong.status == 401
    assert "Benutzername oder Passwort stimmt nicht" in await unknown.text()
    assert "Benutzername oder Passwort stimmt nicht" in await wrong.text()


async def test_session_cookie_is_httponly_strict_and_secure_behind_tls(anonymous: TestClient) -> None:
    page = await anonymous.get("/login", headers={"X-Forwarded-Proto": "https"})
    login_cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in login_cookie and "SameSite=Strict" in login_cookie and "Secure" in login_cookie
    token = csrf_of(await page.text())
    response = await anonymous.post(
        "/login",
        data={"username": "anna", "password": PASSWORD, "csrf_token": token},
        headers={"X-Forwarded-Proto": "https"},
        cookies={
            "desk_login_csrf": token
        },  # a browser sends a Secure cookie over https; this client is on http
        allow_redirects=False,
    )
    assert response.status == 303
    cookie = response.headers["Set-Cookie"]
    assert "desk_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" in cookie
    plain = await anonymous.get("/login")
    assert "Secure" not in plain.headers.get("Set-Cookie", "")


async def test_a_first_name_is_shown_escaped(app: App, client: TestClient) -> None:
    # the booking flow already refuses such a name; the desk must be safe whatever is stored
    _chat, code = await book(app, "maria", "ro", name="Mariana")
    await app.db.execute(
        "UPDATE bookings SET first_name = ?, phone = ? WHERE code = ?",
        ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', code),
    )
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    html = await (await client.get(f"/agenda?date={local(booking.start).date().isoformat()}")).text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<img" not in html


async def test_a_counsellor_cannot_manage_users(desk: Desk, client: TestClient) -> None:
    page = await client.get("/users")
    assert page.status == 403
    token = csrf_of(await (await client.get("/agenda")).text())
    added = await client.post(
        "/users/add",
        data={"username": "mallory", "role": "admin", "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
    )
    assert added.status == 403
    removed = await client.post(
        "/users/remove", data={"username": "root", "csrf_token": token}, allow_redirects=False
    )
    assert removed.status == 403
    assert [u.name for u in await desk.accounts.list()] == ["anna", "root"]
    assert "/users" not in await (await client.get("/agenda")).text()  # not in the top bar either


async def test_an_admin_adds_and_removes_accounts(desk: Desk, admin_client: TestClient) -> None:
    token = csrf_of(await (await admin_client.get("/users")).text())
    added = await admin_client.post(
        "/users/add",
        data={"username": "bogdan", "role": "counsellor", "password": PASSWORD, "csrf_token": token},
    )
    assert added.status == 200 and "Konto angelegt" in await added.text()
    removed = await admin_client.post("/users/remove", data={"username": "anna", "csrf_token": token})
    assert removed.status == 200
    assert [u.name for u in await desk.accounts.list()] == ["bogdan", "root"]
    audit = await desk.audit_log.latest()
    assert [(e.staff, e.action, e.subject) for e in audit[:2]] == [
        ("root", "remove_user", "anna"),
        ("root", "add_user", "bogdan"),
    ]


async def test_logout_ends_the_session(client: TestClient) -> None:
    token = csrf_of(await (await client.get("/agenda")).text())
    response = await client.post("/logout", data={"csrf_token": token}, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/login"
    client.session.cookie_jar.clear()
    assert (await client.get("/agenda", allow_redirects=False)).status == 303


async def test_a_session_cookie_stops_working_after_logout(desk: Desk, client: TestClient) -> None:
    cookie = next(c for c in client.session.cookie_jar if c.key == "desk_session").value
    token = csrf_of(await (await client.get("/agenda")).text())
    await client.post("/logout", data={"csrf_token": token}, allow_redirects=False)
    client.session.cookie_jar.update_cookies({"desk_session": cookie})  # a copy kept by someone
    assert (await client.get("/agenda", allow_redirects=False)).status == 303


# -- the agenda ----------------------------------------------------------------------------------------


async def test_agenda_shows_the_day_and_finds_a_code_with_or_without_the_dash(
    app: App, client: TestClient
) -> None:
    _chat, code = await book(app, "maria", "ro", name="Mariana")
    for typed in (code_text(code), code.lower(), code):
        html = await (await client.get(f"/agenda?code={typed}")).text()
        assert code_text(code) in html and "Mariana" in html and 'class="status-booked found"' in html
    unknown = await (await client.get("/agenda?code=ZZZ-ZZZ")).text()
    assert "Diesen Buchungscode gibt es nicht" in unknown


async def test_cancel_with_a_preset_reason_tells_the_person_in_their_language(
    app: App, desk: Desk, client: TestClient, recorder: Recorder
) -> None:
    _chat, code = await book(app, "maria", "ro", name="Mariana")
    token = csrf_of(await (await client.get(f"/agenda?code={code}")).text())
    response = await client.post(f"/agenda/{code}/cancel", data={"preset": "illness", "csrf_token": token})
    assert response.status == 200 and "Termin abgesagt" in await response.text()
    told = recorder.to("maria")[-1]
    assert "Consilierul este bolnav." in told
    booking = await feature(app).service.bookings.get(code)
    assert (
        booking is not None and booking.status is Status.CANCELLED and booking.staff_note == "preset:illness"
    )
    entry = (await desk.audit_log.latest())[0]
    assert (entry.staff, entry.action, entry.subject) == ("anna", "cancel", code)
    staff = recorder.to("staff")[-1]
    assert "Mariana" not in staff and "https://desk.example.org/agenda?date=" in staff


async def test_staff_words_reach_the_person_marked_as_german(
    app: App, client: TestClient, recorder: Recorder
) -> None:
    _chat, code = await book(app, "ivan", "bg")
    token = csrf_of(await (await client.get(f"/agenda?code={code}")).text())
    await client.post(f"/agenda/{code}/cancel", data={"text": "Betriebsausflug", "csrf_token": token})
    assert "Съобщение от консултантския център (на немски): „Betriebsausflug“" in recorder.to("ivan")[-1]


async def test_a_cancellation_without_a_reason_is_refused(app: App, client: TestClient) -> None:
    _chat, code = await book(app, "maria", "ro")
    token = csrf_of(await (await client.get(f"/agenda?code={code}")).text())
    response = await client.post(
        f"/agenda/{code}/cancel", data={"preset": "", "text": " ", "csrf_token": token}
    )
    assert "Bitte einen Grund" in await response.text()
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None and booking.status is Status.BOOKED


async def test_arrived_and_no_show(app: App, clock: FakeClock, desk: Desk, client: TestClient) -> None:
    _chat, first = await book(app, "maria", "ro")
    _chat, second = await book(app, "ivan", "bg")
    token = csrf_of(await (await client.get(f"/agenda?code={first}")).text())
    early = await client.post(f"/agenda/{second}/noshow", data={"csrf_token": token})
    assert "erst ab Beginn" in await early.text()
    arrived = await client.post(f"/agenda/{first}/arrived", data={"csrf_token": token})
    assert "Als „da“ markiert" in await arrived.text()
    booking = await feature(app).service.bookings.get(second)
    assert booking is not None
    clock.set(booking.start + timedelta(minutes=20))  # days later: the session has expired
    assert (await client.get("/agenda", allow_redirects=False)).status == 303
    assert await log_in(client, "anna") == 303
    token = csrf_of(await (await client.get("/agenda")).text())
    page = await client.post(f"/agenda/{second}/noshow", data={"csrf_token": token})
    html = await page.text()
    assert "Als „nicht erschienen“ markiert" in html
    marked = await feature(app).service.bookings.get(second)
    assert marked is not None and marked.status is Status.NO_SHOW
    actions = [e.action for e in await desk.audit_log.latest() if e.action in ("no_show", "arrived")]
    assert actions == ["no_show", "arrived"]


async def test_close_a_day_cancels_and_tells_everyone(
    app: App, desk: Desk, client: TestClient, recorder: Recorder
) -> None:
    _chat, code = await book(app, "maria", "ro")
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    day = local(booking.start).date().isoformat()
    token = csrf_of(await (await client.get(f"/agenda?date={day}")).text())
    page = await client.post("/agenda/close", data={"date": day, "preset": "closed", "csrf_token": token})
    assert "Der Tag ist geschlossen" in await page.text()
    assert "Centrul de consiliere este închis în ziua aceea." in recorder.to("maria")[-1]
    assert day in [d.isoformat() for d in await feature(app).service.bookings.closing_days()]
    assert (await desk.audit_log.latest())[0].subject == day


async def test_export_a_range_as_csv_and_ics(app: App, client: TestClient) -> None:
    _chat, code = await book(app, "maria", "ro", name="Mariana")
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    day = local(booking.start).date().isoformat()
    csv = await client.get(f"/agenda/export?from={day}&to={day}&format=csv")
    assert csv.headers["Content-Type"].startswith("text/csv") and code in await csv.text()
    ics = await client.get(f"/agenda/export?from={day}&to={day}&format=ics")
    assert "BEGIN:VCALENDAR" in await ics.text()


async def test_content_status_page(app: App, client: TestClient) -> None:
    await app.dialogue.handle(_question("Wo kann ich mein Fahrrad reparieren lassen?"))
    html = await (await client.get("/content")).text()
    assert "Stand der Inhalte" in html and "Unbeantwortete Fragen" in html


def _question(text: str):  # type: ignore[no-untyped-def]
    from bot.core.events import Inbound

    return Inbound("console", "asker", text=text, platform_lang="de")


async def test_the_agenda_says_when_the_hours_are_not_confirmed(client: TestClient) -> None:
    # the shipped contact-point.yml has placeholder hours (confirmed: false): staff must see it too
    page = await (await client.get("/agenda")).text()
    assert "Sprechzeiten in contact-point.yml sind noch nicht bestätigt" in page
