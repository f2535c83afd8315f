"""Builds the ``python -m bot`` argument parser from the command modules and runs the chosen command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.cli import ask, booking, content, db, desk, inbox, qr, run
from bot.common.private import owner_only_umask
from bot.config import ConfigError, load_settings
from bot.logs import setup_logging

# each module adds its sub-commands; a command's function takes (args, settings) and returns an exit code
MODULES = [run, content, db, ask, booking, qr, desk, inbox]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="The newcomers' bot for Dortmund.")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # first of all: every file the bot creates (database, Matrix keys, backups, staff log) is owner-only
    owner_only_umask()
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        for line in str(exc).splitlines():  # one line per mistake, each naming its file and key
            print(f"configuration error: {line}", file=sys.stderr)
        return 1
    setup_logging(settings.log_level, settings.log_json)
    return int(args.func(args, settings))
