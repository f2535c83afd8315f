"""Logging to stderr, plain or JSON lines. Message texts, names and phone numbers are never logged.

Our own code logs no personal data; libraries might (matrix-nio names users and devices, HTTP clients
log request URLs holding the Telegram token, peewee logs SQL with key material). Two layers keep them
out: those libraries' loggers are held at WARNING or above whatever ``BOT_LOG_LEVEL`` says, and a
redacting filter on the one root handler masks tokens, Matrix ids, e-mail addresses and phone numbers in
every record that is written (message, arguments and traceback).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

# libraries and the lowest level they may log at, whatever the bot's level
QUIET_LOGGERS: dict[str, int] = {
    # request URLs contain the Telegram token
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "aiohttp.access": logging.WARNING,
    # every statement with its parameters (session state, stored questions)
    "aiosqlite": logging.WARNING,
    # nio's key store: every SQL statement with its parameters, key material included
    "peewee": logging.WARNING,
    # matrix-nio's warnings name users and devices; the Matrix channel logs what matters (rate
    # limits, undecryptable events, outages) itself, without names. Each child is set too: a child
    # set lower (by nio or a test) would otherwise win over its parent
    "nio": logging.ERROR,
    "nio.responses": logging.ERROR,
    "nio.rooms": logging.ERROR,
    "nio.http": logging.ERROR,
    "nio.crypto": logging.ERROR,
    "nio.crypto.log": logging.ERROR,
    "nio.store": logging.ERROR,
    "nio.store.log": logging.ERROR,
    "nio.events": logging.ERROR,
    "nio.events.misc": logging.ERROR,
    "nio.events.presence": logging.ERROR,
    "nio.client": logging.ERROR,
    "nio.client.async_client": logging.ERROR,
    "nio.client.base_client": logging.ERROR,
    "nio.client.http_client": logging.ERROR,
}

_TELEGRAM_TOKEN = re.compile(r"(?<!\d)\d{5,12}:[A-Za-z0-9_-]{25,}")
# Synapse (syt_), MAS (mat_), Conduit/Dendrite opaque and old macaroon tokens (MDA...), bearer headers
_MATRIX_TOKEN = re.compile(r"\b(?:syt|mat|mct|syr)_[A-Za-z0-9_=-]+|\bMDA[A-Za-z0-9_=+/-]{20,}")
_CREDENTIAL = re.compile(
    r"(?i)\b(access_token|token|password|pickle_key|secret)(\"?\s*[=:]\s*\"?|=)[^\s&\"',}]+"
)
_BEARER = re.compile(r"(?i)\bBearer\s+[A-Za-z0-9._~+/=-]+")
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_MATRIX_ID = re.compile(r"@[A-Za-z0-9._=/+-]+:[A-Za-z0-9.-]+(?::\d+)?")
# seven or more digits, possibly with a leading + and separators (+49 176 1234567, 0176/1234-567)
_PHONE = re.compile(r"(?<![\w.:])\+?\d(?:[ /().-]{0,2}\d){6,}(?![\w])")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}(?::\d{2}){0,2})?")


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    return found if _DATE_TIME.fullmatch(found) else "[phone]"


def redact(text: str) -> str:
    """``text`` with tokens, credentials, e-mail addresses, Matrix ids and phone numbers masked."""
    text = _TELEGRAM_TOKEN.sub("[token]", text)
    text = _MATRIX_TOKEN.sub("[token]", text)
    text = _BEARER.sub("Bearer [token]", text)
    text = _CREDENTIAL.sub(lambda m: f"{m.group(1)}{m.group(2)}[secret]", text)
    text = _EMAIL.sub("[email]", text)
    text = _MATRIX_ID.sub("[matrix-id]", text)
    return _PHONE.sub(_phone, text)


class RedactingFilter(logging.Filter):
    """Masks personal data and secrets in a record before any formatter sees it (message, args, traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template, drop the arguments
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info or record.exc_text:
            # the filter's redacted traceback when there is one
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)  # type: ignore[arg-type]
        return json.dumps(entry, ensure_ascii=False)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg,unused-ignore]
    # looks sys.stderr up at each record, so a replaced stderr (tests, daemons) keeps working
    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def quiet_libraries() -> None:
    """Hold the libraries that log secrets or personal data at WARNING or above."""
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


def setup_logging(level: str = "INFO", as_json: bool = False) -> None:
    handler = _Stderr()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(
        JsonFormatter() if as_json else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    quiet_libraries()
