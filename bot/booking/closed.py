"""What the booking entry says while booking is closed (``when_unconfirmed: closed`` and hours not confirmed).

No time is offered, because none is known: the person learns that the hours are not confirmed yet and how
to reach the contact point instead. Only a confirmed address is shown; otherwise the address answer is
offered as a choice (it carries its own "please check").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.booking.service import ACTION_MINE
from bot.common import markup
from bot.core import actions
from bot.core.events import Choice, Reply
from bot.core.feature import Turn

if TYPE_CHECKING:
    from bot.booking.flow import BookingFeature

ADDRESS_NODE = "contact/address"


async def reply(feature: BookingFeature, turn: Turn) -> list[Reply]:
    """Instead of a booking step: why there is none and where to go; any held time is let go."""
    t, service = turn.t, feature.service
    await service.bookings.release_holds(turn.session.user_id)
    turn.session.end_flow()
    confirmed = [markup.escape(site.address) for site in service.contact.sites if site.confirmed]
    lines = [t("booking-closed")]
    choices: list[Choice] = []
    if confirmed:
        lines.append(t("booking-closed-visit", address="; ".join(confirmed)))
    else:
        lines.append(t("booking-closed-ask"))
        tree = turn.library.tree
        if ADDRESS_NODE in tree.nodes:
            choices.append(Choice(actions.node(ADDRESS_NODE), tree.text(ADDRESS_NODE, turn.lang).title))
    if await service.bookings.upcoming(turn.session.user_id, turn.now):
        choices.append(Choice(ACTION_MINE, t("booking-mine-choice")))  # earlier ones can still be cancelled
    choices.append(Choice(actions.HOME, t("choice-home")))
    return [Reply("\n\n".join(lines), tuple(choices))]
