"""The inbox's tables: threads of questions and answers, consent, draft example questions.

Times are stored in UTC as ISO 8601 text, like the rest of the store. Nothing here logs a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import aiosqlite

from bot.store.db import Database


class Author(StrEnum):
    PERSON = "person"
    COUNSELLOR = "counsellor"


@dataclass(frozen=True, slots=True)
class Thread:
    """One person's question to the contact point, with where to deliver the answers."""

    id: int
    user_id: int
    lang: str
    topic: str | None
    node: str | None
    open: bool
    waiting_since: datetime | None
    created_at: datetime
    active_at: datetime
    closed_at: datetime | None
    channel: str
    user_ref: str
    blocked: bool
    messages: int = 0


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    author: Author
    staff: str | None
    text: str
    lang: str
    created_at: datetime
    delivered: bool | None


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    node: str
    lang: str
    question: str
    staff: str
    created_at: datetime


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_THREAD = (
    "SELECT t.id, t.user_id, t.lang, t.topic, t.node, t.status, t.waiting_since, t.created_at, t.active_at,"
    " t.closed_at, u.channel, u.user_ref, u.blocked,"
    " (SELECT count(*) FROM inbox_messages m WHERE m.thread_id = t.id) AS messages"
    " FROM inbox_threads t JOIN users u ON u.id = t.user_id"
)


_PERSON_MESSAGE = (
    "INSERT INTO inbox_messages(thread_id, author, text, lang, created_at) VALUES (?, ?, ?, ?, ?)"
)


def _thread(row: aiosqlite.Row) -> Thread:
    created, active = _time(row["created_at"]), _time(row["active_at"])
    assert created is not None and active is not None
    return Thread(
        id=int(row["id"]),
        user_id=int(row["user_id"]),
        lang=row["lang"],
        topic=row["topic"],
        node=row["node"],
        open=row["status"] == "open",
        waiting_since=_time(row["waiting_since"]),
        created_at=created,
        active_at=active,
        closed_at=_time(row["closed_at"]),
        channel=row["channel"],
        user_ref=row["user_ref"],
        blocked=bool(row["blocked"]),
        messages=int(row["messages"]),
    )


