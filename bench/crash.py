"""The crash run: the booking burst (:mod:`bench.burst`) killed with SIGKILL again and again, then drained.

Each life runs the bot under load until a random number of replies came out, then SIGKILLs it (other
users' turns are in flight). Events sent but not acknowledged are handed in again by the next life, as
a platform redelivers what was not acknowledged (an event answered but not acknowledged when the kill
came is answered again: a duplicate, counted). The last life only redelivers and exits. Then the
database is compared with what the users saw. Used by ``bench/soak.py --crash`` (20 kills) and by
tests/e2e/test_crash.py (fewer, to keep the suite fast).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIFE_TIMEOUT = 120.0  # seconds one life may take before the watchdog kills it (a stalled bot)


@dataclass
class CrashReport:
    kills: int
    events: int  # distinct events the users sent
    processed: int  # events the bot recorded as processed
    bookings: int  # bookings in the database
    unanswered: list[str] = field(default_factory=list)  # events never answered at all
    without_reply: list[str] = field(default_factory=list)  # recorded as processed, never answered
    unconfirmed: list[str] = field(default_factory=list)  # booked, never confirmed to the user
    duplicates: int = 0  # replies given a second time (after a crash)
    seconds: float = 0.0
    integrity: str = ""
    finished: bool = False  # the last life drained and said DONE
    confirmed: set[str] = field(default_factory=set)
    booked: set[str] = field(default_factory=set)

    def lines(self) -> list[str]:
        return [
            f"crash run: {self.kills} SIGKILLs under a booking load, then a drain",
            f"events                          {self.events}",
            f"processed                       {self.processed}",
            f"bookings                        {self.bookings}",
            f"processed without a reply       {len(self.without_reply)}",
            f"bookings without confirmation   {len(self.unconfirmed)}",
            f"events never answered           {len(self.unanswered)}",
            f"duplicate replies               {self.duplicates}",
            f"database integrity              {self.integrity}",
            f"time                            {self.seconds:.1f} s",
        ]


def burst_env(data: Path) -> dict[str, str]:
    """The bot's environment for one life: no BOT_* from outside, words only (no embedding model)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        {"BOT_DATA_DIR": str(data), "BOT_SEMANTIC": "0", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    )
    return env


def run_life(data: Path, redeliver: Path | None, drain: bool = False, stop_after: int = 0) -> list[str]:
    """One life of the bot under load: its output lines until ``stop_after`` replies, then SIGKILL
    (with ``drain``: until it has redelivered and exited)."""
    args = [sys.executable, "-m", "bench.burst", str(data)]
    if redeliver is not None:
        args.append(str(redeliver))
    proc = subprocess.Popen(
        [*args, "--drain"] if drain else args,
        cwd=ROOT,
        env=burst_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    replies = 0
    watchdog = threading.Timer(LIFE_TIMEOUT, proc.kill)  # a stalled bot must not hang the run
    watchdog.start()
    try:
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            replies += line.startswith("REPLY ")
            if not drain and replies >= stop_after:
                os.kill(proc.pid, signal.SIGKILL)  # mid-burst: other users' turns are in flight
                # what it wrote before dying is still in the pipe: the users saw those replies
                lines += [rest.rstrip("\n") for rest in proc.stdout]
                break
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    return lines


def crash_run(data: Path, kills: int, seed: int = 14) -> CrashReport:
    """``kills`` lives each SIGKILLed after 60 to 160 replies, then one that drains; the report."""
    rng = random.Random(seed)
    redeliver = data / "redeliver.txt"
    sent: dict[str, str] = {}  # event id -> "user action"
    answered: dict[str, int] = {}  # event id -> times answered with replies
    confirmed: set[str] = set()
    replied: set[str] = set()
    acked: set[str] = set()
    started = time.monotonic()
    lines: list[str] = []
    for life in range(kills + 1):
        lines = run_life(data, redeliver, drain=life == kills, stop_after=rng.randint(60, 160))
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind == "SEND":
                event_id, _, what = rest.partition(" ")
                sent[event_id] = what
            elif kind == "REPLY":
                event_id, count = rest.split()
                replied.add(event_id)
                if int(count):
                    answered[event_id] = answered.get(event_id, 0) + 1
            elif kind == "ACK":
                acked.add(rest)
            elif kind == "CONFIRMED":
                confirmed.add(rest)
        again = [e for e in sent if e not in acked]
        redeliver.write_text("".join(f"{e} {sent[e]}\n" for e in again), encoding="utf-8")
    seconds = time.monotonic() - started

    db = sqlite3.connect(data / "bot.sqlite3")
    try:
        integrity = str(db.execute("PRAGMA integrity_check").fetchone()[0])
        processed = {row[0] for row in db.execute("SELECT event_id FROM processed_events")}
        booked = {row[0] for row in db.execute("SELECT code FROM bookings WHERE status = 'booked'")}
    finally:
        db.close()
    return CrashReport(
        kills=kills,
        events=len(sent),
        processed=len(processed),
        bookings=len(booked),
        unanswered=[e for e in sent if e not in replied],
        without_reply=sorted(e for e in processed if e not in answered),
        unconfirmed=sorted(booked - confirmed),
        duplicates=sum(n - 1 for n in answered.values() if n > 1),
        seconds=seconds,
        integrity=integrity,
        finished=bool(lines) and lines[-1] == "DONE",
        confirmed=confirmed,
        booked=booked,
    )
