"""Which appointment slots exist: weekly consultation hours from ``content/contact-point.yml``, minus
NRW public holidays, closing days, the booking horizon and the minimum notice.

Slots are built in Europe/Berlin wall time (a 09:00 slot is at 09:00 on both sides of a DST change)
and only then converted to UTC, which is what is stored and compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import holidays

from bot.booking.rules import BookingRules, rules_of
from bot.content.contact_point import ContactPoint
from bot.core.clock import BERLIN


@dataclass(frozen=True, slots=True)
class Slot:
    """One bookable time at one site; ``capacity`` is what may be booked (walk-in quota taken off)."""

    site: str
    start: datetime  # UTC
    end: datetime  # UTC
    capacity: int
    languages: tuple[str, ...]

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(BERLIN)

    @property
    def key(self) -> str:
        """Short id used in button actions: site and UTC start as epoch minutes."""
        return f"{self.site}.{int(self.start.timestamp()) // 60}"


def iso(when: datetime) -> str:
    """How times are stored: UTC, ISO 8601, seconds (sorts and compares as text)."""
    return when.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@lru_cache(maxsize=16)
def _nrw_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("DE", subdiv="NW", years=year))


def public_holiday(day: date) -> str | None:
    """The name of the NRW public holiday on ``day``, if it is one."""
    return _nrw_holidays(day.year).get(day)


def keep_for_walk_ins(slots: list[Slot], places: int) -> list[Slot]:
    """A day's slots (in time order) with ``places`` taken off, from the last slot backwards: people
    who come without an appointment are seen at the end of the consultation hours."""
    result = list(slots)
    for index in range(len(result) - 1, -1, -1):
        if places <= 0:
            break
        slot = result[index]
        kept = min(places, slot.capacity)
        result[index] = Slot(slot.site, slot.start, slot.end, slot.capacity - kept, slot.languages)
        places -= kept
    return result


class Schedule:
    """The slots of one version of the contact point's facts plus staff-added closing days."""

    def __init__(
        self, contact: ContactPoint, extra_closing: Iterable[date] = (), rules: BookingRules | None = None
    ) -> None:
        self.contact = contact
        self.rules = rules or rules_of(contact)
        self.closed = {c.day for c in contact.closing_days} | set(extra_closing)

    def is_open_day(self, day: date) -> bool:
        return day not in self.closed and public_holiday(day) is None

    def window(self, now: datetime) -> tuple[datetime, date]:
        """Earliest bookable start (notice) and the last bookable local day (horizon)."""
        rules = self.rules
        earliest = now.astimezone(UTC) + timedelta(hours=rules.min_notice_hours)
        last_day = now.astimezone(BERLIN).date() + timedelta(days=rules.horizon_days)
        return earliest, last_day

    def slots_on(self, day: date) -> list[Slot]:
        """Every slot of a local day, before notice and horizon are applied; empty when closed."""
        if not self.is_open_day(day):
            return []
        quota = self.rules.walk_in_quota
        step = timedelta(minutes=self.contact.hours.slot_minutes)
        merged: dict[tuple[str, datetime], Slot] = {}
        for period in self.contact.hours.periods:
            if day.weekday() not in period.days:
                continue
            start = datetime.combine(day, period.start)
            end_of_period = datetime.combine(day, period.end)
            while start + step <= end_of_period:
                begin = start.replace(tzinfo=BERLIN).astimezone(UTC)
                end = (start + step).replace(tzinfo=BERLIN).astimezone(UTC)
                key = (period.site, begin)
                capacity = max(period.capacity - quota, 0)
                if key in merged:  # overlapping periods at one site add their counsellors up
                    old = merged[key]
                    languages = old.languages + tuple(x for x in period.languages if x not in old.languages)
                    merged[key] = Slot(period.site, begin, end, old.capacity + capacity, languages)
                else:
                    merged[key] = Slot(period.site, begin, end, capacity, period.languages)
                start += step
        ordered = sorted(merged.values(), key=lambda s: (s.start, s.site))
        return [s for s in keep_for_walk_ins(ordered, self.rules.walk_in_per_day) if s.capacity > 0]

    def bookable(self, now: datetime, language: str | None = None) -> Iterator[Slot]:
        """Slots inside notice and horizon, in time order, optionally only where ``language`` is spoken."""
        earliest, last_day = self.window(now)
        day = earliest.astimezone(BERLIN).date()
        while day <= last_day:
            for slot in self.slots_on(day):
                if slot.start >= earliest and (language is None or language in slot.languages):
                    yield slot
            day += timedelta(days=1)

    def find(self, key: str, now: datetime) -> Slot | None:
        """The bookable slot behind an action's slot key; None when forged, past or out of the window."""
        site, _, minutes = key.rpartition(".")
        if not minutes.isdigit():
            return None
        start = datetime.fromtimestamp(int(minutes) * 60, UTC)
        earliest, last_day = self.window(now)
        local_day = start.astimezone(BERLIN).date()
        if start < earliest or local_day > last_day:
            return None
        return next((s for s in self.slots_on(local_day) if s.site == site and s.start == start), None)
