"""Session records: stored as validated JSON, changed without losing a concurrent turn's state."""

from __future__ import annotations

from bot.app import App
from tests.auxil.chat import START


async def test_regression_proactive_choices_do_not_overwrite_the_flow(app: App) -> None:
    # booking's reminders used to load, change and save the whole session outside the user's turn
    session = await app.sessions.load("console", "ana", START)
    session.lang, session.flow, session.step, session.data = "ro", "booking", "name", {"topic": "housing"}
    await app.sessions.save(session, START)
    await app.sessions.set_choices("console", "ana", [("booking:cancel:ABC", "Anulați")])
    again = await app.sessions.load("console", "ana", START)
    assert (again.flow, again.step, again.data) == ("booking", "name", {"topic": "housing"})
    assert again.choices == [("booking:cancel:ABC", "Anulați")]


async def test_unreadable_state_is_reset_not_fatal(app: App) -> None:
    session = await app.sessions.load("console", "bob", START)
    await app.db.execute("UPDATE users SET state = ? WHERE id = ?", ("{not json", session.user_id))
    again = await app.sessions.load("console", "bob", START)
    assert again.flow == "" and again.choices == []