class Inbox:
    """Threads, messages, consent and drafts in SQLite."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- consent -----------------------------------------------------------------------------

    async def has_consent(self, user_id: int) -> bool:
        return await self.db.fetchone("SELECT 1 FROM inbox_consent WHERE user_id=?", (user_id,)) is not None

    async def give_consent(self, user_id: int, now: datetime) -> None:
        await self.db.execute(
            "INSERT OR IGNORE INTO inbox_consent(user_id, given_at) VALUES (?, ?)", (user_id, _iso(now))
        )

    # -- threads -----------------------------------------------------------------------------

    async def open_thread_of(self, user_id: int) -> Thread | None:
        row = await self.db.fetchone(
            f"{_THREAD} WHERE t.user_id=? AND t.status='open' ORDER BY t.id DESC LIMIT 1", (user_id,)
        )
        return _thread(row) if row else None

    async def get(self, thread_id: int) -> Thread | None:
        row = await self.db.fetchone(f"{_THREAD} WHERE t.id=?", (thread_id,))
        return _thread(row) if row else None

    async def open_threads(self) -> list[Thread]:
        """Open threads, those waiting longest for an answer first, then the answered ones."""
        rows = await self.db.fetchall(
            f"{_THREAD} WHERE t.status='open'"
            " ORDER BY t.waiting_since IS NULL, t.waiting_since, t.active_at DESC"
        )
        return [_thread(r) for r in rows]

    async def closed_threads(self, limit: int = 20) -> list[Thread]:
        """The threads closed last (until retention deletes them)."""
        rows = await self.db.fetchall(
            f"{_THREAD} WHERE t.status='closed' ORDER BY t.closed_at DESC, t.id DESC LIMIT ?", (limit,)
        )
        return [_thread(r) for r in rows]

    async def ask(
        self, user_id: int, lang: str, text: str, now: datetime, topic: str | None, node: str | None
    ) -> Thread:
        """A new thread with the person's first message."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO inbox_threads(user_id, lang, topic, node, status, waiting_since, created_at,"
                " active_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
                (user_id, lang, topic, node, _iso(now), _iso(now), _iso(now)),
            )
            thread_id = cursor.lastrowid
            assert thread_id is not None
            await conn.execute(_PERSON_MESSAGE, (thread_id, Author.PERSON.value, text, lang, _iso(now)))
        thread = await self.get(thread_id)
        assert thread is not None
        return thread

    async def add_person_message(
        self, thread_id: int, user_id: int, lang: str, text: str, now: datetime
    ) -> bool:
        """The person writes again in their open thread; False when it is not theirs or not open."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE inbox_threads SET active_at=?, waiting_since=coalesce(waiting_since, ?)"
                " WHERE id=? AND user_id=? AND status='open'",
                (_iso(now), _iso(now), thread_id, user_id),
            )
            if cursor.rowcount != 1:
                return False
            await conn.execute(_PERSON_MESSAGE, (thread_id, Author.PERSON.value, text, lang, _iso(now)))
        return True

    async def add_answer(self, thread_id: int, staff: str, text: str, lang: str, now: datetime) -> int | None:
        """A counsellor's answer (not yet delivered); None when the thread is not open."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE inbox_threads SET active_at=?, waiting_since=NULL WHERE id=? AND status='open'",
                (_iso(now), thread_id),
            )
            if cursor.rowcount != 1:
                return None
            cursor = await conn.execute(
                "INSERT INTO inbox_messages(thread_id, author, staff, text, lang, created_at, delivered)"
                " VALUES (?, ?, ?, ?, ?, ?, 0)",
                (thread_id, Author.COUNSELLOR.value, staff, text, lang, _iso(now)),
            )
            return cursor.lastrowid

    async def mark_delivered(self, message_id: int) -> None:
        await self.db.execute("UPDATE inbox_messages SET delivered=1 WHERE id=?", (message_id,))

    async def messages(self, thread_id: int) -> list[Message]:
        rows = await self.db.fetchall(
            "SELECT id, author, staff, text, lang, created_at, delivered FROM inbox_messages"
            " WHERE thread_id=? ORDER BY id",
            (thread_id,),
        )
        return [
            Message(
                id=int(r["id"]),
                author=Author(r["author"]),
                staff=r["staff"],
                text=r["text"],
                lang=r["lang"],
                created_at=datetime.fromisoformat(r["created_at"]),
                delivered=None if r["delivered"] is None else bool(r["delivered"]),
            )
            for r in rows
        ]

    async def close(self, thread_id: int, now: datetime, by: str = "staff") -> bool:
        changed = await self.db.execute(
            "UPDATE inbox_threads SET status='closed', closed_at=?, closed_by=?, waiting_since=NULL"
            " WHERE id=? AND status='open'",
            (_iso(now), by, thread_id),
        )
        return changed == 1

    # -- retention and /forget ---------------------------------------------------------------

    async def close_idle(self, now: datetime, idle_days: int) -> int:
        """Close threads without a message for ``idle_days``."""
        return await self.db.execute(
            "UPDATE inbox_threads SET status='closed', closed_at=?, closed_by='idle', waiting_since=NULL"
            " WHERE status='open' AND active_at < ?",
            (_iso(now), _iso(now - timedelta(days=idle_days))),
        )

    async def delete_closed(self, now: datetime, after_days: int) -> int:
        """Delete threads (and their messages) closed more than ``after_days`` ago."""
        return await self.db.execute(
            "DELETE FROM inbox_threads WHERE status='closed' AND closed_at < ?",
            (_iso(now - timedelta(days=after_days)),),
        )

    async def forget_user(self, user_id: int) -> int:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM inbox_consent WHERE user_id=?", (user_id,))
            cursor = await conn.execute("DELETE FROM inbox_threads WHERE user_id=?", (user_id,))
            return cursor.rowcount

    # -- drafts ------------------------------------------------------------------------------

    async def add_draft(self, node: str, lang: str, question: str, staff: str, now: datetime) -> int:
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO inbox_drafts(node, lang, question, staff, created_at) VALUES (?, ?, ?, ?, ?)",
                (node, lang, question, staff, _iso(now)),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    async def drafts(self) -> list[Draft]:
        rows = await self.db.fetchall(
            "SELECT id, node, lang, question, staff, created_at FROM inbox_drafts ORDER BY node, lang, id"
        )
        return [
            Draft(
                int(r["id"]),
                r["node"],
                r["lang"],
                r["question"],
                r["staff"],
                datetime.fromisoformat(r["created_at"]),
            )
            for r in rows
        ]
