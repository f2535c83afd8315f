"""The seam where later parts (answers, booking, staff) plug into the conversation core."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.content.library import Library
from bot.core.events import Choice, Inbound, Reply
from bot.core.session import Session
from bot.i18n.catalog import Translator


class Screens(Protocol):
    """The core's views a feature may show within its turn (a node as an answer, the main menu)."""

    def show_node(self, turn: Turn, node_id: str) -> list[Reply]: ...

    def home_choices(self, turn: Turn) -> tuple[Choice, ...]: ...


@dataclass
class Turn:
    """One inbound event being handled: who, in which language, with which content, at what time."""

    event: Inbound
    session: Session
    library: Library
    now: datetime
    is_staff: bool = False
    t: Translator = field(init=False)
    forgotten: bool = False  # set when the user's data was deleted: nothing is saved afterwards
    # facts features noted at the start of the turn for their views, e.g. "booking:has-appointment"
    marks: set[str] = field(default_factory=set)
    screens: Screens | None = None  # set by the dialogue; features show nodes and menus through it

    def __post_init__(self) -> None:
        self.t = self.library.catalog.translator(self.session.lang or self.library.catalog.default)

    def use_language(self, lang: str) -> None:
        self.session.lang = lang
        self.t = self.library.catalog.translator(lang)

    @property
    def lang(self) -> str:
        return self.t.lang

    def show_node(self, node_id: str) -> list[Reply]:
        """A content node as the answer of this turn (its text, related nodes, back and home)."""
        assert self.screens is not None, "a turn is shown through the dialogue that made it"
        return self.screens.show_node(self, node_id)

    def home_choices(self) -> tuple[Choice, ...]:
        """The main menu's choices for this user."""
        assert self.screens is not None, "a turn is shown through the dialogue that made it"
        return self.screens.home_choices(self)


class Feature:
    """Base class: override what the feature needs. ``name`` is its action prefix and flow name.

    Actions of a feature look like ``<name>:<rest>`` and arrive in :meth:`action` without the prefix.
    A method returning ``None`` means "not mine / not valid": the core then answers politely itself.
    """

    name: str = ""
    commands: tuple[str, ...] = ()  # public commands, listed in /help and the platform's menu
    staff_commands: tuple[str, ...] = ()  # accepted only from staff

    async def start(self) -> None:
        """Called once the app has started (database open): start background jobs with app.spawn."""

    async def prepare(self, turn: Turn) -> None:
        """Called at the start of every turn, before anything is shown: note in ``turn.marks`` what
        the synchronous views (:meth:`home_choices`) need to know from the database."""

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        return None

    async def action(self, turn: Turn, action: str) -> list[Reply] | None:
        return None

    async def text(self, turn: Turn, text: str) -> list[Reply] | None:
        """Free text while the session's flow is this feature's."""
        return None

    def wants_text(self, turn: Turn) -> bool:
        """True while the flow's step takes free text (a name, a phone number): typed words then go
        to :meth:`text` instead of being read as one of the shown choices."""
        return False

    def polarity(self, action: str) -> bool | None:
        """True when this feature's action (without prefix) says "yes" to a question (confirm),
        False when it says "no" (keep, do not book), None otherwise: typed "da"/"nu" choose by it."""
        return None

    async def cancel(self, turn: Turn) -> list[Reply] | None:
        """The person asked to stop this feature's flow ("anulare", "stop") and no shown choice says
        "no": end it and say what stays. None: the core shows the main menu."""
        return None

    async def leaving(self, turn: Turn) -> str | None:
        """The person goes to the main menu from inside this feature's flow ("meniu", 🏠): clean up
        and return a line saying what stays (shown above the menu), or None to say nothing."""
        return None

    async def back(self, turn: Turn) -> list[Reply] | None:
        """ "Back" inside this feature's flow; None ends the flow and goes back in the menu."""
        return None

    async def answer(self, turn: Turn, text: str) -> list[Reply] | None:
        """A free-text question outside any flow."""
        return None

    def home_choices(self, turn: Turn) -> list[Choice]:
        return []

    def language_of(self, text: str, languages: Sequence[str]) -> str | None:
        """The language ``text`` is written in (first contact), if the feature can tell."""
        return None

    def node_choices(self, turn: Turn, node_id: str) -> list[Choice]:
        return []

    async def forget(self, turn: Turn) -> None:
        """Called before the user's data is deleted (cancel what must be cancelled, tell staff)."""
