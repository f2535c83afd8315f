"""Why the contact point cancelled an appointment, in the person's language.

Staff pick a preset reason (translated in Fluent: ``booking-reason-<id>`` in
``locales/*/booking-reasons.ftl``)
or type their own words, which reach the person marked as a message from the contact point in German (the
staff's language): never a German sentence passed off as the person's language.
"""

from __future__ import annotations

from bot.common import markup as mk
from bot.i18n.catalog import Translator

PRESETS = ("illness", "team-event", "closed", "unforeseen")
MESSAGES = {
    "illness": "booking-reason-illness",
    "team-event": "booking-reason-team-event",
    "closed": "booking-reason-closed",
    "unforeseen": "booking-reason-unforeseen",
}
PRESET_PREFIX = "preset:"
MAX_TEXT = 300


def note_of(preset: str, text: str) -> str | None:
    """What is stored: ``preset:<id>`` for a preset, else the staff's words; None when neither is given."""
    if preset in PRESETS:
        return PRESET_PREFIX + preset
    words = " ".join(text.split())[:MAX_TEXT]
    return words or None


def preset_in(text: str) -> str | None:
    """A preset typed in chat: its id (``illness``) or its number in the list (``1``)."""
    word = text.strip().lower()
    if word in PRESETS:
        return word
    if word.isdigit() and 1 <= int(word) <= len(PRESETS):
        return PRESETS[int(word) - 1]
    return None


def for_person(t: Translator, note: str | None) -> str:
    """The reason in the person's language (markup-safe): a preset translated, or staff words marked."""
    if not note:
        return t("booking-reason-none")
    preset = note.removeprefix(PRESET_PREFIX)
    if note.startswith(PRESET_PREFIX) and preset in MESSAGES:
        return t(MESSAGES[preset])
    return t("booking-reason-free", text=mk.escape(note))


def for_staff(t: Translator, note: str | None) -> str:
    """The reason as staff see it (their language)."""
    return for_person(t, note)


def presets_for_staff(t: Translator) -> list[tuple[str, str]]:
    """Each preset as (id, its text in the staff's language): the choices of a cancelling form."""
    return [(p, for_staff(t, PRESET_PREFIX + p)) for p in PRESETS]
