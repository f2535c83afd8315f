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


async def measure(synapse: Synapse, tmp: Path, count: int) -> list[float]:
    bot = synapse.register("bot")
    person = MatrixUser(synapse.url, synapse.register("maria"), tmp / "maria")
    process = start_bot(synapse, bot.user_id, bot.password, tmp / "bot")
    await person.start()
    try:
        await person.open_direct(bot.user_id)
        assert person.client.rooms[person.room_id].encrypted
        picker = await person.ask("/start", timeout=30)
        await person.ask(number_of(picker, "English"))
        for text in QUESTIONS[:5]:  # warm-up: sessions, caches, the room key
            await person.ask(text)
        times = []
        for i in range(count):
            text = QUESTIONS[i % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                await person.ask(text, timeout=30)
            except TimeoutError:
                print(f"no answer to question {i} ({text!r}); last: {person.bodies()[-3:]}", file=sys.stderr)
                raise
            times.append((time.perf_counter() - started) * 1000)
        assert person.undecryptable == 0
        return times
    except Exception:
        print((tmp / "bot.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        await person.stop()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


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
            times = asyncio.run(measure(synapse, tmp, args.questions))
        finally:
            synapse.close()
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"Matrix round trip, encrypted direct chat, {len(times)} questions (Synapse on 127.0.0.1):")
    print(f"  p50  {p50:7.1f} ms")
    print(f"  p95  {p95:7.1f} ms   (target <= 150 ms: {'met' if p95 <= 150 else 'NOT met'})")
    print(f"  mean {statistics.fmean(times):7.1f} ms")
    print(f"  min  {ordered[0]:7.1f} ms")
    print(f"  max  {ordered[-1]:7.1f} ms")


if __name__ == "__main__":
    main()
