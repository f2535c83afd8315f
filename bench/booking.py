"""Booking latency under load: 200 coroutines take one slot of capacity 2 at the same moment.

Prints p50/p99/max latency of one ``take`` (the conditional INSERT inside BEGIN IMMEDIATE) and of a
whole hold → confirm, and checks that exactly ``capacity`` succeed. Real SQLite file (WAL).

    .venv/bin/python bench/booking.py [--users 200] [--capacity 2] [--rounds 5]
    .venv/bin/python bench/booking.py --scalping [--accounts 100]

``--scalping``: 100 scripted accounts against one week of the calendar (horizon 7 days), trying every
10 minutes for a day, without and with the defences of the ``booking:`` rules; prints the share of
the week's places they take and what an honest person arriving afterwards gets.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scalping import scalping
from bot.app import App
from bot.booking.flow import BookingFeature
from bot.booking.repository import Outcome
from bot.booking.schedule import Slot
from bot.config import ROOT, Settings
from bot.core.clock import FakeClock
from bot.core.events import Inbound, InboundKind
from tests.auxil.chat import START


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


async def one_round(app: App, slot: Slot, user_ids: list[int], confirm: bool) -> tuple[list[float], int]:
    feature = next(f for f in app.features if isinstance(f, BookingFeature))
    bookings = feature.service.bookings
    now = app.clock.now()
    latencies: list[float] = []

    async def attempt(user_id: int) -> bool:
        began = time.perf_counter()
        result = await bookings.take(
            user_id=user_id,
            slot=slot,
            language="ro",
            topic="housing",
            now=now,
            max_per_user=2,
            hold_minutes=10 if confirm else None,
        )
        ok = result.outcome is Outcome.TAKEN
        if confirm and result.booking is not None:
            done = await bookings.confirm(
                booking_id=result.booking.id, user_id=user_id, capacity=slot.capacity, now=now, reminders=[]
            )
            ok = done is not None
        latencies.append((time.perf_counter() - began) * 1000)
        return ok

    results = await asyncio.gather(*(attempt(u) for u in user_ids))
    return latencies, results.count(True)


async def through_the_dialogue(app: App, users: int, capacity: int, slot: Slot) -> None:
    """The real path: every user is at the time step; all press the same time at once."""
    day = slot.local_start.date().isoformat()

    async def prepare(i: int) -> None:
        for text in ("/language ro",):
            await app.dialogue.handle(Inbound("bench", f"d{i}", text=text))
        for action in ("booking:new", "booking:topic:housing", "booking:lang:ro", f"booking:day:{day}"):
            await app.dialogue.handle(Inbound("bench", f"d{i}", kind=InboundKind.ACTION, action=action))

    for i in range(users):
        await prepare(i)
    latencies: list[float] = []

    async def press(i: int) -> None:
        began = time.perf_counter()
        await app.dialogue.handle(
            Inbound("bench", f"d{i}", kind=InboundKind.ACTION, action=f"booking:slot:{slot.key}")
        )
        latencies.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    await asyncio.gather(*(press(i) for i in range(users)))
    wall = (time.perf_counter() - began) * 1000
    rows = await app.db.fetchall(
        "SELECT count(*) FROM bookings WHERE slot_start = (SELECT slot_start FROM bookings"
        " WHERE status = 'hold' LIMIT 1) AND status = 'hold'"
    )
    print(
        f"{'dialogue (press time)':22s} {users} users at once: {rows[0][0]} holds "
        f"(capacity {slot.capacity}), "
        f"the others got 'just taken'; wall {wall:.1f} ms; "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 99):.1f} ms"
    )


async def main(users: int, capacity: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp), content_dir=ROOT / "content", locales_dir=ROOT / "locales", semantic=False
        )
        app = App(settings, clock=FakeClock(START))
        await app.start()
        try:
            now = app.clock.now()
            ids = [(await app.sessions.load("bench", f"u{i}", now)).user_id for i in range(users)]
            feature = next(f for f in app.features if isinstance(f, BookingFeature))
            slots = await feature.service.free_slots(now, "ro")
            for label, confirm in (("take (direct booking)", False), ("hold + confirm", True)):
                all_latencies: list[float] = []
                for r in range(rounds):
                    slot = replace(slots[r + (rounds if confirm else 0)], capacity=capacity)
                    began = time.perf_counter()
                    latencies, won = await one_round(app, slot, ids, confirm)
                    wall = (time.perf_counter() - began) * 1000
                    all_latencies += latencies
                    status = "OK" if won == capacity else "OVERBOOKED/UNDERBOOKED"
                    print(
                        f"{label:22s} round {r + 1}: {won} of {users} succeeded (capacity {capacity}) "
                        f"{status}; wall {wall:.1f} ms"
                    )
                print(
                    f"{label:22s} serial cost per attempt {wall / users:.2f} ms; "
                    f"latency over {len(all_latencies)} attempts: "
                    f"p50 {statistics.median(all_latencies):.1f} ms, "
                    f"p99 {percentile(all_latencies, 99):.1f} ms, max {max(all_latencies):.1f} ms"
                )
            await through_the_dialogue(app, users, capacity, slots[2 * rounds])
        finally:
            await app.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scalping", action="store_true", help="the scalping run instead")
    parser.add_argument("--accounts", type=int, default=100, help="scripted accounts (--scalping)")
    args = parser.parse_args()
    if args.scalping:
        asyncio.run(scalping(args.accounts))
    else:
        asyncio.run(main(args.users, args.capacity, args.rounds))
