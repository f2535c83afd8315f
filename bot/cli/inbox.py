"""``inbox drafts``: the example questions staff saved from the counsellors' inbox, by content node.

Tab-separated on stdout (node, language, question), so they can be pasted into a node's keywords or
examples, or piped into another tool; ``--json`` for a list of objects.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.config import Settings
from bot.inbox.repository import Draft, Inbox
from bot.store.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("inbox", help="the counsellors' inbox")
    inbox_sub = p.add_subparsers(dest="inbox_command", required=True)
    d = inbox_sub.add_parser("drafts", help="draft example questions for content nodes, saved in the desk")
    d.add_argument("--json", action="store_true", help="as JSON")
    d.set_defaults(func=cmd_drafts)


async def _drafts(settings: Settings) -> list[Draft]:
    db = Database(settings.database)
    await db.open()
    try:
        return await Inbox(db).drafts()
    finally:
        await db.close()


def cmd_drafts(args: argparse.Namespace, settings: Settings) -> int:
    drafts = asyncio.run(_drafts(settings))
    if args.json:
        rows = [
            {
                "node": d.node,
                "lang": d.lang,
                "question": d.question,
                "staff": d.staff,
                "saved": d.created_at.isoformat(),
            }
            for d in drafts
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for d in drafts:
        sys.stdout.write(f"{d.node}\t{d.lang}\t{d.question}\n")
    return 0
