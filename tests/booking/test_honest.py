"""Honest schedule: while the consultation hours are not confirmed, nobody books a time without being
told in that same message (``when_unconfirmed: demo``), or nobody books at all (``closed``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import App
from bot.booking.rules import WhenUnconfirmed, load_contact, rules_of
from bot.config import ROOT
from bot.core.clock import FakeClock
from tests.auxil.chat import Chat, copy_tree, started_app
from tests.auxil.recorder import Recorder
from tests.booking.conftest import STAFF, feature

# the line a person reads in every step, in their language, while the hours are not confirmed
MARK = {
    "ro": "Programul de consultații nu este încă confirmat de centrul de consiliere",
    "bg": "Приемното време още не е потвърдено от консултантския център",
}
STAFF_MARK = "Sprechzeiten nicht bestätigt"  # staff_language is German
HOURS_UNCONFIRMED = "  confirmed: false\n  source: placeholder"
HOURS_CONFIRMED = "  confirmed: true\n  source: placeholder"

Edit = Callable[[str], str]


def when_unconfirmed(mode: str) -> Edit:
    def edit(text: str) -> str:
        assert "when_unconfirmed: demo" in text
        return text.replace("when_unconfirmed: demo", f"when_unconfirmed: {mode}")

    return edit


def hours_confirmed(text: str) -> str:
    assert HOURS_UNCONFIRMED in text
    return text.replace(HOURS_UNCONFIRMED, HOURS_CONFIRMED)


def address_confirmed(text: str) -> str:
    site = "address: Bornstraße 64, Dortmund (Nordstadt)\n    confirmed: false"
    assert site in text
    return text.replace(site, site.replace("false", "true"))


@pytest.fixture
async def make_app(
    tmp_path: Path, clock: FakeClock, recorder: Recorder
) -> AsyncIterator[Callable[..., object]]:
    """An app over a private copy of content/ whose contact-point.yml went through ``edits``."""
    started: list[App] = []

    async def make(*edits: Edit) -> App:
        content, locales = copy_tree(tmp_path)
        path = content / "contact-point.yml"
        text = path.read_text(encoding="utf-8")
        for edit in edits:
            text = edit(text)
        path.write_text(text, encoding="utf-8")
        app = await started_app(
            tmp_path, clock, content_dir=content, locales_dir=locales, staff_users=frozenset({STAFF})
        )
        app.postman.register(recorder, staff_ref="staff")
        started.append(app)
        return app

    yield make
    for app in started:
        await app.stop()


async def walk(app: App, user: str, lang: str) -> tuple[Chat, list[tuple[str, str]]]:
    """Book through every step as a person does (buttons only); returns the text of each step."""
    chat = Chat(app, user=user)
    await chat.say(f"/language {lang}")
    seen = [("topic", await chat.action("booking:new"))]
    seen.append(("language", await chat.action("booking:topic:housing")))
    seen.append(("day", await chat.action(f"booking:lang:{lang}")))
    slot = (await feature(app).service.free_slots(app.clock.now(), lang))[0]
    seen.append(("time", await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")))
    seen.append(("name", await chat.action(f"booking:slot:{slot.key}")))
    seen.append(("phone", await chat.action("booking:skip")))
    seen.append(("summary", await chat.action("booking:skip")))
    seen.append(("confirmation", await chat.action("booking:confirm")))
    return chat, seen


async def booked(app: App, chat: Chat) -> int:
    session = await app.sessions.load(chat.channel, chat.user, app.clock.now())
    return len(await feature(app).service.bookings.upcoming(session.user_id, app.clock.now()))


@pytest.mark.parametrize("lang", ["ro", "bg"])
async def test_demo_booking_says_the_hours_are_unconfirmed_in_every_step(
    app: App, recorder: Recorder, lang: str
) -> None:
    # the shipped contact-point.yml: placeholder hours, when_unconfirmed: demo
    assert rules_of(app.library.current.tree.contact).when_unconfirmed is WhenUnconfirmed.DEMO
    chat, seen = await walk(app, "maria", lang)
    for step, text in seen:
        assert text.count(MARK[lang]) == 1, f"{step}: {text}"
    assert await booked(app, chat) == 1
    confirmation = seen[-1][1]
    # the warning stands right under the time it is about
    lines = confirmation.split("\n")
    assert MARK[lang] in lines[1], confirmation
    assert MARK[lang] in await chat.say("/appointments")
    assert STAFF_MARK in recorder.to("staff")[-1]


async def test_the_reminder_says_it_too(app: App, recorder: Recorder) -> None:
    chat, _ = await walk(app, "ivan", "bg")
    service = feature(app).service
    booking = (await service.bookings.upcoming(1, app.clock.now()))[0]
    assert await service.send_reminder(booking)
    assert MARK["bg"] in recorder.to(chat.user)[-1]


@pytest.mark.parametrize("lang", ["ro", "bg"])
async def test_with_confirmed_hours_the_line_is_absent(
    make_app: Callable[..., object], recorder: Recorder, lang: str
) -> None:
    app = await make_app(hours_confirmed)  # type: ignore[misc]
    chat, seen = await walk(app, "maria", lang)
    for step, text in seen:
        assert MARK[lang] not in text, f"{step}: {text}"
    assert await booked(app, chat) == 1
    assert STAFF_MARK not in recorder.to("staff")[-1]


async def test_closed_with_confirmed_hours_books_as_usual(make_app: Callable[..., object]) -> None:
    app = await make_app(when_unconfirmed("closed"), hours_confirmed)  # type: ignore[misc]
    chat, seen = await walk(app, "maria", "ro")
    assert "Programarea dumneavoastră este făcută" in seen[-1][1]
    assert await booked(app, chat) == 1


async def test_closed_books_nothing_and_says_how_to_reach_the_contact_point_in_romanian(
    make_app: Callable[..., object], recorder: Recorder
) -> None:
    app = await make_app(when_unconfirmed("closed"))  # type: ignore[misc]
    chat = Chat(app, user="maria")
    await chat.say("/language ro")
    text = await chat.press("Faceți o programare")  # the home button
    assert "nu a confirmat încă programul de consultații" in text
    assert "întrebați direct la centrul de consiliere" in text
    assert "Bornstraße" not in text  # the address is not confirmed: offered as the address answer instead
    assert not any(c.action.startswith("booking:topic") for c in chat.choices)
    text = await chat.press("Adresa")
    assert "Bornstraße 64" in text and "neconfirmat" in text

    await chat.say("/appointments")
    text = await chat.press("Faceți o programare")  # the "book" choice of /appointments
    assert "nu a confirmat încă programul de consultații" in text
    # buttons of a flow that no longer runs, typed or replayed: still nothing is booked
    for action in ("booking:topic:housing", "booking:lang:ro", "booking:confirm"):
        await chat.action(action)
    assert await booked(app, chat) == 0
    assert recorder.to("staff") == []


async def test_closed_in_bulgarian_names_a_confirmed_address(make_app: Callable[..., object]) -> None:
    app = await make_app(when_unconfirmed("closed"), address_confirmed)  # type: ignore[misc]
    chat = Chat(app, user="ivan")
    await chat.say("/language bg")
    text = await chat.press("Запишете си час")
    assert "още не е потвърдил приемното време" in text
    assert "попитайте там: Bornstraße 64, Dortmund (Nordstadt)" in text
    assert await booked(app, chat) == 0


async def test_closing_while_someone_books_keeps_the_time_free(
    make_app: Callable[..., object], recorder: Recorder
) -> None:
    app = await make_app()  # type: ignore[misc]
    chat = Chat(app, user="maria")
    await chat.say("/language ro")
    await chat.action("booking:new")
    await chat.action("booking:topic:housing")
    await chat.action("booking:lang:ro")
    slot = (await feature(app).service.free_slots(app.clock.now(), "ro"))[0]
    await chat.action(f"booking:day:{slot.local_start.date().isoformat()}")
    await chat.action(f"booking:slot:{slot.key}")
    await chat.action("booking:skip")
    await chat.action("booking:skip")
    assert "verificați programarea" in chat.text
    # the operator switches to closed; the content is reloaded before the person confirms
    path = app.settings.content_dir / "contact-point.yml"
    path.write_text(when_unconfirmed("closed")(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert not [i for i in app.library.load() if i.severity == "error"]
    text = await chat.action("booking:confirm")
    assert "nu a confirmat încă programul de consultații" in text
    assert await booked(app, chat) == 0
    assert slot in await feature(app).service.free_slots(app.clock.now(), "ro")  # the hold was let go
    assert recorder.to("staff") == []


async def test_moving_is_closed_too_but_cancelling_works(make_app: Callable[..., object]) -> None:
    app = await make_app()  # type: ignore[misc]
    chat, _ = await walk(app, "maria", "ro")
    path = app.settings.content_dir / "contact-point.yml"
    path.write_text(when_unconfirmed("closed")(path.read_text(encoding="utf-8")), encoding="utf-8")
    app.library.load()
    await chat.say("/appointments")
    text = await chat.press("Mutați")
    assert "nu a confirmat încă programul de consultații" in text
    await chat.press("Programările mele")
    await chat.press("Anulați")
    text = await chat.press("Da, anulați")
    assert "este anulată" in text
    assert await booked(app, chat) == 0


def test_a_missing_key_means_closed_and_a_bad_value_is_an_error_with_its_line(tmp_path: Path) -> None:
    shipped = (ROOT / "content" / "contact-point.yml").read_text(encoding="utf-8")
    path = tmp_path / "contact-point.yml"
    path.write_text(shipped.replace("  when_unconfirmed: demo\n", ""), encoding="utf-8")
    contact = load_contact(path, [])
    assert contact is not None and rules_of(contact).when_unconfirmed is WhenUnconfirmed.CLOSED

    text = shipped.replace("when_unconfirmed: demo", "when_unconfirmed: maybe")
    path.write_text(text, encoding="utf-8")
    issues: list = []
    assert load_contact(path, issues) is None
    line = next(n for n, t in enumerate(text.split("\n"), 1) if "when_unconfirmed: maybe" in t)
    assert any(i.line == line and "when_unconfirmed must be closed or demo" in i.message for i in issues), [
        i.format() for i in issues
    ]
