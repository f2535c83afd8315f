"""What the Matrix channel keeps in SQLite: its login, its sync position and users' direct rooms."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.db import Database

CHANNEL = "matrix"


@dataclass(frozen=True, slots=True)
class Login:
    """A login to keep: the same device (and so the same encryption keys) after every restart."""

    homeserver: str
    user_id: str
    device_id: str
    access_token: str


class MatrixStore:
    """Rows of ``matrix_account`` (key/value) and ``matrix_rooms`` (user → direct room)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def _get(self, key: str) -> str | None:
        row = await self.db.fetchone("SELECT value FROM matrix_account WHERE key=?", (key,))
        return str(row[0]) if row else None

    async def login(self) -> Login | None:
        rows = await self.db.fetchall(
            "SELECT key, value FROM matrix_account WHERE key IN "
            "('homeserver','user_id','device_id','access_token')"
        )
        values = {str(r[0]): str(r[1]) for r in rows}
        if len(values) < 4:
            return None
        return Login(values["homeserver"], values["user_id"], values["device_id"], values["access_token"])

    async def save_login(self, login: Login) -> None:
        """Keep ``login``; on another device the sync position goes too: a fresh device starts at now."""
        old = await self.login()
        same_device = old is not None and (old.user_id, old.device_id) == (login.user_id, login.device_id)
        async with self.db.transaction() as conn:
            if same_device:
                await conn.execute("DELETE FROM matrix_account WHERE key != 'next_batch'")
            else:
                await conn.execute("DELETE FROM matrix_account")
            await conn.executemany(
                "INSERT INTO matrix_account(key, value) VALUES (?,?)",
                [
                    ("homeserver", login.homeserver),
                    ("user_id", login.user_id),
                    ("device_id", login.device_id),
                    ("access_token", login.access_token),
                ],
            )

    async def sync_token(self) -> str | None:
        return await self._get("next_batch")

    async def save_sync_token(self, token: str) -> None:
        await self.db.execute(
            "INSERT INTO matrix_account(key, value) VALUES ('next_batch', ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (token,),
        )

    async def room_of(self, user_ref: str) -> str | None:
        row = await self.db.fetchone(
            "SELECT r.room_id FROM matrix_rooms r JOIN users u ON u.id = r.user_id "
            "WHERE u.channel=? AND u.user_ref=?",
            (CHANNEL, user_ref),
        )
        return str(row[0]) if row else None

    async def remember_room(self, user_ref: str, room_id: str) -> None:
        """Where the user last wrote to the bot; nothing when the user is unknown (or just forgotten)."""
        await self.db.execute(
            "INSERT INTO matrix_rooms(user_id, room_id) "
            "SELECT id, ? FROM users WHERE channel=? AND user_ref=? "
            "ON CONFLICT(user_id) DO UPDATE SET room_id=excluded.room_id",
            (room_id, CHANNEL, user_ref),
        )

    async def forget_room(self, room_id: str) -> None:
        await self.db.execute("DELETE FROM matrix_rooms WHERE room_id=?", (room_id,))
