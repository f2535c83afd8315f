"""The embedded SQLite store: one aiosqlite connection, WAL, numbered migrations.

Every write goes through :meth:`Database.transaction`, which serialises writers with a lock and
``BEGIN IMMEDIATE``: coroutines sharing the connection can never interleave inside a transaction.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.common.private import private_dir, private_file

log = logging.getLogger(__name__)
# aiosqlite's debug lines repeat every SQL statement with its parameters, which hold user data
# (stored question texts, appointment details): never let them reach a log, whatever the level
logging.getLogger("aiosqlite").setLevel(logging.INFO)

MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped in ``bot/store/migrations``, in order."""
    found = []
    for entry in resources.files("bot.store").joinpath("migrations").iterdir():
        m = MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def open(self) -> None:
        private_dir(self.path.parent)
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        # owner-only before the first write: SQLite gives the -wal and -shm files the database's mode
        private_file(self.path)
        self._conn.row_factory = aiosqlite.Row
        # deleted rows (forgotten users, erased phones) are overwritten, not left in free pages
        await self._conn.execute("PRAGMA secure_delete=ON")
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute("PRAGMA busy_timeout=5000")
        await self.migrate()

    async def close(self) -> None:
        if self._conn is not None:
            async with self._lock:
                await self._conn.close()
                self._conn = None

    async def migrate(self) -> None:
        """Apply every shipped migration not yet recorded in ``schema_migrations``, in number order.

        Applied numbers are recorded one by one (not as a high-water mark), so a migration merged
        later with a lower number than one already applied is still applied.
        """
        async with self._lock:
            await self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
            )
            rows = await (await self.conn.execute("SELECT number FROM schema_migrations")).fetchall()
            applied = {int(r[0]) for r in rows}
            for number, name, sql in migrations():
                if number in applied:
                    continue
                log.info("applying migration %s", name)
                await self.conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _statements(sql):
                        await self.conn.execute(statement)
                    await self.conn.execute(
                        "INSERT INTO schema_migrations (number, name) VALUES (?, ?)", (number, name)
                    )
                    await self.conn.execute(f"PRAGMA user_version={max(applied | {number})}")
                    await self.conn.execute("COMMIT")
                except BaseException:
                    await self.conn.execute("ROLLBACK")
                    raise
                applied.add(number)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One writer at a time: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error)."""
        async with self._lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    @asynccontextmanager
    async def _single(self) -> AsyncIterator[None]:
        # One statement needs the lock only while a transaction is open (it must not run inside
        # someone else's BEGIN...COMMIT). Otherwise it goes straight to aiosqlite, which runs
        # statements in the order they were submitted: many chats' statements then pipeline instead
        # of waiting for each other's round trip through the event loop.
        if self._lock.locked():
            async with self._lock:
                yield
        else:
            yield

    async def execute(self, sql: str, params: Params = ()) -> int:
        """A single write in its own transaction; returns the number of changed rows."""
        # outside BEGIN...COMMIT (autocommit) one statement is its own transaction: one trip to the
        # database thread instead of three
        async with self._single():
            cursor = await self.conn.execute(sql, _bind(params))
            return cursor.rowcount

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """The first row; meant for queries that return one row (it fetches in one trip)."""
        async with self._single():
            rows = await self.conn.execute_fetchall(sql, _bind(params))
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async with self._single():
            return list(await self.conn.execute_fetchall(sql, _bind(params)))

    async def tables(self) -> list[str]:
        rows = await self.fetchall(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
        return [r[0] for r in rows]


Params = Iterable[Any] | Mapping[str, Any]


def _bind(params: Params) -> tuple[Any, ...] | Mapping[str, Any]:
    # named (":start") placeholders take a mapping; tuple() of a mapping would bind its keys
    return params if isinstance(params, Mapping) else tuple(params)


def _statements(sql: str) -> list[str]:
    # migrations are plain statements separated by ";" at line ends (no triggers with inner ";")
    parts = re.split(r";\s*(?:\n|$)", sql)
    cleaned = []
    for part in parts:
        lines = [line for line in part.splitlines() if not line.strip().startswith("--")]
        statement = "\n".join(lines).strip()
        if statement:
            cleaned.append(statement)
    return cleaned
