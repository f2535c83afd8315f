"""The desk's audit log: which staff member did what, and when; the subject by its code only.

Never a name, phone number or message text: a booking code, a day or a thread number says enough to
find the record, and the record's personal data is erased on its own schedule (``/forget``, 30 days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.db import Database


@dataclass(frozen=True, slots=True)
class Entry:
    at: str
    staff: str
    action: str
    subject: str


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def record(self, staff: str, action: str, subject: str, now: datetime) -> None:
        await self.db.execute(
            "INSERT INTO desk_audit (at, staff, action, subject) VALUES (?, ?, ?, ?)",
            (now.isoformat(timespec="seconds"), staff, action, subject[:64]),
        )

    async def latest(self, limit: int = 100) -> list[Entry]:
        rows = await self.db.fetchall(
            "SELECT at, staff, action, subject FROM desk_audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [Entry(*tuple(r)) for r in rows]
