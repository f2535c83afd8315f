"""Privacy proof: what users write never reaches the logs, even at debug level."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.core.events import Inbound, InboundKind
from tests.auxil.chat import Chat, started_app
from tests.auxil.process import run_bot

SECRET_TEXTS = [
    "Maria Popescu 0176 12345678 asigurare Zanzibarquokka",
    "/start bg_Zanzibarquokka",
    "Иван Петров quokkaZanzibar",
    "/quokkazanzibar",
]


def all_log_text(records: list[logging.LogRecord]) -> str:
    return "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in records)


async def test_no_message_text_in_debug_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = await started_app(tmp_path)
    try:
        for channel in ("console", "telegram", "matrix"):
            chat = Chat(app, user="maria", channel=channel)
            await chat.say("/language ro")
            for text in SECRET_TEXTS:
                await chat.say(text)
            await chat.send(Inbound(channel, "maria", kind=InboundKind.ACTION, action="quokka:Zanzibar"))
            await chat.say("/forget")
            await chat.say("1")
    finally:
        await app.stop()
    logged = all_log_text(caplog.records).lower()
    assert caplog.records, "nothing was logged at all: the test would prove nothing"
    for needle in ("zanzibar", "quokka", "popescu", "12345678", "петров"):
        assert needle not in logged


def test_no_message_text_in_process_logs(tmp_path: Path) -> None:
    script = "\n".join(["/language bg", *SECRET_TEXTS, "/forget", "1"]) + "\n"
    result = run_bot(["console"], tmp_path, script, BOT_LOG_LEVEL="DEBUG", BOT_LOG_JSON="1")
    assert result.returncode == 0
    assert result.stderr.strip(), "debug logging produced nothing"
    for needle in ("Zanzibar", "quokka", "Popescu", "12345678", "Петров"):
        assert needle not in result.stderr
