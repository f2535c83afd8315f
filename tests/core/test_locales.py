"""Every message id the code uses exists in every locale with the same variables; a language is just files."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from bot.booking.rules import DEFAULT_TOPICS, load_contact, rules_of
from bot.config import ROOT
from bot.i18n.catalog import Catalog, load_catalog
from tests.auxil.chat import Chat, copy_tree, started_app
from tests.auxil.message_ids import Package

REQUIRED = ["ro", "bg", "de", "en"]
LOOKS_LIKE_AN_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
# kebab-case strings in the code of a message family that are not messages, and what they are
NOT_MESSAGES = {
    "booking-reminders": "the name of the reminders' asyncio task",
    "telegram-sender": "the name of the Telegram sender's asyncio task",
    "answers-semantic": "the name of the thread that trains the meaning model",
    "out-of-scope": "a group name of the evaluation sets",
}


def data_driven() -> dict[str, set[str]]:
    """Ids the code builds from data, by the f-string that builds them: the data's values."""
    contact = load_contact(ROOT / "content" / "contact-point.yml", [])
    assert contact is not None
    return {"booking-topic-{}": set(DEFAULT_TOPICS) | set(rules_of(contact).topics)}


@cache
def package() -> Package:
    return Package(ROOT)


def catalog() -> Catalog:
    loaded, _ = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    return loaded


def test_all_locales_have_every_message_with_same_variables() -> None:
    _, issues = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    assert not issues, [i.format() for i in issues]


def test_every_message_id_used_in_code_exists_with_its_variables() -> None:
    """Ids in variables, constants, dicts, conditionals, f-strings and helpers' parameters too."""
    messages = catalog()
    families = data_driven()
    uses = list(package().uses())
    assert len(uses) > 100  # the walk found the translator calls
    unresolved = [
        f"{u.path.name}:{u.line}: {u.unresolved}" for u in uses if u.unresolved and u.pattern not in families
    ]
    assert not unresolved, "message ids the check cannot follow:\n" + "\n".join(unresolved)
    wrong = []
    for use in uses:
        ids = use.ids or {use.pattern.format(value) for value in families[use.pattern]}
        for msg_id in sorted(ids):
            for lang in REQUIRED:
                variables = messages.locales[lang].variables.get(msg_id)
                if variables is None:
                    wrong.append(f"{use.path.name}:{use.line}: {msg_id} missing in {lang}")
                elif use.arguments is not None and variables != use.arguments:
                    wrong.append(
                        f"{use.path.name}:{use.line}: {msg_id} in {lang} uses {sorted(variables)}, "
                        f"the code passes {sorted(use.arguments)}"
                    )
    assert not wrong, "\n".join(wrong)


def test_strings_shaped_like_message_ids_are_messages() -> None:
    """A kebab-case string of a message family ("booking-...") that is no message is a typo or a leftover."""
    ids = set(catalog().locales["en"].variables)
    families = {msg_id.split("-")[0] for msg_id in ids if "-" in msg_id}
    strays, seen = [], set()
    constants = [
        (m, n) for m, n in package().nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    for module, node in constants:
        value = node.value
        if LOOKS_LIKE_AN_ID.match(value):
            seen.add(value)
            if value.split("-")[0] in families and value not in ids and value not in NOT_MESSAGES:
                strays.append(f"{module.path.name}:{node.lineno}: {value}")
    assert not strays, strays
    assert set(NOT_MESSAGES) <= seen and set(NOT_MESSAGES).isdisjoint(ids)  # the list is not stale


def test_romanian_plural_forms() -> None:
    t = catalog().translator("ro")
    one, few, many = (t("staff-content-error", count=n) for n in (1, 3, 25))
    assert "o eroare" in one
    assert "3 erori" in few
    assert "25 de erori" in many


async def test_a_new_language_is_only_new_files(tmp_path: Path) -> None:
    content, locales = copy_tree(tmp_path)
    (locales / "uk").mkdir()
    (locales / "uk" / "main.ftl").write_text(
        "language-name = Українська\nlanguage-prompt = Оберіть мову.\nhome-prompt = Чим вам допомогти?\n",
        encoding="utf-8",
    )
    app = await started_app(tmp_path, content_dir=content, locales_dir=locales)
    try:
        chat = Chat(app, platform_lang="uk-UA")
        await chat.say("/start")
        assert chat.choices[0].action == "lang:uk" and "Українська" in chat.choices[0].label
        await chat.press("Українська")
        assert "Чим вам допомогти?" in chat.text  # its own string
        assert "Main menu" not in chat.text and "Language" in chat.text  # the rest falls back to English
        text = await chat.action("node:health/insurance")
        assert "Health insurance" in text  # content falls back to English until translated
    finally:
        await app.stop()
