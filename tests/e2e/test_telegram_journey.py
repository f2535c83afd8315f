"""Whole journeys on Telegram: the real PTB Application and the whole bot against the fake Bot API.

The booking leg (book → confirmation → staff notified → cancel) runs the real booking feature; the staff
notification path itself is also exercised with a stand-in feature.
"""

from __future__ import annotations

from pathlib import Path

from bot.app import default_features
from bot.common import markup as mk
from bot.config import Settings
from bot.core.events import Choice, Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from tests.auxil.fake_telegram import FakeTelegram, FakeUser, Sent
from tests.auxil.telegram_bot import STAFF_CHAT, telegram_bot


async def say(tg: FakeTelegram, user: FakeUser, text: str) -> Sent:
    before = len(tg.to(user.id))
    user.says(text)
    return (await tg.wait_sent(before + 1, user.id))[-1]


async def press(tg: FakeTelegram, user: FakeUser, last: Sent, label_part: str) -> Sent:
    """Press the button whose label has ``label_part``, turning keyboard pages to find it."""
    buttons = last.buttons
    while not any(label_part.lower() in label.lower() for label, _ in buttons):
        arrow = next(d for label, d in buttons if d.startswith("tgpage:") and "▶" in label)
        before = len(tg.to(user.id))
        user.presses(arrow, message_id=last.message_id)
        edit = (await tg.wait_sent(before + 1, user.id))[-1]
        assert edit.method == "editMessageReplyMarkup" and edit.message_id == last.message_id
        buttons = edit.buttons
    data = next(d for label, d in buttons if label_part.lower() in label.lower())
    before = len(tg.to(user.id))
    query = user.presses(data, message_id=last.message_id)
    await tg.wait_answered(query)
    return (await tg.wait_sent(before + 1, user.id))[-1]


class CallMeBack(Feature):
    """Stands in for a feature that tells staff about a user (the booking feature does the same)."""

    name = "callme"

    def __init__(self, services: FeatureServices) -> None:
        self.services = services

    def home_choices(self, turn: Turn) -> list[Choice]:
        return [Choice("callme:ask", "☎️ Call me")]

    async def action(self, turn: Turn, action: str) -> list[Reply] | None:
        if action != "ask":
            return None
        # a user-controlled value shown to staff: escaped
        await self.services.outbox.notify_staff(f"Rückruf erbeten: {mk.escape('<b>Maria</b> **x**')}")
        return [Reply("OK")]


def with_callme(services: FeatureServices, settings: Settings) -> list[Feature]:
    return [*default_features(services, settings), CallMeBack(services)]


async def test_newcomer_journey_on_telegram(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path, features=with_callme, staff_users=frozenset({"telegram:7"})) as bot:
        tg = bot.tg
        maria = tg.user(42, "ro", "Maria")

        # /start → the language, asked in every language
        picker = await say(tg, maria, "/start")
        assert "Vă rog să alegeți limba." in picker.text and "Моля, изберете език." in picker.text
        menu = await press(tg, maria, picker, "Română")
        assert "Bună ziua!" in menu.text

        # a question by the menu → the answer, with the way back
        topic = await press(tg, maria, menu, "Sănătate")
        answer = await press(tg, maria, topic, "Asigurarea de sănătate")
        assert "<b>" in answer.text or "Asigurarea" in answer.text
        assert any(data == "back" for _, data in answer.buttons)

        # a question in her own words gets an answer in Romanian (whatever the answers feature finds)
        reply = await say(tg, maria, "Am nevoie de asigurare de sănătate")
        assert reply.text and reply.buttons

        # a sticker, a forged button, 10,000 characters: short polite answers, never an error
        count = len(tg.to(42))
        maria.sends("sticker")
        assert "Nu pot citi stickere" in (await tg.wait_sent(count + 1, 42))[-1].text
        count = len(tg.to(42))
        query = maria.presses("lang:xx<script>")
        await tg.wait_answered(query)
        forged = (await tg.wait_sent(count + 1, 42))[-1]
        assert "Acest buton nu mai este valabil" in forged.text
        count = len(tg.to(42))
        maria.says("a" * 10_000)
        cut, _answer = (await tg.wait_sent(count + 2, 42))[count : count + 2]
        assert "am citit doar primele" in cut.text  # the first 4,000 characters read, said in one line

        # staff are told through the Telegram staff chat, user text escaped
        home = await say(tg, maria, "/menu")
        done = await press(tg, maria, home, "Call me")
        assert done.text == "OK"
        [notice] = await tg.wait_sent(1, STAFF_CHAT)
        assert notice.text == "Rückruf erbeten: &lt;b&gt;Maria&lt;/b&gt; **x**"

        # another person comes by a poster's deep link, while Telegram asks the bot to slow down
        tg.fail("sendMessage", "429", chat_id=43, retry_after=1)
        ivan = tg.user(43, "bg", "Ivan")
        node = await say(tg, ivan, "/start bg_health-insurance")
        assert "Здравна осигуровка" in node.text

        # in a group the bot only points to the private chat, once
        group = {"id": -777, "type": "supergroup", "title": "Dortmund RO"}
        maria.says("/start", chat=group)
        maria.says("/help", chat=group)
        await tg.wait_idle()
        assert len(tg.to(-777)) == 1 and "conversația privată" in tg.to(-777)[0].text

        assert not [s for s in tg.sent if len(s.text) > 4096]


async def test_booking_on_telegram_notifies_the_staff_chat_and_cancels(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path, staff_users=frozenset({"telegram:7"})) as bot:
        tg = bot.tg
        maria = tg.user(42, "ro", "Maria")
        await say(tg, maria, "/language ro")
        # /appointments → book → Locuință → română → first day → first time → name → skip phone → confirm
        last = None
        for text in ["/appointments", "1", "2", "1", "1", "1", "Maria", "1", "1"]:
            last = await say(tg, maria, text)
        assert last is not None and "Programarea dumneavoastră este făcută" in last.text
        [*_, notice] = await tg.wait_sent(1, STAFF_CHAT)
        assert "Neuer Termin" in notice.text
        for text in ["/appointments", "2", "1"]:
            last = await say(tg, maria, text)
        assert "este anulată" in last.text
        notices = await tg.wait_sent(2, STAFF_CHAT)
        assert "Von der Person abgesagt" in notices[-1].text
