"""The desk in a real browser (Debian's chromium through playwright): log in, see a booking made in the
chat, mark it as no-show, cancel every future appointment of an account with two, log out. Keyboard only
for the login, as a counsellor at the desk might."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.app import App
from bot.booking.repository import Status
from bot.booking.texts import code_text
from bot.core.clock import FakeClock, local
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature
from tests.desk.conftest import PASSWORD

# set to a folder (e.g. docs/) to keep screenshots of the chat accounts' pages for the README
SCREENSHOTS = os.environ.get("BOT_SCREENSHOTS", "")


async def test_log_in_see_a_booking_mark_no_show_cancel_an_account_log_out(
    live_desk: App, clock: FakeClock, recorder: Recorder, browser_page: Any
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

    # an account with two appointments ahead: from its agenda row to its page, then cancel both
    slots = await feature(app).service.free_slots(clock.now(), "bg")
    _chat, first = await book(app, "ivan", "bg", when=slots[0].start, name="Ivan")
    _chat, second = await book(app, "ivan", "bg", when=slots[1].start)
    await page.goto(f"{base}/agenda?code={first}")
    await page.locator(f"#b-{first}").get_by_role("link", name="Konto #").click()
    await page.wait_for_url(f"{base}/accounts/*")
    main = page.locator("main")
    assert "2 künftige Termine" in await main.inner_text()
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / "desk-account.png"), full_page=True)
    await page.get_by_role("link", name="Alle künftigen Termine absagen").click()
    assert "Diese 2 Termine werden abgesagt" in await main.inner_text()
    await page.get_by_label("Grund").select_option("unforeseen")
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / "desk-account-cancel.png"), full_page=True)
    await page.get_by_role("button", name="Ja, diese 2 Termine absagen").click()
    await page.wait_for_url(f"{base}/accounts/*?done=cancelled&count=2")
    assert "2 Termine abgesagt" in await main.inner_text()
    for gone in (first, second):
        cancelled = await feature(app).service.bookings.get(gone)
        assert cancelled is not None and cancelled.status is Status.CANCELLED
    assert len([t for t in recorder.to("ivan") if "Случи се нещо непредвидено" in t]) == 2

    await page.get_by_role("button", name="Abmelden").click()
    await page.wait_for_url(f"{base}/login")
    await page.goto(f"{base}/agenda")
    assert page.url == f"{base}/login"  # the session is gone
