"""Soak test: many simulated users talking to the core for minutes; prints memory over time and reply latency.

    python bench/soak.py [--users 1000] [--seconds 300] [--warmup 60] [--think 5]

Each user repeatedly picks a plausible action (language, menu, topics, typed numbers, questions, bad input)
and waits a random "think time" (mean --think seconds). The core runs with a real SQLite file and the real
content. Memory is the whole process's RSS. Target: growth after warm-up ≤ 20 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


async def user(
    app: App, number: int, stop_at: float, think: float, latencies: list[float], rng: random.Random
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
    args = parser.parse_args()

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
        latencies: list[float] = []
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
        seen = 0
        samples: list[float] = []
        while time.monotonic() < stop_at:
            await asyncio.sleep(min(args.every, max(0.1, stop_at - time.monotonic())))
            now = time.monotonic() - start
            window = latencies[seen:]
            seen = len(latencies)
            rss = rss_mb()
            samples.append(rss)
            if warm_rss is None and now >= args.warmup:
                warm_rss = rss
            print(
                f"{now:7.0f} {rss:9.1f} {len(latencies):8d} {len(window) / args.every:9.1f} "
                f"{pct(window, 50) * 1000:8.2f} {pct(window, 99) * 1000:8.2f}",
                flush=True,
            )
        await asyncio.gather(*tasks)
        await app.stop()
    end_rss = samples[-1]
    after = [s for s in samples[len(samples) // 2 :]]
    print()
    print(f"events handled: {len(latencies)}")
    print(
        f"latency overall: p50 {pct(latencies, 50) * 1000:.2f} ms, p99 {pct(latencies, 99) * 1000:.2f} ms, "
        f"mean {statistics.fmean(latencies) * 1000:.2f} ms"
    )
    base = warm_rss if warm_rss is not None else samples[0]
    print(
        f"RSS after warm-up {base:.1f} MB, at the end {end_rss:.1f} MB, growth {end_rss - base:+.1f} MB "
        f"(max in second half {max(after):.1f} MB); target growth <= 20 MB"
    )


if __name__ == "__main__":
    asyncio.run(main())
