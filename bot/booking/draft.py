"""The booking conversation's state: which step the person is at and what they chose so far.

Both live in the session (``session.step`` and ``session.data``, stored as JSON); :class:`Draft` is a typed
view over that data, so the flow never reads an untyped dict and a stored state from an older version
(or a forged one) reads as "not chosen yet" instead of failing.
"""

from __future__ import annotations

from enum import StrEnum

from bot.core.session import JsonValue, Session


class Step(StrEnum):
    """The steps in order: topic → language → day → time → first name → phone → summary."""

    TOPIC = "topic"
    LANGUAGE = "language"
    DAY = "day"
    TIME = "time"
    FIRST_NAME = "name"
    PHONE = "phone"
    SUMMARY = "summary"
    CANCEL = "cancel"  # the question before cancelling an appointment (from the person's list)


class Draft:
    """Typed access to the booking's session data; writes go straight into the session."""

    def __init__(self, session: Session) -> None:
        self._session = session  # not its data: ending the flow replaces the data with a new dict

    @property
    def _data(self) -> dict[str, JsonValue]:
        return self._session.data

    def _text(self, key: str) -> str:
        value = self._data.get(key)
        return value if isinstance(value, str) else ""

    def _number(self, key: str) -> int | None:
        value = self._data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _set(self, key: str, value: str | int | None) -> None:
        if value is None or value == "":
            self._data.pop(key, None)
        else:
            self._data[key] = value

    @property
    def topic(self) -> str:
        return self._text("topic")

    @topic.setter
    def topic(self, value: str) -> None:
        self._set("topic", value)

    @property
    def language(self) -> str:
        """The consultation language chosen (not necessarily the chat's language)."""
        return self._text("language")

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value)

    @property
    def day(self) -> str:
        """The local day chosen, ``YYYY-MM-DD``."""
        return self._text("day")

    @day.setter
    def day(self, value: str) -> None:
        self._set("day", value)

    @property
    def slot(self) -> str:
        """The key of the slot held (``site.minutes``)."""
        return self._text("slot")

    @slot.setter
    def slot(self, value: str) -> None:
        self._set("slot", value)

    @property
    def hold(self) -> int | None:
        """The id of the hold row keeping the slot for the person."""
        return self._number("hold")

    @hold.setter
    def hold(self, value: int | None) -> None:
        self._set("hold", value)

    @property
    def capacity(self) -> int | None:
        return self._number("capacity")

    @capacity.setter
    def capacity(self, value: int | None) -> None:
        self._set("capacity", value)

    @property
    def first_name(self) -> str:
        return self._text("first_name")

    @first_name.setter
    def first_name(self, value: str) -> None:
        self._set("first_name", value)

    @property
    def phone(self) -> str:
        return self._text("phone")

    @phone.setter
    def phone(self, value: str) -> None:
        self._set("phone", value)

    @property
    def move(self) -> str:
        """The code of the appointment being moved ("" when booking a new one)."""
        return self._text("move")

    @move.setter
    def move(self, value: str) -> None:
        self._set("move", value)
