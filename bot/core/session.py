"""Conversation state: a small typed record per (channel, user), stored as JSON, never pickled."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.core.events import Choice, Reply
from bot.store.db import Database

log = logging.getLogger(__name__)

Keeper = Callable[[], Awaitable[set[int]]]
"""Names the user ids retention must keep (a feature's own reason, asked at every purge)."""

MAX_CHOICES = 64
REPLIES_KEPT = timedelta(hours=1)  # an event's replies, for its redelivery after a crash
JsonValue = str | int | float | bool | None | list[Any] | dict[str, Any]


@dataclass
class Session:
    """Where one user is. ``location`` is "" (main menu), ``topic:<id>`` or ``node:<id>``; ``flow``
    names a multi-step dialogue (booking, forget...) with its ``step`` and ``data``; ``choices``
    holds the (action, label) pairs behind the numbers 1..n of the last reply."""

    user_id: int
    channel: str
    user_ref: str
    lang: str | None = None
    location: str = ""
    flow: str = ""
    step: str = ""
    data: dict[str, JsonValue] = field(default_factory=dict)
    choices: list[tuple[str, str]] = field(default_factory=list)  # (action, label)

    def state_json(self) -> str:
        return json.dumps(
            {
                "location": self.location,
                "flow": self.flow,
                "step": self.step,
                "data": self.data,
                "choices": [list(c) for c in self.choices[:MAX_CHOICES]],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def apply_state(self, raw: str) -> None:
        try:
            state = json.loads(raw)
        except ValueError:
            log.warning("unreadable session state for user %d reset", self.user_id)
            return
        if not isinstance(state, dict):
            return
        location, flow, step = state.get("location", ""), state.get("flow", ""), state.get("step", "")
        data, choices = state.get("data", {}), state.get("choices", [])
        if not all(isinstance(v, str) for v in (location, flow, step)):
            return
        if not isinstance(data, dict) or not isinstance(choices, list):
            return
        self.location, self.flow, self.step = location, flow, step
        self.data = data
        self.choices = [
            (c[0], c[1])
            for c in choices
            if isinstance(c, list) and len(c) == 2 and all(isinstance(x, str) for x in c)
        ][:MAX_CHOICES]

    def end_flow(self) -> None:
        self.flow, self.step, self.data = "", "", {}


def _replies(raw: str) -> tuple[str, list[Reply]]:
    try:
        data = json.loads(raw)
        replies = [
            Reply(text, tuple(Choice(a, label) for a, label in choices)) for text, choices in data["replies"]
        ]
        return str(data["life"]), replies
    except (ValueError, TypeError, KeyError):
        return "", []


def _kept(replies: Sequence[Reply], life: str) -> str:
    return json.dumps(
        {"life": life, "replies": [[r.text, [[c.action, c.label] for c in r.choices]] for r in replies]},
        ensure_ascii=False,
    )


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


class Sessions:
    """Users and their sessions in SQLite."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._keepers: list[Keeper] = []

    def keep(self, keeper: Keeper) -> None:
        """Never expire the users ``keeper`` names (e.g. booking: people with an appointment)."""
        self._keepers.append(keeper)

    async def load(self, channel: str, user_ref: str, now: datetime) -> Session:
        row = await self.db.fetchone(
            "SELECT id, lang, state FROM users WHERE channel=? AND user_ref=?", (channel, user_ref)
        )
        if row is None:
            # INSERT OR IGNORE is atomic on its own; no transaction, which would hold every other
            # user's statements while a crowd of new users arrives at once
            await self.db.execute(
                "INSERT OR IGNORE INTO users(channel, user_ref, created_at, seen_at) VALUES (?,?,?,?)",
                (channel, user_ref, _iso(now), _iso(now)),
            )
            new = await self.db.fetchone(
                "SELECT id FROM users WHERE channel=? AND user_ref=?", (channel, user_ref)
            )
            assert new is not None
            return Session(int(new[0]), channel, user_ref)
        session = Session(int(row["id"]), channel, user_ref, lang=row["lang"])
        session.apply_state(row["state"])
        return session

    async def save(
        self, session: Session, now: datetime, handled: tuple[str, str, Sequence[Reply], str] | None = None
    ) -> None:
        """Store the session; with ``handled`` (channel, event id, replies, process life) the event is
        recorded in the same transaction, so a crash never leaves the session moved on without the
        event recorded (its redelivery would find the flow's step gone)."""
        state = (session.lang, session.state_json(), _iso(now), session.user_id)
        if handled is None:
            await self.db.execute("UPDATE users SET lang=?, state=?, seen_at=?, blocked=0 WHERE id=?", state)
            return
        channel, event_id, replies, life = handled
        async with self.db.transaction() as conn:
            await conn.execute("UPDATE users SET lang=?, state=?, seen_at=?, blocked=0 WHERE id=?", state)
            await conn.execute(
                "INSERT OR IGNORE INTO processed_events(channel, event_id, seen_at, replies)"
                " VALUES (?,?,?,?)",
                (channel, event_id, _iso(now), _kept(replies, life)),
            )

    async def find(self, channel: str, user_ref: str) -> int | None:
        row = await self.db.fetchone(
            "SELECT id FROM users WHERE channel=? AND user_ref=?", (channel, user_ref)
        )
        return int(row[0]) if row else None

    async def first_seen(self, user_id: int) -> datetime | None:
        """When the account first wrote to the bot (for the booking's cool-down of new accounts)."""
        row = await self.db.fetchone("SELECT created_at FROM users WHERE id=?", (user_id,))
        return datetime.fromisoformat(row[0]) if row else None

    async def language_of(self, user_id: int) -> str | None:
        row = await self.db.fetchone("SELECT lang FROM users WHERE id=?", (user_id,))
        return row[0] if row else None

    async def language_of_ref(self, channel: str, user_ref: str) -> str | None:
        row = await self.db.fetchone(
            "SELECT lang FROM users WHERE channel=? AND user_ref=?", (channel, user_ref)
        )
        return row[0] if row else None

    async def set_choices(self, channel: str, user_ref: str, choices: list[tuple[str, str]]) -> None:
        """Make typed numbers mean these choices (after a message the bot sent on its own).

        Only the choices are changed, in one statement: a turn of the same user running meanwhile
        keeps its own state (it may overwrite the choices with newer ones, which is right).
        """
        await self.db.execute(
            "UPDATE users SET state = json_set(state, '$.choices', json(?)) WHERE channel=? AND user_ref=?",
            (json.dumps([list(c) for c in choices[:MAX_CHOICES]], ensure_ascii=False), channel, user_ref),
        )

    async def forget(self, user_id: int) -> None:
        """Delete the user's row; tables that refer to it cascade."""
        await self.db.execute("DELETE FROM users WHERE id=?", (user_id,))

    async def mark_blocked(self, channel: str, user_ref: str) -> None:
        await self.db.execute(
            "UPDATE users SET blocked=1 WHERE channel=? AND user_ref=?", (channel, user_ref)
        )

    async def seen(self, channel: str, event_id: str) -> tuple[str, list[Reply]] | None:
        """(the process life that handled it, its replies) for an event handled before; else None."""
        row = await self.db.fetchone(
            "SELECT replies FROM processed_events WHERE channel=? AND event_id=?", (channel, event_id)
        )
        if row is None:
            return None
        return _replies(row[0]) if row[0] else ("", [])

    async def first_time(
        self, channel: str, event_id: str, now: datetime, replies: Sequence[Reply] = (), life: str = ""
    ) -> bool:
        """Record a platform event id (with the replies it got, and the process life that handled it);
        False when it was seen before."""
        changed = await self.db.execute(
            "INSERT OR IGNORE INTO processed_events(channel, event_id, seen_at, replies) VALUES (?,?,?,?)",
            (channel, event_id, _iso(now), _kept(replies, life)),
        )
        return changed == 1

    async def delivered(self, channel: str, *event_ids: str) -> None:
        """The channel delivered these events' replies: erase the copies kept for a redelivery (they may
        hold a phone number). The ids stay, so a redelivered event is still recognised and ignored."""
        ids = list(event_ids)
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters, with room to spare
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            await self.db.execute(
                "UPDATE processed_events SET replies = NULL"
                f" WHERE channel=? AND replies IS NOT NULL AND event_id IN ({marks})",
                (channel, *chunk),
            )

    async def purge(self, now: datetime, inactive_days: int, events_days: int = 2) -> int:
        """Expire users who have not written for ``inactive_days`` (and their data, by cascade),
        except those a keeper names."""
        kept: set[int] = set()
        for keeper in self._keepers:
            kept |= await keeper()
        cutoff = _iso(now - timedelta(days=inactive_days))
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM processed_events WHERE seen_at < ?", (_iso(now - timedelta(days=events_days)),)
            )
            await conn.execute(  # kept for a redelivery after a crash; may hold personal data
                "UPDATE processed_events SET replies = NULL WHERE replies IS NOT NULL AND seen_at < ?",
                (_iso(now - REPLIES_KEPT),),
            )
            cursor = await conn.execute("SELECT id FROM users WHERE seen_at < ?", (cutoff,))
            expired = [(int(row[0]),) for row in await cursor.fetchall() if int(row[0]) not in kept]
            # seen_at checked again: a user who wrote meanwhile stays
            await conn.executemany(
                "DELETE FROM users WHERE id = ? AND seen_at < ?", [(i, cutoff) for (i,) in expired]
            )
            return len(expired)
