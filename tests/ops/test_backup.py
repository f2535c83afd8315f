"""``python -m bot db backup PATH`` copies the live database consistently."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.auxil.chat import Chat, started_app
from tests.auxil.process import run_bot


async def test_backup_while_running(tmp_path: Path) -> None:
    app = await started_app(tmp_path)
    try:
        for n in range(5):
            await Chat(app, user=f"u{n}").say("/language bg")
        result = run_bot(["db", "backup", str(tmp_path / "copy.sqlite3")], tmp_path / "var")
        assert result.returncode == 0, result.stderr
    finally:
        await app.stop()
    with sqlite3.connect(tmp_path / "copy.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM users WHERE lang='bg'").fetchone()[0] == 5


def test_backup_of_missing_database_fails_politely(tmp_path: Path) -> None:
    result = run_bot(["db", "backup", str(tmp_path / "copy.sqlite3")], tmp_path / "nothing")
    assert result.returncode == 1
    assert "backup failed" in result.stderr and "Traceback" not in result.stderr
