"""Online backup of the SQLite database (safe while the bot runs); owner-only, like the data it copies."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from bot.common.private import private_dir, private_file


def backup(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target`` with SQLite's backup API; returns the number of pages copied."""
    if not source.exists():
        raise FileNotFoundError(source)
    private_dir(target.parent)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    tmp.touch(mode=0o600)  # owner-only whatever the umask of whoever runs the backup
    private_file(tmp)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(tmp) as dst:
        src.backup(dst)
        pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"backup failed its integrity check: {ok}")
    tmp.replace(target)
    return pages


BACKUPS = "backups"
STAMP = "%Y%m%d-%H%M%S"


def is_sqlite(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def scheduled_backup(data_dir: Path, database: Path, keep: int, now: datetime) -> Path:
    """One dated backup in ``<data dir>/backups/<stamp>/``: the database and the Matrix key store
    (``matrix/``: its SQLite files by the backup API, the device lists copied), owner-only; then only the
    ``keep`` newest backups are kept. Returns the new backup's directory."""
    root = private_dir(data_dir / BACKUPS)
    target = private_dir(root / now.strftime(STAMP))
    backup(database, target / database.name)
    keys = data_dir / "matrix"
    if keys.is_dir():
        copy = private_dir(target / "matrix")
        for item in sorted(keys.iterdir()):
            if not item.is_file() or item.name.endswith(("-wal", "-shm", "-journal")):
                continue
            if is_sqlite(item):
                backup(item, copy / item.name)
            else:
                shutil.copyfile(item, copy / item.name)
                private_file(copy / item.name)
    rotate(root, keep)
    return target


def rotate(root: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest dated backups under ``root``; returns what was deleted."""
    dated = sorted(p for p in root.iterdir() if p.is_dir() and _dated(p.name))
    old = dated[: max(0, len(dated) - keep)]
    for path in old:
        shutil.rmtree(path)
    return old


def _dated(name: str) -> bool:
    try:
        datetime.strptime(name, STAMP)
    except ValueError:
        return False
    return True
