"""Every message id a desk template names exists in every locale, with the variables the template passes
(the code's ids are checked by tests/core/test_locales.py, which does not read templates)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import ROOT
from bot.i18n.catalog import load_catalog

REQUIRED = ["ro", "bg", "de", "en"]
TEMPLATES = ROOT / "bot" / "desk" / "templates"
# t("desk-x") or t('desk-x', name=value, count=lines|length): the id and the argument list
CALL = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']\s*((?:,\s*\w+\s*=\s*[^,()]+(?:\([^()]*\))?\s*)*)\)""")
# every call with a literal id, except one built as a family ("desk-role-" ~ role), whose members the
# handlers pick from tuples of literal ids that tests/core/test_locales.py checks
ANY_CALL = re.compile(r"""\bt\(\s*["'](?![a-z0-9-]+-["']\s*~)""")


def _calls(path: Path) -> list[tuple[str, frozenset[str]]]:
    text = path.read_text(encoding="utf-8")
    found = [(m.group(1), frozenset(re.findall(r"(\w+)\s*=", m.group(2)))) for m in CALL.finditer(text)]
    assert len(found) == len(ANY_CALL.findall(text)), f"{path.name}: a t(...) call this test cannot read"
    return found


def test_every_id_in_the_templates_exists_with_its_variables() -> None:
    catalog, _ = load_catalog(ROOT / "locales", required=REQUIRED, order=REQUIRED, default="ro")
    wrong = []
    templates = sorted(TEMPLATES.glob("*.html"))
    assert len(templates) > 5
    for path in templates:
        for msg_id, arguments in _calls(path):
            for lang in REQUIRED:
                variables = catalog.locales[lang].variables.get(msg_id)
                if variables is None:
                    wrong.append(f"{path.name}: {msg_id} missing in {lang}")
                elif variables != arguments:
                    wrong.append(
                        f"{path.name}: {msg_id} in {lang} uses {sorted(variables)}, not {sorted(arguments)}"
                    )
    assert not wrong, "\n".join(wrong)
