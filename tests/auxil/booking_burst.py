"""A process that books appointments through the dialogue as fast as it can, printing each confirmation.

``python -m tests.auxil.booking_burst DATA_DIR`` — used by the crash test, which SIGKILLs it mid-burst.
A line ``CONFIRMED <code>`` is printed (and flushed) only after the confirmation reply came back from the
core, i.e. after the user would have seen it.
"""

from __future__ import annotations

import asyncio
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.channels.console import render
from bot.config import ROOT, Settings
from bot.core.events import Inbound, InboundKind

CODE = re.compile(r"\b([A-Z2-9]{3})-([A-Z2-9]{3})\b")


async def one_user(app: App, feature: BookingFeature, n: int, rng: random.Random) -> None:
    ref = f"burst{n}"

    async def act(action: str) -> str:
        return render(
            await app.dialogue.handle(Inbound("console", ref, kind=InboundKind.ACTION, action=action))
        )

    await app.dialogue.handle(Inbound("console", ref, text="/language ro"))
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
    text = await act("booking:confirm")
    match = CODE.search(text)
    if match:
        print(f"CONFIRMED {match.group(1)}{match.group(2)}", flush=True)


async def main(data_dir: Path) -> None:
    settings = replace(
        Settings(),
        data_dir=data_dir,
        content_dir=ROOT / "content",
        locales_dir=ROOT / "locales",
        semantic=False,
    )
    app = App(settings)
    await app.start()
    feature = next(f for f in app.features if isinstance(f, BookingFeature))
    rng = random.Random(1)
    print("READY", flush=True)
    n = 0
    while True:
        batch = [one_user(app, feature, n + i, rng) for i in range(8)]
        n += len(batch)
        await asyncio.gather(*batch)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
