"""Unanswered questions are stored for staff, but never written to a log, even at debug level."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.auxil.chat import Chat, started_app


async def test_stored_gap_text_is_not_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = await started_app(tmp_path)
    try:
        chat = Chat(app)
        await chat.say("/language en")
        await chat.say("Popescu wants a zanzibarquokka recipe")
        assert await app.db.fetchall("SELECT text FROM answer_gaps")
    finally:
        await app.stop()
    assert caplog.records
    logged = "\n".join(r.getMessage() for r in caplog.records).lower()
    assert "zanzibarquokka" not in logged and "popescu" not in logged
