"""The bot on Matrix against a real Synapse: a person in an encrypted direct chat, restarts, outages."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import re
import signal
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from nio import Api, AsyncClient, LoginResponse, RoomSendResponse

from bot.config import ROOT
from bot.core.events import Address, Reply
from tests.auxil.matrix_bot import running_bot
from tests.auxil.matrix_user import MatrixUser, number_of
from tests.auxil.process import bot_env
from tests.auxil.synapse import Synapse


@pytest.fixture
async def user(synapse: Synapse, tmp_path: Path) -> AsyncIterator[MatrixUser]:
    person = MatrixUser(synapse.url, synapse.register("maria"), tmp_path / "maria")
    await person.start()
    yield person
    await person.stop()


async def test_journey_in_an_encrypted_direct_chat(
    synapse: Synapse, user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot"):
        room = await user.open_direct(bot.user_id)
        assert user.client.rooms[room].encrypted
        picker = await user.ask("/start")
        # every language offered as a numbered choice, also as an HTML list
        assert "English" in picker and "Română" in picker and "Български" in picker
        html = user.messages[-1][1]
        assert html["format"] == "org.matrix.custom.html" and "<ol>" in html["formatted_body"]
        home = await user.ask(number_of(picker, "English"))
        assert "Willkommen Europa" in home
        topic = await user.ask(number_of(home, "Health"))
        node = await user.ask(number_of(topic, "insurance"))
        assert "Checked on" in node
        # a question in the person's own words: answered from the content, never quoted back or logged
        answer = await user.ask("where do I register my address zqxw")
        assert "Anmeldung" in answer and "Checked on" in answer
        assert "zqxw" not in answer
        back = await user.ask("/menu")
        assert "Health" in back
        # a photo: a short polite answer in the person's language, the same numbers still valid
        before = len(user.messages)
        await user.client.room_send(
            room,
            "m.room.message",
            {"msgtype": "m.image", "body": "passport.jpg", "file": _ENCRYPTED_FILE},
            ignore_unverified_devices=True,
        )
        await user.wait_for(lambda: len(user.messages) > before)
        assert "photos" in user.bodies(before)[0] and "Health" in user.bodies(before)[0]
        assert user.undecryptable == 0
    assert "zqxw" not in caplog.text and "Willkommen" not in caplog.text


async def test_restart_mid_conversation_loses_nothing_and_answers_nothing_twice(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    data = tmp_path / "bot"
    async with running_bot(synapse, bot, data) as first:
        device = first.client.device_id
        await user.open_direct(bot.user_id)
        await user.ask("/language en")
        home = await user.ask("/menu")
    health = number_of(home, "Health")
    before = len(user.messages)
    # written while the bot is down; more than one sync timeline holds, so the gap must be fetched
    for text in (health, "1", "/help", "/privacy", "/menu", "/help"):
        await user.send(text)
    assert await user.quiet(0.3) == 0
    async with running_bot(synapse, bot, data, timeline_limit=2) as second:
        assert second.client.device_id == device  # same device: it can still read the encrypted chat
        await user.wait_for(lambda: len(user.messages) >= before + 6, timeout=15)
        assert await user.quiet(1.0) == 0  # and nothing more: no message answered twice
    replies = user.bodies(before)
    assert len(replies) == 6
    assert "Health" in replies[0]  # the number still meant the menu shown before the restart
    assert "Checked on" in replies[1]
    assert "/forget" in replies[2] and "/forget" in replies[5]
    assert user.undecryptable == 0
    # a third start resumes after all of that: nothing is repeated
    async with running_bot(synapse, bot, data):
        assert await user.quiet(1.0) == 0
        assert "/forget" in await user.ask("/help")


async def test_homeserver_restart_is_survived(
    synapse: Synapse, user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.channels.matrix_client")
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot"):
        await user.open_direct(bot.user_id)
        await user.ask("/language de")
        await asyncio.to_thread(synapse.restart)
        text = await user.ask("/help", timeout=40)
        assert "/forget" in text
        assert user.undecryptable == 0
    assert "homeserver cannot be reached" in caplog.text  # the outage was seen and waited out


async def test_fresh_device_ignores_history_and_plain_rooms_work(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "first"):
        room = await user.open_direct(bot.user_id, encrypted=False)
        assert not user.client.rooms[room].encrypted
        assert "Română" in await user.ask("/start")
        await user.send("/help")
        await user.wait_for(lambda: len(user.messages) >= 2)
    # the same account with a new data directory is a new device: old messages are history to it
    await user.send("/privacy")
    async with running_bot(synapse, bot, tmp_path / "second"):
        assert await user.quiet(1.0) == 0
        assert "English" in await user.ask("/start")


async def test_undecryptable_message_gets_a_polite_notice_and_a_key_request(
    synapse: Synapse, user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot") as channel:
        room = await user.open_direct(bot.user_id)
        await user.ask("/language en")
        client = user.client
        assert client.olm is not None
        content = {
            "algorithm": "m.megolm.v1.aes-sha2",
            "sender_key": client.olm.account.identity_keys["curve25519"],
            "ciphertext": base64.b64encode(b"\x03" + os.urandom(150)).decode().rstrip("="),
            "session_id": "bogus" + uuid.uuid4().hex,
            "device_id": client.device_id,
        }
        method, path, data = Api.room_send(
            client.access_token, room, "m.room.encrypted", content, uuid.uuid4()
        )
        sent = await client._send(RoomSendResponse, method, path, data, (room,))
        assert isinstance(sent, RoomSendResponse)
        await user.wait_for(lambda: "could not read your last message" in user.bodies()[-1])
        assert content["session_id"] in channel.client.outgoing_key_requests
        assert str(content["ciphertext"])[:20] not in caplog.text


async def test_reaches_a_user_in_their_direct_room_and_splits_long_texts(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot") as channel:
        room = await user.open_direct(bot.user_id)
        await user.ask("/language bg")
        # 12,000 Cyrillic letters: ~190 KB once encrypted in one event, far over Synapse's 64 KiB
        paragraph = " ".join(["Здравноосигурителна"] * 20)
        text = "\n".join(f"{i} {paragraph}" for i in range(30))
        before = len(user.messages)
        assert await channel.app.postman.send(Address("matrix", user.user_id), [Reply(text)])
        await user.wait_for(lambda: "29 Здравно" in "".join(user.bodies(before)), timeout=15)
        parts = user.bodies(before, room_id=room)
        assert len(parts) > 2
        assert "\n".join(parts).replace("\n", " ").split() == text.replace("\n", " ").split()
        assert user.undecryptable == 0


async def test_proactive_message_opens_a_direct_room(synapse: Synapse, tmp_path: Path) -> None:
    bot = synapse.register("bot")
    stranger = MatrixUser(synapse.url, synapse.register("ion"), tmp_path / "ion")
    await stranger.start()
    try:
        async with running_bot(synapse, bot, tmp_path / "bot") as channel:
            sending = asyncio.create_task(
                channel.app.postman.send(Address("matrix", stranger.user_id), [Reply("**Reminder**")])
            )
            # the person accepts the invitation to the new direct room
            for _ in range(200):
                if stranger.client.invited_rooms:
                    break
                await asyncio.sleep(0.05)
            (room_id,) = stranger.client.invited_rooms
            await stranger.client.join(room_id)
            assert await sending
            await stranger.wait_for(lambda: bool(stranger.messages), timeout=15)
            content = stranger.messages[0][1]
            assert content["body"] == "Reminder" and content["formatted_body"] == "<b>Reminder</b>"
    finally:
        await stranger.stop()


async def test_leaves_a_room_the_user_left_and_declines_group_invites(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot") as channel:
        room = await user.open_direct(bot.user_id)
        await user.ask("/language en")
        await user.client.room_leave(room)
        for _ in range(200):
            joined = await channel.client.joined_rooms()
            if room not in joined.rooms:
                break
            await asyncio.sleep(0.05)
        assert room not in joined.rooms
        # an invitation to a room that is not a direct chat is declined
        group = await user.client.room_create(name="Football", invite=[bot.user_id])
        for _ in range(200):
            members = await user.client.joined_members(group.room_id)
            state = await user.client.room_get_state_event(group.room_id, "m.room.member", bot.user_id)
            if state.content.get("membership") == "leave":
                break
            await asyncio.sleep(0.05)
        assert state.content.get("membership") == "leave"
        assert bot.user_id not in [m.user_id for m in members.members]


async def test_staff_room_gets_notices_and_only_staff_commands(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    anna = MatrixUser(synapse.url, synapse.register("anna"), tmp_path / "anna")
    await anna.start()
    try:
        staff = await anna.client.room_create(
            name="Staff", invite=[bot.user_id, user.user_id], initial_state=[_ENCRYPTION]
        )
        await user.client.join(staff.room_id)
        async with running_bot(
            synapse,
            bot,
            tmp_path / "bot",
            staff_room=staff.room_id,
            staff_users=frozenset({f"matrix:{anna.user_id}"}),
        ) as channel:
            await anna.wait_joined(staff.room_id, bot.user_id)
            assert channel.app.postman.staff
            await channel.app.postman.notify_staff("New appointment **Tue 10:00**")
            await anna.wait_for(lambda: any("Tue 10:00" in b for b in anna.bodies()), timeout=15)
            # staff talk among themselves: not answered; a non-staff member's command: ignored
            await user.send("/help", room_id=staff.room_id)
            await anna.send("hello colleagues", room_id=staff.room_id)
            assert await anna.quiet(1.0) == 0
            await anna.ask("/language en", room_id=staff.room_id)
            text = await anna.ask("/help", room_id=staff.room_id)
            assert "/forget" in text
    finally:
        await anna.stop()


async def test_login_with_an_access_token(synapse: Synapse, user: MatrixUser, tmp_path: Path) -> None:
    bot = synapse.register("bot")
    # an operator logs the bot in once (no keys uploaded) and configures only the token
    login_client = AsyncClient(synapse.url, bot.user_id)
    login = await login_client.login(bot.password, device_name="newcomers-bot")
    await login_client.close()
    assert isinstance(login, LoginResponse)
    async with running_bot(synapse, bot, tmp_path / "bot", access_token=login.access_token) as channel:
        assert channel.client.device_id == login.device_id
        await user.open_direct(bot.user_id)
        assert "Română" in await user.ask("/start")
        assert user.undecryptable == 0


CODE = re.compile(r"\b([A-HJ-NP-Z2-9]{3})-([A-HJ-NP-Z2-9]{3})\b")
_ENCRYPTED_FILE = {
    "url": "mxc://localhost/abc",
    "key": {"kty": "oct", "key_ops": ["encrypt", "decrypt"], "alg": "A256CTR", "k": "a" * 43, "ext": True},
    "iv": "b" * 22,
    "hashes": {"sha256": "c" * 43},
    "v": "v2",
}
_ENCRYPTION = {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}


async def test_rate_limited_bot_waits_as_told_and_loses_nothing(
    synapse: Synapse, user: MatrixUser, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.channels.matrix_client")
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot"):
        await user.open_direct(bot.user_id)
        await user.ask("/language en")
        # from now on Synapse lets the bot send one message, then one every 0.5 s: M_LIMIT_EXCEEDED
        await asyncio.to_thread(synapse.limit_messages, bot.user_id, 2, 1)
        before = len(user.messages)
        for text in ("/help", "/privacy", "/help", "/privacy"):
            await user.send(text)
        await user.wait_for(lambda: len(user.messages) >= before + 4, timeout=20)
        replies = user.bodies(before)
        assert ["/forget" in r for r in replies] == [True] * 4
        assert ["store only" in r for r in replies] == [False, True, False, True]  # in order
    assert "rate limited by the homeserver" in caplog.text


async def test_python_m_bot_run_serves_matrix_and_stops_on_sigterm(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    env = bot_env(
        tmp_path / "bot",
        BOT_MATRIX_HOMESERVER=synapse.url,
        BOT_MATRIX_USER_ID=bot.user_id,
        BOT_MATRIX_PASSWORD=bot.password,
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        await user.open_direct(bot.user_id, timeout=30)
        assert "English" in await user.ask("/start", timeout=20)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert b"Traceback" not in stderr
    assert bot.password.encode() not in stderr  # secrets stay out of the log
    assert user.user_id.encode() not in stderr  # and so do people's Matrix ids


async def test_booking_journey_with_the_staff_room(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    """Language → booking → staff room notified → staff command there → the person cancels."""
    bot = synapse.register("bot")
    anna = MatrixUser(synapse.url, synapse.register("anna"), tmp_path / "anna")
    await anna.start()
    try:
        staff = await anna.client.room_create(name="Staff", invite=[bot.user_id], initial_state=[_ENCRYPTION])
        async with running_bot(
            synapse,
            bot,
            tmp_path / "bot",
            staff_room=staff.room_id,
            staff_users=frozenset({f"matrix:{anna.user_id}"}),
        ) as channel:
            await anna.wait_joined(staff.room_id, bot.user_id)
            await user.open_direct(bot.user_id)
            picker = await user.ask("/start")
            home = await user.ask(number_of(picker, "English"))
            topics = await user.ask(number_of(home, "Book an appointment"))
            languages = await user.ask(number_of(topics, "Housing"))
            days = await user.ask("1")  # the first language offered (the person's own when spoken)
            assert "Choose a day" in days, languages
            times = await user.ask("1")
            name = await user.ask("1")  # the first free time
            assert "first name" in name, times
            phone = await user.ask(number_of(name, "Skip"))
            check = await user.ask(number_of(phone, "Skip"))
            done = await user.ask(number_of(check, "Confirm"))
            code = CODE.search(done)
            assert code, done
            # the summary (it could hold a phone number) is not kept for a redelivery once sent
            kept = await channel.app.db.fetchone(
                "SELECT count(*) FROM processed_events WHERE channel = 'matrix' AND replies IS NOT NULL"
            )
            assert kept is not None and kept[0] == 0
            # the staff room hears of it, and staff commands work there
            await anna.wait_for(lambda: any("Neuer Termin" in b for b in anna.bodies()), timeout=15)
            assert any(code.group(1) in b for b in anna.bodies())
            await anna.ask("/language de", room_id=staff.room_id)
            agenda = await anna.ask("/agenda", room_id=staff.room_id)
            assert "Termine am" in agenda or "Keine Termine" in agenda
            # the person cancels
            mine = await user.ask("/appointments")
            ask = await user.ask(number_of(mine, "Cancel"))
            assert "cancelled" in await user.ask(number_of(ask, "Yes, cancel"))
            await anna.wait_for(
                lambda: any("Von der Person abgesagt" in b for b in anna.bodies()), timeout=15
            )
            assert user.undecryptable == 0 and anna.undecryptable == 0
    finally:
        await anna.stop()


async def test_a_revoked_token_means_logging_in_again_on_the_same_device(
    synapse: Synapse, user: MatrixUser, tmp_path: Path
) -> None:
    bot = synapse.register("bot")
    async with running_bot(synapse, bot, tmp_path / "bot") as channel:
        # a plain room: nio (the person's app here) never re-adds a device it once saw deleted, so in
        # an encrypted room this step would test nio's device list, not the bot
        await user.open_direct(bot.user_id, encrypted=False)
        await user.ask("/language en")
        device, token = channel.client.device_id, channel.client.access_token
        # someone logs the bot's session out
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"{synapse.url}/_matrix/client/v3/logout",
                headers={"Authorization": f"Bearer {token}"},
                json={},
            ) as response,
        ):
            assert response.status == 200
        olm = channel.client.olm
        assert olm is not None
        for _ in range(200):
            if channel.client.access_token != token and olm.account.shared:
                break
            await asyncio.sleep(0.05)
        # a new session on the same device, its keys published again
        assert channel.client.access_token != token and channel.client.device_id == device
        assert olm.account.shared
        assert "/forget" in await user.ask("/help", timeout=20)
