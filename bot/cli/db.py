"""``db backup PATH``: an online copy of the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import Settings
from bot.ops.backup import backup


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="database tools")
    db_sub = p.add_subparsers(dest="db_command", required=True)
    b = db_sub.add_parser("backup", help="copy the database with SQLite's online backup (safe while running)")
    b.add_argument("path", type=Path)
    b.set_defaults(func=cmd_backup)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    try:
        pages = backup(settings.database, args.path)
    except (OSError, RuntimeError) as exc:
        print(f"backup failed: {exc}", file=sys.stderr)
        return 1
    print(f"backup written to {args.path} ({pages} pages)", file=sys.stderr)
    return 0
