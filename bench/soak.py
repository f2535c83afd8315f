"""Soak test: many simulated users talking to the core for minutes; prints memory over time and reply latency.

    python bench/soak.py [--users 1000] [--seconds 300] [--warmup 60] [--think 5] [--trace]
    python bench/soak.py --crash [--kills 20]

Each user repeatedly picks a plausible action (language, menu, topics, typed numbers, questions, bad input)
and waits a random "think time" (mean --think seconds). The core runs with a real SQLite file and the real
content. Memory is the whole process's RSS. Targets: growth after warm-up ≤ 20 MB, and in the second half
of the run ≤ 2 MB (what the bot keeps per event must be bounded: a steady climb there is a leak).

Latencies are kept in a fixed histogram (and one sampling window's list), so the benchmark itself keeps
nothing per event. ``--trace`` traces allocations from half-time on and prints, at the end, where those
still alive were made (slow: for finding a leak, not for the figures).

``--crash`` is the crash run instead (:mod:`bench.crash`): a booking burst SIGKILLed ``--kills`` times,
unanswered events redelivered, then the events, what was processed and booked, what was processed
without a reply or booked without a confirmation, and the duplicate replies.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import math
import random
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.crash import crash_run
from bot.app import App
from bot.config import ROOT, Settings
from bot.core.events import Inbound, InboundKind

MESSAGES = [
    "/start",
    "/menu",
    "1",
    "2",
    "3",
    "4",
    "5",
    "/help",
    "/privacy",
    "am nevoie de asigurare medicala",
    "kak da si napravya zdravna osigurovka",
    "Wo melde ich meine Wohnung an?",
    "how do I find a flat",
    "unde este scoala",
    "Kindergeld",
    "jobcenter",
    "😀",
    "",
    "x" * 5000,
    "/unknown",
    "99",
]
ACTIONS = [
    "home",
    "back",
    "topic:health",
    "topic:housing",
    "node:health/insurance",
    "node:school/enrollment",
    "lang:ro",
    "lang:bg",
    "forged:data",
    "languages",
]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * 4096 / 1_048_576


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


class Latencies:
    """Every latency counted in log-spaced buckets (2 % wide, 1 µs to 100 s): fixed memory, however
    many events; plus the current sampling window's values, cleared at each sample."""

    STEP = 1.02
    LOW = 1e-6

    def __init__(self) -> None:
        self.edges = [self.LOW * self.STEP**i for i in range(int(math.log(1e8) / math.log(self.STEP)) + 1)]
        self.counts = [0] * (len(self.edges) + 1)
        self.total = 0
        self.sum = 0.0
        self.window: list[float] = []

    def append(self, seconds: float) -> None:
        self.counts[bisect.bisect_left(self.edges, seconds)] += 1
        self.total += 1
        self.sum += seconds
        self.window.append(seconds)

    def take_window(self) -> list[float]:
        window, self.window = self.window, []
        return window

    def pct(self, p: float) -> float:
        if not self.total:
            return float("nan")
        rank = p / 100 * self.total
        seen = 0
        for index, count in enumerate(self.counts):
            seen += count
            if seen >= rank and count:
                return self.edges[min(index, len(self.edges) - 1)]
        return self.edges[-1]

    def __len__(self) -> int:
        return self.total


