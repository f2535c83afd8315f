"""``agenda`` (appointments as json, csv or ics) and ``stats`` (anonymous counts).

Only the data goes to stdout, so it can be piped into a file or another tool; logs go to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date

from bot.booking.repository import Bookings, Status
from bot.booking.rules import load_contact
from bot.booking.service import day_bounds
from bot.common.issues import Issue
from bot.config import Settings
from bot.core.clock import SystemClock, local
from bot.staff import export, stats
from bot.store.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agenda", help="appointments between two days (Europe/Berlin), as json, csv or ics")
    p.add_argument("--from", dest="start", type=date.fromisoformat, default=None, help="YYYY-MM-DD (today)")
    p.add_argument("--to", dest="end", type=date.fromisoformat, default=None, help="YYYY-MM-DD (= --from)")
    p.add_argument("--format", choices=("json", "csv", "ics"), default="json")
    p.add_argument(
        "--cancelled", action=argparse.BooleanOptionalAction, default=True, help="include cancelled ones"
    )
    p.set_defaults(func=cmd_agenda)
    p = sub.add_parser("stats", help="appointments per week, language and topic; no-show rate")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.set_defaults(func=cmd_stats)


async def _agenda(settings: Settings, start: date, end: date, fmt: str, cancelled: bool) -> str:
    db = Database(settings.database)
    await db.open()
    try:
        statuses = [Status.BOOKED, Status.NO_SHOW] + ([Status.CANCELLED] if cancelled else [])
        since, until = day_bounds(start, end)
        rows = await Bookings(db).between(since, until, statuses)
    finally:
        await db.close()
    if fmt == "csv":
        return export.to_csv(rows)
    if fmt == "ics":
        issues: list[Issue] = []
        contact = load_contact(settings.content_dir / "contact-point.yml", issues)
        sites = {s.id: s.address for s in contact.sites} if contact else {}
        return export.to_ics(rows, sites, SystemClock().now())
    return export.to_json(rows)


def cmd_agenda(args: argparse.Namespace, settings: Settings) -> int:
    start = args.start or local(SystemClock().now()).date()
    end = args.end or start
    if end < start:
        print("--to must not be before --from", file=sys.stderr)
        return 2
    out = asyncio.run(_agenda(settings, start, end, args.format, args.cancelled))
    sys.stdout.write(out)
    return 0


async def _stats(settings: Settings) -> stats.Stats:
    db = Database(settings.database)
    await db.open()
    try:
        return await stats.collect(db, SystemClock().now())
    finally:
        await db.close()


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    result = asyncio.run(_stats(settings))
    if args.json:
        sys.stdout.write(json.dumps(result.as_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(stats.as_text(result))
    return 0
