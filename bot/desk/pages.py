"""The desk's pages: each module's ``register(desk)`` adds its routes. A new page is one line here."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from bot.desk import agenda, auth, booking_accounts, content_status, inbox, users
from bot.desk.site import Desk

PAGES: list[ModuleType] = [
    auth,
    agenda,
    booking_accounts,
    inbox,
    content_status,
    users,
]


def register_all(desk: Desk, pages: list[ModuleType] | None = None) -> None:
    for module in PAGES if pages is None else pages:
        register: Callable[[Desk], None] = module.register
        register(desk)
