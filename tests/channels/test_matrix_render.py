"""Replies as Matrix contents: numbered choices, escaped HTML, long texts split under the event limit."""

from __future__ import annotations

import base64
import json
import os

from bot.channels.matrix_render import MAX_CONTENT_JSON, content_size, render, split_text
from bot.core.events import Choice, Reply

SYNAPSE_EVENT_LIMIT = 65_536


def encrypted_event_size(content: dict[str, object]) -> int:
    """What Synapse measures for an encrypted message: the Megolm payload as base64 plus the envelope."""
    payload = json.dumps(
        {"type": "m.room.message", "content": content, "room_id": "!" + "x" * 43 + ":example.org"},
        ensure_ascii=True,
    ).encode()
    ciphertext = base64.b64encode(payload + os.urandom(16 + 8 + 64)).decode()  # mac, padding, signature
    event = {
        "type": "m.room.encrypted",
        "room_id": "!" + "x" * 43 + ":example.org",
        "sender": "@" + "n" * 60 + ":example.org",
        "origin_server_ts": 1_700_000_000_000,
        "event_id": "$" + "e" * 43,
        "content": {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": ciphertext,
            "sender_key": "k" * 43,
            "session_id": "s" * 43,
            "device_id": "DEVICEIDXX",
        },
        "unsigned": {"age": 1234, "transaction_id": "t" * 36},
    }
    return len(json.dumps(event).encode())


def test_choices_are_numbered_across_replies_as_text_and_html() -> None:
    replies = [
        Reply("**Health**", (Choice("node:a", "Insurance"), Choice("node:b", "Doctor"))),
        Reply("More", (Choice("home", "Main menu"),)),
    ]
    first, second = render(replies)
    assert first["body"] == "Health\n\n1. Insurance\n2. Doctor"
    assert first["format"] == "org.matrix.custom.html"
    assert first["formatted_body"] == "<b>Health</b><ol><li>Insurance</li><li>Doctor</li></ol>"
    assert second["body"].endswith("3. Main menu")
    assert '<ol start="3"><li>Main menu</li></ol>' in second["formatted_body"]


def test_html_in_texts_and_labels_is_escaped() -> None:
    (content,) = render([Reply("a <script>x</script>\nline", (Choice("x", "<b>fake</b>"),))])
    assert "<script>" not in content["formatted_body"]
    assert "&lt;script&gt;" in content["formatted_body"]
    assert "&lt;b&gt;fake&lt;/b&gt;" in content["formatted_body"]
    assert "<br>" in content["formatted_body"]
    assert "a <script>x</script>\nline" in content["body"]  # plain body is plain text


def test_short_text_is_one_event() -> None:
    assert split_text("hello\nworld") == ["hello\nworld"]


def test_cyrillic_text_is_split_well_under_the_event_limit() -> None:
    text = "\n".join(" ".join(["Здравноосигурителна каса"] * 20) for _ in range(40))  # ~19,000 letters
    contents = render([Reply(text, (Choice("home", "Главно меню"),))])
    assert len(contents) > 1
    for content in contents:
        assert content_size(content) <= MAX_CONTENT_JSON
        assert encrypted_event_size(content) < SYNAPSE_EVENT_LIMIT * 0.6  # "well under"
    # unsplit, the same text would be far over the limit
    assert encrypted_event_size(render([Reply(text)], limit=10**9)[0]) > SYNAPSE_EVENT_LIMIT
    # nothing lost, choices only once, at the end
    assert " ".join(c["body"] for c in contents).split()[:-3] == text.split()
    assert contents[-1]["body"].endswith("1. Главно меню")
    assert all("Главно меню" not in c["body"] for c in contents[:-1])


def test_one_endless_line_without_spaces_is_cut_anyway() -> None:
    text = "ж" * 30_000
    parts = split_text(text)
    assert "".join(parts) == text
    assert all(content_size(render([Reply(p)])[0]) <= MAX_CONTENT_JSON for p in parts)
