"""The booking conversation: topic → language → day → time → first name → phone → summary → confirm.

Every step offers choices (buttons or numbers); the optional steps have a "skip" choice. The place
is held from the moment a time is chosen, so nobody can take it while the person confirms.
Also: ``/appointments`` (:mod:`bot.booking.mine`). Staff commands are in :mod:`bot.staff`.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime

import phonenumbers

from bot.booking import closed, guard, mine, notices, reminders, texts
from bot.booking.draft import Draft, Step
from bot.booking.mine import PhraseList
from bot.booking.repository import Booking, Outcome, Status, TakeResult
from bot.booking.schedule import Slot
from bot.booking.service import ACTION_MINE, ACTION_NEW, REMINDER_INTERVAL, BookingService
from bot.common import markup
from bot.common.phrases import tokens
from bot.core import actions
from bot.core.clock import BERLIN
from bot.core.events import Choice, Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from bot.ops import metrics

log = logging.getLogger(__name__)

HAS_APPOINTMENT = "booking:has-appointment"  # a turn mark: the person has a future appointment

DAYS_PER_PAGE = 7
NEXT_FREE = 4  # free times offered when the chosen one was just taken
MAX_NAME = 40
NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '\-.’])*$")
PHONE_REGION = "DE"
HOME_REGIONS = {"ro": "RO", "bg": "BG"}  # where people writing in this language often have a number


def _nav(turn: Turn) -> tuple[Choice, ...]:
    return (Choice(actions.BACK, turn.t("choice-back")), Choice(actions.HOME, turn.t("choice-home")))


def _live(held: Booking | None, user_id: int, now: datetime) -> bool:
    """The person's hold still keeps the place (it has not run out)."""
    if held is None or held.user_id != user_id or held.status is not Status.HOLD:
        return False
    return held.hold_until is not None and held.hold_until > now


def clean_name(text: str) -> str | None:
    """A first name as typed, or None when it does not look like one (digits, symbols, too long)."""
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME or not NAME.match(name):
        return None
    return name


MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def clean_phone(text: str, lang: str = "") -> str | None:
    """A valid phone number in E.164, else None.

    Without a country code the number is read as German, and as a number of the country of the
    person's language (many keep their Romanian or Bulgarian mobile). A mobile number wins over a
    landline: "0721 234 567" is a Romanian mobile rather than a landline in Karlsruhe. Otherwise
    German first.
    """
    if len(text) > 40:
        return None
    valid: list[phonenumbers.PhoneNumber] = []
    for region in dict.fromkeys((PHONE_REGION, HOME_REGIONS.get(lang, PHONE_REGION))):
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            valid.append(number)
    if not valid:
        return None
    best = next((n for n in valid if phonenumbers.number_type(n) in MOBILE), valid[0])
    return phonenumbers.format_number(best, phonenumbers.PhoneNumberFormat.E164)


