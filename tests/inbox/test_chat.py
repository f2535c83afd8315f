"""Asking a counsellor in the chat: consent once, the question stored, staff told without the text,
the answer arriving marked as from a counsellor, replies in the thread, closing, retention, /forget."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import App
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat, started_app
from tests.auxil.recorder import Recorder
from tests.inbox.conftest import inbox_of

QUESTION_RO = "Unde găsesc un medic de familie care vorbește română? Mă numesc Ioana Popescu."
QUESTION_BG = "Kak da si napravya zdravna osigurovka? Kazvam se Petar."


async def rows(app: App, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in await app.db.fetchall(sql)]


async def test_asking_in_romanian_from_a_decline(app: App, recorder: Recorder) -> None:
    chat = Chat(app, user="ioana")
    await chat.say("/language ro")
    text = await chat.say("cine a câștigat meciul de fotbal aseară?")
    assert "nu am un răspuns" in text
    assert "inbox:ask" in [c.action for c in chat.choices][:2]  # right after the way to an appointment

    text = await chat.press("Întrebați un consilier")
    assert "un om" in text  # a person reads it, said plainly
    assert "română, bulgară, germană, engleză" in text  # the languages of the contact point
    assert "3 zile lucrătoare" in text  # roughly when
    assert "Sunteți de acord?" in text
    assert await rows(app, "SELECT * FROM inbox_consent") == []

    await chat.press("Da, sunt de acord")
    assert "scrieți acum întrebarea" in chat.text
    text = await chat.say(QUESTION_RO)
    assert "#1" in text and "a fost trimisă" in text

    thread = await inbox_of(app).inbox.get(1)
    assert thread is not None and thread.open
    assert (thread.lang, thread.channel, thread.user_ref) == ("ro", "console", "ioana")
    assert (thread.topic, thread.node) == ("health", "health/doctor")  # guessed by the answers matcher
    messages = await inbox_of(app).inbox.messages(1)
    assert [(m.author, m.text, m.lang) for m in messages] == [("person", QUESTION_RO, "ro")]
    assert len(await rows(app, "SELECT * FROM inbox_consent")) == 1

    staff = recorder.to("staff")
    assert staff == ["✉️ Neue Frage #1 (ro, Gesundheit).\nLesen und beantworten im Desk unter „Fragen“."]
    assert not any("Ioana" in s or "medic" in s for s in staff)  # never the person's text


async def test_asking_in_bulgarian_from_an_answer(
    tmp_path: Path, clock: FakeClock, recorder: Recorder
) -> None:
    app = await started_app(tmp_path, clock, desk_url="https://desk.example.org/")
    app.postman.register(recorder, staff_ref="staff")
    try:
        await ask_in_bulgarian(app, recorder)
    finally:
        await app.stop()


async def ask_in_bulgarian(app: App, recorder: Recorder) -> None:
    chat = Chat(app, user="petar")
    await chat.say("/language bg")
    await chat.action("node:housing/tenancy")
    assert "inbox:ask:housing/tenancy" in [c.action for c in chat.choices]
    text = await chat.press("Питайте консултант")
    assert "човек" in text and "български" in text and "работни дни" in text
    await chat.press("Да, съгласен")
    text = await chat.say(QUESTION_BG)
    assert "#1" in text and "изпратен" in text
    thread = await inbox_of(app).inbox.get(1)
    assert thread is not None
    assert (thread.lang, thread.topic, thread.node) == ("bg", "housing", "housing/tenancy")
    assert recorder.to("staff") == [
        "✉️ Neue Frage #1 (bg, Wohnen).\nLesen und beantworten im Desk: https://desk.example.org/inbox/1"
    ]


async def test_consent_is_asked_once_and_no_means_nothing_is_stored(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    text = await chat.press("No, back to the menu")
    assert "What do you need help with" in text
    assert await rows(app, "SELECT * FROM inbox_threads") == []
    await chat.say("/ask")
    await chat.press("Yes, I agree")
    await chat.say("Where can I learn German for free?")
    await inbox_of(app).service.close(1)
    text = await chat.say("/ask")
    assert "Do you agree" not in text and "write your question now" in text


async def test_the_answer_arrives_marked_as_from_a_counsellor_and_the_person_replies(
    app: App, recorder: Recorder, clock: FakeClock
) -> None:
    chat = Chat(app, user="ioana")
    await chat.say("/language ro")
    await chat.say("/ask")
    await chat.press("Da")
    await chat.say(QUESTION_RO)
    recorder.sent.clear()
    clock.advance(timedelta(hours=5))

    delivery = await inbox_of(app).service.answer(1, "anna", "Sunați la **Clearingstelle** [aici](node:x)")
    assert delivery is not None and delivery.delivered
    (answer,) = recorder.replies_to("ioana")
    assert answer.text.startswith("💬 **Răspuns de la un consilier**")
    # the counsellor's words arrive as written: no markup of theirs is interpreted
    assert "Sunați la **Clearingstelle** [aici](node:x)" in recorder.to("ioana")[0]
    assert [c.action for c in answer.choices] == ["inbox:reply:1", "home"]
    thread = await inbox_of(app).inbox.get(1)
    assert thread is not None and thread.waiting_since is None
    assert recorder.to("staff") == []  # staff are not told about their own answer

    text = await chat.say("1")  # the typed number means the answer's "reply" choice
    assert "răspunsul la întrebarea #1" in text
    text = await chat.say("Mulțumesc! Și dacă nu am asigurare?")
    assert "adăugat la întrebarea #1" in text
    messages = await inbox_of(app).inbox.messages(1)
    assert [m.author for m in messages] == ["person", "counsellor", "person"]
    assert messages[1].staff == "anna" and messages[1].delivered
    thread = await inbox_of(app).inbox.get(1)
    assert thread is not None and thread.waiting_since == clock.now()
    assert recorder.to("staff") == [
        "✉️ Neue Nachricht zu Frage #1 (ro, Gesundheit).\nLesen und beantworten im Desk unter „Fragen“."
    ]


async def test_an_open_thread_takes_the_next_message(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.say("Where can I learn German for free?")
    text = await chat.say("/ask")
    assert "already have an open question (#1)" in text
    await chat.say("And in the evening?")
    assert len(await inbox_of(app).inbox.messages(1)) == 2
    assert await rows(app, "SELECT id FROM inbox_threads") == [(1,)]


async def test_closed_thread_cannot_be_replied_to(app: App, recorder: Recorder) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.say("Where can I learn German for free?")
    await inbox_of(app).service.answer(1, "anna", "At the Volkshochschule.")
    assert await inbox_of(app).service.close(1)
    assert await inbox_of(app).service.answer(1, "anna", "Too late") is None
    text = await chat.action("inbox:reply:1")
    assert "already closed" in text
    assert "inbox:ask" in [c.action for c in chat.choices]


async def test_someone_elses_thread_is_not_theirs(app: App) -> None:
    ana, bob = Chat(app, user="ana"), Chat(app, user="bob")
    for chat in (ana, bob):
        await chat.say("/language en")
    await ana.say("/ask")
    await ana.press("Yes")
    await ana.say("Where can I learn German for free?")
    text = await bob.action("inbox:reply:1")
    assert "no longer valid" in text


async def test_answer_to_an_unreachable_person_is_kept_as_not_delivered(app: App, recorder: Recorder) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.say("Where can I learn German for free?")
    recorder.unreachable.add("ana")
    delivery = await inbox_of(app).service.answer(1, "anna", "At the Volkshochschule.")
    assert delivery is not None and not delivery.delivered
    messages = await inbox_of(app).inbox.messages(1)
    assert messages[-1].delivered is False


async def test_threads_close_when_idle_and_are_deleted_later(app: App, clock: FakeClock) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.say("Where can I learn German for free?")
    service = inbox_of(app).service
    clock.advance(timedelta(days=13))
    assert await service.purge() == (0, 0)
    clock.advance(timedelta(days=2))
    assert await service.purge() == (1, 0)
    thread = await service.inbox.get(1)
    assert thread is not None and not thread.open
    clock.advance(timedelta(days=29))
    assert await service.purge() == (0, 0)
    clock.advance(timedelta(days=2))
    assert await service.purge() == (0, 1)
    assert await rows(app, "SELECT * FROM inbox_threads") == []
    assert await rows(app, "SELECT * FROM inbox_messages") == []


async def test_forget_deletes_threads_and_consent(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.say("Where can I learn German for free?")
    await inbox_of(app).service.answer(1, "anna", "At the Volkshochschule.")
    await chat.say("/forget")
    await chat.press("Yes")
    for table in ("inbox_threads", "inbox_messages", "inbox_consent"):
        assert await rows(app, f"SELECT * FROM {table}") == []


async def test_back_leaves_the_question_unsent(app: App) -> None:
    chat = Chat(app, user="ana")
    await chat.say("/language en")
    await chat.say("/ask")
    await chat.press("Yes")
    await chat.press("Cancel")
    text = await chat.say("Where can I learn German for free?")
    assert "#" not in text  # answered by the bot, not sent
    assert await rows(app, "SELECT * FROM inbox_threads") == []


async def test_no_text_of_the_person_or_counsellor_reaches_a_log(
    app: App, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(app, user="ioana")
    await chat.say("/language ro")
    await chat.say("/ask")
    await chat.press("Da")
    await chat.say(QUESTION_RO)
    recorder.unreachable.add("ioana")  # the failure path logs too
    await inbox_of(app).service.answer(1, "anna", "Sunați-o pe doamna Schmidt la 0231 123456.")
    await inbox_of(app).service.purge(app.clock.now() + timedelta(days=60))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "inbox retention: 1 threads closed" in logged  # the logs were captured
    for secret in ("Ioana", "Popescu", "medic", "Schmidt", "123456"):
        assert secret not in logged
