"""Slots at any date, with an injected clock: DST weekends, NRW holidays, closing days, horizon, notice."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.booking.rules import load_contact, rules_of
from bot.booking.schedule import Schedule, public_holiday
from bot.common.issues import Issue
from bot.config import ROOT
from bot.content.contact_point import ContactPoint
from bot.core.clock import BERLIN


@pytest.fixture(scope="module")
def contact() -> ContactPoint:
    issues: list[Issue] = []
    loaded = load_contact(ROOT / "content" / "contact-point.yml", issues)
    assert loaded is not None, [i.format() for i in issues]
    return loaded


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def starts_on(schedule: Schedule, now: datetime, day: date) -> list[datetime]:
    return [s.start for s in schedule.bookable(now) if s.local_start.date() == day]


def test_spring_dst_weekend_keeps_wall_clock_times(contact: ContactPoint) -> None:
    # DST starts on Sunday 28 March 2027 (also Easter): 09:00 is 08:00 UTC on Thursday and 07:00 UTC
    # on Tuesday; Monday is Ostermontag, a holiday
    now = berlin(2027, 3, 24, 8, 0)
    schedule = Schedule(contact)
    thursday = starts_on(schedule, now, date(2027, 3, 25))
    assert starts_on(schedule, now, date(2027, 3, 29)) == []
    monday = starts_on(schedule, now, date(2027, 3, 30))
    assert thursday[0] == datetime(2027, 3, 25, 8, 0, tzinfo=UTC)
    assert monday[0] == datetime(2027, 3, 30, 7, 0, tzinfo=UTC)
    # 11:30 is the day's last slot: its 2 places are kept for walk-ins (walk_in_per_day: 2)
    times = [time(h, m) for h in (9, 10, 11) for m in (0, 30)]
    assert [s.astimezone(BERLIN).time() for s in monday] == times[:-1]
    assert starts_on(schedule, now, date(2027, 3, 28)) == []  # Sunday: no consultation hours


def test_autumn_dst_weekend_keeps_wall_clock_times(contact: ContactPoint) -> None:
    # DST ends on Sunday 25 October 2026: Thursday 09:00 is 07:00 UTC, Monday 09:00 is 08:00 UTC
    now = berlin(2026, 10, 21, 8, 0)
    schedule = Schedule(contact)
    assert starts_on(schedule, now, date(2026, 10, 22))[0] == datetime(2026, 10, 22, 7, 0, tzinfo=UTC)
    assert starts_on(schedule, now, date(2026, 10, 26))[0] == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    assert all(s.astimezone(BERLIN).hour in (9, 10, 11) for s in starts_on(schedule, now, date(2026, 10, 26)))


def test_nrw_holidays_have_no_slots(contact: ContactPoint) -> None:
    assert public_holiday(date(2027, 5, 27)) is not None  # Fronleichnam (Corpus Christi), a Thursday
    assert public_holiday(date(2027, 11, 1)) is not None  # Allerheiligen (All Saints), a Monday
    assert public_holiday(date(2027, 5, 26)) is None
    schedule = Schedule(contact)
    assert schedule.slots_on(date(2027, 5, 27)) == []
    assert schedule.slots_on(date(2027, 11, 1)) == []
    assert schedule.slots_on(date(2027, 5, 17)) == []  # Pfingstmontag (Whit Monday)
    assert schedule.slots_on(date(2027, 5, 24))  # the Monday after is open
    assert schedule.slots_on(date(2027, 11, 2))


def test_fronleichnam_is_an_nrw_holiday_not_everywhere() -> None:
    import holidays

    berlin_state = holidays.country_holidays("DE", subdiv="BE", years=2027)
    assert date(2027, 5, 27) not in berlin_state
    assert public_holiday(date(2027, 5, 27)) is not None


def test_closing_days_from_the_file_and_from_staff(contact: ContactPoint) -> None:
    schedule = Schedule(contact, extra_closing=[date(2026, 12, 1)])
    assert schedule.slots_on(date(2026, 12, 24)) == []  # Heiligabend in contact-point.yml
    assert schedule.slots_on(date(2026, 12, 1)) == []  # added with /close
    assert schedule.slots_on(date(2026, 12, 3))


def test_horizon_days(contact: ContactPoint) -> None:
    now = berlin(2026, 11, 25, 11, 0)
    days = {s.local_start.date() for s in Schedule(contact).bookable(now)}
    assert max(days) <= date(2026, 11, 25) + timedelta(days=21)
    assert date(2026, 12, 14) in days  # a Monday exactly 19 days ahead
    short = dataclasses.replace(rules_of(contact), horizon_days=3)
    days = {s.local_start.date() for s in Schedule(contact, rules=short).bookable(now)}
    assert max(days) <= date(2026, 11, 28)


def test_minimum_notice(contact: ContactPoint) -> None:
    # Wednesday 20:00: 12 hours of notice rule out Thursday before 08:00, so Thursday 09:00 is first
    now = berlin(2026, 11, 25, 20, 0)
    first = next(Schedule(contact).bookable(now))
    assert first.local_start == berlin(2026, 11, 26, 9, 0)
    # Thursday 22:00 + 12 h = Friday 10:00: nothing on Friday, next is Monday 09:00
    now = berlin(2026, 11, 26, 22, 0)
    first = next(Schedule(contact).bookable(now))
    assert first.local_start == berlin(2026, 11, 30, 9, 0)
    # Wednesday 22:30: Thursday 09:00 is 10.5 h away, too soon; 11:00 is fine
    now = berlin(2026, 11, 25, 22, 30)
    first = next(Schedule(contact).bookable(now))
    assert first.local_start == berlin(2026, 11, 26, 10, 30)


def test_languages_per_period(contact: ContactPoint) -> None:
    now = berlin(2026, 11, 25, 8, 0)
    english = {s.local_start.weekday() for s in Schedule(contact).bookable(now, "en")}
    assert 2 not in english  # Wednesday afternoons have no English
    assert {0, 1, 3} <= english
    romanian = {s.local_start.weekday() for s in Schedule(contact).bookable(now, "ro")}
    assert 2 in romanian


def test_walk_in_quota_takes_places_off(contact: ContactPoint) -> None:
    quota = dataclasses.replace(rules_of(contact), walk_in_quota=1)
    assert {s.capacity for s in Schedule(contact, rules=quota).slots_on(date(2026, 12, 3))} == {1}
    all_walk_in = dataclasses.replace(rules_of(contact), walk_in_quota=2)
    assert Schedule(contact, rules=all_walk_in).slots_on(date(2026, 12, 3)) == []


def test_forged_slot_keys_are_refused(contact: ContactPoint) -> None:
    now = berlin(2026, 11, 25, 8, 0)
    schedule = Schedule(contact)
    slot = next(schedule.bookable(now))
    assert schedule.find(slot.key, now) == slot
    for key in ("nordstadt.1", "nordstadt.abc", "x.y", "", "elsewhere." + slot.key.split(".")[1]):
        assert schedule.find(key, now) is None
    later = now + timedelta(days=1)
    assert schedule.find(slot.key, later) is None  # past the notice by now


def test_walk_ins_keep_places_at_the_end_of_each_day(contact: ContactPoint) -> None:
    rules = rules_of(contact)
    assert rules.walk_in_per_day == 2  # above zero by default: scripts can never take every place
    day = date(2026, 12, 3)
    none_kept = Schedule(contact, rules=dataclasses.replace(rules, walk_in_per_day=0)).slots_on(day)
    kept = Schedule(contact, rules=dataclasses.replace(rules, walk_in_per_day=3)).slots_on(day)
    assert sum(s.capacity for s in none_kept) - sum(s.capacity for s in kept) == 3
    assert [s.capacity for s in kept] == [2] * (len(none_kept) - 2) + [1]  # from the last slot back
