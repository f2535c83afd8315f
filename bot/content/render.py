"""Turn a node into the text a user reads: placeholders filled from the contact point, review date."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from bot.common import markup
from bot.content.contact_point import WEEKDAYS, ContactPoint
from bot.content.loader import PLACEHOLDER
from bot.content.tree import ContentTree
from bot.i18n.catalog import Translator


def language_name(code: str, in_lang: str) -> str:
    """A language's name in the reader's language (babel's CLDR data), e.g. "bulgară" in Romanian."""
    try:
        name = Locale.parse(in_lang).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code


def _unconfirmed(confirmed: bool, t: Translator) -> str:
    return "" if confirmed else " " + t("unconfirmed")


def hours_text(contact: ContactPoint, t: Translator) -> str:
    lines = []
    for period in contact.hours.periods:
        days = ", ".join(t(f"weekday-{WEEKDAYS[d]}") for d in period.days)
        languages = ", ".join(language_name(code, t.lang) for code in period.languages)
        lines.append(
            "- "
            + t(
                "hours-line",
                days=days,
                start=period.start.strftime("%H:%M"),
                end=period.end.strftime("%H:%M"),
                languages=languages,
            )
        )
    if not lines:
        lines.append(t("hours-none"))
    if not contact.hours.confirmed:
        lines.append("⚠️ " + t("unconfirmed"))
    return "\n".join(lines) + "\n" + t("hours-note")


def address_text(contact: ContactPoint, t: Translator) -> str:
    return "\n".join(
        f"- {markup.escape(site.address)}{_unconfirmed(site.confirmed, t)}" for site in contact.sites
    )


def languages_text(contact: ContactPoint, t: Translator) -> str:
    names = ", ".join(language_name(code, t.lang) for code in contact.languages)
    return names + _unconfirmed(contact.hours.confirmed, t)


def fill(body: str, contact: ContactPoint, t: Translator) -> str:
    values = {
        "hours": lambda: hours_text(contact, t),
        "address": lambda: address_text(contact, t),
        "languages": lambda: languages_text(contact, t),
    }
    return PLACEHOLDER.sub(lambda m: values[m.group(1)]() if m.group(1) in values else "", body)


def node_text(tree: ContentTree, node_id: str, t: Translator) -> str:
    """Title, body and "checked on" line of a node in the translator's language."""
    text = tree.text(node_id, t.lang)
    body = fill(text.body, tree.contact, t)
    return f"**{markup.escape(text.title)}**\n\n{body}\n\n{t('checked-on', date=text.reviewed)}"
