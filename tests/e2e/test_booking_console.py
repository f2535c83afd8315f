"""Booking in the real ``python -m bot console`` process (system clock, real SQLite file), then the
agenda and stats CLI on that database: only data on stdout."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.auxil.process import run_bot

CODE = re.compile(r"\b([A-HJ-NP-Z2-9]{3})-([A-HJ-NP-Z2-9]{3})\b")


def agenda(data: Path, fmt: str) -> str:
    today = date.today()
    start, end = (today - timedelta(days=1)).isoformat(), (today + timedelta(days=40)).isoformat()
    result = run_bot(["agenda", "--from", start, "--to", end, "--format", fmt], data)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_book_move_and_cancel_in_romanian_on_the_console(tmp_path: Path) -> None:
    staff = {"BOT_STAFF_USERS": "console:desk"}
    # /appointments → book → Locuință → română → first day → first time → name → skip phone → confirm
    lines = ["/language ro", "/appointments", "1", "2", "1", "1", "1", "Maria", "1", "1"]
    # then move it: /appointments → Mutați → first day → second time → confirm
    lines += ["/appointments", "1", "1", "2", "1"]
    result = run_bot(["console", "--user", "maria"], tmp_path, "\n".join(lines) + "\n", **staff)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in result.stderr
    assert "Programarea dumneavoastră este făcută" in out
    assert "Programarea dumneavoastră a fost mutată" in out
    codes = CODE.findall(out)
    assert len({"".join(c) for c in codes}) >= 2
    assert "Maria" not in result.stderr  # names are never logged

    rows = json.loads(agenda(tmp_path, "json"))
    assert sorted(r["status"] for r in rows) == ["booked", "cancelled"]
    assert all(r["language"] == "ro" and r["topic"] == "housing" for r in rows)
    assert all(re.search(r"[+-]\d\d:\d\d$", r["start"]) for r in rows)

    # cancel, in a second run of the process (state survived)
    result = run_bot(["console", "--user", "maria"], tmp_path, "/appointments\n2\n1\n", **staff)
    assert result.returncode == 0, result.stderr
    assert "este anulată" in result.stdout and "Nu aveți nicio programare" in result.stdout
    rows = json.loads(agenda(tmp_path, "json"))
    assert [r["status"] for r in rows] == ["cancelled", "cancelled"]

    staff_log = (tmp_path / "staff.log").read_text(encoding="utf-8")
    assert (
        "Neuer Termin" in staff_log and "verschoben" in staff_log and "Von der Person abgesagt" in staff_log
    )

    calendar = Calendar.from_ical(agenda(tmp_path, "ics"))
    assert len(list(calendar.walk("VEVENT"))) == 2

    # staff on the console: /agenda works for staff only
    result = run_bot(["console", "--user", "desk"], tmp_path, "/language de\n/agenda\n", **staff)
    assert "Termine am" in result.stdout or "Keine Termine" in result.stdout
    result = run_bot(["console", "--user", "maria"], tmp_path, "/agenda\n", **staff)
    assert "doar pentru personalul" in result.stdout

    result = run_bot(["stats"], tmp_path)
    assert result.returncode == 0 and "Cancelled: 2" in result.stdout


def test_book_and_cancel_in_bulgarian_on_the_console(tmp_path: Path) -> None:
    # /appointments → book → Жилище → български → first day → first time → skip → skip → confirm
    lines = ["/language bg", "/appointments", "1", "2", "1", "1", "1", "1", "1", "1"]
    lines += ["/appointments", "2", "1"]  # cancel it: Отмяна → Да
    result = run_bot(["console", "--user", "ivan"], tmp_path, "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Часът Ви е записан" in out and CODE.search(out)
    assert "Наистина ли искате да отмените" in out
    assert "Записаният Ви час е отменен" in out and "Нямате записани часове" in out
    rows = json.loads(agenda(tmp_path, "json"))
    assert [(r["language"], r["status"]) for r in rows] == [("bg", "cancelled")]
