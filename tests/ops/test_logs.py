"""Logs: library loggers held at WARNING, and a redacting filter on the root handler, proven at DEBUG.

The journeys below run with ``BOT_LOG_LEVEL=DEBUG`` as set up by ``setup_logging`` (the handler the bot
really uses) and read what reached stderr: no token, Matrix id, phone number, e-mail or message text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.channels.matrix_sync import ChannelView, SyncPosition, plan_batch
from bot.logs import QUIET_LOGGERS, RedactingFilter, redact, setup_logging
from tests.auxil.fake_telegram import TOKEN
from tests.auxil.matrix_json import ANNA, ME, ROOM, STAFF_ROOM, encrypted, invite_state, joined, sync, text
from tests.auxil.telegram_bot import telegram_bot
from tests.channels.test_matrix import channel_for

PHONE = "0176 12345678"
EMAIL = "maria.popescu@example.com"
MATRIX_TOKEN = "syt_YW5uYQ_RzQmUtkNwBcyRcKyXYHzq_1Pd3Zx"
SECRET_WORDS = "Zanzibarquokka Popescu"


@pytest.fixture
def debug_logs() -> Iterator[None]:
    """The bot's own logging set-up at DEBUG for one test; pytest's handlers and levels restored after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    setup_logging("DEBUG")
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


def assert_clean(logged: str) -> None:
    assert logged.strip(), "nothing was logged: the test would prove nothing"
    for needle in (TOKEN, TOKEN.split(":")[1], MATRIX_TOKEN, ANNA, "anna:example", "12345678", EMAIL):
        assert needle not in logged, needle
    for word in SECRET_WORDS.split():
        assert word.lower() not in logged.lower(), word


def test_redact_masks_tokens_ids_phones_and_emails_but_not_dates() -> None:
    line = (
        f"GET https://api.telegram.org/bot{TOKEN}/getUpdates Authorization: Bearer {MATRIX_TOKEN} "
        f"user {ANNA} phone +49 176 1234567 or {PHONE} mail {EMAIL} "
        "at 2026-11-30 10:00 (attempt 3, 12.5 s) ?access_token=abc123secret"
    )
    masked = redact(line)
    for needle in (TOKEN, MATRIX_TOKEN, ANNA, "1234567", "12345678", EMAIL, "abc123secret"):
        assert needle not in masked
    assert "[token]" in masked and "[matrix-id]" in masked and "[phone]" in masked and "[email]" in masked
    assert "2026-11-30 10:00" in masked and "attempt 3, 12.5 s" in masked


def test_the_filter_masks_arguments_and_tracebacks() -> None:
    try:
        raise RuntimeError(f"refused for {ANNA}")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "sending to %s failed", (ANNA,), None)
        import sys

        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    assert ANNA not in record.getMessage() and ANNA not in (record.exc_text or "")
    assert "RuntimeError" in (record.exc_text or "")


def test_libraries_stay_at_warning_or_above_when_the_bot_logs_at_debug(debug_logs: None) -> None:
    for name in ("nio", "nio.responses", "nio.rooms", "nio.crypto.log", "nio.client.async_client", "peewee"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING, name
    assert logging.getLogger("aiosqlite").getEffectiveLevel() >= logging.WARNING
    assert logging.getLogger("bot").getEffectiveLevel() == logging.DEBUG


async def test_a_telegram_journey_at_debug_leaks_nothing(
    tmp_path: Path, debug_logs: None, capsys: pytest.CaptureFixture[str]
) -> None:
    async with telegram_bot(tmp_path) as bot:
        maria = bot.tg.user(42, "ro", "Maria")
        for number, said in enumerate(
            ["/start", "/language ro", f"{SECRET_WORDS} {PHONE}", EMAIL, f"/{SECRET_WORDS.split()[0]}", "1"]
        ):
            maria.says(said)
            await bot.tg.wait_sent(number + 1, maria.id)
        logging.getLogger("bot.test").debug("a library line with the token %s and %s", TOKEN, PHONE)
    assert_clean(capsys.readouterr().err)


async def test_the_matrix_path_at_debug_leaks_nothing(
    app: object, debug_logs: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.app import App

    assert isinstance(app, App)
    channel, client = channel_for(app)
    view = ChannelView(ME, STAFF_ROOM, frozenset(), {ROOM: frozenset({ME, ANNA})}.get)
    batch = sync(
        "s2",
        join={
            ROOM: joined(
                [
                    text(ANNA, "/language ro"),
                    text(ANNA, f"{SECRET_WORDS} {PHONE} {EMAIL}"),
                    encrypted(ANNA, "sessionA"),
                ]
            )
        },
        invite={"!new:example.org": invite_state(ME, ANNA, is_direct=True)},
    )
    await channel._execute(view, plan_batch(view, SyncPosition.resume("s1"), batch))
    assert [c for c in client.calls if c[0] == "send"], "the core answered nothing: the test proves nothing"
    # what nio itself says about users (below ERROR) never reaches the log, and our own lines are masked
    logging.getLogger("nio.rooms").warning("room member %s (%s) left", ANNA, PHONE)
    logging.getLogger("nio.responses").warning("sync for %s with %s", ANNA, MATRIX_TOKEN)
    logging.getLogger("bot.channels.matrix").warning("cannot reach %s (token %s)", ANNA, MATRIX_TOKEN)
    assert_clean(capsys.readouterr().err)
