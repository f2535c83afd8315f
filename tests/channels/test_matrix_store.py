"""The Matrix channel's rows: a user's direct room goes with the user."""

from __future__ import annotations

from bot.app import App
from bot.channels.matrix_store import MatrixStore


async def test_direct_room_is_remembered_and_deleted_with_the_user(app: App) -> None:
    store = MatrixStore(app.db)
    await store.remember_room("@nobody:example.org", "!r0:example.org")
    assert await store.room_of("@nobody:example.org") is None  # unknown users leave no trace
    session = await app.sessions.load("matrix", "@maria:example.org", app.clock.now())
    await store.remember_room("@maria:example.org", "!r1:example.org")
    await store.remember_room("@maria:example.org", "!r2:example.org")
    assert await store.room_of("@maria:example.org") == "!r2:example.org"
    await app.sessions.forget(session.user_id)
    assert await app.db.fetchall("SELECT * FROM matrix_rooms") == []


async def test_forgotten_room(app: App) -> None:
    store = MatrixStore(app.db)
    await app.sessions.load("matrix", "@ion:example.org", app.clock.now())
    await store.remember_room("@ion:example.org", "!r:example.org")
    await store.forget_room("!r:example.org")
    assert await store.room_of("@ion:example.org") is None
