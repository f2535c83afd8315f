"""``desk add-user NAME --role counsellor|admin`` (password from stdin), ``desk remove-user NAME``,
``desk list-users`` and ``desk unlock-user NAME``: the desk's staff accounts."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.config import Settings
from bot.core.clock import SystemClock
from bot.desk.accounts import AccountError, Accounts, Role
from bot.desk.audit import AuditLog
from bot.store.db import Database

T = TypeVar("T")
CLI_STAFF = "cli"  # the audit log's "who" for changes made on the command line


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("desk", help="staff accounts of the desk (web page)")
    desk_sub = p.add_subparsers(dest="desk_command", required=True)
    a = desk_sub.add_parser("add-user", help="add an account; the password is read from stdin")
    a.add_argument("name")
    a.add_argument("--role", choices=[str(r) for r in Role], required=True)
    a.set_defaults(func=cmd_add)
    r = desk_sub.add_parser("remove-user", help="remove an account (its sessions end at once)")
    r.add_argument("name")
    r.set_defaults(func=cmd_remove)
    u = desk_sub.add_parser("unlock-user", help="unlock an account locked after failed logins")
    u.add_argument("name")
    u.set_defaults(func=cmd_unlock)
    ls = desk_sub.add_parser("list-users", help="list the accounts")
    ls.set_defaults(func=cmd_list)


def _with_accounts(settings: Settings, job: Callable[[Accounts, AuditLog], Awaitable[T]]) -> T:
    async def run() -> T:
        db = Database(settings.database)
        await db.open()
        try:
            return await job(Accounts(db), AuditLog(db))
        finally:
            await db.close()

    return asyncio.run(run())


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise AccountError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    try:
        password = _read_password()

        async def add(accounts: Accounts, audit: AuditLog) -> None:
            now = SystemClock().now()
            await accounts.add(args.name, Role(args.role), password, now)
            await audit.record(CLI_STAFF, "add_user", args.name, now)

        _with_accounts(settings, add)
    except AccountError as exc:
        print(f"desk add-user: {exc}", file=sys.stderr)
        return 1
    print(f"account {args.name} ({args.role}) added", file=sys.stderr)
    return 0


def _change(
    settings: Settings, change: Callable[[Accounts, str], Awaitable[bool]], name: str, action: str
) -> bool:
    """``change`` (``Accounts.remove`` or ``Accounts.unlock``) on the account ``name``; when it changed
    something, ``action`` is recorded in the audit log. False: there is no such account."""

    async def job(accounts: Accounts, audit: AuditLog) -> bool:
        done = await change(accounts, name)
        if done:
            await audit.record(CLI_STAFF, action, name, SystemClock().now())
        return done

    return _with_accounts(settings, job)


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    if not _change(settings, Accounts.remove, args.name, "remove_user"):
        print(f"desk remove-user: there is no account {args.name}", file=sys.stderr)
        return 1
    print(f"account {args.name} removed", file=sys.stderr)
    return 0


def cmd_unlock(args: argparse.Namespace, settings: Settings) -> int:
    if not _change(settings, Accounts.unlock, args.name, "unlock_user"):
        print(f"desk unlock-user: there is no account {args.name}", file=sys.stderr)
        return 1
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    async def listing(accounts: Accounts, audit: AuditLog) -> list[str]:
        return [
            f"{u.name}\t{u.role}" + (f"\tlocked until {u.locked_until}" if u.locked_until else "")
            for u in await accounts.list()
        ]

    for line in _with_accounts(settings, listing):
        print(line)
    return 0
