"""The contact point's facts (``content/contact-point.yml``): addresses, consultation hours, closing days.

The answers about hours and address and the appointment schedule both read this one file, so they
can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from bot.common.issues import Issue
from bot.content.yamlfile import Reporter, int_key, load_mapping, parse_time

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
    closing_days: tuple[ClosingDay, ...]
    # sections other parts define and check themselves (``booking:`` → bot.booking.rules), parsed
    sections: Mapping[str, object] = field(default_factory=dict)

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for period in self.hours.periods:
            seen.update(dict.fromkeys(period.languages))
        return tuple(seen)


SectionParser = Callable[[Reporter, dict[str, Any]], object]
"""Parses and checks one top-level section of contact-point.yml, reporting problems with file:line."""


def _sites(r: Reporter, raw: dict[str, Any]) -> list[Site]:
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
    return sites


def _period(r: Reporter, key: str, item: Any, sites: list[Site]) -> Period | None:
    if not isinstance(item, dict):
        r.error(key, "a period needs days, start, end, site, capacity and languages")
        return None
    days = item.get("days")
    if not isinstance(days, list) or not days or any(d not in WEEKDAYS for d in days):
        r.error(f"{key}.days", f"days must be a list of {', '.join(WEEKDAYS)}")
        return None
    start, end = parse_time(item.get("start")), parse_time(item.get("end"))
    if start is None or end is None or end <= start:
        r.error(f"{key}.start", 'start and end must be times like "09:00", end after start')
        return None
    site = item.get("site", sites[0].id if sites else "")
    if site not in {s.id for s in sites}:
        r.error(f"{key}.site", f"unknown site {site!r}")
    languages = item.get("languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages) or not languages:
        r.error(f"{key}.languages", "languages must be a list of language codes like [ro, bg]")
        languages = []
    capacity = int_key(r, item, "capacity", 1, 1, key)
    return Period(tuple(WEEKDAYS.index(d) for d in days), start, end, str(site), capacity, tuple(languages))


def _hours(r: Reporter, raw: dict[str, Any], sites: list[Site]) -> Hours:
    raw_hours = raw.get("consultation_hours")
    if not isinstance(raw_hours, dict):
        r.error("consultation_hours", "consultation_hours is missing")
        raw_hours = {}
    confirmed = raw_hours.get("confirmed") is True
    if raw_hours and not confirmed:
        r.warning("consultation_hours.confirmed", "consultation hours are not confirmed")
    slot = int_key(r, raw_hours, "slot_minutes", 30, 5, "consultation_hours")
    periods = [
        _period(r, f"consultation_hours.periods.{index}", item, sites)
        for index, item in enumerate(raw_hours.get("periods") or [])
    ]
    kept = tuple(p for p in periods if p is not None)
    return Hours(confirmed, str(raw_hours.get("source", "")), slot, kept)


def _closing_days(r: Reporter, raw: dict[str, Any]) -> list[ClosingDay]:
    closing: list[ClosingDay] = []
    for index, item in enumerate(raw.get("closing_days") or []):
        if not isinstance(item, dict) or not isinstance(item.get("date"), date):
            r.error(f"closing_days.{index}", "a closing day needs date: YYYY-MM-DD and a reason")
            continue
        closing.append(ClosingDay(item["date"], str(item.get("reason", ""))))
    return closing


def _sections(r: Reporter, raw: dict[str, Any], sections: Mapping[str, SectionParser]) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for section, parse in sections.items():
        raw_section = raw.get(section) or {}
        if not isinstance(raw_section, dict):
            r.error(section, f"{section} must be a mapping")
            raw_section = {}
        parsed[section] = parse(r, raw_section)
    return parsed


def load_contact_point(
    path: Path, issues: list[Issue], sections: Mapping[str, SectionParser] | None = None
) -> ContactPoint | None:
    """Load contact-point.yml; each of ``sections`` is parsed by its own parser (None when broken)."""
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
    sites = _sites(r, raw)
    hours = _hours(r, raw, sites)
    parsed = _sections(r, raw, sections or {})
    closing = _closing_days(r, raw)
    if len([i for i in issues if i.severity == "error"]) > before:
        return None
    return ContactPoint(str(name), tuple(sites), hours, tuple(closing), parsed)
