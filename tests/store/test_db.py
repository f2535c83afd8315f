"""The SQLite store: migrations, transactions, parameters."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.store.db import Database, migrations


async def test_migrations_are_numbered_once_and_applied(tmp_path: Path) -> None:
    numbers = [n for n, _, _ in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1
    db = Database(tmp_path / "x.sqlite3")
    await db.open()
    try:
        row = await db.fetchone("PRAGMA user_version")
        assert row is not None and row[0] == numbers[-1]
        assert (await db.fetchone("PRAGMA journal_mode"))[0] == "wal"  # type: ignore[index]
    finally:
        await db.close()


async def test_regression_named_parameters_bind_by_name(tmp_path: Path) -> None:
    # free_slots() passed {"start": ..., "end": ...}: tuple(mapping) bound the KEYS, so full slots looked free
    db = Database(tmp_path / "x.sqlite3")
    await db.open()
    try:
        row = await db.fetchone("SELECT :a || :b", {"b": "2", "a": "1"})
        assert row is not None and row[0] == "12"
        rows = await db.fetchall("SELECT :a", {"a": "x"})
        assert rows[0][0] == "x"
    finally:
        await db.close()


async def test_transactions_do_not_interleave(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.sqlite3")
    await db.open()
    await db.execute("CREATE TABLE c (n INTEGER)")
    await db.execute("INSERT INTO c VALUES (0)")

    async def bump() -> None:
        async with db.transaction() as conn:
            n = (await (await conn.execute("SELECT n FROM c")).fetchone())[0]  # type: ignore[index]
            await asyncio.sleep(0)
            await conn.execute("UPDATE c SET n = ?", (n + 1,))

    try:
        await asyncio.gather(*(bump() for _ in range(100)))
        assert (await db.fetchone("SELECT n FROM c"))[0] == 100  # type: ignore[index]
    finally:
        await db.close()
