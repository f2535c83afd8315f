"""The light markup of reply texts, and its rendering for each channel.

Content files and locale strings may use ``**bold**``, ``[label](https://...)``, internal links
``[label](node:topic/node)`` and lines starting with ``- `` (list items). Anything a user wrote is
passed through :func:`escape` before it goes into a reply, so it can never turn into markup; the
renderers escape everything else for the target format.
"""

from __future__ import annotations

import html
import re

_ESCAPABLE = re.compile(r"([\\*\[\]])")
_TOKEN = re.compile(
    r"\\(?P<esc>[\\*\[\]])"
    r"|\*\*(?P<bold>(?:\\.|[^*\\])+?)\*\*"
    r"|\[(?P<label>(?:\\.|[^\]\\])+)\]\((?P<url>[^)\s]+)\)"
)
_UNESCAPE = re.compile(r"\\([\\*\[\]])")
LINK_SCHEMES = ("https://", "http://", "mailto:", "tel:")


def escape(text: str) -> str:
    """Make arbitrary (user) text safe to embed in markup."""
    return _ESCAPABLE.sub(r"\\\1", text)


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def _bullets(line: str) -> str:
    return "• " + line[2:] if line.startswith("- ") else line


def _render(text: str, *, as_html: bool) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        line = _bullets(line)
        pos = 0
        parts: list[str] = []
        for m in _TOKEN.finditer(line):
            plain = line[pos : m.start()]
            parts.append(html.escape(plain, quote=False) if as_html else plain)
            pos = m.end()
            if m.group("esc") is not None:
                parts.append(html.escape(m.group("esc"), quote=False) if as_html else m.group("esc"))
            elif m.group("bold") is not None:
                inner = _unescape(m.group("bold"))
                parts.append(f"<b>{html.escape(inner, quote=False)}</b>" if as_html else inner)
            else:
                label = _unescape(m.group("label"))
                url = m.group("url")
                external = url.startswith(LINK_SCHEMES)
                if as_html:
                    label_html = html.escape(label, quote=False)
                    parts.append(f'<a href="{html.escape(url)}">{label_html}</a>' if external else label_html)
                else:
                    parts.append(f"{label} ({url})" if external and url != label else label)
        rest = line[pos:]
        parts.append(html.escape(rest, quote=False) if as_html else rest)
        out.append("".join(parts))
    return "\n".join(out)


def to_html(text: str) -> str:
    """Telegram's and Matrix's HTML subset (b, a), everything else escaped."""
    return _render(text, as_html=True)


def to_plain(text: str) -> str:
    """Plain text for the console and Matrix ``body``."""
    return _render(text, as_html=False)


def links(text: str) -> list[tuple[int, str]]:
    """(line number from 0, url) of every link in ``text``; used by the content checker."""
    found = []
    for number, line in enumerate(text.split("\n")):
        for m in _TOKEN.finditer(line):
            if m.group("url"):
                found.append((number, m.group("url")))
    return found
