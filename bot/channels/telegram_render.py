"""Replies as Telegram messages: HTML subset text (split at 4096 characters) and inline keyboards.

A choice's button carries the choice's action as ``callback_data`` (the core keeps actions within
Telegram's 64 bytes and its own charset). Long lists of choices are paged: the keyboard shows one page
and arrow buttons whose data (``tgpage:<first>:<count>:<page>``) points into the choices the core
stored for the user's last answer, so a page turn needs no memory of its own and survives restarts.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.common import markup as mk
from bot.core import actions
from bot.core.events import Choice, Reply

log = logging.getLogger(__name__)

MAX_TEXT = 4096
MAX_UNPAGED = 10  # up to this many choices are shown at once
PAGE_SIZE = 8  # choices per keyboard page of a longer list, with arrow buttons
PAGE_PREFIX = "tgpage:"
_PAGE = re.compile(r"^tgpage:(\d{1,2}):(\d{1,2}):(\d{1,2})$")

Keyboard = tuple[tuple[tuple[str, str], ...], ...]  # rows of (label, callback_data)


@dataclass(frozen=True, slots=True)
class OutMessage:
    """One Telegram message: HTML text and an optional inline keyboard."""

    html: str
    keyboard: Keyboard = ()


@dataclass(frozen=True, slots=True)
class PageLabels:
    previous: str
    next: str


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page-turn button's data: which slice of the stored choices, which page of it."""

    first: int
    count: int
    page: int

    def data(self) -> str:
        return f"{PAGE_PREFIX}{self.first}:{self.count}:{self.page}"


def parse_page(data: str) -> PageRef | None:
    m = _PAGE.match(data)
    if m is None:
        return None
    first, count, page = (int(g) for g in m.groups())
    return PageRef(first, count, page) if count > MAX_UNPAGED else None


def render(replies: Sequence[Reply], labels: PageLabels) -> list[OutMessage]:
    """Every reply as one or more messages; a reply's keyboard goes with its last part."""
    out: list[OutMessage] = []
    first = 0
    for reply in replies:
        parts = split_html(reply.text)
        keyboard = keyboard_for(reply.choices, first, 0, labels)
        first += len(reply.choices)
        out.extend(OutMessage(part) for part in parts[:-1])
        out.append(OutMessage(parts[-1], keyboard))
    return out


def keyboard_for(choices: Sequence[Choice], first: int, page: int, labels: PageLabels) -> Keyboard:
    """One button per row (labels are sentences in four languages); arrows when paged."""
    count = len(choices)
    nav: Keyboard = ()
    if count <= MAX_UNPAGED:
        shown = list(choices)
    else:
        pages = math.ceil(count / PAGE_SIZE)
        page = min(max(page, 0), pages - 1)
        shown = list(choices[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
        arrows = []
        if page > 0:
            arrows.append((f"{labels.previous} ({page}/{pages})", PageRef(first, count, page - 1).data()))
        if page < pages - 1:
            arrows.append((f"{labels.next} ({page + 2}/{pages})", PageRef(first, count, page + 1).data()))
        nav = (tuple(arrows),)  # one row of arrows
    rows = []
    for choice in shown:
        if actions.is_valid(choice.action):
            rows.append(((choice.label, choice.action),))
        else:  # the core guarantees valid actions; never send what Telegram would refuse
            log.warning("choice with an invalid action left out of the keyboard")
    return (*rows, *nav)


def split_html(text: str, limit: int = MAX_TEXT) -> list[str]:
    """The reply's markup as HTML parts of at most ``limit`` characters, cut between lines.

    Each part is rendered on its own, so a cut never breaks a tag or an entity; a line longer than
    the limit is cut between words (or, for a single endless word, anywhere).
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in _fit_line(line, limit):
            rendered = mk.to_html(piece)
            extra = len(rendered) + (1 if current else 0)
            if current and size + extra > limit:
                parts.append("\n".join(current))
                current, size = [], 0
                extra = len(rendered)
            current.append(rendered)
            size += extra
    if current:
        parts.append("\n".join(current))
    cleaned = [p.strip("\n") for p in parts]
    return [p for p in cleaned if p.strip()] or ["…"]


def _fit_line(line: str, limit: int) -> list[str]:
    if len(mk.to_html(line)) <= limit:
        return [line]
    # words are measured one by one (a whole-line render per word would be quadratic); markup that
    # spans words can grow a little when joined, hence the margin and the exact check at the end
    budget = max(limit - 256, limit // 2)
    pieces: list[str] = []
    current, size = "", 0
    for word in re.split(r"(?<=\s)", line):
        width = len(mk.to_html(word))
        if current and size + width > budget and width <= budget:  # an endless word fills up instead
            pieces.append(current)
            current, size = "", 0
        current += word
        size += width
    if current:
        pieces.append(current)
    fitted: list[str] = []
    for piece in pieces:
        while len(mk.to_html(piece)) > limit:  # one endless word, or grown markup: cut where it fits
            cut = _longest_prefix(piece, limit)
            fitted.append(piece[:cut])
            piece = piece[cut:]
        if piece:
            fitted.append(piece)
    return fitted


def _longest_prefix(text: str, limit: int) -> int:
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if len(mk.to_html(text[:middle])) <= limit:
            low = middle
        else:
            high = middle - 1
    return low
