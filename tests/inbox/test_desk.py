"""The inbox in the desk over HTTP: behind login, CSRF on its forms, the person's text escaped, an answer
delivered in the person's chat and audited, closing, drafts (and their CLI listing)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import App
from bot.core.clock import FakeClock
from bot.desk.accounts import Role
from bot.desk.server import build_desk
from bot.desk.site import Desk
from tests.auxil.chat import Chat
from tests.auxil.recorder import Recorder
from tests.desk.conftest import PASSWORD, csrf_of, log_in
from tests.inbox.conftest import inbox_of

SCRIPT = "<script>alert(1)</script> Unde e Clearingstelle?"


@pytest.fixture
async def desk(app: App) -> Desk:
    desk = build_desk(app.feature_services, app.settings)
    await desk.accounts.add("anna", Role.COUNSELLOR, PASSWORD, app.clock.now())
    return desk


@pytest.fixture
async def anonymous(desk: Desk) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(desk.app))
    await client.start_server()
    yield client
    await client.close()


@pytest.fixture
async def client(anonymous: TestClient) -> AsyncIterator[TestClient]:
    assert await log_in(anonymous, "anna") == 303
    yield anonymous


async def ask(app: App, user: str = "ioana", lang: str = "ro", text: str = SCRIPT) -> Chat:
    chat = Chat(app, user=user)
    await chat.say(f"/language {lang}")
    await chat.say("/ask")
    await chat.action("inbox:consent")
    await chat.say(text)
    return chat


@pytest.mark.parametrize("path", ["/inbox", "/inbox/1", "/inbox/drafts"])
async def test_inbox_pages_need_a_login(anonymous: TestClient, path: str) -> None:
    response = await anonymous.get(path, allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/login"


@pytest.mark.parametrize("action", ["answer", "close", "draft"])
async def test_inbox_forms_need_the_csrf_token(app: App, client: TestClient, action: str) -> None:
    await ask(app)
    response = await client.post(f"/inbox/1/{action}", data={"text": "x"}, allow_redirects=False)
    assert response.status == 403
    thread = await inbox_of(app).inbox.get(1)
    assert thread is not None and thread.open and thread.messages == 1


async def test_the_list_shows_language_topic_and_waiting_time(
    app: App, client: TestClient, clock: FakeClock
) -> None:
    await ask(app, text="Unde găsesc un medic de familie?")
    await ask(app, user="petar", lang="bg", text="Kak da si napravya zdravna osigurovka?")
    clock.advance(timedelta(hours=3))
    html = await (await client.get("/inbox")).text()
    assert 'href="/inbox/1"' in html and 'href="/inbox/2"' in html
    assert "Rumänisch" in html and "Bulgarisch" in html and "Gesundheit" in html
    assert "3 Std." in html
    assert "medic" not in html  # the list shows no text


async def test_the_thread_shows_the_text_escaped(app: App, client: TestClient) -> None:
    await ask(app)
    response = await client.get("/inbox/1")
    html = await response.text()
    assert response.status == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Unde e Clearingstelle?" in html
    assert '<label for="answer-text">' in html and "csrf_token" in html
    assert (await client.get("/inbox/99")).status == 404


async def test_an_answer_in_the_desk_arrives_in_the_chat_and_is_audited(
    app: App, client: TestClient, desk: Desk, recorder: Recorder
) -> None:
    chat = await ask(app)
    token = csrf_of(await (await client.get("/inbox/1")).text())
    response = await client.post(
        "/inbox/1/answer",
        data={"csrf_token": token, "text": "Mergeți la Clearingstelle,\r\nluni la 9."},
        allow_redirects=False,
    )
    assert response.status == 303 and response.headers["Location"] == "/inbox/1?done=answered"
    (sent,) = recorder.to("ioana")
    assert sent.startswith("💬 Răspuns de la un consilier")
    assert sent.endswith("Mergeți la Clearingstelle,\nluni la 9.")
    html = await (await client.get("/inbox/1?done=answered")).text()
    assert "Die Antwort ist im Chat der Person angekommen." in html
    assert "Beratung (anna)" in html
    entries = await desk.audit_log.latest()
    assert [(e.staff, e.action, e.subject) for e in entries[:1]] == [("anna", "inbox_answer", "thread:1")]
    text = await chat.say("1")  # the person replies in the same thread
    assert "#1" in text
    await chat.say("Mulțumesc!")
    assert len(await inbox_of(app).inbox.messages(1)) == 3


async def test_closing_and_drafting_in_the_desk(app: App, client: TestClient, desk: Desk) -> None:
    await ask(app, text="Unde găsesc un medic de familie?")
    token = csrf_of(await (await client.get("/inbox/1")).text())
    response = await client.post(
        "/inbox/1/draft",
        data={"csrf_token": token, "node": "health/doctor", "question": " Unde găsesc un medic de familie? "},
        allow_redirects=False,
    )
    assert response.headers["Location"] == "/inbox/1?done=draft"
    bad = await client.post(
        "/inbox/1/draft", data={"csrf_token": token, "node": "../etc", "question": "x"}, allow_redirects=False
    )
    assert bad.headers["Location"] == "/inbox/1?error=node"
    (draft,) = await inbox_of(app).inbox.drafts()
    assert (draft.node, draft.lang, draft.question, draft.staff) == (
        "health/doctor",
        "ro",
        "Unde găsesc un medic de familie?",
        "anna",
    )
    assert "Unde găsesc un medic de familie?" in await (await client.get("/inbox/drafts")).text()
    # the form offers the node the matcher guessed
    assert '<option value="health/doctor" selected>' in await (await client.get("/inbox/1")).text()

    response = await client.post("/inbox/1/close", data={"csrf_token": token}, allow_redirects=False)
    assert response.headers["Location"] == "/inbox?done=closed"
    listing = await (await client.get("/inbox?done=closed")).text()
    assert "Keine offenen Fragen." in listing and "Zuletzt abgeschlossen" in listing
    assert 'href="/inbox/1"' in listing  # still readable until retention deletes it
    again = await client.post(
        "/inbox/1/answer", data={"csrf_token": token, "text": "late"}, allow_redirects=False
    )
    assert again.headers["Location"] == "/inbox/1?error=closed"
    actions = [(e.action, e.subject) for e in await desk.audit_log.latest()]
    assert ("inbox_close", "thread:1") in actions and ("inbox_draft", "node:health/doctor") in actions
    assert not any("medic" in subject for _, subject in actions)