async def user(
    app: App, number: int, stop_at: float, think: float, latencies: Latencies, rng: random.Random
) -> None:
    lang = rng.choice(["ro", "bg", "de", "en"])
    ref = f"soak{number}"
    await app.dialogue.handle(Inbound("soak", ref, text=f"/language {lang}"))
    await asyncio.sleep(rng.uniform(0, think * 2))
    while time.monotonic() < stop_at:
        if rng.random() < 0.3:
            event = Inbound("soak", ref, kind=InboundKind.ACTION, action=rng.choice(ACTIONS))
        else:
            event = Inbound("soak", ref, text=rng.choice(MESSAGES))
        started = time.perf_counter()
        await app.dialogue.handle(event)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(rng.expovariate(1 / think))


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--warmup", type=float, default=60)
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between a user's messages")
    parser.add_argument("--every", type=float, default=15.0, help="seconds between samples")
    parser.add_argument("--trace", action="store_true", help="print what grew in the second half")
    parser.add_argument("--crash", action="store_true", help="the crash run (SIGKILLs under load)")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs in the crash run")
    args = parser.parse_args()
    if args.crash:
        with tempfile.TemporaryDirectory() as tmp:
            report = await asyncio.to_thread(crash_run, Path(tmp), args.kills)
        print("\n".join(report.lines()))
        lost = report.unanswered or report.without_reply or report.unconfirmed or report.integrity != "ok"
        print(f"verdict: {'LOST SOMETHING' if lost or not report.finished else 'nothing lost'}")
        return

    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(
            Settings(),
            data_dir=Path(tmp),
            content_dir=ROOT / "content",
            locales_dir=ROOT / "locales",
            semantic=False,
        )
        app = App(settings)
        await app.start()
        latencies = Latencies()
        rng = random.Random(7)
        start = time.monotonic()
        stop_at = start + args.seconds
        tasks = [
            asyncio.create_task(user(app, n, stop_at, args.think, latencies, random.Random(rng.random())))
            for n in range(args.users)
        ]
        print(
            f"soak: {args.users} users, {args.seconds:.0f} s, "
            f"think time {args.think} s, warm-up {args.warmup:.0f} s"
        )
        print(f"{'t (s)':>7} {'RSS (MB)':>9} {'events':>8} {'events/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
        warm_rss: float | None = None
        half_rss: float | None = None
        half_snapshot: tracemalloc.Snapshot | None = None
        samples: list[float] = []
        while time.monotonic() < stop_at:
            await asyncio.sleep(min(args.every, max(0.1, stop_at - time.monotonic())))
            now = time.monotonic() - start
            window = latencies.take_window()
            rss = rss_mb()
            samples.append(rss)
            if warm_rss is None and now >= args.warmup:
                warm_rss = rss
            if half_rss is None and now >= args.seconds / 2:
                half_rss = rss
                if args.trace:
                    # traced from here on: what is allocated in the second half and still alive at the
                    # end is what the bot keeps (tracing costs nothing before)
                    tracemalloc.start(8)
                    half_snapshot = tracemalloc.take_snapshot()
            print(
                f"{now:7.0f} {rss:9.1f} {len(latencies):8d} {len(window) / args.every:9.1f} "
                f"{pct(window, 50) * 1000:8.2f} {pct(window, 99) * 1000:8.2f}",
                flush=True,
            )
        await asyncio.gather(*tasks)
        if half_snapshot is not None:
            import gc

            gc.collect()
            grown = tracemalloc.take_snapshot().compare_to(half_snapshot, "traceback")
            print("\nallocations grown in the second half (tracemalloc):")
            for stat in grown[:12]:
                print(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+8d} blocks")
                for line in stat.traceback.format()[-6:]:
                    print(f"      {line}")
        await app.stop()
    end_rss = samples[-1]
    half = half_rss if half_rss is not None else samples[len(samples) // 2]
    second_half = samples[len(samples) // 2 :]
    print()
    print(f"events handled: {len(latencies)}")
    print(
        f"latency overall: p50 {latencies.pct(50) * 1000:.2f} ms, p99 {latencies.pct(99) * 1000:.2f} ms, "
        f"mean {latencies.sum / max(1, len(latencies)) * 1000:.2f} ms"
    )
    base = warm_rss if warm_rss is not None else samples[0]
    print(
        f"RSS after warm-up {base:.1f} MB, at the end {end_rss:.1f} MB, growth {end_rss - base:+.1f} MB "
        f"(max in second half {max(second_half):.1f} MB); target growth <= 20 MB"
    )
    growth = max(second_half) - half
    verdict = "ok" if growth <= 2.0 else "TOO MUCH"
    print(
        f"RSS growth in the second half: {growth:+.2f} MB (from {half:.1f} MB at half-time to at most "
        f"{max(second_half):.1f} MB); target <= 2 MB: {verdict}"
    )


if __name__ == "__main__":
    asyncio.run(main())
