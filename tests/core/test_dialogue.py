"""The conversation core as a user meets it: language, menus, nodes, commands, bad input."""

from __future__ import annotations

import re

from bot.app import App
from bot.core.events import Inbound, InboundKind
from tests.auxil.chat import Chat

BG_STALE = "бутон"  # part of the Bulgarian "this button is no longer valid"


async def test_first_contact_shows_language_picker_with_platform_language_first(app: App) -> None:
    chat = Chat(app, platform_lang="bg-BG")
    text = await chat.say("/start")
    assert chat.choices[0].action == "lang:bg"
    assert chat.choices[0].label.startswith("✓")
    assert {c.action for c in chat.choices} >= {"lang:ro", "lang:bg", "lang:de", "lang:en"}
    assert "1. ✓ Български" in text


async def test_language_choice_is_stored_and_menu_follows(app: App) -> None:
    chat = Chat(app)
    await chat.say("/start")
    await chat.press("Română")
    assert "Willkommen Europa" in chat.text
    assert await app.sessions.language_of(1) == "ro"
    text = await chat.say("/menu")
    assert "Sănătate" in text


async def test_typed_number_works_like_button(app: App) -> None:
    chat = Chat(app)
    await chat.say("/language en")
    labels = [c.label for c in chat.choices]
    health = labels.index(next(label for label in labels if "Health" in label)) + 1
    text = await chat.say(str(health))
    assert "Health" in text
    text = await chat.say("1")
    assert "Checked on" in text


async def test_back_and_home_from_a_node(chat: Chat) -> None:
    await chat.say("/language en")
    await chat.action("node:health/insurance")
    assert "Checked on" in chat.text
    await chat.press("Back")
    assert chat.choices[0].action.startswith("node:health/")
    await chat.press("Main menu")
    assert any(c.action == "topic:health" for c in chat.choices)


async def test_bulgarian_node_text(chat: Chat) -> None:
    await chat.say("/language bg")
    text = await chat.action("node:health/insurance")
    assert "Krankenkasse" in text
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)


async def test_help_lists_commands_in_user_language(chat: Chat) -> None:
    await chat.say("/language de")
    text = await chat.say("/help")
    for command in ("/start", "/menu", "/language", "/privacy", "/forget"):
        assert command in text


async def test_forget_deletes_every_row_about_user(app: App, chat: Chat) -> None:
    await chat.say("/language ro")
    await chat.say("/forget")
    await chat.press("Da")
    for table in await app.db.tables():
        rows = await app.db.fetchall(f"SELECT * FROM {table}")
        for row in rows:
            assert "u1" not in [str(v) for v in tuple(row)], f"{table} still refers to the user"


async def test_forget_can_be_cancelled(app: App, chat: Chat) -> None:
    await chat.say("/language en")
    await chat.say("/forget")
    await chat.press("No")
    assert await app.sessions.language_of(1) == "en"


async def test_stale_forget_button_does_nothing(app: App, chat: Chat) -> None:
    await chat.say("/language en")
    text = await chat.action("forget:yes")
    assert "no longer valid" in text
    assert await app.sessions.language_of(1) == "en"


async def test_deep_link_opens_node_in_language(chat: Chat) -> None:
    text = await chat.say("/start bg_health-no-insurance")
    assert "Clearingstelle" in text
    assert chat.app.library.current.tree.text("health/no-insurance", "bg").title in text


# -- bad input: a short polite answer in the user's language, never a traceback ---------------


async def test_unknown_command(chat: Chat) -> None:
    await chat.say("/language ro")
    text = await chat.say("/foobar")
    assert "/foobar" in text and "comand" in text.lower()


async def test_empty_and_whitespace_lines(chat: Chat) -> None:
    await chat.say("/language en")
    for text in ("", "   ", "\u200b\u200b"):
        reply = await chat.say(text)
        assert "empty" in reply


async def test_very_long_text_is_cut_and_read_not_refused(chat: Chat) -> None:
    await chat.say("/language bg")
    reply = await chat.say("a" * 10_000)
    first = chat.last[0].text
    assert "прочетох само първите" in first and re.search(r"4\D?000", first)  # told in one line
    assert "\n" not in first and len(first) < 120
    assert "нямам отговор" in reply  # then read: a run of one letter has no answer
    assert "Съобщението Ви е твърде дълго" not in reply


async def test_control_characters_are_stripped(chat: Chat) -> None:
    await chat.say("/language en")
    reply = await chat.say("\x00\x07\x1b[31m/menu\u202e")
    assert reply  # answered, no exception
    reply = await chat.say("\x00\x01\x02")
    assert "empty" in reply


async def test_emoji_only(chat: Chat) -> None:
    await chat.say("/language de")
    reply = await chat.say("👍🙏😀")
    assert "Wörter" in reply or "Frage" in reply


async def test_out_of_range_number(chat: Chat) -> None:
    await chat.say("/language ro")
    count = len(chat.choices)
    reply = await chat.say("99")
    assert f"1 la {count}" in reply or f"1 și {count}" in reply or str(count) in reply
    assert len(chat.choices) == count  # the same numbers keep working


async def test_forged_and_stale_button_data(chat: Chat) -> None:
    await chat.say("/language bg")
    for action in ("node:nope/nothing", "x" * 100, "lang:xx", "topic:../../etc", "💥", "booking:bogus"):
        reply = await chat.action(action)
        assert BG_STALE in reply
        assert any(c.action == "topic:health" for c in chat.choices)


async def test_media_gets_polite_reply(chat: Chat) -> None:
    await chat.say("/language en")
    await chat.send(Inbound("console", "u1", kind=InboundKind.MEDIA, media="sticker"))
    assert "stickers" in chat.text


async def test_retried_event_is_processed_once(chat: Chat) -> None:
    await chat.say("/language en")
    first = await chat.action("node:health/ehic", event_id="42")
    assert first
    again = await chat.action("node:health/ehic", event_id="42")
    assert again == ""
