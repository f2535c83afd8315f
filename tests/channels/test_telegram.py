"""The Telegram channel: the real python-telegram-bot Application against the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings, TelegramSettings
from bot.core.events import Choice, Reply
from bot.core.feature import Feature, Turn
from bot.core.services import FeatureServices
from tests.auxil.fake_telegram import BOT_USERNAME, TOKEN
from tests.auxil.fake_timer import FakeTimer
from tests.auxil.telegram_bot import STAFF_CHAT, telegram_bot
from tests.auxil.wait import until


async def test_commands_are_registered_in_every_language(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        assert set(bot.tg.commands) == {"ro", "bg", "de", "en", ""}
        de = {c["command"]: c["description"] for c in bot.tg.commands["de"]}
        assert de["forget"] == "alle Ihre Daten löschen"
        assert bot.tg.commands[""] == bot.tg.commands["ro"]  # the default language for everyone else


async def test_first_contact_asks_for_the_language_with_buttons(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        bot.tg.user(42, "bg").says("/start")
        [first] = await bot.tg.wait_sent(1, 42)
        assert "Моля, изберете език." in first.text and "Please choose your language." in first.text
        assert first.buttons[0] == ("✓ Български", "lang:bg")
        assert first.params["parse_mode"] == "HTML"


async def test_a_button_press_is_answered_and_handled(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "ro")
        user.says("/start")
        await bot.tg.wait_sent(1, 42)
        query = user.presses("lang:ro")
        await bot.tg.wait_answered(query)
        [_, menu] = await bot.tg.wait_sent(2, 42)
        assert "Cu ce vă pot ajuta?" in menu.text
        assert ("🩺 Sănătate", "topic:health") in menu.buttons


async def test_typed_numbers_work_like_buttons(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start en")
        [menu] = await bot.tg.wait_sent(1, 42)
        number = [data for _, data in menu.buttons].index("topic:health") + 1
        user.says(str(number))
        [_, topic] = await bot.tg.wait_sent(2, 42)
        assert ("Health insurance", "node:health/insurance") in topic.buttons


@pytest.mark.parametrize(
    ("param", "expected"),
    [("ro", "Bună ziua!"), ("bg_health-insurance", "Здравна осигуровка"), ("de_health-ehic", "Europäische")],
)
async def test_deep_links_open_the_bot_in_a_language_on_a_node(
    tmp_path: Path, param: str, expected: str
) -> None:
    async with telegram_bot(tmp_path) as bot:
        bot.tg.user(42, "en").says(f"/start {param}")
        [reply] = await bot.tg.wait_sent(1, 42)
        assert expected in reply.text


@pytest.mark.parametrize(
    ("media", "expected"),
    [
        ("sticker", "Nu pot citi stickere"),
        ("photo", "fotografii"),
        ("voice", "mesaje vocale"),
        ("video", "videoclipuri"),
        ("document", "fișiere"),
        ("location", "locații"),
    ],
)
async def test_media_get_a_short_polite_reply_in_the_users_language(
    tmp_path: Path, media: str, expected: str
) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start ro")
        await bot.tg.wait_sent(1, 42)
        user.sends(media)
        [_, reply] = await bot.tg.wait_sent(2, 42)
        assert expected in reply.text, reply.text
        assert reply.buttons  # the choices the user had, so the same numbers keep working


async def test_forged_and_stale_button_data_get_the_polite_answer(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        forged = ["<script>", "node:does/not-exist", "x" * 200, "nofeature:cancel:99999", "", "tgpage:0:99:9"]
        queries = [user.presses(data) for data in forged]
        replies = await bot.tg.wait_sent(1 + len(forged), 42)
        for query in queries:
            await bot.tg.wait_answered(query)
        for reply in replies[1:]:
            assert "This button is no longer valid" in reply.text
            assert reply.buttons
        # data shaped like a feature's (a booking that is not there): that feature's polite answer
        before = len(bot.tg.to(42))
        await bot.tg.wait_answered(user.presses("booking:cancel:99999"))
        reply = (await bot.tg.wait_sent(before + 1, 42))[-1]
        assert reply.buttons and "something went wrong" not in reply.text


async def test_ten_thousand_characters_are_read_up_to_4000_and_the_person_is_told(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "de")
        user.says("/start de")
        await bot.tg.wait_sent(1, 42)
        user.says("Frage " * 1667)  # 10,002 characters
        sent = await bot.tg.wait_sent(2, 42)
        assert "nur die ersten 4.000 Zeichen gelesen" in sent[1].text


async def test_an_edited_message_gets_a_polite_note(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start de")
        await bot.tg.wait_sent(1, 42)
        user.edits(1, "changed")
        [_, reply] = await bot.tg.wait_sent(2, 42)
        assert "Änderungen an einer schon gesendeten Nachricht" in reply.text  # the stored language


async def test_in_another_group_the_bot_says_once_that_it_works_in_a_private_chat(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        group = {"id": -555, "type": "group", "title": "Friends"}
        bot.tg.user(42, "ro").says("/start", chat=group)
        [notice] = await bot.tg.wait_sent(1, -555)
        assert "Răspund doar în conversația privată" in notice.text
        assert f"@{BOT_USERNAME}" in notice.text
        bot.tg.user(43, "en").says("/help", chat=group)
        bot.tg.user(42, "ro").sends("sticker", chat=group)
        await bot.tg.wait_idle()
        assert len(bot.tg.to(-555)) == 1
        assert bot.tg.to(42) == [] and bot.tg.to(43) == []


async def test_the_staff_chat_answers_commands_and_ignores_staff_talk(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path, staff_users=frozenset({"telegram:7"})) as bot:
        staff = {"id": STAFF_CHAT, "type": "supergroup", "title": "Staff"}
        anna = bot.tg.user(7, "de")
        anna.says("Guten Morgen zusammen", chat=staff)
        anna.says("/start de", chat=staff)
        [reply] = await bot.tg.wait_sent(1, STAFF_CHAT)
        assert "Hallo!" in reply.text
        await bot.tg.wait_idle()
        assert len(bot.tg.to(STAFF_CHAT)) == 1 and bot.tg.to(7) == []


async def test_staff_notices_go_to_the_staff_chat_through_the_same_queue(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        await bot.app.postman.notify_staff("Neue Buchung: **Di 10:00**, " + "x" * 5000)
        assert await bot.app.postman.drain(5.0)  # queued: handed to the sender in the background
        sent = bot.tg.to(STAFF_CHAT)
        assert len(sent) == 2 and all(len(s.text) <= 4096 for s in sent)
        assert sent[0].text.startswith("Neue Buchung: <b>Di 10:00</b>")


async def test_a_429_is_retried_and_nothing_is_lost(tmp_path: Path) -> None:
    timer = FakeTimer()
    async with telegram_bot(tmp_path, timer=timer) as bot:
        bot.tg.fail("sendMessage", "429", chat_id=42, retry_after=1)
        user = bot.tg.user(42, "en")
        user.says("/start en")
        user.says("/help")
        sender = bot.channel.sender
        waited = await timer.drive(lambda: len(bot.tg.to(42)) == 2, busy=lambda: sender.in_flight > 0)
        assert waited == [1001.0]  # retry_after: one second after the refusal
        replies = bot.tg.to(42)
        assert "Hello!" in replies[0].text and "/forget" in replies[1].text
        assert bot.channel.sender.stats.retried_429 == 1


async def test_a_user_who_blocked_the_bot_is_marked_and_not_retried(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        bot.tg.blocked.add(42)
        user.says("/help")
        await bot.tg.wait_idle()
        row = await bot.app.db.fetchone("SELECT blocked FROM users WHERE user_ref='42'")
        assert row is not None and row[0] == 1
        from bot.core.events import Address

        assert await bot.app.postman.send(Address("telegram", "42"), [Reply("reminder")]) is False
        assert bot.tg.calls["sendMessage"] == 3  # start, help (403), reminder (403): none retried


class ManyChoices(Feature):
    """A feature offering more choices than fit on one keyboard page."""

    name = "many"
    commands = ("many",)

    async def command(self, turn: Turn, name: str, args: str) -> list[Reply] | None:
        tree = turn.library.tree
        nodes = sorted(tree.nodes)[:14]
        return [Reply("Pick one", tuple(Choice(f"node:{n}", tree.text(n, turn.lang).title) for n in nodes))]


def many(services: FeatureServices, settings: Settings) -> list[Feature]:
    return [ManyChoices()]


async def test_long_keyboards_are_paged_in_place(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path, features=many) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        user.says("/many")
        [_, listing] = await bot.tg.wait_sent(2, 42)
        assert len(listing.buttons) == 9 and listing.buttons[-1] == ("More ▶️ (2/2)", "tgpage:0:14:1")
        query = user.presses("tgpage:0:14:1", message_id=listing.message_id)
        await bot.tg.wait_answered(query)
        [_, _, edit] = await bot.tg.wait_sent(3, 42)
        assert edit.method == "editMessageReplyMarkup" and edit.message_id == listing.message_id
        assert len(edit.buttons) == 7 and edit.buttons[-1] == ("◀️ Previous (1/2)", "tgpage:0:14:0")
        label, data = edit.buttons[0]
        user.presses(data)
        [*_, answer] = await bot.tg.wait_sent(4, 42)
        assert label in answer.text


async def test_webhook_mode_checks_the_secret_token(tmp_path: Path, unused_tcp_port: int) -> None:
    settings = {"webhook_url": "https://bot.example.org/telegram", "webhook_port": unused_tcp_port}
    async with telegram_bot(tmp_path, telegram=settings) as bot:
        assert bot.tg.webhook["url"] == "https://bot.example.org/telegram"
        secret = bot.tg.webhook["secret_token"]
        assert secret == bot.channel.webhook_secret and len(secret) >= 32
        update = {"update_id": 1, "message": bot.tg.user(42, "en").message("/start en")}
        url = f"http://127.0.0.1:{unused_tcp_port}/telegram"
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}) as r:
                assert r.status == 403
            async with http.post(url, json=update) as r:
                assert r.status == 403
            async with http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as r:
                assert r.status == 200
        [reply] = await bot.tg.wait_sent(1, 42)
        assert "Hello!" in reply.text
        assert bot.tg.calls["getUpdates"] == 0


async def test_errors_are_logged_in_one_line_without_the_token(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with telegram_bot(tmp_path) as bot:
        bot.tg.fail("getUpdates", "500", count=2)
        bot.tg.fail("sendMessage", "500", count=1)
        bot.tg.fail("answerCallbackQuery", "400", count=1)
        user = bot.tg.user(42, "en")
        user.says("/start en")
        user.presses("home")
        await bot.tg.wait_sent(2, 42, within=15)
        await until(lambda: bot.tg.calls["answerCallbackQuery"] == 1, what="the press to be answered")
    ours = [r for r in caplog.records if r.name.startswith(("bot.", "telegram"))]
    text = "\n".join(r.getMessage() for r in ours)
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text
    assert all(r.exc_info is None for r in ours)  # one line each, no traceback
    assert "Internal Server Error" in text  # the one line was written
    for record in caplog.records:
        assert "Hello!" not in record.getMessage()  # never a message text


async def test_serve_runs_until_cancelled(tmp_path: Path) -> None:
    from bot.channels import telegram

    async with telegram_bot(tmp_path) as bot:
        # a second instance through the entry point bot.cli.run uses
        task = asyncio.create_task(telegram.serve(bot.app.channel_services, bot.app.settings.telegram))
        # it polls: Telegram was asked to drop any webhook a second time
        await until(lambda: bot.tg.calls["deleteWebhook"] == 2, what="the second instance to poll")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_the_channel_takes_its_limits_from_the_settings(tmp_path: Path) -> None:
    from dataclasses import replace

    from bot.channels.telegram import TelegramChannel

    async with telegram_bot(tmp_path) as bot:
        settings = replace(
            bot.app.settings.telegram, rate_limit=20.0, chat_rate=0.5, chat_burst=2, max_chats=8
        )
        bot.app.settings = replace(bot.app.settings, telegram=settings)
        channel = TelegramChannel(bot.app.channel_services, bot.app.settings.telegram)
        assert (channel.limits.overall, channel.limits.per_chat, channel.limits.chat_burst) == (20.0, 0.5, 2)
        assert channel.processor.max_chats == 8
        bot.app.settings = replace(bot.app.settings, telegram=replace(settings, rate_limit=0))
        assert not TelegramChannel(bot.app.channel_services, bot.app.settings.telegram).limits.enabled


async def test_the_channel_waits_for_the_network_at_start(tmp_path: Path) -> None:
    from bot.channels.telegram import TelegramChannel
    from tests.auxil.chat import started_app
    from tests.auxil.fake_telegram import FakeTelegram

    async with FakeTelegram() as tg:
        tg.fail("getMe", "502", count=2)
        app = await started_app(tmp_path, telegram=TelegramSettings(token=TOKEN, base_url=tg.base_url))
        channel = TelegramChannel(app.channel_services, app.settings.telegram, poll_timeout=1.0)
        try:
            await asyncio.wait_for(channel.start(retry_after=0.05), 10)
            assert channel.username == BOT_USERNAME and tg.calls["getMe"] == 3
        finally:
            await channel.stop()
            await app.stop()


async def test_a_refused_token_ends_only_the_telegram_channel(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.channels import telegram
    from tests.auxil.chat import started_app
    from tests.auxil.fake_telegram import FakeTelegram

    async with FakeTelegram() as tg:
        settings = TelegramSettings(token="999:wrong", base_url=tg.base_url)
        app = await started_app(tmp_path, telegram=settings)
        try:
            await asyncio.wait_for(
                telegram.serve(app.channel_services, app.settings.telegram), 10
            )  # returns instead of raising
        finally:
            await app.stop()
    assert "the bot token was refused" in caplog.text
    assert "999:wrong" not in caplog.text and "Traceback" not in caplog.text


def test_ptb_log_records_lose_tracebacks_of_routine_errors_and_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from telegram.error import NetworkError

    from bot.channels.telegram_logs import quiet_ptb_logs

    quiet_ptb_logs(TOKEN)
    caplog.set_level(logging.DEBUG)
    logger = logging.getLogger("telegram.ext.Updater")
    try:
        raise NetworkError("Bad Gateway")
    except NetworkError as exc:
        logger.error("Error while calling get_updates at https://x/bot%s/getUpdates", TOKEN, exc_info=exc)
    [record] = [r for r in caplog.records if r.name == "telegram.ext.Updater"]
    assert record.exc_info is None and "Bad Gateway" in record.getMessage()
    assert TOKEN not in caplog.text and "<token>" in caplog.text
    logger.debug("Calling sendMessage with text 'Maria'")
    assert "Maria" not in caplog.text


async def test_blocking_the_bot_marks_the_user(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "en")
        user.says("/start en")
        await bot.tg.wait_sent(1, 42)
        member = {"id": 42, "is_bot": False, "first_name": "Test"}
        me = {"id": 123456, "is_bot": True, "first_name": "Bot"}
        bot.tg.push(
            {
                "my_chat_member": {
                    "chat": {"id": 42, "type": "private", "first_name": "Test"},
                    "from": member,
                    "date": 1,
                    "old_chat_member": {"status": "member", "user": me},
                    "new_chat_member": {"status": "kicked", "user": me, "until_date": 0},
                }
            }
        )
        await bot.tg.wait_idle()

        async def blocked() -> bool:
            row = await bot.app.db.fetchone("SELECT blocked FROM users WHERE user_ref='42'")
            return row is not None and row[0] == 1

        await until(blocked, what="the user to be marked")
        user.says("/help")  # back: the mark goes
        await bot.tg.wait_sent(2, 42)
        row = await bot.app.db.fetchone("SELECT blocked FROM users WHERE user_ref='42'")
        assert row is not None and row[0] == 0
