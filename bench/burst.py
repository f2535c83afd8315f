"""A process that books appointments through the dialogue as fast as it can, printing each confirmation.

``python -m bench.burst DATA_DIR [REDELIVER_FILE [--drain]]`` (from the repository root) — driven by
:mod:`bench.crash` (``bench/soak.py --crash`` and tests/e2e/test_crash.py), which SIGKILLs it mid-burst.
Every event carries an id, as a platform's do. Lines (flushed):

- ``SEND <event id> <user> <action>`` before an event is handed to the core;
- ``CONFIRMED <code>`` once a confirmation reply came back (the user would see it);
- ``REPLY <event id> <n>`` after the core answered it with ``n`` replies (0: a duplicate, ignored);
  the replies are then delivered (printed), so the copy the core kept is erased, as a channel does;
- ``ACK <event id>`` then: the event is acknowledged to the platform (Telegram's offset moves past it).

REDELIVER_FILE lists events (``<event id> <user> <action>``) sent but not acknowledged before the last
kill: they are handed in again first, as a platform redelivers what was not acknowledged (an event
answered but killed before its ``ACK`` is answered again: a duplicate). With
``--drain`` the process only redelivers, prints ``DONE`` and exits.

The scalping defences are turned off in a copy of the content: the burst books far faster than the
booking rate allows, and the crash test is about crashes.
"""

from __future__ import annotations

import asyncio
import random
import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.channels.console import render
from bot.config import ROOT, Settings
from bot.core.events import Inbound, InboundKind

CODE = re.compile(r"\b([A-Z2-9]{3})-([A-Z2-9]{3})\b")
UNGUARDED = {"bookings_per_hour": 0, "bookings_per_day": 0, "new_account_minutes": 0, "holds_per_hour": 0}


def unguarded_content(data_dir: Path) -> Path:
    content = data_dir / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
        path = content / "contact-point.yml"
        text = path.read_text(encoding="utf-8")
        for key, value in UNGUARDED.items():
            text = re.sub(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text)
        path.write_text(text, encoding="utf-8")
    return content


async def deliver(app: App, event_id: str, user: str, action: str) -> str:
    print(f"SEND {event_id} {user} {action}", flush=True)
    if action.startswith("/"):
        event = Inbound("console", user, text=action, event_id=event_id)
    else:
        event = Inbound("console", user, kind=InboundKind.ACTION, action=action, event_id=event_id)
    replies = await app.dialogue.handle(event)
    text = render(replies)
    match = CODE.search(text) if action == "booking:confirm" else None
    if match:
        print(f"CONFIRMED {match.group(1)}{match.group(2)}", flush=True)
    print(f"REPLY {event_id} {len(replies)}", flush=True)
    if replies:
        await app.sessions.delivered(event.channel, event_id)
    print(f"ACK {event_id}", flush=True)
    return text


async def one_user(app: App, feature: BookingFeature, run: str, n: int, rng: random.Random) -> None:
    ref = f"burst{run}-{n}"
    counter = 0

    async def act(action: str) -> str:
        nonlocal counter
        counter += 1
        return await deliver(app, f"{ref}.{counter}", ref, action)

    await act("/language ro")
    await act("booking:new")
    await act("booking:topic:housing")
    await act("booking:lang:ro")
    slots = await feature.service.free_slots(app.clock.now(), "ro")
    if not slots:
        return
    slot = rng.choice(slots[:6])  # many users aim at the same few slots
    await act(f"booking:day:{slot.local_start.date().isoformat()}")
    await act(f"booking:slot:{slot.key}")
    await act("booking:skip")
    await act("booking:skip")
    await act("booking:confirm")


async def main(data_dir: Path, redeliver: list[str], drain: bool) -> None:
    settings = replace(
        Settings(),
        data_dir=data_dir,
        content_dir=unguarded_content(data_dir),
        locales_dir=ROOT / "locales",
        semantic=False,
    )
    app = App(settings)
    await app.start()
    feature = next(f for f in app.features if isinstance(f, BookingFeature))
    for line in redeliver:
        event_id, user, action = line.split(" ", 2)
        await deliver(app, event_id, user, action)
    if drain:
        await app.stop()
        print("DONE", flush=True)
        return
    run = f"{random.randrange(10**6):06d}"
    rng = random.Random(run)
    print("READY", flush=True)
    n = 0
    while True:
        batch = [one_user(app, feature, run, n + i, rng) for i in range(8)]
        n += len(batch)
        await asyncio.gather(*batch)


if __name__ == "__main__":
    args = sys.argv[1:]
    again = Path(args[1]) if len(args) > 1 and not args[1].startswith("--") else None
    lines = again.read_text(encoding="utf-8").splitlines() if again and again.exists() else []
    asyncio.run(main(Path(args[0]), lines, "--drain" in args))
