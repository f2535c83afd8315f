"""``python -m bot qr``: a poster's QR code for a deep link (language and node)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import qrcode
from PIL import Image, ImageChops

from bot.cli.qr import deep_link_parameter
from bot.config import ROOT
from tests.auxil.fake_telegram import BOT_USERNAME, TOKEN, FakeTelegram
from tests.auxil.process import bot_env, run_bot


def same_code(png: Path, link: str) -> bool:
    expected = qrcode.make(link, border=4).get_image().convert("1")
    return ImageChops.difference(Image.open(png).convert("1"), expected).getbbox() is None


def test_qr_for_a_language_and_a_node(tmp_path: Path) -> None:
    out = tmp_path / "poster" / "bg.png"
    done = run_bot(
        ["qr", "--lang", "bg", "--node", "health/no-insurance", "--out", str(out), "--bot", "@dortmund_bot"],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    link = "https://t.me/dortmund_bot?start=bg_health-no-insurance"
    assert done.stdout.strip() == link
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert same_code(out, link)


def test_unknown_language_or_node_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    assert (
        run_bot(["qr", "--lang", "fr", "--out", str(out), "--bot", "dortmund_bot"], tmp_path).returncode == 2
    )
    done = run_bot(
        ["qr", "--lang", "ro", "--node", "health/nope", "--out", str(out), "--bot", "dortmund_bot"], tmp_path
    )
    assert done.returncode == 2 and "unknown node" in done.stderr
    assert not out.exists()


def test_the_parameter_must_read_back_as_the_same_node() -> None:
    ids = {"a/b-c", "a-b/c"}
    assert deep_link_parameter("ro", "a/b-c", ids) == "ro_a-b-c"
    with pytest.raises(ValueError):
        deep_link_parameter("ro", "a-b/c", ids)  # the bot would open a/b-c
    with pytest.raises(ValueError):
        deep_link_parameter("ro", "x/" + "y" * 70, {"x/" + "y" * 70})


async def test_the_username_comes_from_get_me(tmp_path: Path) -> None:
    out = tmp_path / "ro.png"
    async with FakeTelegram() as tg:
        env = bot_env(tmp_path, BOT_TELEGRAM_TOKEN=TOKEN, BOT_TELEGRAM_BASE_URL=tg.base_url)
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "qr",
            "--lang",
            "ro",
            "--out",
            str(out),
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, stderr.decode()
    assert stdout.decode().strip() == f"https://t.me/{BOT_USERNAME}?start=ro"
    assert TOKEN not in stdout.decode() + stderr.decode()
    assert tg.calls["getMe"] == 1
