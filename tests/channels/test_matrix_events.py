"""Matrix room events as the core sees them: pure translation, tested on events parsed by nio."""

from __future__ import annotations

from typing import Any

from nio import RoomMessageText

from bot.channels.matrix_events import (
    Undecryptable,
    bad_to_inbound,
    strip_reply_fallback,
    to_inbound,
    translate,
)
from bot.core.events import InboundKind
from tests.auxil.matrix_json import ANNA, ME, ROOM, encrypted, events, image, member, notice, text


def _event(content: dict[str, Any]) -> RoomMessageText:
    source = {
        "type": "m.room.message",
        "event_id": "$e1",
        "sender": "@maria:example.org",
        "origin_server_ts": 1,
        "content": content,
    }
    event = RoomMessageText.from_dict(source)
    assert isinstance(event, RoomMessageText)
    return event


def test_inbound_carries_sender_event_and_room() -> None:
    inbound = to_inbound("!room:example.org", _event({"msgtype": "m.text", "body": "2"}))
    assert inbound is not None
    assert (inbound.channel, inbound.user_ref, inbound.event_id, inbound.chat_ref) == (
        "matrix",
        "@maria:example.org",
        "$e1",
        "!room:example.org",
    )
    assert inbound.text == "2" and inbound.kind is InboundKind.TEXT


def test_reply_fallback_is_not_taken_as_the_users_words() -> None:
    event = _event(
        {
            "msgtype": "m.text",
            "body": "> <@bot:example.org> 1. Health\n> 2. Housing\n\n2",
            "m.relates_to": {"m.in_reply_to": {"event_id": "$x"}},
        }
    )
    assert strip_reply_fallback(event) == "2"


def test_edits_and_notices_are_not_answered_media_is_named() -> None:
    edit = _event({"msgtype": "m.text", "body": "* hi", "m.relates_to": {"rel_type": "m.replace"}})
    assert to_inbound("!r", edit) is None
    from nio import RoomMessageImage, RoomMessageNotice

    notice = RoomMessageNotice.from_dict(
        {
            "type": "m.room.message",
            "event_id": "$n",
            "sender": "@other-bot:x",
            "origin_server_ts": 1,
            "content": {"msgtype": "m.notice", "body": "beep"},
        }
    )
    assert to_inbound("!r", notice) is None
    image = RoomMessageImage.from_dict(
        {
            "type": "m.room.message",
            "event_id": "$i",
            "sender": "@m:x",
            "origin_server_ts": 1,
            "content": {"msgtype": "m.image", "body": "photo.jpg", "url": "mxc://x/y"},
        }
    )
    inbound = to_inbound("!r", image)
    assert inbound is not None and inbound.kind is InboundKind.MEDIA and inbound.media == "photo"


def test_a_message_nio_cannot_parse_still_gets_an_answer() -> None:
    from nio import BadEvent, RoomMessage

    source = {
        "type": "m.room.message",
        "event_id": "$b",
        "sender": "@m:x",
        "origin_server_ts": 1,
        "content": {"msgtype": "m.image", "body": "photo.jpg"},  # no url, no file
    }
    event = RoomMessage.parse_event(source)
    assert isinstance(event, BadEvent)
    inbound = bad_to_inbound("!r", event)
    assert inbound is not None and inbound.kind is InboundKind.MEDIA and inbound.media == "photo"
    assert inbound.user_ref == "@m:x" and inbound.event_id == "$b"
    source["content"] = {"msgtype": "m.notice"}
    assert bad_to_inbound("!r", RoomMessage.parse_event(source)) is None


def test_translate_answers_people_not_ourselves_nor_state_events() -> None:
    hello, own, joined = events(text(ANNA, "hello"), text(ME, "1. Health"), member(ANNA, "join"))
    inbound = translate(ROOM, hello, ME)
    assert inbound is not None and not isinstance(inbound, Undecryptable) and inbound.text == "hello"
    assert translate(ROOM, own, ME) is None  # our own replies come back in the sync
    assert translate(ROOM, joined, ME) is None


def test_translate_names_media_and_ignores_notices() -> None:
    photo, beep = events(image(ANNA), notice("@other-bot:example.org", "beep"))
    inbound = translate(ROOM, photo, ME)
    assert inbound is not None and not isinstance(inbound, Undecryptable)
    assert (inbound.kind, inbound.media) == (InboundKind.MEDIA, "photo")
    assert translate(ROOM, beep, ME) is None


def test_an_event_without_its_key_is_undecryptable() -> None:
    [event] = events(encrypted(ANNA, "SESSION1", event_id="$locked"))
    result = translate(ROOM, event, ME)
    assert isinstance(result, Undecryptable)
    assert (result.room_id, result.sender, result.session_id, result.event.event_id) == (
        ROOM,
        ANNA,
        "SESSION1",
        "$locked",
    )
