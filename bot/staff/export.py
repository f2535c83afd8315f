"""The agenda as data for staff tools: JSON, CSV and iCalendar (imports into Outlook).

Holds are not appointments and never appear. Status is ``booked``, ``cancelled`` or ``no_show``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from icalendar import Calendar, Event

from bot.booking.repository import Booking
from bot.core.clock import BERLIN

FIELDS = ("code", "start", "end", "language", "topic", "status", "site", "first_name", "phone")
PRODID = "-//newcomers-bot//Willkommen Europa agenda//EN"


def record(booking: Booking) -> dict[str, Any]:
    """One appointment as a flat record; times in ISO 8601 with the Europe/Berlin offset."""
    return {
        "code": booking.code,
        "start": booking.start.astimezone(BERLIN).isoformat(timespec="minutes"),
        "end": booking.end.astimezone(BERLIN).isoformat(timespec="minutes"),
        "language": booking.language,
        "topic": booking.topic,
        "status": str(booking.status),
        "site": booking.site,
        "first_name": booking.first_name,
        "phone": booking.phone,
    }


def to_json(bookings: Sequence[Booking]) -> str:
    return json.dumps([record(b) for b in bookings], ensure_ascii=False, indent=2) + "\n"


def to_csv(bookings: Sequence[Booking]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for booking in bookings:
        writer.writerow({k: ("" if v is None else v) for k, v in record(booking).items()})
    return out.getvalue()


def to_ics(bookings: Sequence[Booking], site_names: dict[str, str], now: datetime) -> str:
    """One VEVENT per appointment; cancelled ones as STATUS:CANCELLED so calendars remove them.
    Only the first name goes into the calendar (calendars are synced to many places), no phone."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-timezone", "Europe/Berlin")
    for booking in bookings:
        event = Event()
        event.add("uid", f"{booking.code}@newcomers-bot")
        event.add("dtstamp", now)
        event.add("dtstart", booking.start)
        event.add("dtend", booking.end)
        name = f" – {booking.first_name}" if booking.first_name else ""
        event.add("summary", f"{booking.code} {booking.language.upper()} {booking.topic}{name}")
        event.add("location", site_names.get(booking.site, booking.site))
        event.add("description", f"code {booking.code}, language {booking.language}, topic {booking.topic}")
        event.add("status", "CANCELLED" if booking.status == "cancelled" else "CONFIRMED")
        event.add("categories", [booking.language, str(booking.status)])
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
