"""The contact point's facts (``content/contact-point.yml``): addresses, consultation hours, booking rules.

The answers about hours and address and the appointment schedule both read this one file, so they
can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from bot.common.issues import Issue
from bot.content.yamlfile import Reporter, load_mapping

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    address: str
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class Period:
    """A weekly consultation period: on ``days`` (0 = Monday) from ``start`` to ``end``."""

    days: tuple[int, ...]
    start: time
    end: time
    site: str
    capacity: int
    languages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hours:
    confirmed: bool
    source: str
    slot_minutes: int
    periods: tuple[Period, ...]


DEFAULT_TOPICS = ("health", "housing", "school", "work", "other")


@dataclass(frozen=True, slots=True)
class BookingRules:
    """How appointments are booked, reminded and kept (the ``booking:`` section)."""

    horizon_days: int = 21
    min_notice_hours: int = 12
    walk_in_quota: int = 0  # places per slot kept free for people who come without an appointment
    max_per_user: int = 2  # future appointments one person may hold
    hold_minutes: int = 10  # a chosen time is held this long while the person confirms
    reminder_day_before: time | None = time(18, 0)  # Europe/Berlin wall time on the day before
    reminder_hours_before: tuple[int, ...] = (2,)
    quiet_from: time = time(22, 0)  # no reminder is sent between quiet_from and quiet_until
    quiet_until: time = time(7, 0)
    keep_personal_days: int = 30  # first name and phone are erased this long after the appointment
    topics: tuple[str, ...] = DEFAULT_TOPICS  # each needs booking-topic-<id> in locales/*/booking.ftl


@dataclass(frozen=True, slots=True)
class ClosingDay:
    day: date
    reason: str


@dataclass(frozen=True, slots=True)
class ContactPoint:
    """The facts of contact-point.yml. Its times are Europe/Berlin wall times (``bot.core.clock.BERLIN``):
    the bot serves Dortmund only, so the time zone is not a setting."""

    name: str
    sites: tuple[Site, ...]
    hours: Hours
    booking: BookingRules
    closing_days: tuple[ClosingDay, ...]

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for period in self.hours.periods:
            seen.update(dict.fromkeys(period.languages))
        return tuple(seen)


def _time(value: Any) -> time | None:
    if isinstance(value, int):  # YAML reads 09:00 unquoted as a sexagesimal int
        value = f"{value // 60:02d}:{value % 60:02d}"
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def _int(r: Reporter, raw: dict[str, Any], key: str, default: int, minimum: int, where: str) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        r.error(f"{where}.{key}" if where else key, f"{key} must be a whole number of at least {minimum}")
        return default
    return value


def _time_key(
    r: Reporter, raw: dict[str, Any], key: str, default: time, optional: bool = False
) -> time | None:
    if key not in raw:
        return default
    if optional and raw[key] in (None, False):
        return None  # e.g. "reminder_day_before: null" turns that reminder off
    value = _time(raw[key])
    if value is None:
        r.error(f"booking.{key}", f'{key} must be a time like "18:00"')
        return default
    return value


def _booking_rules(r: Reporter, raw: dict[str, Any]) -> BookingRules:
    hours = raw.get("reminder_hours_before", [2])
    if isinstance(hours, int) and not isinstance(hours, bool):
        hours = [hours]
    if not isinstance(hours, list) or not all(isinstance(h, int) and 0 < h <= 72 for h in hours):
        r.error("booking.reminder_hours_before", "reminder_hours_before must be a list of hours like [2]")
        hours = [2]
    topics = raw.get("topics", list(DEFAULT_TOPICS))
    if (
        not isinstance(topics, list)
        or not topics
        or not all(isinstance(x, str) and x.replace("-", "").isalnum() and x.islower() for x in topics)
    ):
        r.error("booking.topics", "topics must be a list of ids like [health, housing, other]")
        topics = list(DEFAULT_TOPICS)
    quiet_from = _time_key(r, raw, "quiet_from", time(22, 0)) or time(22, 0)
    quiet_until = _time_key(r, raw, "quiet_until", time(7, 0)) or time(7, 0)
    day_before = _time_key(r, raw, "reminder_day_before", time(18, 0), optional=True)
    return BookingRules(
        horizon_days=_int(r, raw, "horizon_days", 21, 1, "booking"),
        min_notice_hours=_int(r, raw, "min_notice_hours", 12, 0, "booking"),
        walk_in_quota=_int(r, raw, "walk_in_quota", 0, 0, "booking"),
        max_per_user=_int(r, raw, "max_per_user", 2, 1, "booking"),
        hold_minutes=_int(r, raw, "hold_minutes", 10, 1, "booking"),
        reminder_day_before=day_before,
        reminder_hours_before=tuple(sorted(set(hours), reverse=True)),
        quiet_from=quiet_from,
        quiet_until=quiet_until,
        keep_personal_days=_int(r, raw, "keep_personal_days", 30, 1, "booking"),
        topics=tuple(topics),
    )


def load_contact_point(path: Path, issues: list[Issue]) -> ContactPoint | None:
    loaded = load_mapping(
        path, issues, "contact-point.yml is missing", "contact-point.yml must be a mapping of keys to values"
    )
    if loaded is None:
        return None
    raw, r = loaded
    before = len([i for i in issues if i.severity == "error"])

    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        r.error("name", "name is missing")
        name = ""
    sites: list[Site] = []
    raw_sites = raw.get("sites")
    if not isinstance(raw_sites, list) or not raw_sites:
        r.error("sites", "sites must list at least one address")
        raw_sites = []
    for index, item in enumerate(raw_sites):
        key = f"sites.{index}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item.get("address"):
            r.error(key, "each site needs an id and an address")
            continue
        confirmed = item.get("confirmed") is True
        if not confirmed:
            r.warning(f"{key}.confirmed", f"address of site {item['id']} is not confirmed")
        sites.append(Site(item["id"], str(item["address"]).strip(), confirmed, str(item.get("source", ""))))
    site_ids = {s.id for s in sites}

    raw_hours = raw.get("consultation_hours")
    periods: list[Period] = []
    if not isinstance(raw_hours, dict):
        r.error("consultation_hours", "consultation_hours is missing")
        raw_hours = {}
    hours_confirmed = raw_hours.get("confirmed") is True
    if raw_hours and not hours_confirmed:
        r.warning("consultation_hours.confirmed", "consultation hours are not confirmed")
    slot = _int(r, raw_hours, "slot_minutes", 30, 5, "consultation_hours")
    for index, item in enumerate(raw_hours.get("periods") or []):
        key = f"consultation_hours.periods.{index}"
        if not isinstance(item, dict):
            r.error(key, "a period needs days, start, end, site, capacity and languages")
            continue
        days = item.get("days")
        if not isinstance(days, list) or not days or any(d not in WEEKDAYS for d in days):
            r.error(f"{key}.days", f"days must be a list of {', '.join(WEEKDAYS)}")
            continue
        start, end = _time(item.get("start")), _time(item.get("end"))
        if start is None or end is None or end <= start:
            r.error(f"{key}.start", 'start and end must be times like "09:00", end after start')
            continue
        site = item.get("site", sites[0].id if sites else "")
        if site not in site_ids:
            r.error(f"{key}.site", f"unknown site {site!r}")
        languages = item.get("languages")
        if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages) or not languages:
            r.error(f"{key}.languages", "languages must be a list of language codes like [ro, bg]")
            languages = []
        capacity = _int(r, item, "capacity", 1, 1, key)
        periods.append(
            Period(tuple(WEEKDAYS.index(d) for d in days), start, end, str(site), capacity, tuple(languages))
        )

    raw_booking = raw.get("booking") or {}
    if not isinstance(raw_booking, dict):
        r.error("booking", "booking must be a mapping")
        raw_booking = {}
    booking = _booking_rules(r, raw_booking)

    closing: list[ClosingDay] = []
    for index, item in enumerate(raw.get("closing_days") or []):
        key = f"closing_days.{index}"
        if not isinstance(item, dict) or not isinstance(item.get("date"), date):
            r.error(key, "a closing day needs date: YYYY-MM-DD and a reason")
            continue
        closing.append(ClosingDay(item["date"], str(item.get("reason", ""))))

    if len([i for i in issues if i.severity == "error"]) > before:
        return None
    return ContactPoint(
        name=str(name),
        sites=tuple(sites),
        hours=Hours(hours_confirmed, str(raw_hours.get("source", "")), slot, tuple(periods)),
        booking=booking,
        closing_days=tuple(closing),
    )
