"""Every message id the code uses exists in every locale with the same variables; a language is just files."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import ROOT
from bot.i18n.catalog import load_catalog
from tests.auxil.chat import Chat, copy_tree, started_app

REQUIRED = ["ro", "bg", "de", "en"]
LITERAL_ID = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9-]*)["']""")


def test_all_locales_have_every_message_with_same_variables() -> None:
    _, issues = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    assert not issues, [i.format() for i in issues]


def test_every_message_id_used_in_code_exists() -> None:
    catalog, _ = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    used = set()
    for path in (ROOT / "bot").rglob("*.py"):
        used.update(LITERAL_ID.findall(path.read_text(encoding="utf-8")))
    assert used
    for lang in REQUIRED:
        missing = sorted(m for m in used if m not in catalog.locales[lang].variables)
        assert not missing, (lang, missing)


def test_romanian_plural_forms() -> None:
    catalog, _ = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    t = catalog.translator("ro")
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
