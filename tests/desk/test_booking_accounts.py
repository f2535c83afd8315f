"""The desk's chat accounts (bot/desk/booking_accounts.py): holds and appointments per account, and cancelling
every future appointment of one account after a confirmation page, as ``/cancelaccount`` does."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from bot.app import App
from bot.booking.repository import Status
from bot.booking.texts import code_text
from bot.core.clock import local
from bot.desk.site import Desk
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.booking.conftest import book, feature
from tests.desk.conftest import csrf_of


async def _scalper(app: App) -> tuple[int, list[str], str]:
    """Two appointments on the account "scalper" and one on "honest": (scalper's account, its codes, the
    honest code)."""
    slots = await feature(app).service.free_slots(app.clock.now(), "ro")
    _chat, first = await book(app, "scalper", "ro", when=slots[0].start, name="Ion")
    _chat, second = await book(app, "scalper", "ro", when=slots[1].start, name="Vasile")
    _chat, honest = await book(app, "honest", "ro", when=slots[2].start)
    booking = await feature(app).service.bookings.get(first)
    assert booking is not None and booking.user_id is not None
    return booking.user_id, [first, second], honest


async def _status(app: App, code: str) -> Status:
    booking = await feature(app).service.bookings.get(code)
    assert booking is not None
    return booking.status


async def test_the_agenda_leads_to_the_account_with_its_appointments(app: App, client: TestClient) -> None:
    account, codes, honest = await _scalper(app)
    booking = await feature(app).service.bookings.get(codes[0])
    assert booking is not None
    agenda = await (await client.get(f"/agenda?date={local(booking.start).date().isoformat()}")).text()
    assert f'<a href="/accounts/{account}">Konto #{account}: 2 Termine</a>' in agenda
    assert 'href="/accounts"' in agenda  # and to the list of accounts (also in the top bar)

    listing = await (await client.get("/accounts")).text()
    rows = re.findall(r'<a href="/accounts/(\d+)">', listing)
    assert rows[0] == str(account)  # the most appointments first
    page = await (await client.get(f"/accounts/{account}")).text()
    assert f"Konto #{account} (console)" in page and "2 künftige Termine" in page
    assert all(code_text(code) in page for code in codes) and "Ion" in page and "Vasile" in page
    assert code_text(honest) not in page
    found = await client.get(f"/accounts?code={code_text(codes[1]).lower()}", allow_redirects=False)
    assert found.status == 303 and found.headers["Location"] == f"/accounts/{account}"


async def test_holds_show_on_the_account(app: App, client: TestClient) -> None:
    chat = Chat(app, user="holder")
    await chat.say("/language ro")
    await chat.action("booking:new")
    await chat.action("booking:topic:housing")
    await chat.action("booking:lang:ro")
    slot = (await feature(app).service.free_slots(app.clock.now(), "ro"))[0]
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}")  # a time held, not yet confirmed
    account = (await app.sessions.load("console", "holder", app.clock.now())).user_id
    page = await (await client.get(f"/accounts/{account}")).text()
    assert "reserviert, nicht bestätigt" in page and "Jetzt reservierte Uhrzeiten: 1." in page
    listing = await (await client.get("/accounts")).text()
    assert re.search(rf'/accounts/{account}">.*?</td>.*?<td[^>]*>0</td>\s*<td[^>]*>1</td>', listing, re.S)
    confirm = await (await client.get(f"/accounts/{account}/cancel")).text()
    assert "Eine reservierte Uhrzeit wird freigegeben" in confirm
    await client.post(
        f"/accounts/{account}/cancel", data={"preset": "illness", "csrf_token": csrf_of(confirm)}
    )
    assert "Jetzt reservierte Uhrzeiten: 0." in await (await client.get(f"/accounts/{account}")).text()


async def test_cancel_all_asks_first_then_cancels_and_tells_each_person(
    app: App, desk: Desk, client: TestClient, recorder: Recorder
) -> None:
    account, codes, honest = await _scalper(app)
    page = await client.get(f"/accounts/{account}")
    assert f'href="/accounts/{account}/cancel"' in await page.text()
    confirm = await (await client.get(f"/accounts/{account}/cancel")).text()
    assert "Diese 2 Termine werden abgesagt" in confirm
    assert all(code_text(code) in confirm for code in codes) and code_text(honest) not in confirm
    assert "Ja, diese 2 Termine absagen" in confirm
    bookings = feature(app).service.bookings
    assert [await _status(app, c) for c in codes] == [Status.BOOKED, Status.BOOKED]

    response = await client.post(
        f"/accounts/{account}/cancel", data={"preset": "unforeseen", "csrf_token": csrf_of(confirm)}
    )
    assert response.status == 200 and "2 Termine abgesagt" in await response.text()
    for code in codes:
        booking = await bookings.get(code)
        assert booking is not None and booking.status is Status.CANCELLED
        assert booking.staff_note == "preset:unforeseen"
    assert await _status(app, honest) is Status.BOOKED
    told = recorder.to("scalper")[-2:]
    assert len(told) == 2 and all(
        "a trebuit să anuleze programarea" in text and "S-a întâmplat ceva neprevăzut." in text
        for text in told
    ), told
    assert recorder.to("honest") == []
    assert await app.postman.drain(1.0)  # staff notices are queued off the turn
    assert f"Konto #{account}: 2 Termine abgesagt, 2 benachrichtigt." in recorder.to("staff")
    entry = (await desk.audit_log.latest())[0]
    assert (entry.staff, entry.action, entry.subject) == ("anna", "cancel_account", f"account:{account}")
    # the form sent a second time cancels nothing and tells nobody again
    notices, personal = len(recorder.to("staff")), len(recorder.to("scalper"))
    again = await client.post(
        f"/accounts/{account}/cancel", data={"preset": "unforeseen", "csrf_token": csrf_of(confirm)}
    )
    assert again.status == 200
    assert await app.postman.drain(1.0)
    assert len(recorder.to("staff")) == notices and len(recorder.to("scalper")) == personal


async def test_the_desk_and_the_chat_command_tell_the_person_the_same(
    app: App, client: TestClient, recorder: Recorder
) -> None:
    """One implementation: staff's own words reach the person in the same notice either way."""
    account, _codes, honest = await _scalper(app)
    confirm = await (await client.get(f"/accounts/{account}/cancel")).text()
    await client.post(
        f"/accounts/{account}/cancel", data={"text": "Terminhandel", "csrf_token": csrf_of(confirm)}
    )
    from_desk = recorder.to("scalper")[-1]
    assert await app.postman.drain(1.0)
    assert "(în germană): „Terminhandel”" in from_desk
    staff_notices = len(recorder.to("staff"))
    # the chat command on the other account ("honest", one appointment)
    app.dialogue.staff_users = frozenset({"console:staffer"})  # the console is the staff place as a whole
    staff = Chat(app, user="staffer")
    await staff.say("/language de")
    done = await staff.say(f"/cancelaccount {honest} Terminhandel")
    assert "ein Termin abgesagt, 1 benachrichtigt." in done
    from_chat = recorder.to("honest")[-1]
    assert await app.postman.drain(1.0)
    when = re.compile(r"programarea dumneavoastră de .*?\. Motivul")  # another time, the same words
    assert when.sub("", from_chat) == when.sub("", from_desk)
    assert recorder.to("staff")[staff_notices:] == [done]  # the staff channels hear the same either way


