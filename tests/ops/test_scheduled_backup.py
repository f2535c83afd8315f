"""Scheduled backups: dated, rotated, owner-only, with the Matrix key store."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

from bot.core.clock import FakeClock
from tests.auxil.chat import START, Chat, started_app


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_backups_are_dated_rotated_owner_only_and_hold_the_matrix_keys(tmp_path: Path) -> None:
    clock = FakeClock(START)
    app = await started_app(tmp_path, clock, backup_keep=2)
    data = app.settings.data_dir
    keys = data / "matrix"
    keys.mkdir()
    with sqlite3.connect(keys / "@bot:example.org_DEVICE.db") as db:
        db.execute("CREATE TABLE accounts (pickle TEXT)")
        db.execute("INSERT INTO accounts VALUES ('olm-account')")
    (keys / "@bot:example.org_DEVICE.trusted_devices").write_text("")
    old = os.umask(0o022)  # whoever runs it: the copies are owner-only all the same
    try:
        await Chat(app).say("/language de")
        made = []
        for _ in range(3):
            made.append(await app.backup())
            clock.advance(timedelta(days=1))
    finally:
        os.umask(old)
        await app.stop()
    kept = sorted(p.name for p in (data / "backups").iterdir())
    assert kept == [made[1].name, made[2].name]  # the oldest rotated out
    newest = made[2]
    with sqlite3.connect(newest / "bot.sqlite3") as db:
        assert db.execute("SELECT lang FROM users").fetchone()[0] == "de"
    with sqlite3.connect(newest / "matrix" / "@bot:example.org_DEVICE.db") as db:
        assert db.execute("SELECT pickle FROM accounts").fetchone()[0] == "olm-account"
    assert (newest / "matrix" / "@bot:example.org_DEVICE.trusted_devices").exists()
    for path in [data / "backups", newest, *newest.rglob("*")]:
        assert mode(path) & 0o077 == 0, path


async def test_the_backup_job_runs_only_when_configured(tmp_path: Path) -> None:
    app = await started_app(tmp_path)
    try:
        assert not any(task.get_name() == "backups" for task in app._tasks)
    finally:
        await app.stop()
    configured = await started_app(tmp_path / "b", backup_keep=7)
    try:
        assert any(task.get_name() == "backups" for task in configured._tasks)
    finally:
        await configured.stop()
