"""``ask``: match questions from the command line, as the bot would (no database, no chat).

    python -m bot ask --lang ro --json "am nevoie de asigurare medicala"
    python -m bot ask --batch questions.jsonl      # one {"text": ..., "lang": ...} per line

Each question prints one JSON object: ``{"node", "lang", "score", "alternatives", "decision"}`` where
``node`` is the best node when the bot would answer or offer choices (else null), ``lang`` the language
the text is written in, ``alternatives`` the other nodes it would offer.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from bot.answers.index import build_index
from bot.answers.matcher import Matcher
from bot.app import library_config
from bot.common.issues import Severity
from bot.config import Settings
from bot.content.library import check


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ask", help="match a question (or a file of questions) to a content node")
    p.add_argument("text", nargs="?", help="the question")
    p.add_argument("--lang", help="the user's chosen language (default: the bot's default language)")
    p.add_argument("--json", action="store_true", help="print JSON (always on with --batch)")
    p.add_argument("--batch", metavar="FILE", help='JSON lines {"text": ..., "lang": ...}; "-" for stdin')
    p.set_defaults(func=cmd_ask)


def result(matcher: Matcher, text: str, lang: str) -> dict[str, Any]:
    match = matcher.match(text, lang)
    return {
        "node": match.node,
        "lang": match.detected.other or match.detected.lang,
        "score": match.score,
        "alternatives": match.alternatives,
        "decision": str(match.decision),
    }


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if not args.batch and not args.text:
        print("give a question, or --batch FILE", file=sys.stderr)
        return 2
    tree, catalog, issues = check(library_config(settings), date.today())
    if tree is None:
        for issue in issues:
            if issue.severity is Severity.ERROR:
                print(issue.format(settings.content_dir.parent), file=sys.stderr)
        return 1
    matcher = Matcher(build_index(tree, catalog.languages))
    default = args.lang if args.lang in catalog.languages else catalog.default
    if not args.batch:
        out = result(matcher, args.text, default)
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print(f"{out['decision']}: {out['node'] or '-'} ({out['lang']}, score {out['score']})")
            for alternative in out["alternatives"]:
                print(f"  or {alternative}")
        return 0
    stream = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")  # noqa: SIM115
    status = 0
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = str(item["text"])
                lang = str(item.get("lang") or default)
            except (ValueError, KeyError, TypeError) as exc:
                print(json.dumps({"error": f"line {number}: {exc.__class__.__name__}"}))
                status = 1
                continue
            print(
                json.dumps(
                    result(matcher, text, lang if lang in catalog.languages else default), ensure_ascii=False
                )
            )
    return status
