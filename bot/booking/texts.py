"""How appointments read in each language: dates and times (CLDR via babel), topics, languages."""

from __future__ import annotations

import re
from datetime import date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from bot.booking.repository import Booking
from bot.common import markup
from bot.content import render
from bot.content.contact_point import ContactPoint
from bot.core.clock import BERLIN
from bot.i18n.catalog import Translator


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def day_label(day: date, lang: str) -> str:
    """A day on a button, weekday in full: "marți, 1 decembrie", "Dienstag, 1. Dezember"."""
    locale = _locale(lang)
    skeletons = locale.datetime_skeletons
    pattern = skeletons.get("MMMMEd") or skeletons.get("MMMEd")  # English has only the short one
    if pattern is None:
        return format_date(day, "long", locale=locale)
    # CLDR's pattern with the abbreviated weekday (E) and month (MMM), widened: "E, MMM d" -> "EEEE, MMMM d".
    # Weekdays stay as CLDR writes them: lowercase in Romanian and Bulgarian ("marți", "вторник").
    wide = re.sub(r"(?<!E)E{1,3}(?!E)", "EEEE", str(pattern.pattern))
    wide = re.sub(r"(?<!M)M{3}(?!M)", "MMMM", wide)
    return format_date(day, wide, locale=locale)


def time_label(when: datetime) -> str:
    return when.astimezone(BERLIN).strftime("%H:%M")


def when_long(when: datetime, lang: str) -> str:
    """A start time in a sentence: "marți, 1 decembrie 2026, 09:30" (Europe/Berlin)."""
    local = when.astimezone(BERLIN)
    return f"{format_date(local.date(), 'full', locale=_locale(lang))}, {time_label(local)}"


def when_short(when: datetime, lang: str) -> str:
    """A start time on a button: "mar., 1 decembrie, 09:30"."""
    local = when.astimezone(BERLIN)
    return f"{day_label(local.date(), lang)}, {time_label(local)}"


def clock_time(when: datetime, lang: str) -> str:
    return format_time(when.astimezone(BERLIN), "short", locale=_locale(lang))


def language_name(code: str, lang: str) -> str:
    return render.language_name(code, lang)


def topic_label(t: Translator, topic: str) -> str:
    msg_id = f"booking-topic-{topic}"
    label = t(msg_id)
    return topic if label == msg_id else label


def address(contact: ContactPoint, site_id: str, t: Translator) -> str:
    """The site's address from contact-point.yml, with "please check" while it is not confirmed."""
    site = contact.site(site_id) or (contact.sites[0] if contact.sites else None)
    if site is None:
        return ""
    text = markup.escape(site.address)
    return text if site.confirmed else f"{text} {t('unconfirmed')}"


def unconfirmed_mark(contact: ContactPoint, t: Translator) -> str:
    """The one line every booking message carries while the consultation hours are not confirmed."""
    return "" if contact.hours.confirmed else t("booking-unconfirmed")


def marked(text: str, contact: ContactPoint, t: Translator) -> str:
    """``text`` with the "hours not confirmed" line under it, while they are not confirmed."""
    mark = unconfirmed_mark(contact, t)
    return f"{text}\n\n{mark}" if mark else text


def code_text(code: str) -> str:
    """Codes are shown in two halves, easier to read aloud: K7M-4PX."""
    return f"{code[:3]}-{code[3:]}" if len(code) == 6 else code


def details(booking: Booking, t: Translator) -> str:
    """One line about an appointment: when, topic, language."""
    return t(
        "booking-mine-line",
        when=when_long(booking.start, t.lang),
        topic=topic_label(t, booking.topic),
        language=language_name(booking.language, t.lang),
        code=code_text(booking.code),
    )
