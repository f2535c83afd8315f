"""What a transcript shows: the page the bot answered with, and the pages it offered below."""

from __future__ import annotations

from bot.common import markup
from tests.auxil.chat import Chat


def shown_page(chat: Chat, lang: str) -> str | None:
    """The page the last replies answered with (a reply opens with its title), or None."""
    tree = chat.app.library.current.tree
    for reply in chat.last:
        for node in tree.nodes:
            if reply.text.startswith(f"**{markup.escape(tree.text(node, lang).title)}**"):
                return node
    return None


def offered_also(chat: Chat, line: str) -> list[str]:
    """The pages offered in the reply that starts with ``line`` ("Ați întrebat și despre"), in order."""
    for reply in chat.last:
        if reply.text.startswith(line):
            return [c.action.removeprefix("node:") for c in reply.choices]
    return []
