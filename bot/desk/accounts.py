"""Staff accounts of the desk: argon2 password hashes, sessions, lockout after failed logins.

A session is a random token in an HttpOnly cookie; the database keeps only its sha256, with the session's
CSRF token. Five failed logins in a row lock the account for ``LOCK_MINUTES``; a good login resets the count.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.store.db import Database

MAX_FAILED = 5
LOCK_MINUTES = 15
SESSION_HOURS = 12  # a working day; then log in again
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 10

_HASHER = PasswordHasher()  # argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile)
# verified when the name is unknown, so an unknown name takes as long as a wrong password
_DUMMY = _HASHER.hash(secrets.token_hex(16))


class Role(StrEnum):
    COUNSELLOR = "counsellor"
    ADMIN = "admin"


class LoginResult(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # unknown name or wrong password: the same answer for both
    LOCKED = "locked"


class AccountError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class StaffUser:
    id: int
    name: str
    role: Role
    locked_until: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


@dataclass(frozen=True, slots=True)
class Session:
    user: StaffUser
    csrf: str


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise AccountError("a name is 2 to 32 lowercase letters, digits, '.', '_' or '-'")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    return password


class Accounts:
    """The ``desk_users`` and ``desk_sessions`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, name: str, role: Role, password: str, now: datetime) -> StaffUser:
        check_name(name)
        check_password(password)
        if await self.get(name) is not None:
            raise AccountError(f"there is already an account {name}")
        await self.db.execute(
            "INSERT INTO desk_users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            (name, str(role), _HASHER.hash(password), _iso(now)),
        )
        user = await self.get(name)
        assert user is not None
        return user

    async def set_password(self, name: str, password: str) -> bool:
        check_password(password)
        changed = await self.db.execute(
            "UPDATE desk_users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
            (_HASHER.hash(password), name),
        )
        if changed:
            await self.db.execute(
                "DELETE FROM desk_sessions WHERE user_id = (SELECT id FROM desk_users WHERE name = ?)",
                (name,),
            )
        return changed == 1

    async def remove(self, name: str) -> bool:
        # sessions go with the account (ON DELETE CASCADE)
        return await self.db.execute("DELETE FROM desk_users WHERE name = ?", (name,)) == 1

    async def unlock(self, name: str) -> bool:
        changed = await self.db.execute(
            "UPDATE desk_users SET failed_logins = 0, locked_until = NULL WHERE name = ?", (name,)
        )
        return changed == 1

    async def get(self, name: str) -> StaffUser | None:
        row = await self.db.fetchone(
            "SELECT id, name, role, locked_until FROM desk_users WHERE name = ?", (name,)
        )
        return StaffUser(int(row[0]), row[1], Role(row[2]), row[3]) if row else None

    async def list(self) -> list[StaffUser]:
        rows = await self.db.fetchall("SELECT id, name, role, locked_until FROM desk_users ORDER BY name")
        return [StaffUser(int(r[0]), r[1], Role(r[2]), r[3]) for r in rows]

    async def verify(self, name: str, password: str, now: datetime) -> tuple[LoginResult, StaffUser | None]:
        row = await self.db.fetchone(
            "SELECT id, name, role, password_hash, failed_logins, locked_until FROM desk_users"
            " WHERE name = ?",
            (name,),
        )
        if row is None:
            _verify(_DUMMY, password)
            return LoginResult.WRONG, None
        user = StaffUser(int(row[0]), row[1], Role(row[2]), row[5])
        if row[5] and row[5] > _iso(now):
            return LoginResult.LOCKED, None
        if not _verify(row[3], password):
            failed = int(row[4]) + 1
            locked = _iso(now + timedelta(minutes=LOCK_MINUTES)) if failed >= MAX_FAILED else None
            await self.db.execute(
                "UPDATE desk_users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                (0 if locked else failed, locked, user.id),
            )
            return (LoginResult.LOCKED if locked else LoginResult.WRONG), None
        if row[4] or row[5]:
            await self.db.execute(
                "UPDATE desk_users SET failed_logins = 0, locked_until = NULL WHERE id = ?", (user.id,)
            )
        if _HASHER.check_needs_rehash(row[3]):
            await self.db.execute(
                "UPDATE desk_users SET password_hash = ? WHERE id = ?", (_HASHER.hash(password), user.id)
            )
        return LoginResult.OK, user

    # -- sessions -----------------------------------------------------------------------------------

    async def open_session(self, user: StaffUser, now: datetime) -> tuple[str, Session]:
        """A new session: (the cookie's token, the session with its CSRF token)."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        await self.db.execute("DELETE FROM desk_sessions WHERE expires_at <= ?", (_iso(now),))
        await self.db.execute(
            "INSERT INTO desk_sessions (token_hash, user_id, csrf, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (_hash_token(token), user.id, csrf, _iso(now), _iso(now + timedelta(hours=SESSION_HOURS))),
        )
        return token, Session(user, csrf)

    async def session(self, token: str, now: datetime) -> Session | None:
        row = await self.db.fetchone(
            "SELECT u.id, u.name, u.role, s.csrf FROM desk_sessions s JOIN desk_users u ON u.id = s.user_id"
            " WHERE s.token_hash = ? AND s.expires_at > ?",
            (_hash_token(token), _iso(now)),
        )
        if row is None:
            return None
        return Session(StaffUser(int(row[0]), row[1], Role(row[2])), row[3])

    async def close_session(self, token: str) -> None:
        await self.db.execute("DELETE FROM desk_sessions WHERE token_hash = ?", (_hash_token(token),))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
