"""Logging to stderr, plain or JSON lines. Message texts, names and phone numbers are never logged."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg,unused-ignore]
    # looks sys.stderr up at each record, so a replaced stderr (tests, daemons) keeps working
    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def setup_logging(level: str = "INFO", as_json: bool = False) -> None:
    handler = _Stderr()
    handler.setFormatter(
        JsonFormatter() if as_json else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    # libraries log request URLs, which contain the Telegram token: keep them quiet
    # aiosqlite logs every statement with its parameters (session state) at DEBUG
    noisy_loggers = (
        "httpx",
        "httpcore",
        "aiohttp.access",
        "aiosqlite",
        "nio.responses",
        "nio.rooms",
        "nio.crypto.log",
    )
    for noisy in noisy_loggers:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # matrix-nio's warnings name users and devices (a Matrix id often carries a real name); the Matrix
    # channel logs what matters (rate limits, undecryptable events, outages) itself, without names
    logging.getLogger("nio").setLevel(logging.ERROR)
