"""Online backup of the SQLite database (safe while the bot runs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def backup(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target`` with SQLite's backup API; returns the number of pages copied."""
    if not source.exists():
        raise FileNotFoundError(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(tmp) as dst:
        src.backup(dst)
        pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"backup failed its integrity check: {ok}")
    tmp.replace(target)
    return pages
