"""Replies as Telegram messages: escaped HTML, split at 4096 characters, keyboards paged."""

from __future__ import annotations

from bot.channels.telegram_render import (
    MAX_TEXT,
    PAGE_SIZE,
    PageLabels,
    keyboard_for,
    parse_page,
    render,
    split_html,
)
from bot.common import markup as mk
from bot.core.events import Choice, Reply

LABELS = PageLabels("◀️ Previous", "More ▶️")


def test_user_text_is_escaped_and_markup_becomes_html() -> None:
    user_text = mk.escape("<b>me</b> & **you** [x](https://evil.example)")
    [message] = render([Reply(f"**Hello** {user_text}")], LABELS)
    assert message.html == ("<b>Hello</b> &lt;b&gt;me&lt;/b&gt; &amp; **you** [x](https://evil.example)")


def test_links_and_bullets() -> None:
    [message] = render([Reply("- [Site](https://example.org/?a=1&b=2)\n- two")], LABELS)
    assert message.html == '• <a href="https://example.org/?a=1&amp;b=2">Site</a>\n• two'


def test_a_long_reply_is_split_between_lines_and_keeps_its_keyboard_last() -> None:
    lines = [f"Line {i}: " + "&" * 60 for i in range(200)]  # each & becomes &amp; in HTML
    reply = Reply("\n".join(lines), (Choice("home", "Home"),))
    messages = render([reply], LABELS)
    assert len(messages) > 2
    assert all(len(m.html) <= MAX_TEXT for m in messages)
    assert [m.keyboard for m in messages[:-1]] == [()] * (len(messages) - 1)
    assert messages[-1].keyboard == ((("Home", "home"),),)
    rejoined = "\n".join(m.html for m in messages)
    assert rejoined == mk.to_html(reply.text)  # nothing lost, nothing doubled, order kept


def test_a_single_endless_word_is_cut_and_never_breaks_an_entity() -> None:
    text = "<" * 10_000
    parts = split_html(text)
    assert all(len(p) <= MAX_TEXT for p in parts)
    assert "".join(parts) == "&lt;" * 10_000


def test_ten_thousand_characters_of_words() -> None:
    text = " ".join(["Wort"] * 2000)
    parts = split_html(text)
    assert len(parts) == 3 and all(len(p) <= MAX_TEXT for p in parts)
    assert " ".join(p.strip() for p in parts).split() == text.split()


def test_choices_are_numbered_across_replies_for_paging() -> None:
    first = Reply("a", (Choice("home", "Home"),))
    many = Reply("b", tuple(Choice(f"node:t/n{i}", f"N{i}") for i in range(12)))
    messages = render([first, many], LABELS)
    keyboard = messages[1].keyboard
    assert len(keyboard) == PAGE_SIZE + 1  # a page, then one row of arrows
    assert keyboard[-1] == (("More ▶️ (2/2)", "tgpage:1:12:1"),)
    page = parse_page("tgpage:1:12:1")
    assert page is not None and (page.first, page.count, page.page) == (1, 12, 1)


def test_the_second_page_and_its_way_back() -> None:
    choices = [Choice(f"node:t/n{i}", f"N{i}") for i in range(12)]
    keyboard = keyboard_for(choices, 0, 1, LABELS)
    assert [row[0][0] for row in keyboard[:-1]] == ["N8", "N9", "N10", "N11"]
    assert keyboard[-1] == (("◀️ Previous (1/2)", "tgpage:0:12:0"),)


def test_up_to_ten_choices_are_not_paged() -> None:
    choices = [Choice(f"node:t/n{i}", f"N{i}") for i in range(10)]
    assert len(keyboard_for(choices, 0, 0, LABELS)) == 10


def test_forged_page_data_is_not_a_page() -> None:
    for data in ("tgpage:0:5:1", "tgpage:x:12:1", "tgpage:0:12:1:9", "tgpage:0:999:1"):
        assert parse_page(data) is None


def test_a_choice_with_an_invalid_action_is_left_out() -> None:
    keyboard = keyboard_for(
        [Choice("ok", "Fine"), Choice("x" * 65, "Too long"), Choice("a b", "Space")], 0, 0, LABELS
    )
    assert keyboard == ((("Fine", "ok"),),)
