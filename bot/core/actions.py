"""Choice actions: short opaque strings, at most 64 bytes (Telegram's callback_data limit)."""

from __future__ import annotations

import re

MAX_BYTES = 64
_VALID = re.compile(r"^[A-Za-z0-9:/_.\-]+$")

HOME = "home"
BACK = "back"
HELP = "help"
PRIVACY = "privacy"
LANGUAGES = "languages"
START = "start"
FORGET_ASK = "forget:ask"
FORGET_YES = "forget:yes"
FORGET_NO = "forget:no"


def is_valid(action: str) -> bool:
    return 0 < len(action.encode("utf-8")) <= MAX_BYTES and _VALID.match(action) is not None


def language(code: str) -> str:
    return f"lang:{code}"


def topic(topic_id: str) -> str:
    return f"topic:{topic_id}"


def node(node_id: str) -> str:
    return f"node:{node_id}"


def split(action: str) -> tuple[str, str]:
    prefix, _, rest = action.partition(":")
    return prefix, rest
