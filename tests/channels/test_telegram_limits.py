"""Sliding windows: at most ``count`` messages in any ``period``."""

from __future__ import annotations

from pathlib import Path

from bot.channels.telegram_limits import Limits, Window
from bot.config import load_settings


def test_window_allows_a_burst_then_waits() -> None:
    window = Window(3, 3.0)
    for t in (0.0, 0.1, 0.2):
        assert window.next_free(t) == t
        window.take(t)
    assert window.next_free(0.3) == 3.0
    assert window.next_free(3.0) == 3.0  # the first one left the window


def test_default_limits() -> None:
    limits = Limits()
    overall = limits.overall_window()
    chat = limits.chat_window()
    group = limits.group_window()
    assert overall is not None and 29 <= overall.count / overall.period <= 30
    assert overall.count == 1 and overall.period <= 0.04  # evenly spaced, not 30 at once
    assert chat is not None and chat.count / chat.period == 1.0 and chat.count > 1  # short bursts
    assert group is not None and (group.count, group.period) == (20, 60.0)


def test_zero_turns_every_limit_off() -> None:
    limits = Limits(overall=0)
    assert not limits.enabled
    assert limits.overall_window() is None and limits.chat_window() is None and limits.group_window() is None


def test_fractional_rates() -> None:
    overall = Limits(overall=0.5).overall_window()
    assert overall is not None and overall.count == 1 and 2.0 <= overall.period <= 2.1


def test_limits_come_from_the_settings(tmp_path: Path) -> None:
    config = tmp_path / "bot.toml"
    config.write_text(
        "[telegram]\nchat_rate = 0.5\nchat_burst = 2\ngroup_per_minute = 10\nmax_in_flight = 8\n"
    )
    settings = load_settings({"BOT_CONFIG": str(config), "BOT_TELEGRAM_RATE_LIMIT": "25"}).telegram
    assert (settings.rate_limit, settings.chat_rate, settings.chat_burst) == (25.0, 0.5, 2)
    assert (settings.group_per_minute, settings.max_in_flight) == (10, 8)
    assert load_settings({"BOT_TELEGRAM_RATE_LIMIT": "0"}).telegram.rate_limit == 0.0
