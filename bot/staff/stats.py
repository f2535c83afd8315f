"""Anonymous counts for the contact point: appointments per week, language and topic; no-show rate.

Reads only time, language, topic and status, which stay after names and phones are erased.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from bot.booking.schedule import parse_iso
from bot.core.clock import BERLIN
from bot.store.db import Database


@dataclass
class Stats:
    per_week: Counter[str] = field(default_factory=Counter)  # ISO week "2026-W49" → booked
    per_language: Counter[str] = field(default_factory=Counter)
    per_topic: Counter[str] = field(default_factory=Counter)
    cancelled: int = 0
    no_shows: int = 0
    past: int = 0  # appointments already started, the base of the no-show rate

    @property
    def no_show_rate(self) -> float | None:
        return self.no_shows / self.past if self.past else None

    def as_dict(self) -> dict[str, object]:
        return {
            "per_week": dict(sorted(self.per_week.items())),
            "per_language": dict(self.per_language.most_common()),
            "per_topic": dict(self.per_topic.most_common()),
            "cancelled": self.cancelled,
            "no_shows": self.no_shows,
            "past_appointments": self.past,
            "no_show_rate": None if self.no_show_rate is None else round(self.no_show_rate, 4),
        }


async def collect(db: Database, now: datetime) -> Stats:
    stats = Stats()
    rows = await db.fetchall(
        "SELECT slot_start, language, topic, status FROM bookings WHERE status != 'hold'"
    )
    for row in rows:
        start = parse_iso(row["slot_start"])
        status = row["status"]
        if status == "cancelled":
            stats.cancelled += 1
            continue
        year, week, _ = start.astimezone(BERLIN).isocalendar()
        stats.per_week[f"{year}-W{week:02d}"] += 1
        stats.per_language[row["language"]] += 1
        stats.per_topic[row["topic"]] += 1
        if start <= now:
            stats.past += 1
            if status == "no_show":
                stats.no_shows += 1
    return stats


def as_text(stats: Stats) -> str:
    lines = ["Appointments per week (cancelled ones not counted):"]
    lines += [f"  {week}  {count}" for week, count in sorted(stats.per_week.items())] or ["  -"]
    lines.append("Per language:")
    lines += [f"  {lang}  {count}" for lang, count in stats.per_language.most_common()] or ["  -"]
    lines.append("Per topic:")
    lines += [f"  {topic}  {count}" for topic, count in stats.per_topic.most_common()] or ["  -"]
    lines.append(f"Cancelled: {stats.cancelled}")
    rate = stats.no_show_rate
    shown = "-" if rate is None else f"{rate:.1%} ({stats.no_shows} of {stats.past})"
    lines.append(f"No-show rate: {shown}")
    return "\n".join(lines) + "\n"
