"""``content check`` and ``content dump --json``: the staff's tools for the content files."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from datetime import date

from bot.answers.gaps import Gap, Gaps
from bot.app import library_config
from bot.common.issues import Severity
from bot.config import Settings
from bot.content import render
from bot.content.library import check
from bot.core.clock import SystemClock
from bot.store.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("content", help="check or export the content files")
    content_sub = p.add_subparsers(dest="content_command", required=True)
    c = content_sub.add_parser("check", help="validate content and locales; exit 1 on errors")
    c.add_argument("--errors-only", action="store_true", help="do not print warnings")
    c.set_defaults(func=cmd_check)
    d = content_sub.add_parser("dump", help="print every node in every language")
    d.add_argument("--json", action="store_true", required=True, help="as a JSON list")
    d.set_defaults(func=cmd_dump)
    g = content_sub.add_parser("gaps", help="questions the bot could not answer, by language")
    g.add_argument("--json", action="store_true", help="as a JSON list")
    g.set_defaults(func=cmd_gaps)


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    _, _, issues = check(library_config(settings), date.today())
    root = settings.content_dir.parent
    errors = [i for i in issues if i.severity is Severity.ERROR]
    warnings = [i for i in issues if i.severity is Severity.WARNING]
    for issue in errors + ([] if args.errors_only else warnings):
        print(issue.format(root))
    print(f"{len(errors)} errors, {len(warnings)} warnings", file=sys.stderr)
    return 1 if errors else 0


def cmd_dump(args: argparse.Namespace, settings: Settings) -> int:
    tree, catalog, issues = check(library_config(settings), date.today())
    if tree is None:
        for issue in issues:
            if issue.severity is Severity.ERROR:
                print(issue.format(settings.content_dir.parent), file=sys.stderr)
        return 1
    out = []
    for topic in tree.topics:
        for node_id in topic.nodes:
            node = tree.nodes[node_id]
            for lang, text in node.texts.items():
                out.append(
                    {
                        "id": node_id,
                        "lang": lang,
                        "topic": topic.id,
                        "title": text.title,
                        "summary": text.summary,
                        "body": render.fill(text.body, tree.contact, catalog.translator(lang)),
                        "keywords": list(text.keywords),
                        "questions": list(text.questions),
                        "related": list(node.related),
                        "sources": [{"title": s.title, "url": s.url} for s in node.sources],
                        "reviewed": text.reviewed.isoformat(),
                    }
                )
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


async def _gaps(settings: Settings) -> list[Gap]:
    db = Database(settings.database)
    await db.open()
    try:
        return await Gaps(db).list(SystemClock().now())
    finally:
        await db.close()


def cmd_gaps(args: argparse.Namespace, settings: Settings) -> int:
    """Unanswered questions of the last 90 days: by language, most frequent first (no user is named)."""
    gaps = asyncio.run(_gaps(settings))
    if args.json:
        json.dump([dataclasses.asdict(g) for g in gaps], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not gaps:
        print("no unanswered questions")
        return 0
    for lang in dict.fromkeys(g.lang for g in gaps):
        mine = [g for g in gaps if g.lang == lang]
        asked = sum(g.count for g in mine)
        print(f"{lang}: {_count(len(mine), 'question')}, asked {_count(asked, 'time')}")
        for g in mine:
            print(f"  {g.count:4}  {g.first_seen[:10]} … {g.last_seen[:10]}  {g.text}")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