class BookingFeature(Feature):
    """Appointments at the contact point: book, list, cancel, move; staff commands; reminders."""

    name = "booking"
    commands = ("appointments",)

    def __init__(self, services: FeatureServices, reminder_interval: float | None = None) -> None:
        self.service = BookingService(services, reminder_interval or REMINDER_INTERVAL)
        self.services = services
        services.sessions.keep(self.service.bookings.users_with_appointments)
        self._mine_words = PhraseList(lambda t: t("booking-mine-words"))
        self._new_words = PhraseList(lambda t: t("booking-new-words"))
        self._cancel_words = PhraseList(lambda t: t("booking-cancel-words"))
        self._move_words = PhraseList(lambda t: t("booking-move-words"))
        self._skip_words = PhraseList(lambda t: t("booking-skip-words"))

    async def start(self) -> None:
        """Start the reminder job (it survives restarts: reminders are rows)."""
        self.services.spawn(self.service.run(), "booking-reminders")

    # -- entry points ---------------------------------------------------------------------------

    async def prepare(self, turn: Turn) -> None:
        if turn.session.lang is not None and await self.service.bookings.upcoming(
            turn.session.user_id, turn.now
        ):
            turn.marks.add(HAS_APPOINTMENT)

    def home_choices(self, turn: Turn) -> list[Choice]:
        choices = [Choice(ACTION_NEW, turn.t("booking-entry"))]
        if HAS_APPOINTMENT in turn.marks:
            choices.append(Choice(ACTION_MINE, turn.t("booking-mine-choice")))
        return choices

    async def answer(self, turn: Turn, text: str) -> list[Reply] | None:
        """ "vreau o programare", "iskam da si zapisha 4as": booking starts (the whole message says so:
        "vreau o programare la medic" is a question for the answers); "otmeni 4asa", "vreau sa mut
        programarea": the cancel question or the move of one's appointment. "unde vad programarea
        mea?", "moite 4asove": the person's own appointments."""
        words, catalog = tokens(text), turn.library.catalog
        if self._new_words.of(catalog).whole(words):
            return await self.begin(turn)
        if self._cancel_words.of(catalog).whole(words):
            return await mine.by_words(self, turn, "cancel")
        if self._move_words.of(catalog).whole(words):
            return await mine.by_words(self, turn, "move")
        if self._mine_words.of(catalog).found_in(words):
            return await mine.overview(self, turn)
        return None

    def node_choices(self, turn: Turn, node_id: str) -> list[Choice]:
        if node_id.startswith("contact/"):
            return [Choice(ACTION_NEW, turn.t("booking-entry"))]
        return []

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        if name == "appointments":
            return await mine.overview(self, turn)
        return None

    async def action(self, turn: Turn, action: str) -> list[Reply] | None:
        draft = Draft(turn.session)
        verb, _, arg = action.partition(":")
        if verb == "new":
            return await self.begin(turn)
        if verb == "mine":
            return await mine.overview(self, turn)
        if verb in mine.VERBS:
            return await mine.action(self, turn, verb, arg)
        if turn.session.flow != self.name:
            return None  # a step's button from a finished flow: the core says "no longer valid"
        if self.service.closed:  # closed while the person was booking (content reloaded): nothing is booked
            return await closed.reply(self, turn)
        if verb == "topic" and arg in self.service.rules.topics:
            draft.topic = arg
            return await self.ask_language(turn)
        if verb == "lang" and draft.topic:
            return await self.choose_language(turn, arg)
        if verb == "days" and arg.isdigit() and draft.language:
            return await self.ask_day(turn, offset=int(arg))
        if verb == "day" and draft.language:
            return await self.choose_day(turn, arg)
        if verb == "slot" and draft.language:
            return await self.choose_slot(turn, arg)
        if verb == "skip" and turn.session.step == Step.FIRST_NAME:
            draft.first_name = ""
            return self.ask_phone(turn)
        if verb == "skip" and turn.session.step == Step.PHONE:
            draft.phone = ""
            return self.summary(turn)
        if verb == "retime" and turn.session.step == Step.SUMMARY:
            await self.service.bookings.release_holds(turn.session.user_id)
            return await self.ask_day(turn)
        if verb == "confirm" and turn.session.step == Step.SUMMARY:
            return await self.confirm(turn)
        if verb == "abort":
            return await self.abort(turn)
        return None

    async def text(self, turn: Turn, text: str) -> list[Reply] | None:
        draft = Draft(turn.session)
        if turn.session.step in (Step.FIRST_NAME, Step.PHONE) and self._skip_words.of(
            turn.library.catalog
        ).whole(tokens(text)):
            # "sari peste", "nu am telefon", "bez telefon": the whole message says skip (a name never does)
            return await self.action(turn, "skip")
        if turn.session.step == Step.FIRST_NAME:
            name = clean_name(text)
            if name is None:
                return self.ask_name(turn, notice=turn.t("booking-name-invalid", max=MAX_NAME))
            draft.first_name = name
            return self.ask_phone(turn)
        if turn.session.step == Step.PHONE:
            phone = clean_phone(text, turn.lang)
            if phone is None:
                return self.ask_phone(turn, notice=turn.t("booking-phone-invalid"))
            draft.phone = phone
            return self.summary(turn)
        return None  # a question in the middle of the flow: answered as usual

    def wants_text(self, turn: Turn) -> bool:
        return turn.session.flow == self.name and turn.session.step in (Step.FIRST_NAME, Step.PHONE)

    def polarity(self, action: str) -> bool | None:
        verb = action.partition(":")[0]
        if verb in ("confirm", "cancelyes"):
            return True
        if verb in ("abort", "keep"):
            return False
        return None

    async def cancel(self, turn: Turn) -> list[Reply] | None:
        """ "Stop" in a step: nothing is booked (a move: the old appointment stands)."""
        if turn.session.step == Step.CANCEL:
            return await mine.overview(self, turn)
        return await self.abort(turn)

    async def abort(self, turn: Turn) -> list[Reply]:
        """Nothing is booked; when moving, say that the old appointment stands."""
        kept = await self.leaving(turn)
        turn.session.end_flow()
        if kept is not None:
            choices = (Choice(ACTION_MINE, turn.t("booking-mine-choice")), *self.after_choices(turn))
            return [Reply(kept, choices)]
        return [Reply(turn.t("booking-aborted"), self.after_choices(turn))]

    async def leaving(self, turn: Turn) -> str | None:
        """Leaving the booking (to the menu, or "Nu fac programarea"): the held time is freed; a move
        says the old appointment stands."""
        moving = Draft(turn.session).move
        await self.service.bookings.release_holds(turn.session.user_id)
        old = await self.service.bookings.get(moving) if moving else None
        if old is not None and old.status is Status.BOOKED:
            return turn.t("booking-move-kept", when=texts.when_long(old.start, turn.lang))
        return None

    async def back(self, turn: Turn) -> list[Reply] | None:
        if self.service.closed:
            return await closed.reply(self, turn)
        draft = Draft(turn.session)
        step, moving = turn.session.step, bool(draft.move)
        if step == Step.LANGUAGE:
            return await self.begin(turn)
        if step == Step.CANCEL:
            return await mine.overview(self, turn)
        if step == Step.DAY:
            return await mine.overview(self, turn) if moving else await self.ask_language(turn)
        if step == Step.TIME:
            return await self.ask_day(turn)
        if step == Step.FIRST_NAME:
            await self.service.bookings.release_holds(turn.session.user_id)
            return await self.ask_time(turn, draft.day)
        if step == Step.PHONE:
            return self.ask_name(turn)
        if step == Step.SUMMARY:
            if moving:
                await self.service.bookings.release_holds(turn.session.user_id)
                return await self.ask_time(turn, draft.day)
            return self.ask_phone(turn)
        return None

    async def forget(self, turn: Turn) -> None:
        cancelled = await self.service.bookings.forget_user(turn.session.user_id, turn.now)
        for booking in cancelled:
            # the person asked to be forgotten: staff get the code and time, not the name again
            await notices.announce(self.service, "booking-staff-forgotten", booking)

    # -- the steps ---------------------------------------------------------------------------

    async def begin(self, turn: Turn) -> list[Reply]:
        t = turn.t
        if self.service.closed:
            return await closed.reply(self, turn)
        upcoming = await self.service.bookings.upcoming(turn.session.user_id, turn.now)
        limit = self.service.rules.max_per_user
        if len(upcoming) >= limit:
            turn.session.end_flow()
            return await mine.overview(self, turn, notice=t("booking-limit", count=len(upcoming)))
        wait = await self.service.booking_wait(turn.session.user_id, turn.now)
        if wait is not None:
            return self.must_wait(turn, wait)
        await self.service.bookings.release_holds(turn.session.user_id)
        turn.session.end_flow()
        turn.session.flow, turn.session.step = self.name, Step.TOPIC
        choices = [
            Choice(f"booking:topic:{topic}", texts.topic_label(t, topic))
            for topic in self.service.rules.topics
        ]
        text = t("booking-topic-prompt")
        if upcoming:
            text = t("booking-have", count=len(upcoming)) + "\n\n" + text
            choices.append(Choice(ACTION_MINE, t("booking-mine-choice")))
        return [Reply(self._marked(turn, text), (*choices, *_nav(turn)))]

    async def ask_language(self, turn: Turn, notice: str = "") -> list[Reply]:
        t = turn.t
        turn.session.step = Step.LANGUAGE
        free = await self.service.free_slots(turn.now, None)
        offered = {lang for slot in free for lang in slot.languages}
        ordered = sorted(
            (code for code in self.service.contact.languages if code in offered),
            key=lambda code: code != turn.lang,  # the user's own language first
        )
        if not ordered:
            turn.session.end_flow()
            return [Reply(t("booking-none"), self.after_choices(turn, hours=True))]
        choices = [Choice(f"booking:lang:{code}", texts.language_name(code, turn.lang)) for code in ordered]
        text = t("booking-language-prompt")
        text = f"{notice}\n\n{text}" if notice else text
        return [Reply(self._marked(turn, text), (*choices, *_nav(turn)))]

    async def choose_language(self, turn: Turn, code: str) -> list[Reply] | None:
        draft = Draft(turn.session)
        if code not in self.service.contact.languages:
            return None
        draft.language = code
        return await self.ask_day(turn)

    async def ask_day(self, turn: Turn, offset: int = 0, notice: str = "") -> list[Reply]:
        draft = Draft(turn.session)
        t = turn.t
        turn.session.step = Step.DAY
        language = draft.language
        free = await self.service.free_slots(turn.now, language)
        days = sorted({slot.local_start.date() for slot in free})
        if not days:
            text = t(
                "booking-no-days",
                language=texts.language_name(language, turn.lang),
                days=self.service.rules.horizon_days,
            )
            turn.session.step = Step.LANGUAGE
            return await self.ask_language(turn, notice=text)
        offset = min(offset, max(len(days) - 1, 0))
        page = days[offset : offset + DAYS_PER_PAGE]
        choices = [Choice(f"booking:day:{day.isoformat()}", texts.day_label(day, turn.lang)) for day in page]
        if offset + DAYS_PER_PAGE < len(days):
            choices.append(Choice(f"booking:days:{offset + DAYS_PER_PAGE}", t("booking-later-days")))
        text = t("booking-day-prompt", language=texts.language_name(language, turn.lang))
        moving = draft.move
        if moving and not notice:
            notice = t("booking-moving")
        text = f"{notice}\n\n{text}" if notice else text
        return [Reply(self._marked(turn, text), (*choices, *_nav(turn)))]

    async def choose_day(self, turn: Turn, arg: str) -> list[Reply] | None:
        try:
            date.fromisoformat(arg)
        except ValueError:
            return None
        return await self.ask_time(turn, arg)

    async def ask_time(self, turn: Turn, day_text: str, notice: str = "") -> list[Reply]:
        draft = Draft(turn.session)
        t = turn.t
        language = draft.language
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            return await self.ask_day(turn)
        slots = [s for s in await self.service.free_slots(turn.now, language) if s.local_start.date() == day]
        if not slots:
            return await self.ask_day(turn, notice=t("booking-day-full"))
        turn.session.step = Step.TIME
        draft.day = day.isoformat()
        choices = [Choice(f"booking:slot:{s.key}", texts.time_label(s.start)) for s in slots]
        text = t("booking-time-prompt", day=texts.day_label(day, turn.lang))
        text = f"{notice}\n\n{text}" if notice else text
        return [Reply(self._marked(turn, text), (*choices, *_nav(turn)))]

    async def choose_slot(self, turn: Turn, key: str) -> list[Reply] | None:
        service, t = self.service, turn.t
        language = Draft(turn.session).language
        schedule = await service.schedule()
        slot = schedule.find(key, turn.now)
        if slot is None or language not in slot.languages:  # passed, closed or forged: nobody took it
            return await self.offer_others(turn, None, t("booking-time-gone"), exclude=key)
        refused = await self.hold_refused(turn)
        if refused is not None:
            return refused
        result = await self._hold(turn, slot)
        if result.outcome is Outcome.FULL:
            return await self.just_taken(turn, slot)
        if result.outcome is Outcome.LIMIT:
            turn.session.end_flow()
            limit = service.rules.max_per_user
            return await mine.overview(self, turn, notice=t("booking-limit", count=limit))
        if result.outcome is Outcome.SAME_TIME:
            return await self.ask_time(turn, Draft(turn.session).day, notice=t("booking-same-time"))
        assert result.booking is not None
        draft = Draft(turn.session)
        draft.hold, draft.slot, draft.capacity = result.booking.id, slot.key, slot.capacity
        draft.day = slot.local_start.date().isoformat()
        if draft.move:
            return self.summary(turn)
        return self.ask_name(turn)

    async def _hold(self, turn: Turn, slot: Slot) -> TakeResult:
        result = await self._take(turn, slot)
        if result.outcome is Outcome.TAKEN:
            await guard.record_hold(self.service.db, turn.session.user_id, turn.now)
        return result

    # -- scalping defences (bot.booking.guard) -------------------------------------------------

    async def hold_refused(self, turn: Turn) -> list[Reply] | None:
        """Holding a time must wait: the booking rate (not for a move) or this account's hold cap."""
        user_id = turn.session.user_id
        wait = None if Draft(turn.session).move else await self.service.booking_wait(user_id, turn.now)
        wait = wait or await guard.hold_wait(self.service.db, self.service.rules, user_id, turn.now)
        return self.must_wait(turn, wait) if wait is not None else None

    def must_wait(self, turn: Turn, wait: guard.Wait) -> list[Reply]:
        """Say from when booking works again; walk-ins and the consultation hours stay open."""
        turn.session.end_flow()
        when = texts.when_short(wait.until, turn.lang)
        if wait.reason == guard.BUSY:
            text = turn.t("booking-wait-busy", when=when)
        elif wait.reason == guard.NEW:
            text = turn.t("booking-wait-new", when=when)
        else:
            text = turn.t("booking-wait-holds", when=when)
        return [Reply(text, self.after_choices(turn, hours=True))]

    async def _take(self, turn: Turn, slot: Slot) -> TakeResult:
        draft = Draft(turn.session)
        rules, event = self.service.rules, turn.event
        return await self.service.bookings.take(
            user_id=turn.session.user_id,
            slot=slot,
            language=draft.language,
            topic=draft.topic,
            now=turn.now,
            max_per_user=rules.max_per_user,
            hold_minutes=rules.hold_minutes,
            event_key=f"{event.channel}:{event.event_id}" if event.event_id else None,
            replacing=draft.move or None,
        )

    async def just_taken(self, turn: Turn, slot: Slot) -> list[Reply]:
        """Someone else took the chosen time: say so politely and offer the next free ones."""
        return await self.offer_others(turn, slot, turn.t("booking-just-taken"))

    async def offer_others(
        self, turn: Turn, after: Slot | None, notice: str, exclude: str = ""
    ) -> list[Reply]:
        """``notice``, then the next free times (after ``after``, else the first ones), never the time
        that is gone (``exclude``, a slot key); none at all: the days."""
        draft = Draft(turn.session)
        t = turn.t
        language = draft.language
        gone = {exclude, after.key if after is not None else ""}
        start = after.start if after is not None else None
        free = [
            s for s in await self.service.free_slots(turn.now, language, after=start) if s.key not in gone
        ]
        if not free and start is not None:
            free = [s for s in await self.service.free_slots(turn.now, language) if s.key not in gone]
        if not free:
            return await self.ask_day(turn, notice=notice)
        turn.session.step = Step.TIME
        choices = [
            Choice(f"booking:slot:{s.key}", texts.when_short(s.start, turn.lang)) for s in free[:NEXT_FREE]
        ]
        choices.append(Choice("booking:days:0", t("booking-other-day")))
        text = notice + "\n\n" + t("booking-next-free")
        return [Reply(self._marked(turn, text), (*choices, *_nav(turn)))]

    def ask_name(self, turn: Turn, notice: str = "") -> list[Reply]:
        t = turn.t
        turn.session.step = Step.FIRST_NAME
        text = t("booking-name-prompt")
        choices = (Choice("booking:skip", t("booking-skip")), *_nav(turn))
        text = f"{notice}\n\n{text}" if notice else text
        return [Reply(self._marked(turn, text), choices)]

    def ask_phone(self, turn: Turn, notice: str = "") -> list[Reply]:
        t = turn.t
        turn.session.step = Step.PHONE
        text = t("booking-phone-prompt")
        choices = (Choice("booking:skip", t("booking-skip")), *_nav(turn))
        text = f"{notice}\n\n{text}" if notice else text
        return [Reply(self._marked(turn, text), choices)]

    def summary(self, turn: Turn) -> list[Reply]:
        draft = Draft(turn.session)
        t, contact = turn.t, self.service.contact
        turn.session.step = Step.SUMMARY
        slot_key = draft.slot
        minutes = slot_key.rpartition(".")[2]
        start = datetime.fromtimestamp(int(minutes) * 60, UTC) if minutes.isdigit() else turn.now
        site = slot_key.rpartition(".")[0]
        lines = [
            t("booking-summary"),
            "- " + t("booking-line-when", when=texts.when_long(start, turn.lang)),
            "- " + t("booking-line-topic", topic=texts.topic_label(t, draft.topic)),
            "- " + t("booking-line-language", language=texts.language_name(draft.language, turn.lang)),
            "- " + t("booking-line-where", address=texts.address(contact, site, t)),
        ]
        if draft.first_name:
            lines.append("- " + t("booking-line-name", name=markup.escape(draft.first_name)))
        if draft.phone:
            lines.append("- " + t("booking-line-phone", phone=draft.phone))
        lines += ["", *self._mark_line(turn), t("booking-held", minutes=self.service.rules.hold_minutes)]
        if draft.move:
            lines.append(t("booking-move-note"))
        choices = (
            Choice("booking:confirm", t("booking-confirm")),
            Choice("booking:retime", t("booking-other-time")),
            Choice("booking:abort", t("booking-abort")),
            Choice(actions.BACK, t("choice-back")),
        )
        return [Reply("\n".join(lines), choices)]

    async def confirm(self, turn: Turn) -> list[Reply]:
        draft = Draft(turn.session)
        service, t = self.service, turn.t
        hold, capacity = draft.hold, draft.capacity
        if hold is None or capacity is None:
            turn.session.end_flow()
            return [Reply(t("stale-choice"), self.after_choices(turn))]
        moving = draft.move or None
        held = await service.bookings.get_id(hold)
        if held is not None and held.user_id != turn.session.user_id:
            held = None  # the hold was deleted and its id reused by someone else's booking
        if held is None or held.status is not Status.BOOKED:  # not a confirmation pressed twice
            if moving and not await self._still_booked(turn, moving):
                return await self.move_gone(turn)
            if not _live(held, turn.session.user_id, turn.now):
                retaken = await self.retake(turn)
                if not isinstance(retaken, Booking):
                    return retaken
                held, hold, capacity = retaken, retaken.id, draft.capacity or capacity
        assert held is not None  # a hold that ran out was taken again above
        schedule = await service.schedule()
        if not schedule.is_open_day(held.start.astimezone(BERLIN).date()):
            # staff closed that day (/close) while the person was confirming
            await service.bookings.release_holds(turn.session.user_id)
            return await self.offer_others(turn, None, t("booking-time-gone"), exclude=draft.slot)
        booking = await service.bookings.confirm(
            booking_id=hold,
            user_id=turn.session.user_id,
            capacity=capacity,
            now=turn.now,
            reminders=reminders.plan(held.start, service.rules, turn.now),
            first_name=draft.first_name or None,
            phone=draft.phone or None,
            replacing=moving,
        )
        if booking is None:  # the hold ran out this very moment and the place went, or the old one did
            await service.bookings.release_holds(turn.session.user_id)
            return await self.offer_others(turn, None, t("booking-time-gone"), exclude=draft.slot)
        metrics.BOOKINGS.labels("moved" if moving else "confirmed").inc()
        turn.session.end_flow()
        if moving:
            old = await service.bookings.get(moving)
            await notices.notify_move(service, old, booking)
        else:
            await notices.announce(service, "booking-staff-new", booking)
        return self.confirmation(turn, booking, replaced=moving or "")

    async def retake(self, turn: Turn) -> Booking | list[Reply]:
        """The hold ran out before the person confirmed: the same time is taken again when it is still
        free (the new hold, confirmed at once); otherwise say that the hold ran out and offer other
        times, never this one."""
        draft = Draft(turn.session)
        t = turn.t
        slot = (await self.service.schedule()).find(draft.slot, turn.now)
        if slot is None or draft.language not in slot.languages:  # passed, or the day was closed
            await self.service.bookings.release_holds(turn.session.user_id)
            return await self.offer_others(turn, None, t("booking-hold-expired-gone"), exclude=draft.slot)
        # not recorded as a new hold (bot.booking.guard): it is the time the person already chose
        result = await self._take(turn, slot)
        if result.outcome is Outcome.FULL:
            return await self.offer_others(turn, slot, t("booking-hold-expired-taken"))
        if result.outcome is Outcome.LIMIT:
            turn.session.end_flow()
            limit = self.service.rules.max_per_user
            return await mine.overview(self, turn, notice=t("booking-limit", count=limit))
        if result.outcome is Outcome.SAME_TIME:
            return await self.ask_time(turn, draft.day, notice=t("booking-same-time"))
        assert result.booking is not None
        draft.hold, draft.capacity = result.booking.id, slot.capacity
        return result.booking

    async def _still_booked(self, turn: Turn, code: str) -> bool:
        old = await self.service.bookings.get(code)
        return old is not None and old.user_id == turn.session.user_id and old.status is Status.BOOKED

    async def move_gone(self, turn: Turn) -> list[Reply]:
        """The appointment being moved was cancelled meanwhile (by staff, or it is over): nothing moves."""
        await self.service.bookings.release_holds(turn.session.user_id)
        turn.session.end_flow()
        choices = (Choice(ACTION_NEW, turn.t("booking-entry")), *self.after_choices(turn))
        return [Reply(turn.t("booking-move-gone"), choices)]

    def confirmation(self, turn: Turn, booking: Booking, replaced: str = "") -> list[Reply]:
        """The appointment as booked; after a move (``replaced``: the old code), that the old code is void."""
        t, tree = turn.t, turn.library.tree
        done = "booking-moved" if replaced else "booking-done"
        lines = [
            t(done, when=texts.when_long(booking.start, turn.lang)),
            *self._mark_line(turn),
            t("booking-code", code=texts.code_text(booking.code)),
        ]
        if replaced:
            lines.append(t("booking-old-code", code=texts.code_text(replaced)))
        lines.append(t("booking-line-where", address=texts.address(self.service.contact, booking.site, t)))
        choices = []
        if "contact/documents" in tree.nodes:
            label = tree.text("contact/documents", turn.lang).title
            lines.append(t("booking-bring", label=label))
            choices.append(Choice(actions.node("contact/documents"), label))
        lines.append(t("booking-free"))
        choices += [
            Choice(ACTION_MINE, t("booking-mine-choice")),
            Choice(actions.HOME, t("choice-home")),
        ]
        return [Reply("\n".join(lines), tuple(choices))]

    def _marked(self, turn: Turn, text: str) -> str:
        """A step's text with the "hours not confirmed" line while they are not (the person must not rely
        on a time the contact point never gave)."""
        return texts.marked(text, self.service.contact, turn.t)

    def _mark_line(self, turn: Turn) -> list[str]:
        # the same line as its own line: under the list in the summary, under the time in the confirmation
        mark = texts.unconfirmed_mark(self.service.contact, turn.t)
        return [mark] if mark else []

    def after_choices(self, turn: Turn, hours: bool = False) -> tuple[Choice, ...]:
        choices = []
        if hours and "contact/hours" in turn.library.tree.nodes:
            choices.append(
                Choice(
                    actions.node("contact/hours"), turn.library.tree.text("contact/hours", turn.lang).title
                )
            )
        choices.append(Choice(actions.HOME, turn.t("choice-home")))
        return tuple(choices)
