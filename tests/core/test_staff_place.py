"""Staff commands are taken only in the staff chat or room (the channel marks it) and on the console;
a staff member's private chat or a shared "direct" room is a user's place like any other."""

from __future__ import annotations

from pathlib import Path

from bot.app import App
from bot.channels.matrix_sync import ChannelView, HandleInbound, event_action
from bot.common import markup
from bot.core.events import Inbound
from tests.auxil.chat import Chat, started_app
from tests.auxil.matrix_json import ANNA, ME, OLGA, ROOM, STAFF_ROOM, events, text
from tests.auxil.telegram_bot import STAFF_CHAT, telegram_bot

STAFF_ONLY = "only for the staff"
STAFF = frozenset({"telegram:7", "matrix:@olga:example.org", "console:local"})


async def reply(app: App, event: Inbound) -> str:
    return markup.to_plain("\n".join(r.text for r in await app.dialogue.handle(event)))


async def test_staff_commands_only_from_the_staff_place(tmp_path: Path) -> None:
    app = await started_app(tmp_path, staff_users=STAFF)
    try:
        await reply(app, Inbound("telegram", "7", text="/language de"))
        private = await reply(app, Inbound("telegram", "7", text="/agenda", event_id="1"))
        assert STAFF_ONLY in private or "nur für" in private  # a user's place: refused
        staff_room = await reply(
            app, Inbound("telegram", "7", text="/agenda", event_id="2", chat_ref="-1", from_staff_place=True)
        )
        assert "nur für" not in staff_room and staff_room  # taken
        # in a shared "direct" Matrix room (no staff-place mark) staff are users like anyone else
        await reply(app, Inbound("matrix", OLGA, text="/language en"))
        direct = await reply(app, Inbound("matrix", OLGA, text="/agenda", chat_ref=ROOM))
        assert STAFF_ONLY in direct
        # the mark alone gives no powers: a non-staff user in the staff place is refused
        await reply(app, Inbound("telegram", "8", text="/language en"))
        other = await reply(app, Inbound("telegram", "8", text="/agenda", from_staff_place=True))
        assert STAFF_ONLY in other
        # the console is the operator's terminal: the staff place as a whole
        console = Chat(app, user="local")
        await console.say("/language en")
        assert STAFF_ONLY not in await console.say("/agenda")
    finally:
        await app.stop()


async def test_the_unknown_language_echo_is_escaped(app: App) -> None:
    [notice, *_] = await app.dialogue.handle(Inbound("console", "u9", text="/language **[x](y)"))
    assert "**[x](y)" not in notice.text and markup.escape("**[x](y)") in notice.text


def test_the_matrix_staff_room_marks_its_events_and_direct_rooms_do_not() -> None:
    view = ChannelView(ME, STAFF_ROOM, frozenset({f"matrix:{OLGA}"}), {}.get)
    [command] = events(text(OLGA, "/agenda"))
    in_staff_room = event_action(view, STAFF_ROOM, command)
    in_direct_room = event_action(view, ROOM, command)
    assert isinstance(in_staff_room, HandleInbound) and in_staff_room.inbound.from_staff_place
    assert isinstance(in_direct_room, HandleInbound) and not in_direct_room.inbound.from_staff_place
    [talk] = events(text(ANNA, "/agenda"))
    assert event_action(view, STAFF_ROOM, talk) is None  # not staff: not answered in the staff room


async def test_telegram_staff_group_takes_staff_commands_and_ignores_others(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path, staff_users=frozenset({"telegram:7"})) as bot:
        staff_group = {"id": STAFF_CHAT, "type": "supergroup", "title": "Staff"}
        olga = bot.tg.user(7, "de")
        olga.says("/language de")
        await bot.tg.wait_sent(1, 7)
        olga.says("/agenda")  # her private chat: refused
        [_, refused] = await bot.tg.wait_sent(2, 7)
        assert "nur für" in refused.text
        olga.says("/agenda", chat=staff_group)  # the staff group: taken
        [agenda] = await bot.tg.wait_sent(1, STAFF_CHAT)
        assert "nur für" not in agenda.text
        stranger = bot.tg.user(99, "en")
        stranger.says("/agenda", chat=staff_group)  # a member of the group who is not staff: ignored
        stranger.says("/help", chat=staff_group)
        await bot.tg.wait_idle()
        assert len(bot.tg.to(STAFF_CHAT)) == 1 and bot.tg.to(99) == []
