"""``python -m bot agenda`` as json, csv and ics (parsed back with icalendar), and ``stats``."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.app import App
from bot.cli.main import main
from bot.core.clock import BERLIN, FakeClock
from tests.auxil.chat import started_app
from tests.booking.conftest import book

MONDAY = datetime(2026, 11, 30, 9, 30, tzinfo=BERLIN).astimezone(UTC)


@pytest.fixture
async def booked(tmp_path: Path, clock: FakeClock) -> tuple[Path, str, str]:
    """A database with one booked and one cancelled appointment; the app is stopped again."""
    app: App = await started_app(tmp_path, clock)
    _, code = await book(app, "maria", "ro", when=MONDAY, name="Maria")
    chat, gone = await book(app, "ivan", "bg", when=MONDAY)
    await chat.action(f"booking:cancel:{gone}")
    await chat.action(f"booking:cancelyes:{gone}")
    await chat.say("/language bg")
    # a hold is not an appointment and never appears in the agenda
    await chat.action("booking:new")
    await chat.action("booking:topic:work")
    await chat.action("booking:lang:bg")
    await chat.action("booking:day:2026-11-30")
    await app.stop()
    return tmp_path / "var", code, gone


def agenda(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: Path, fmt: str) -> str:
    monkeypatch.setenv("BOT_DATA_DIR", str(data))
    assert main(["agenda", "--from", "2026-11-30", "--to", "2026-11-30", "--format", fmt]) == 0
    captured = capsys.readouterr()
    return captured.out


def test_agenda_json(
    booked: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code, gone = booked
    rows = json.loads(agenda(monkeypatch, capsys, data, "json"))
    by_code = {r["code"]: r for r in rows}
    assert set(by_code) == {code, gone}
    assert by_code[code]["start"] == "2026-11-30T09:30+01:00"
    assert datetime.fromisoformat(by_code[code]["start"]) == MONDAY
    assert by_code[code]["language"] == "ro" and by_code[code]["topic"] == "housing"
    assert by_code[code]["status"] == "booked" and by_code[gone]["status"] == "cancelled"
    assert {r["status"] for r in rows} <= {"booked", "cancelled", "no_show"}


def test_agenda_csv(
    booked: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code, _ = booked
    rows = list(csv.DictReader(io.StringIO(agenda(monkeypatch, capsys, data, "csv"))))
    mine = next(r for r in rows if r["code"] == code)
    assert mine["start"] == "2026-11-30T09:30+01:00" and mine["status"] == "booked"
    assert mine["first_name"] == "Maria" and mine["language"] == "ro"
    assert len(rows) == 2


def test_agenda_ics_parses_back(
    booked: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code, gone = booked
    text = agenda(monkeypatch, capsys, data, "ics")
    assert text.startswith("BEGIN:VCALENDAR") and "\r\n" in text
    calendar = Calendar.from_ical(text)
    events = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {code, gone}
    event = events[code]
    assert event.decoded("dtstart") == MONDAY
    assert event.decoded("dtend") == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert str(event["status"]) == "CONFIRMED" and str(events[gone]["status"]) == "CANCELLED"
    assert "Bornstraße 64" in str(event["location"])
    assert code in str(event["summary"]) and "+49" not in text


def test_agenda_empty_range(
    booked: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, _ = booked
    monkeypatch.setenv("BOT_DATA_DIR", str(data))
    assert main(["agenda", "--from", "2027-01-01", "--to", "2027-01-31"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["agenda", "--from", "2027-01-31", "--to", "2027-01-01"]) == 2


def test_stats(
    booked: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, _ = booked
    monkeypatch.setenv("BOT_DATA_DIR", str(data))
    assert main(["stats", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["per_week"] == {"2026-W49": 1}
    assert result["per_language"] == {"ro": 1} and result["per_topic"] == {"housing": 1}
    assert result["cancelled"] == 1
    assert main(["stats"]) == 0
    assert "No-show rate" in capsys.readouterr().out
