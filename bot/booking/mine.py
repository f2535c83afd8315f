"""``/appointments``: the person's appointments with cancel and move, and a choice to book one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.booking import closed, notices, reasons, texts
from bot.booking.draft import Draft, Step
from bot.booking.repository import Booking
from bot.booking.service import ACTION_NEW, cancel_action, move_action
from bot.common.phrases import Phrase, any_found, covered, parse_list
from bot.core import actions
from bot.core.events import Choice, Reply
from bot.core.feature import Turn
from bot.i18n.catalog import Catalog, Translator

if TYPE_CHECKING:
    from bot.booking.flow import BookingFeature

VERBS = ("cancel", "cancelyes", "keep", "move")
RECENTLY_CANCELLED_DAYS = 14  # how long a cancellation by the contact point stays in /appointments


@dataclass(frozen=True)
class Words:
    phrases: tuple[Phrase, ...]
    filler: frozenset[str] = frozenset()

    def found_in(self, words: list[str]) -> bool:
        return any_found(self.phrases, words)

    def whole(self, words: list[str]) -> bool:
        """The message is nothing but these phrases and filler words ("vreau o programare, va rog")."""
        return covered(words, self.phrases, self.filler)


class PhraseList:
    """The phrases of one locale message (``booking-mine-words``, ``booking-new-words``), every
    language joined, with the filler words (``words-filler``, greetings, thanks); rebuilt when the
    locales are reloaded.
    ``read`` names the message with a literal id, which the locale check follows."""

    def __init__(self, read: Callable[[Translator], str]) -> None:
        self.read = read
        self._catalog: Catalog | None = None
        self._words = Words(())

    def of(self, catalog: Catalog) -> Words:
        if self._catalog is not catalog:
            phrases: list[Phrase] = []
            filler: set[str] = set()
            for lang in catalog.languages:
                t = catalog.translator(lang)
                phrases.extend(parse_list(self.read(t)))
                # "buna ziua, vreau o programare, multumesc": greetings and thanks around do not change it
                around = (t("words-filler"), t("talk-hello-words"), t("talk-thanks-words"))
                filler.update(word for text in around for phrase in parse_list(text) for word in phrase.words)
            self._words, self._catalog = Words(tuple(phrases), frozenset(filler)), catalog
        return self._words


async def overview(feature: BookingFeature, turn: Turn, notice: str = "") -> list[Reply]:
    """The list of the person's future appointments."""
    t = turn.t
    service = feature.service
    if turn.session.flow == feature.name:
        await service.bookings.release_holds(turn.session.user_id)
        turn.session.end_flow()
    upcoming = await service.bookings.upcoming(turn.session.user_id, turn.now)
    choices: list[Choice] = []
    if upcoming:
        lines = [t("booking-mine-title", count=len(upcoming))]
        for booking in upcoming:
            lines.append("- " + texts.details(booking, t))
            short = texts.when_short(booking.start, turn.lang)
            choices.append(Choice(move_action(booking.code), t("booking-move-choice", when=short)))
            choices.append(Choice(cancel_action(booking.code), t("booking-cancel-choice", when=short)))
        text = texts.marked("\n".join(lines), service.contact, t)
    else:
        text = t("booking-mine-none")
    since = turn.now - timedelta(days=RECENTLY_CANCELLED_DAYS)
    cancelled = await service.bookings.recently_cancelled(turn.session.user_id, since)
    if cancelled:
        lines = [t("booking-mine-cancelled-title")]
        for booking in cancelled:
            when = texts.when_short(booking.start, turn.lang)
            topic = texts.topic_label(t, booking.topic)
            reason = reasons.for_person(t, booking.staff_note)
            lines.append("- " + t("booking-mine-cancelled-line", when=when, topic=topic, reason=reason))
        text += "\n\n" + "\n".join(lines)
    if len(upcoming) < service.rules.max_per_user:
        choices.append(Choice(ACTION_NEW, t("booking-entry")))
    choices.append(Choice(actions.HOME, t("choice-home")))
    return [Reply(f"{notice}\n\n{text}" if notice else text, tuple(choices))]


async def by_words(feature: BookingFeature, turn: Turn, verb: str) -> list[Reply] | None:
    """ "otmeni 4asa", "vreau sa mut programarea": with one appointment, its cancel question or its
    move; with several, the list to choose from (also when there is none: it says so)."""
    upcoming = await feature.service.bookings.upcoming(turn.session.user_id, turn.now)
    if len(upcoming) == 1:
        return await action(feature, turn, verb, upcoming[0].code)
    return await overview(feature, turn)


async def _own(feature: BookingFeature, turn: Turn, code: str) -> Booking | None:
    """The person's own future appointment with this code (forged or stale codes give None)."""
    booking = await feature.service.bookings.get(code)
    if booking is None or booking.user_id != turn.session.user_id or booking.end <= turn.now:
        return None
    return booking if booking.status == "booked" else None


async def action(feature: BookingFeature, turn: Turn, verb: str, code: str) -> list[Reply] | None:
    t = turn.t
    booking = await _own(feature, turn, code)
    if booking is None:
        return await overview(feature, turn, notice=t("booking-not-found"))
    when = texts.when_long(booking.start, turn.lang)
    if verb == "keep":
        return await overview(feature, turn)
    if verb == "cancel":
        turn.session.end_flow()
        # a step of its own, so that a word it does not understand keeps the question open
        turn.session.flow, turn.session.step = feature.name, Step.CANCEL
        choices = (
            Choice(f"booking:cancelyes:{booking.code}", t("booking-cancel-yes")),
            Choice(f"booking:keep:{booking.code}", t("booking-cancel-no")),
        )
        return [Reply(t("booking-cancel-ask", when=when), choices)]
    if verb == "cancelyes":
        cancelled = await feature.service.bookings.cancel(
            booking.code, "user", turn.now, user_id=turn.session.user_id
        )
        if cancelled is None:
            return await overview(feature, turn, notice=t("booking-not-found"))
        await notices.announce(feature.service, "booking-staff-cancelled", cancelled)
        return await overview(feature, turn, notice=t("booking-cancelled", when=when))
    if verb == "move":
        if feature.service.closed:  # moving books a new time: not while booking is closed
            return await closed.reply(feature, turn)
        await feature.service.bookings.release_holds(turn.session.user_id)
        turn.session.end_flow()
        turn.session.flow = feature.name
        draft = Draft(turn.session)
        draft.move, draft.topic, draft.language = booking.code, booking.topic, booking.language
        # shown in the summary; the move itself carries them over from the stored appointment
        draft.first_name, draft.phone = booking.first_name or "", booking.phone or ""
        return await feature.ask_day(turn)
    return None
