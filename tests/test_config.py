"""Settings: the TOML file and the environment, checked at start; the README's table follows the model."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot.config import ROOT, SECTIONS, ConfigError, Settings, TelegramSettings, load_settings, section_fields
from tests.auxil.chat import Chat, started_app
from tests.auxil.process import run_bot


def write(tmp_path: Path, text: str) -> str:
    config = tmp_path / "bot.toml"
    config.write_text(text, encoding="utf-8")
    return str(config)


def error_of(env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    return str(caught.value)


def test_a_typo_names_the_file_the_key_and_the_likely_setting(tmp_path: Path) -> None:
    config = write(tmp_path, "[telegram]\nrate_limt = 5\n")
    assert (
        error_of({"BOT_CONFIG": config})
        == f"{config}: [telegram] rate_limt: unknown key (did you mean rate_limit?)"
    )


def test_unknown_sections_and_misplaced_keys_are_refused(tmp_path: Path) -> None:
    config = write(tmp_path, 'flood_limit = 3\n[telegarm]\nx = 1\n[bot]\nstaff_chat = "-100"\nnonsense = 1\n')
    lines = error_of({"BOT_CONFIG": config}).splitlines()
    assert lines == [
        f"{config}: flood_limit: a setting outside a section (put it under [bot])",
        f"{config}: telegarm: unknown section (did you mean [telegram]?)",
        f"{config}: [bot] staff_chat: unknown key (it belongs in [telegram])",
        f"{config}: [bot] nonsense: unknown key (known: {', '.join(section_fields('bot'))})",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[bot]\nflood_limit = "twenty"\n', "[bot] flood_limit: input should be a valid integer"),
        ("[bot]\ngaps_enabled = 3\n", "[bot] gaps_enabled: input should be a valid boolean"),
        ('[bot]\nrequired_languages = "ro"\n', "[bot] required_languages: input should be a valid tuple"),
        ("[bot]\nstaff_users = [1]\n", "[bot] staff_users[0]: input should be a valid string"),
        (
            '[bot]\nlog_level = "loud"\n',
            "[bot] log_level: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL",
        ),
        ("[bot]\nhttp_port = 70000\n", "[bot] http_port: input should be less than or equal to 65535"),
        (
            "[telegram]\nrate_limit = -1\n",
            "[telegram] rate_limit: input should be greater than or equal to 0",
        ),
        ("[telegram]\nmax_chats = 2.5\n", "[telegram] max_chats: input should be a valid integer"),
        ("[matrix]\nhomeserver = 5\n", "[matrix] homeserver: input should be a valid string"),
        ("telegram = 5\n", "telegram: must be a section [telegram], not a value"),
    ],
)
def test_wrong_types_are_refused_with_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    config = write(tmp_path, text)
    message = error_of({"BOT_CONFIG": config})
    assert message.startswith(f"{config}: {expected}"), message


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    config = write(tmp_path, '[bot]\nflood_limt = 1\ninactive_days = "x"\n[telegram]\nchat_burst = "y"\n')
    lines = error_of({"BOT_CONFIG": config}).splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "[bot] flood_limt",
        "[bot] inactive_days",
        "[telegram] chat_burst",
    ]


def test_a_bad_environment_value_names_the_variable() -> None:
    assert error_of({"BOT_HTTP_PORT": "eighty"}) == (
        "BOT_HTTP_PORT (environment): input should be a valid integer, "
        "unable to parse string as an integer (got 'eighty')"
    )
    assert error_of({"BOT_LOG_JSON": "perhaps"}).startswith(
        "BOT_LOG_JSON (environment): input should be a valid"
    )


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    config = write(
        tmp_path,
        '[bot]\ndata_dir = "state"\nhttp_port = 8080\nstaff_users = ["telegram:1"]\nlog_level = "debug"\n'
        '[telegram]\nrate_limit = 10\nstaff_chat = -100123\n[matrix]\nstaff_room = "!a:x"\n',
    )
    from_file = load_settings({"BOT_CONFIG": config})
    assert from_file.data_dir == tmp_path / "state"  # relative to the file's folder
    assert (from_file.http_port, from_file.log_level, from_file.staff_users) == (
        8080,
        "DEBUG",
        {"telegram:1"},
    )
    assert (from_file.telegram.rate_limit, from_file.telegram.staff_chat) == (10.0, "-100123")
    assert from_file.matrix.staff_room == "!a:x"
    env = {
        "BOT_CONFIG": config,
        "BOT_DATA_DIR": "/srv/bot",
        "BOT_HTTP_PORT": "9090",
        "BOT_STAFF_USERS": "telegram:2, matrix:@anna:example.org,",
        "BOT_LOG_LEVEL": "warning",
        "BOT_LOG_JSON": "yes",
        "BOT_TELEGRAM_RATE_LIMIT": "0",
        "BOT_TELEGRAM_STAFF_CHAT": "-100999",
        "BOT_MATRIX_STAFF_ROOM": "",  # empty counts as unset: the file's value stays
    }
    settings = load_settings(env)
    assert settings.data_dir == Path("/srv/bot") and settings.http_port == 9090
    assert settings.staff_users == {"telegram:2", "matrix:@anna:example.org"}
    assert (settings.log_level, settings.log_json) == ("WARNING", True)
    assert (settings.telegram.rate_limit, settings.telegram.staff_chat) == (0.0, "-100999")
    assert settings.matrix.staff_room == "!a:x"


def test_secrets_come_only_from_the_environment(tmp_path: Path) -> None:
    for section, key, variable in [
        ("telegram", "token", "BOT_TELEGRAM_TOKEN"),
        ("telegram", "webhook_secret", "BOT_TELEGRAM_WEBHOOK_SECRET"),
        ("matrix", "password", "BOT_MATRIX_PASSWORD"),
        ("matrix", "access_token", "BOT_MATRIX_ACCESS_TOKEN"),
    ]:
        config = write(tmp_path, f'[{section}]\n{key} = "s3cret"\n')
        message = error_of({"BOT_CONFIG": config})
        assert message == (
            f"{config}: [{section}] {key}: secrets are read only from the environment ({variable}), "
            "never from the config file"
        )
        assert "s3cret" not in message
    settings = load_settings(
        {
            "BOT_TELEGRAM_TOKEN": "1:abc",
            "BOT_TELEGRAM_WEBHOOK_SECRET": "w",
            "BOT_MATRIX_HOMESERVER": "https://m.example.org",
            "BOT_MATRIX_USER_ID": "@bot:example.org",
            "BOT_MATRIX_ACCESS_TOKEN": "t",
        }
    )
    assert settings.telegram.enabled and settings.telegram.token == "1:abc"
    assert settings.telegram.webhook_secret == "w"
    assert settings.matrix.enabled and settings.matrix.access_token == "t" and settings.matrix.password == ""


def test_the_example_file_loads_with_the_defaults() -> None:
    settings = load_settings({"BOT_CONFIG": str(ROOT / "bot.example.toml")})
    defaults = Settings()
    assert settings.data_dir == ROOT / "var"
    assert dataclasses.replace(settings, data_dir=defaults.data_dir) == defaults


def test_no_file_gives_the_defaults() -> None:
    settings = load_settings({})
    assert settings == Settings()
    assert settings.flood_exempt_channels == frozenset({"console"})
    assert not settings.telegram.enabled and not settings.matrix.enabled


def test_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    assert error_of({"BOT_CONFIG": str(missing)}).startswith(f"{missing}: ")
    broken = write(tmp_path, "[bot\n")
    assert error_of({"BOT_CONFIG": broken}).startswith(f"{broken}: ")


def test_settings_are_immutable() -> None:
    settings = load_settings({})
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.http_port = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.telegram.rate_limit = 1  # type: ignore[misc]
    assert isinstance(settings.staff_users, frozenset) and isinstance(settings.required_languages, tuple)
    assert isinstance(settings.flood_exempt_channels, frozenset)
    # replace() builds a new, checked value: the code and tests rely on it
    changed = dataclasses.replace(settings, telegram=dataclasses.replace(settings.telegram, rate_limit=0))
    assert changed.telegram.rate_limit == 0.0 and settings.telegram.rate_limit == 30.0
    with pytest.raises(ValueError):
        TelegramSettings(max_chats=0)


def test_python_m_bot_exits_1_with_the_message(tmp_path: Path) -> None:
    config = write(tmp_path, "[telegram]\nrate_limt = 5\n")
    done = run_bot(["content", "check"], tmp_path / "var", BOT_CONFIG=config)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"configuration error: {config}: [telegram] rate_limt: unknown key (did you mean rate_limit?)"
    )


def settings_table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("settings_table", ROOT / "scripts" / "settings_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_table_is_the_models() -> None:
    table = settings_table()
    _head, current, _tail = table.split((ROOT / "README.md").read_text(encoding="utf-8"))
    assert current == table.render(), (
        "README.md's settings table is stale: run scripts/settings_table.py --write"
    )
    for section in SECTIONS:
        for key, info in section_fields(section).items():
            assert info.description, f"[{section}] {key} has no description"
            assert f"`[{section}] {key}`" in current or f"`{info.json_schema_extra['env']}`" in current  # type: ignore[index]


def test_a_near_miss_of_either_channel_setting_is_named(tmp_path: Path) -> None:
    near = (("operator_channel", "operator_channels"), ("flood_exempt", "flood_exempt_channels"))
    for typed, meant in near:
        config = write(tmp_path, f'[bot]\n{typed} = ["console"]\n')
        assert error_of({"BOT_CONFIG": config}) == (
            f"{config}: [bot] {typed}: unknown key (did you mean {meant}?)"
        )


async def test_flood_exemption_and_the_staff_place_are_apart(tmp_path: Path) -> None:
    """The two channel settings mean different things (load, trust): neither implies the other."""
    staff = frozenset({"console:op"})
    for exempt, operator in ((True, False), (False, True)):
        app = await started_app(
            tmp_path / str(exempt),
            flood_exempt_channels=frozenset({"console"} if exempt else ()),
            operator_channels=frozenset({"console"} if operator else ()),
            staff_users=staff,
        )
        try:
            chat = Chat(app, user="op")
            await chat.say("/language en")
            agenda = await chat.say("/agenda")
            assert ("only for the staff" in agenda) is not operator, agenda
            # more than flood_limit (20) within flood_seconds: answered only without flood control
            answers = [await chat.say("hello") for _ in range(25)]
            assert all(answers) is exempt
        finally:
            await app.stop()
