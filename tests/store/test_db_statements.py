"""Single statements pipeline outside transactions, and never run inside someone else's transaction."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.store.db import Database


async def test_a_statement_waits_for_an_open_transaction_and_is_not_rolled_back_with_it(
    tmp_path: Path,
) -> None:
    db = Database(tmp_path / "t.sqlite3")
    await db.open()
    try:
        await db.conn.execute("CREATE TABLE t (v TEXT)")
        opened = asyncio.Event()

        async def failing_transaction() -> None:
            with pytest.raises(RuntimeError):
                async with db.transaction() as conn:
                    await conn.execute("INSERT INTO t VALUES ('rolled back')")
                    opened.set()
                    await asyncio.sleep(0.05)
                    raise RuntimeError("undo")

        async def single() -> int:
            await opened.wait()
            return await db.execute("INSERT INTO t VALUES ('kept')")

        _, changed = await asyncio.gather(failing_transaction(), single())
        assert changed == 1
        assert [r[0] for r in await db.fetchall("SELECT v FROM t")] == ["kept"]
    finally:
        await db.close()


async def test_many_statements_at_once_keep_their_order(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    await db.open()
    try:
        await db.conn.execute("CREATE TABLE t (n INTEGER)")
        await asyncio.gather(*(db.execute("INSERT INTO t VALUES (?)", (n,)) for n in range(200)))
        rows = await db.fetchall("SELECT n FROM t ORDER BY rowid")
        assert [r[0] for r in rows] == list(range(200))
        assert (await db.fetchone("SELECT count(*) FROM t"))[0] == 200  # type: ignore[index]
        assert await db.fetchone("SELECT n FROM t WHERE n < 0") is None
    finally:
        await db.close()
