"""The scalping run of ``bench/booking.py --scalping``: scripted accounts against one week.

Simulated time (FakeClock), the real dialogue and SQLite. 100 accounts write to the bot at once, then
every 10 minutes for a day each tries to book the earliest free time (two each, the per-person
limit), as a middleman's script would; a script told to wait stops trying until the next round.
An honest person looks after 1 hour, 6 hours and 1 day: what is left for them.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bot.app import App
from bot.booking.flow import BookingFeature
from bot.booking.schedule import Schedule, iso
from bot.booking.texts import when_short
from bot.config import ROOT, Settings
from bot.core.clock import FakeClock
from bot.core.events import Inbound, InboundKind
from tests.auxil.chat import START

ROUND = timedelta(minutes=10)
LOOKS = (timedelta(hours=1), timedelta(hours=6), timedelta(days=1))
OFF = {
    "bookings_per_hour": 0,
    "bookings_per_day": 0,
    "new_account_minutes": 0,
    "holds_per_hour": 0,
    "holds_per_day": 0,
    "walk_in_per_day": 0,
}


def content_with(tmp: Path, changes: dict[str, int]) -> Path:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "contact-point.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in {"horizon_days": 7, **changes}.items():
        text, count = re.subn(rf"(?m)^  {key}: .*$", f"  {key}: {value}", text)
        if not count:
            text = text.replace("\nbooking:\n", f"\nbooking:\n  {key}: {value}\n")
    path.write_text(text, encoding="utf-8")
    return content


async def act(app: App, ref: str, action: str) -> str:
    replies = await app.dialogue.handle(Inbound("bench", ref, kind=InboundKind.ACTION, action=action))
    return "\n".join(r.text for r in replies)


async def script_books(app: App, feature: BookingFeature, ref: str) -> str:
    """One scripted booking: ``booked``, ``wait`` (told to wait), ``full`` or ``limit``."""
    text = await act(app, ref, "booking:new")
    if "wait" in text.lower() or "try again" in text.lower():
        return "wait"
    await act(app, ref, "booking:topic:housing")
    await act(app, ref, "booking:lang:ro")
    slots = await feature.service.free_slots(app.clock.now(), "ro")
    if not slots:
        return "full"
    await act(app, ref, f"booking:day:{slots[0].local_start.date().isoformat()}")
    text = await act(app, ref, f"booking:slot:{slots[0].key}")
    if "wait" in text.lower() or "try again" in text.lower():
        return "wait"
    await act(app, ref, "booking:skip")
    await act(app, ref, "booking:skip")
    text = await act(app, ref, "booking:confirm")
    return "booked" if "-" in text else "full"


async def run(label: str, changes: dict[str, int], accounts: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = content_with(Path(tmp), changes)
        settings = replace(
            Settings(),
            data_dir=Path(tmp) / "var",
            content_dir=content,
            locales_dir=ROOT / "locales",
            flood_exempt_channels=frozenset({"bench"}),
        )
        clock = FakeClock(START)
        app = App(settings, clock=clock)
        await app.start()
        try:
            feature = next(f for f in app.features if isinstance(f, BookingFeature))
            rules = feature.service.rules
            every = Schedule(
                feature.service.contact, rules=replace(rules, walk_in_per_day=0, walk_in_quota=0)
            )
            week = sum(s.capacity for s in every.bookable(START))
            bookable = sum(s.capacity for s in await feature.service.free_slots(START, None))
            refs = [f"script{n}" for n in range(accounts)]
            for ref in refs:
                await app.dialogue.handle(Inbound("bench", ref, text="/language en"))
            print(f"\n{label}: {week} places in the week ahead, {week - bookable} of them kept for walk-ins")
            done: dict[str, int] = dict.fromkeys(refs, 0)
            looks = list(LOOKS)
            elapsed = timedelta(0)
            while looks:
                for ref in refs:
                    if done[ref] >= rules.max_per_user:
                        continue
                    outcome = await script_books(app, feature, ref)
                    if outcome == "booked":
                        done[ref] += 1
                    elif outcome in ("wait", "full"):
                        break  # a script told to wait (or finding nothing) tries again next round
                elapsed += ROUND
                clock.advance(ROUND)
                if elapsed >= looks[0]:
                    await look(app, feature, every, looks.pop(0))
        finally:
            await app.stop()


async def look(app: App, feature: BookingFeature, every: Schedule, after: timedelta) -> None:
    """What an honest person (an account known for a while) finds when they look now: the week ahead
    moves with the clock, so places are counted in the week seen from now."""
    now = app.clock.now()
    week = sum(s.capacity for s in every.bookable(now))
    row = await app.db.fetchone(
        "SELECT count(*) FROM bookings WHERE status = 'booked' AND slot_start >= ?",
        (iso(every.window(now)[0]),),  # the same window as the places: notice to horizon
    )
    taken = int(row[0]) if row else 0
    free = await feature.service.free_slots(now, "ro")
    wait = await feature.service.booking_wait(-1, now)  # no such account: not a new one
    if free and wait is None:
        offer = f"books at once: {len(free)} free places, the first {when_short(free[0].start, 'en')}"
    elif free:
        until = when_short(wait.until, "en") if wait else "?"
        offer = f"waits until {until} ({len(free)} places still free)"
    else:
        offer = "finds nothing free to book (only walk-in places, if any are kept)"
    hours = after.total_seconds() / 3600
    share = f"scripts hold {taken:3d} of {week} places ({taken / week:5.1%})"
    print(f"  after {hours:4.0f} h: {share}; honest person {offer}")


async def scalping(accounts: int) -> None:
    print(f"scalping: {accounts} scripted accounts against one week, each trying every 10 min (simulated)")
    await run("without defences", OFF, accounts)
    await run("with the defences (contact-point.yml defaults)", {}, accounts)
