"""How appointments are booked, reminded and kept: the ``booking:`` section of contact-point.yml.

The content loader knows nothing of booking: it hands this section to :func:`parse` (registered as a
section parser by the app and by ``content check``), so a broken rule is reported with file and line and
the last good content keeps being served.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot.common.issues import Issue
from bot.content.contact_point import ContactPoint, load_contact_point
from bot.content.yamlfile import Reporter, int_key, time_key

SECTION = "booking"
DEFAULT_TOPICS = ("health", "housing", "school", "work", "other")


class WhenUnconfirmed(StrEnum):
    """What booking does while the consultation hours are not confirmed (``confirmed: false``)."""

    CLOSED = "closed"  # no booking: the entry explains how to reach the contact point instead
    DEMO = "demo"  # booking works, and every step says the times are not confirmed yet


@dataclass(frozen=True, slots=True)
class BookingRules:
    """How appointments are booked, reminded and kept (the ``booking:`` section)."""

    horizon_days: int = 21
    min_notice_hours: int = 12
    walk_in_quota: int = 0  # places per slot kept free for people who come without an appointment
    walk_in_per_day: int = 2  # places per day kept free, from the day's last slots backwards
    max_per_user: int = 2  # future appointments one person may hold
    hold_minutes: int = 10  # a chosen time is held this long while the person confirms
    reminder_day_before: time | None = time(18, 0)  # Europe/Berlin wall time on the day before
    reminder_hours_before: tuple[int, ...] = (2,)
    quiet_from: time = time(22, 0)  # no reminder is sent between quiet_from and quiet_until
    quiet_until: time = time(7, 0)
    keep_personal_days: int = 30  # first name and phone are erased this long after the appointment
    topics: tuple[str, ...] = DEFAULT_TOPICS  # each needs booking-topic-<id> in locales/*/booking.ftl
    # closed unless the operator chose otherwise: nobody relies on hours the contact point never gave
    when_unconfirmed: WhenUnconfirmed = WhenUnconfirmed.CLOSED
    # against scalping (many scripted accounts emptying the calendar); 0 turns a limit off
    bookings_per_hour: int = 6  # new bookings across all accounts; beyond it new bookings wait
    bookings_per_day: int = 20
    new_account_minutes: int = 10  # when booking is busy, accounts first seen this recently wait
    holds_per_hour: int = 4  # times one account may hold (choose) per hour...
    holds_per_day: int = 10  # ...and per day: a hold cannot be renewed without end


def rules_of(contact: ContactPoint) -> BookingRules:
    """The booking rules of a loaded contact point (the defaults when it was loaded without them)."""
    rules = contact.sections.get(SECTION)
    return rules if isinstance(rules, BookingRules) else BookingRules()


def _hours_before(r: Reporter, raw: dict[str, Any]) -> tuple[int, ...]:
    hours = raw.get("reminder_hours_before", [2])
    if isinstance(hours, int) and not isinstance(hours, bool):
        hours = [hours]
    if not isinstance(hours, list) or not all(isinstance(h, int) and 0 < h <= 72 for h in hours):
        r.error("booking.reminder_hours_before", "reminder_hours_before must be a list of hours like [2]")
        hours = [2]
    return tuple(sorted(set(hours), reverse=True))


def _topics(r: Reporter, raw: dict[str, Any]) -> tuple[str, ...]:
    topics = raw.get("topics", list(DEFAULT_TOPICS))
    if (
        not isinstance(topics, list)
        or not topics
        or not all(isinstance(x, str) and x.replace("-", "").isalnum() and x.islower() for x in topics)
    ):
        r.error("booking.topics", "topics must be a list of ids like [health, housing, other]")
        return DEFAULT_TOPICS
    return tuple(topics)


def _when_unconfirmed(r: Reporter, raw: dict[str, Any]) -> WhenUnconfirmed:
    value = raw.get("when_unconfirmed", WhenUnconfirmed.CLOSED.value)
    try:
        return WhenUnconfirmed(value)
    except ValueError:
        choices = " or ".join(m.value for m in WhenUnconfirmed)
        r.error("booking.when_unconfirmed", f"when_unconfirmed must be {choices}, not {value!r}")
        return WhenUnconfirmed.CLOSED


def parse(r: Reporter, raw: dict[str, Any]) -> BookingRules:
    """The ``booking:`` mapping as rules; every problem reported through ``r`` (file:line)."""

    def number(key: str, default: int, minimum: int) -> int:
        return int_key(r, raw, key, default, minimum, SECTION)

    return BookingRules(
        horizon_days=number("horizon_days", 21, 1),
        min_notice_hours=number("min_notice_hours", 12, 0),
        walk_in_quota=number("walk_in_quota", 0, 0),
        walk_in_per_day=number("walk_in_per_day", 2, 0),
        max_per_user=number("max_per_user", 2, 1),
        hold_minutes=number("hold_minutes", 10, 1),
        reminder_day_before=time_key(r, raw, "reminder_day_before", time(18, 0), SECTION, optional=True),
        reminder_hours_before=_hours_before(r, raw),
        quiet_from=time_key(r, raw, "quiet_from", time(22, 0), SECTION) or time(22, 0),
        quiet_until=time_key(r, raw, "quiet_until", time(7, 0), SECTION) or time(7, 0),
        keep_personal_days=number("keep_personal_days", 30, 1),
        topics=_topics(r, raw),
        when_unconfirmed=_when_unconfirmed(r, raw),
        bookings_per_hour=number("bookings_per_hour", 6, 0),
        bookings_per_day=number("bookings_per_day", 20, 0),
        new_account_minutes=number("new_account_minutes", 10, 0),
        holds_per_hour=number("holds_per_hour", 4, 0),
        holds_per_day=number("holds_per_day", 10, 0),
    )


SECTIONS = {SECTION: parse}
"""The section parsers to load contact-point.yml with (the app and ``content check`` pass them on)."""


def load_contact(path: Path, issues: list[Issue]) -> ContactPoint | None:
    """contact-point.yml with its booking rules (for tools and tests that load it on their own)."""
    return load_contact_point(path, issues, SECTIONS)
