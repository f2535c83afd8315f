"""The desk in a real browser (Debian's chromium through playwright): log in, see a booking made in the
chat, mark it as no-show, log out. Keyboard only for the login, as a counsellor at the desk might."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.app import App
from bot.booking.repository import Status
from bot.booking.texts import code_text
from bot.core.clock import FakeClock, local
from tests.booking.conftest import book, feature
from tests.desk.conftest import PASSWORD


async def test_log_in_see_a_booking_mark_no_show_log_out(
    live_desk: App, clock: FakeClock, browser_page: Any
) -> None:
    app = live_desk
    page = browser_page
    _chat, code = await book(app, "maria", "ro", name="Mariana")
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    clock.set(booking.start + timedelta(minutes=15))  # the appointment has begun: no-show is possible
    base = f"http://127.0.0.1:{app.settings.desk_port}"

    await page.goto(f"{base}/agenda")
    assert page.url == f"{base}/login"  # no session: the login page
    await page.focus("#username")
    await page.keyboard.type("anna")
    await page.keyboard.press("Tab")
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"{base}/agenda")

    day = local(booking.start).date().isoformat()
    await page.goto(f"{base}/agenda?date={day}")
    row = page.locator(f"#b-{code}")
    assert code_text(code) in await row.inner_text()
    assert "Mariana" in await row.inner_text()
    await row.get_by_role("button", name="Nicht erschienen").click()
    await page.wait_for_url(f"{base}/agenda?date={day}&done=noshow")
    assert "Als „nicht erschienen“ markiert" in await page.locator("main").inner_text()
    assert "nicht erschienen" in await page.locator(f"#b-{code}").inner_text()
    marked = await feature(app).service.bookings.get(code)
    assert marked is not None and marked.status is Status.NO_SHOW

    await page.get_by_role("button", name="Abmelden").click()
    await page.wait_for_url(f"{base}/login")
    await page.goto(f"{base}/agenda")
    assert page.url == f"{base}/login"  # the session is gone
