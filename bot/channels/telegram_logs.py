"""How the Telegram channel logs: one line per routine error, never a message text, never the token.

python-telegram-bot logs the API URL (with the token) and every call's parameters (message texts) at
DEBUG, and some routine network errors with a traceback; :func:`quiet_ptb_logs` keeps its loggers at
INFO and in one line, and :func:`log_error` writes the channel's own line for an error PTB reports.
"""

from __future__ import annotations

import asyncio
import logging

from telegram.error import Conflict, Forbidden, InvalidToken, NetworkError, TelegramError

log = logging.getLogger("bot.channels.telegram")  # the channel's own lines keep the channel's name


class OneLine(logging.Filter):
    """PTB's own log records: routine Telegram errors without a traceback, and never the token."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, TelegramError | asyncio.CancelledError):
            record.msg, record.args = f"{record.getMessage()} ({describe(error)})", None
            record.exc_info, record.exc_text = None, None
        if self.token and self.token in record.getMessage():
            record.msg, record.args = record.getMessage().replace(self.token, "<token>"), None
        return True


def quiet_ptb_logs(token: str) -> None:
    """PTB's loggers at INFO at least, each with a :class:`OneLine` filter (added once).

    PTB makes its loggers when its modules are imported: import them all first, so none is missed;
    a logger made later still inherits the level from "telegram"."""
    import telegram.ext  # noqa: F401

    names = ["telegram"]
    names += [n for n in logging.root.manager.loggerDict if n.startswith("telegram.")]
    for name in names:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:  # NOTSET too: the root may be at DEBUG, now or later
            logger.setLevel(logging.INFO)
        if not any(isinstance(f, OneLine) for f in logger.filters):
            logger.addFilter(OneLine(token))


def log_error(error: BaseException | None) -> None:
    """One line for an error PTB hands to the channel (handler errors, polling errors)."""
    if error is None:
        return
    if isinstance(error, InvalidToken):
        log.error("telegram: the bot token was refused")
    elif isinstance(error, Conflict):
        log.warning("telegram: another instance is polling with this token")
    elif isinstance(error, NetworkError | Forbidden | TelegramError | asyncio.CancelledError):
        log.warning("telegram: %s", describe(error))
    else:
        log.error("telegram: unexpected error", exc_info=error)


def describe(error: BaseException) -> str:
    """An error's type and the start of its text, on one line."""
    text = str(error).replace("\n", " ")[:160]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
