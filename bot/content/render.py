"""Turn a node into the text a user reads: placeholders filled from the contact point, review date, source."""

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


def unconfirmed_placeholders(body: str, contact: ContactPoint) -> set[str]:
    """The placeholders in ``body`` whose facts the contact point has not confirmed yet."""
    unconfirmed = set()
    if not contact.hours.confirmed:
        unconfirmed |= {"hours", "languages"}
    if not all(site.confirmed for site in contact.sites):
        unconfirmed.add("address")
    return {m.group(1) for m in PLACEHOLDER.finditer(body)} & unconfirmed


def source_line(tree: ContentTree, node_id: str, t: Translator) -> str:
    """One line linking the node's main official source, labelled in the reader's language."""
    source = tree.nodes[node_id].main_source
    if source is None:
        return ""
    link = f"[{markup.escape(source.title)}]({source.url})" if source.url else markup.escape(source.title)
    return t("source-line", source=link)


def node_text(tree: ContentTree, node_id: str, t: Translator) -> str:
    """Title, body, "checked on" line and main source of a node in the translator's language.

    "Checked on" would vouch for every fact above it, so it is left out while the body shows
    contact-point facts (hours, languages, address) that are not confirmed yet.
    """
    text = tree.text(node_id, t.lang)
    body = fill(text.body, tree.contact, t)
    parts = [f"**{markup.escape(text.title)}**", body]
    if not unconfirmed_placeholders(text.body, tree.contact):
        parts.append(t("checked-on", date=text.reviewed))
    line = source_line(tree, node_id, t)
    if line:
        parts.append(line)
    return "\n\n".join(parts)
