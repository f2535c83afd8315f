"""The desk's agenda page for a day with 200 appointments: latency of GET /agenda over real HTTP.

The whole app runs with the desk on 127.0.0.1 (real SQLite file, WAL); 200 appointments with first names
and phones over one day in four languages, plus some cancelled ones; a logged-in client asks for the page
``--requests`` times one after the other (a counsellor reloading), after a few warm-up requests.
Target: p95 <= 100 ms on the 2-core machine.

    .venv/bin/python bench/desk.py [--appointments 200] [--requests 100]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import App
from bot.booking.repository import new_code
from bot.booking.schedule import iso
from bot.core.clock import BERLIN, FakeClock
from bot.desk.accounts import Role
from tests.auxil.chat import START, settings_for
from tests.auxil.net import free_port

DAY = datetime(2026, 11, 30, 8, 0, tzinfo=BERLIN)
LANGUAGES = ("ro", "bg", "de", "en")
TOPICS = ("health", "housing", "school", "work", "other")
PASSWORD = "benchmark password"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


async def fill(app: App, count: int) -> None:
    """``count`` appointments over the day (10-minute steps from 08:00, several per time)."""
    rows = []
    now = iso(START)
    for n in range(count):
        start = (DAY + timedelta(minutes=10 * (n // 4))).astimezone(UTC)
        status = "cancelled" if n % 17 == 0 else "booked"
        rows.append(
            (
                new_code(),
                "nordstadt",
                iso(start),
                iso(start + timedelta(minutes=30)),
                LANGUAGES[n % 4],
                TOPICS[n % 5],
                status,
                f"Name{n}",
                f"+49151{n:08d}",
                "preset:illness" if status == "cancelled" else None,
                now,
                now,
            )
        )
    async with app.db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO bookings (code, site, slot_start, slot_end, language, topic, status, first_name,"
            " phone, staff_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


async def main(appointments: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        app = App(settings_for(Path(tmp), desk_port=port), clock=FakeClock(START))
        await app.start()
        try:
            assert app.desk is not None
            await app.desk.accounts.add("bench", Role.COUNSELLOR, PASSWORD, START)
            await fill(app, appointments)
            base = f"http://127.0.0.1:{port}"
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as http:
                login = await (await http.get(f"{base}/login")).text()
                token = re.search(r'name="csrf_token" value="([^"]+)"', login)
                assert token
                await http.post(
                    f"{base}/login",
                    data={"username": "bench", "password": PASSWORD, "csrf_token": token.group(1)},
                )
                url = f"{base}/agenda?date={DAY.date().isoformat()}"
                size = 0
                for _ in range(5):  # warm-up: templates compiled, statements prepared
                    size = len(await (await http.get(url)).read())
                times = []
                for _ in range(requests):
                    started = time.perf_counter()
                    response = await http.get(url)
                    body = await response.read()
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status == 200 and b"Name1<" in body
        finally:
            await app.stop()
    print(f"agenda page, {appointments} appointments on one day, {requests} requests over HTTP on 127.0.0.1")
    print(f"  page size {size / 1024:.0f} KiB")
    print(
        f"  p50 {percentile(times, 50):.1f} ms  p95 {percentile(times, 95):.1f} ms  "
        f"max {max(times):.1f} ms  mean {statistics.mean(times):.1f} ms"
    )
    print(f"  target p95 <= 100 ms: {'met' if percentile(times, 95) <= 100 else 'MISSED'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appointments", type=int, default=200)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(main(args.appointments, args.requests))
