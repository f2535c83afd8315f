"""Running ``python -m bot`` as a real process, as staff and scripts do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import ROOT


def bot_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    # words only: a fresh data dir would spend minutes embedding the example bank in the background
    env.update(
        {"BOT_DATA_DIR": str(data_dir), "BOT_SEMANTIC": "0", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    )
    env.update(extra)
    return env


def run_bot(
    args: list[str], data_dir: Path, stdin: str = "", **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=bot_env(data_dir, **extra),
        cwd=ROOT,
        timeout=60,
        check=False,
    )