async def test_a_cancel_without_the_csrf_token_or_a_reason_cancels_nothing(
    app: App, client: TestClient, recorder: Recorder
) -> None:
    account, codes, _honest = await _scalper(app)
    refused = await client.post(f"/accounts/{account}/cancel", data={"preset": "illness"})
    assert refused.status == 403
    forged = await client.post(f"/accounts/{account}/cancel", data={"preset": "illness", "csrf_token": "x"})
    assert forged.status == 403
    token = csrf_of(await (await client.get(f"/accounts/{account}/cancel")).text())
    empty = await client.post(f"/accounts/{account}/cancel", data={"text": "  ", "csrf_token": token})
    assert "Bitte einen Grund" in await empty.text() and str(empty.url.path) == f"/accounts/{account}/cancel"
    assert [await _status(app, c) for c in codes] == [Status.BOOKED, Status.BOOKED]
    assert await app.postman.drain(1.0)
    assert all("abgesagt" not in text for text in recorder.to("staff"))


async def test_unknown_accounts_and_codes(client: TestClient) -> None:
    for path in ("/accounts/999", "/accounts/abc", "/accounts/999/cancel"):
        page = await client.get(path)
        assert "Dieses Konto gibt es nicht" in await page.text(), path
    token = csrf_of(await (await client.get("/accounts")).text())
    post = await client.post("/accounts/999/cancel", data={"preset": "illness", "csrf_token": token})
    assert "Dieses Konto gibt es nicht" in await post.text()
    assert "Diesen Buchungscode gibt es nicht" in await (await client.get("/accounts?code=ZZZ-ZZZ")).text()
    assert "Kein Konto hat gerade" in await (await client.get("/accounts")).text()


async def test_what_people_typed_is_escaped_on_every_account_page(app: App, client: TestClient) -> None:
    account, codes, _honest = await _scalper(app)
    await app.db.execute(
        "UPDATE bookings SET first_name = ?, phone = ? WHERE code = ?",
        ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', codes[0]),
    )
    await app.db.execute("UPDATE users SET channel = ? WHERE id = ?", ("<b>x</b>", account))
    for path in (f"/accounts/{account}", f"/accounts/{account}/cancel", "/accounts"):
        html = await (await client.get(path)).text()
        assert "<script>" not in html and "<img" not in html and "<b>x</b>" not in html, path
    detail = await (await client.get(f"/accounts/{account}")).text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail and "&lt;b&gt;x&lt;/b&gt;" in detail
