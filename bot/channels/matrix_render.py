"""Replies as Matrix message contents: ``body`` in plain text, ``formatted_body`` in Matrix HTML.

Choices become a numbered list the user answers by typing the number; the numbers run across all
replies of one answer (the core maps them back). A reply that would make too big an event is split
at line breaks (the markup never spans a line), so every event stays well under Synapse's 64 KiB
limit once encrypted: the Megolm payload is the event JSON with non-ASCII escaped (``\\u0431``:
6 bytes for one Cyrillic letter, in ``body`` and again in ``formatted_body``), encrypted and
base64-encoded (x 4/3), so a Cyrillic letter costs about 16 bytes of the final event.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from bot.common import markup
from bot.core.events import Choice, Reply

HTML_FORMAT = "org.matrix.custom.html"
# JSON size of one content (non-ASCII escaped) before encryption: x 4/3 base64 and the envelope
# (room id, session id, sender key, ~600 bytes) keep the encrypted event near 28 KiB, far from 64 KiB
MAX_CONTENT_JSON = 20_000

Content = dict[str, Any]


def content_size(content: Content) -> int:
    """Bytes of ``content`` as it is serialised inside an encrypted event (non-ASCII escaped)."""
    return len(json.dumps(content, ensure_ascii=True, separators=(",", ":")))


def _message(text: str, choices: Sequence[Choice], first_number: int) -> Content:
    body = markup.to_plain(text)
    formatted = markup.to_html(text).replace("\n", "<br>")
    if choices:
        numbers = range(first_number, first_number + len(choices))
        options = "\n".join(f"{n}. {c.label}" for n, c in zip(numbers, choices, strict=True))
        items = "".join(f"<li>{html.escape(c.label, quote=False)}</li>" for c in choices)
        body = f"{body}\n\n{options}" if body else options
        start = f' start="{first_number}"' if first_number != 1 else ""
        formatted = f"{formatted}<ol{start}>{items}</ol>" if formatted else f"<ol{start}>{items}</ol>"
    return {"msgtype": "m.text", "body": body, "format": HTML_FORMAT, "formatted_body": formatted}


def _fits(text: str, limit: int) -> bool:
    return content_size(_message(text, (), 1)) <= limit


def _cut_line(line: str, limit: int) -> list[str]:
    """A single line too long for one event: cut at spaces, or anywhere when there are none."""
    pieces: list[str] = []
    rest = line
    while rest and not _fits(rest, limit):
        # binary search for the longest prefix that fits, then back off to the last space in it
        low, high = 1, len(rest)
        while low < high:
            mid = (low + high + 1) // 2
            if _fits(rest[:mid], limit):
                low = mid
            else:
                high = mid - 1
        cut = rest.rfind(" ", 0, low)
        cut = cut if cut > low // 2 else low
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def split_text(text: str, limit: int = MAX_CONTENT_JSON) -> list[str]:
    """``text`` in parts that each fit one event, cut at paragraph or line breaks where possible."""
    if _fits(text, limit):
        return [text]
    parts: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        candidate = "\n".join([*current, line])
        if _fits(candidate, limit):
            current.append(line)
            continue
        if current:
            parts.append("\n".join(current).strip("\n"))
            current = []
        if _fits(line, limit):
            current = [line]
        else:
            pieces = _cut_line(line, limit)
            parts.extend(pieces[:-1])
            current = pieces[-1:]
    if current:
        parts.append("\n".join(current).strip("\n"))
    return [p for p in parts if p.strip()] or [""]


def render(replies: Sequence[Reply], limit: int = MAX_CONTENT_JSON) -> list[Content]:
    """The message contents for a batch of replies, in order; choices numbered 1..n across them."""
    contents: list[Content] = []
    number = 1
    for reply in replies:
        parts = split_text(reply.text, limit)
        for part in parts[:-1]:
            contents.append(_message(part, (), number))
        last = _message(parts[-1], reply.choices, number)
        if reply.choices and content_size(last) > limit:
            # a very long list of choices: the text alone, then the list in its own event(s)
            contents.append(_message(parts[-1], (), number))
            chunk: list[Choice] = []
            first = number
            for choice in reply.choices:
                if chunk and content_size(_message("", [*chunk, choice], first)) > limit:
                    contents.append(_message("", chunk, first))
                    first += len(chunk)
                    chunk = []
                chunk.append(choice)
            contents.append(_message("", chunk, first))
        else:
            contents.append(last)
        number += len(reply.choices)
    return contents
