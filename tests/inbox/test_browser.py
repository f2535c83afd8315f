"""In a real browser (Debian's chromium driven by playwright): a counsellor logs in, opens the question a
person sent from the console, answers it, and the answer arrives in the person's chat."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from bot.app import App
from bot.desk.accounts import Role
from bot.desk.server import build_desk
from tests.auxil import browser
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.desk.conftest import PASSWORD
from tests.inbox.conftest import inbox_of

# set to a folder (e.g. docs/) to keep screenshots of the inbox and a thread for the README
SCREENSHOTS = os.environ.get("BOT_SCREENSHOTS", "")
pytestmark = pytest.mark.skipif(not browser.available(), reason="Debian's chromium is not installed")


@pytest.fixture
async def desk_url(app: App) -> AsyncIterator[str]:
    desk = build_desk(app.feature_services, app.settings)
    await desk.accounts.add("anna", Role.COUNSELLOR, PASSWORD, app.clock.now())
    server = TestServer(desk.app, host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


async def test_a_counsellor_answers_in_the_browser_and_the_person_reads_it_in_the_chat(
    app: App, desk_url: str, recorder: Recorder
) -> None:
    person = Chat(app, user="ioana")
    await person.say("/language ro")
    await person.say("/ask")
    await person.action("inbox:consent")
    await person.say("<b>Unde</b> găsesc un medic de familie?")
    other = Chat(app, user="petar")
    await other.say("/language bg")
    await other.say("/ask")
    await other.action("inbox:consent")
    await other.say("Kak da si napravya zdravna osigurovka?")

    async with browser.chromium() as chromium:
        page = await chromium.new_page()
        await page.goto(f"{desk_url}/login")
        await page.get_by_label("Benutzername").fill("anna")
        await page.get_by_label("Passwort").fill(PASSWORD)
        await page.keyboard.press("Enter")
        await page.get_by_role("link", name="Fragen").click()
        if SCREENSHOTS:
            await page.screenshot(path=str(Path(SCREENSHOTS) / "desk-inbox.png"), full_page=True)
        await page.get_by_role("link", name="Frage #1").click()
        # the person's text is shown as text, never as markup
        messages = page.locator("ol.messages")
        await messages.get_by_text("<b>Unde</b> găsesc un medic de familie?").wait_for()
        await page.get_by_label("Ihre Antwort").fill("Mergeți la un medic de familie din cartier.")
        await page.get_by_role("button", name="Antwort senden").click()
        await page.get_by_role("status").get_by_text("im Chat der Person angekommen").wait_for()
        if SCREENSHOTS:
            await page.screenshot(path=str(Path(SCREENSHOTS) / "desk-inbox-thread.png"), full_page=True)

    (answer,) = recorder.to("ioana")
    assert answer.startswith("💬 Răspuns de la un consilier")
    assert answer.endswith("Mergeți la un medic de familie din cartier.")
    text = await person.say("1")  # "reply", under the counsellor's answer
    assert "#1" in text
    await person.say("Mulțumesc!")
    assert [m.author for m in await inbox_of(app).inbox.messages(1)] == ["person", "counsellor", "person"]
