"""Online backup of the SQLite database (safe while the bot runs); owner-only, like the data it copies."""

from __future__ import annotations

import sqlite3
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
