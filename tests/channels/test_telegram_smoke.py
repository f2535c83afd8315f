from pathlib import Path

from tests.auxil.telegram_bot import telegram_bot


async def test_start(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as bot:
        user = bot.tg.user(42, "ro")
        user.says("/start")
        sent = await bot.tg.wait_sent(1, 42)
        print(sent[0].text, sent[0].buttons)
        user.presses("lang:ro")
        sent = await bot.tg.wait_sent(2, 42)
        print(sent[1].text, sent[1].buttons)
        print(bot.tg.commands)
