"""Screenshots of the desk for the README (docs/desk-*.png), taken with the browser the tests use (Debian's
chromium through playwright; ``scripts/browser.sh`` installs it). Sample data only: invented first names,
numbers from the range reserved for drama (+49 151 ...0000-), questions written for the purpose.

    .venv/bin/python scripts/desk_screenshots.py [--out docs]

``SHOTS`` lists the pages; a new page adds its (file name, path) there.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answers.gaps import Gaps
from bot.app import App
from bot.booking.repository import new_code
from bot.booking.schedule import iso
from bot.core.clock import BERLIN, FakeClock
from bot.desk.accounts import Role
from tests.auxil.browser import chromium
from tests.auxil.chat import settings_for
from tests.auxil.net import free_port

NOW = datetime(2026, 11, 30, 10, 10, tzinfo=BERLIN).astimezone(UTC)
DAY = "2026-11-30"
PASSWORD = "screenshot password"
SHOTS = [
    ("desk-agenda.png", f"/agenda?date={DAY}"),
    ("desk-content.png", "/content"),
]
SAMPLE = [  # time, language, topic, first name, status
    ("09:00", "ro", "health", "Ioana", "arrived"),
    ("09:00", "bg", "housing", "Petar", "no_show"),
    ("09:30", "ro", "work", None, "booked"),
    ("10:00", "bg", "school", "Elena", "booked"),
    ("10:00", "de", "other", "Anna", "booked"),
    ("10:30", "en", "housing", None, "cancelled"),
    ("11:00", "ro", "health", "Mihai", "booked"),
    ("11:30", "bg", "work", "Dimitar", "booked"),
]
QUESTIONS = [
    ("ro", "unde gasesc un curs de inot pentru copii"),
    ("ro", "unde gasesc un curs de inot pentru copii"),
    ("bg", "kak da si namerya zubolekar"),
    ("de", "Wo kann ich mein Fahrrad reparieren lassen?"),
]


async def fill(app: App) -> None:
    rows = []
    for n, (clock_time, lang, topic, name, status) in enumerate(SAMPLE):
        hour, minute = map(int, clock_time.split(":"))
        start = datetime(2026, 11, 30, hour, minute, tzinfo=BERLIN).astimezone(UTC)
        rows.append(
            (
                new_code(),
                "nordstadt",
                iso(start),
                iso(start + timedelta(minutes=30)),
                lang,
                topic,
                "booked" if status == "arrived" else status,
                name,
                f"+4915100000{n:03d}" if name else None,
                iso(NOW) if status == "arrived" else None,
                "preset:illness" if status == "cancelled" else None,
                iso(NOW),
                iso(NOW),
            )
        )
    async with app.db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO bookings (code, site, slot_start, slot_end, language, topic, status, first_name,"
            " phone, arrived_at, staff_note, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    gaps = Gaps(app.db)
    for lang, text in QUESTIONS:
        await gaps.record(lang, text, NOW - timedelta(days=2))


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        app = App(settings_for(Path(tmp), desk_port=port), clock=FakeClock(NOW))
        await app.start()
        try:
            assert app.desk is not None
            await app.desk.accounts.add("anna", Role.ADMIN, PASSWORD, NOW)
            await fill(app)
            base = f"http://127.0.0.1:{port}"
            async with chromium() as browser:
                page = await browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
                await page.goto(f"{base}/login")
                await page.fill("#username", "anna")
                await page.fill("#password", PASSWORD)
                await page.click("button[type=submit]")
                await page.wait_for_url(f"{base}/agenda")
                for name, path in SHOTS:
                    await page.goto(base + path)
                    await page.screenshot(path=str(out / name), full_page=True)
                    print(out / name)
        finally:
            await app.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs")
    target = parser.parse_args().out
    target.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(target))
