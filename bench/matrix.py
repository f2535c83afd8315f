"""Round trip on Matrix: a person asks 100 questions in an encrypted direct chat; p50/p95 printed.

Everything is real: Synapse on 127.0.0.1 (its own venv, started here), the bot as its own process
(``python -m bot run``), the person as a nio client with end-to-end encryption. A round trip is the
time from sending a message until the bot's (decrypted) answer has arrived at the person's client.

    .venv/bin/python bench/matrix.py [--questions 100]

Target: p95 <= 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.auxil.matrix_user import MatrixUser, number_of  # noqa: E402
from tests.auxil.synapse import Synapse, ensure_installed  # noqa: E402

QUESTIONS = [
    "/menu",
    "how do I get health insurance",
    "/help",
    "where can I register my address",
    "/privacy",
    "my child needs a school place",
    "I need a job",
    "what documents do I need for the appointment",
]


def start_bot(synapse: Synapse, user_id: str, password: str, data: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        {
            "BOT_DATA_DIR": str(data),
            "BOT_MATRIX_HOMESERVER": synapse.url,
            "BOT_MATRIX_USER_ID": user_id,
            "BOT_MATRIX_PASSWORD": password,
            "BOT_LOG_LEVEL": "WARNING",
            "BOT_CONFIG": str(data.parent / "bench.toml"),
        }
    )
    # one person asking 100 questions back to back would trip the flood control (20 in 10 s):
    # it is switched off here, this measures the channel
    (data.parent / "bench.toml").write_text("[bot]\nflood_limit = 0\n", encoding="utf-8")
    log = (data.parent / "bot.log").open("wb")
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, stdout=log, stderr=log)


async def ask_many(person: MatrixUser, count: int) -> list[float]:
    """Round trips in ms for ``count`` questions, after a warm-up (sessions, caches, the room key)."""
    picker = await person.ask("/start", timeout=30)
    await person.ask(number_of(picker, "English"))
    for text in QUESTIONS[:5]:
        await person.ask(text)
    times = []
    for i in range(count):
        text = QUESTIONS[i % len(QUESTIONS)]
        started = time.perf_counter()
        try:
            await person.ask(text, timeout=30)
        except TimeoutError:
            print(f"no answer to question {i} ({text!r})", file=sys.stderr)
            raise
        times.append((time.perf_counter() - started) * 1000)
    assert person.undecryptable == 0
    return times


async def measure(synapse: Synapse, tmp: Path, count: int) -> dict[str, list[float]]:
    bot = synapse.register("bot")
    process = start_bot(synapse, bot.user_id, bot.password, tmp / "bot")
    results: dict[str, list[float]] = {}
    try:
        for kind, encrypted in (("encrypted", True), ("plain", False)):
            person = MatrixUser(synapse.url, synapse.register(kind), tmp / kind)
            await person.start()
            try:
                await person.open_direct(bot.user_id, encrypted=encrypted, timeout=30)
                assert person.client.rooms[person.room_id].encrypted is encrypted
                results[kind] = await ask_many(person, count)
            finally:
                await person.stop()
        return results
    except Exception:
        print((tmp / "bot.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


def percentile(ordered: list[float], share: float) -> float:
    return ordered[max(0, round(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=100)
    args = parser.parse_args()
    ensure_installed()
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        synapse = Synapse(tmp / "synapse")
        synapse.start()
        try:
            results = asyncio.run(measure(synapse, tmp, args.questions))
        finally:
            synapse.close()
    print(f"Matrix round trip, {args.questions} questions per direct chat (Synapse and the bot on 127.0.0.1)")
    print(f"{'chat':<10} {'p50':>8} {'p95':>8} {'mean':>8} {'min':>8} {'max':>8}")
    for kind, times in results.items():
        ordered = sorted(times)
        figures = (statistics.median(ordered), percentile(ordered, 0.95), statistics.fmean(ordered))
        cells = " ".join(f"{v:6.1f}ms" for v in (*figures, ordered[0], ordered[-1]))
        print(f"{kind:<10} {cells}")
    p95 = percentile(sorted(results["encrypted"]), 0.95)
    load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"load average during the run (1/5/15 min, {os.cpu_count()} cores): {load}")
    print(f"target: encrypted p95 <= 150 ms: {'met' if p95 <= 150 else 'NOT met'} ({p95:.1f} ms)")


if __name__ == "__main__":
    main()
