"""``qr``: the QR code of a Telegram deep link for posters (``/start ro``, ``/start bg_health-insurance``)."""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from datetime import date
from pathlib import Path

import qrcode

from bot.app import library_config
from bot.config import Settings
from bot.content.library import check
from bot.core.dialogue import _deep_link_node  # the core's own reading of the parameter

PARAM = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # what Telegram allows after ?start=
USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("qr", help="write the QR code of a Telegram link that opens the bot in a language")
    p.add_argument("--lang", required=True, help="language the bot opens in (ro, bg, de, en)")
    p.add_argument("--node", default=None, help="content node to open, e.g. health/insurance")
    p.add_argument("--out", required=True, type=Path, help="PNG file to write")
    p.add_argument("--bot", default=None, help="the bot's username (default: asked from Telegram)")
    p.set_defaults(func=cmd_qr)


def deep_link_parameter(lang: str, node: str | None, node_ids: set[str]) -> str:
    """``ro`` or ``ro_health-insurance``; ValueError when the bot would read it differently."""
    param = lang if node is None else f"{lang}_{node.replace('/', '-')}"
    if not PARAM.match(param):
        raise ValueError(f"{param!r} is not a valid start parameter (A-Z a-z 0-9 _ -, at most 64)")
    if node is not None and _deep_link_node(param.partition("_")[2], node_ids) != node:
        raise ValueError(f"the link for {node!r} would open another node")
    return param


async def _username(settings: Settings) -> str:
    from telegram import Bot

    from bot.channels.telegram_request import AiohttpRequest

    kwargs = {"base_url": settings.telegram.base_url} if settings.telegram.base_url else {}
    async with Bot(settings.telegram.token, request=AiohttpRequest(), **kwargs) as bot:  # type: ignore[arg-type]
        return bot.username


def cmd_qr(args: argparse.Namespace, settings: Settings) -> int:
    tree, catalog, _ = check(library_config(settings), date.today())
    if tree is None or catalog is None:
        print("the content has errors: run `python -m bot content check`", file=sys.stderr)
        return 1
    if args.lang not in catalog.languages:
        print(f"unknown language {args.lang!r}; known: {', '.join(catalog.languages)}", file=sys.stderr)
        return 2
    if args.node is not None and args.node not in tree.nodes:
        print(f"unknown node {args.node!r}", file=sys.stderr)
        return 2
    try:
        param = deep_link_parameter(args.lang, args.node, set(tree.nodes))
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    username = (args.bot or "").lstrip("@")
    if not username:
        if not settings.telegram.token:
            print("give --bot USERNAME, or set BOT_TELEGRAM_TOKEN to ask Telegram", file=sys.stderr)
            return 2
        try:
            username = asyncio.run(_username(settings))
        except Exception as exc:  # the network, a wrong token: say which, never the token
            print(f"could not ask Telegram for the bot's name ({type(exc).__name__})", file=sys.stderr)
            return 1
    if not USERNAME.match(username):
        print(f"{username!r} is not a Telegram bot username", file=sys.stderr)
        return 2
    link = f"https://t.me/{username}?start={param}"
    image = qrcode.make(link, border=4)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(args.out))
    print(link)
    return 0
