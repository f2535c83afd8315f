"""The message-id walk (tests/auxil/message_ids.py) sees ids however the code passes them, or says so."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.auxil.message_ids import Package, Use

CODE = """
from bot.i18n import Translator
from bot.ids import IMPORTED

LABELS = {"a": "label-a", "b": "label-b"}
TITLES = ("title-one", "title-two")
KIND = "kind-plain"
DAYS = ("mon", "tue")
ALL = [*TITLES, "extra-id"]
PROMPTS = {"prompt-key": "prompt-value"}


class Feature:
    commands = ("start", "book")

    def names(self, t: Translator) -> list[str]:
        return [t(f"command-{name}") for name in self.commands]


def label(t: Translator, key: str) -> str:
    return t(LABELS[key], count=1)


def helper(t: Translator, msg_id: str = "helper-default") -> str:
    return t(msg_id, name="x")


def recursive(t: Translator, msg_id: str, depth: int) -> str:
    return t(msg_id) if depth == 0 else recursive(t, msg_id, depth - 1)


def returned() -> str:
    return "returned-id"


def everything(catalog, ut: Translator, flag: bool) -> None:
    helper(ut, "helper-one")
    helper(ut, msg_id="helper-two")
    chosen = "pick-yes" if flag else "pick-no"
    ut(chosen)
    ut(KIND)
    ut(IMPORTED)
    ut(TITLES[0])
    for item in ALL:
        ut(item)
    for key, value in LABELS.items():
        ut(value)
    for prompt in PROMPTS:
        ut(prompt)
    for hint in PROMPTS.values():
        ut(hint)
    ut(LABELS.get("a", "label-fallback"))
    ut(returned())
    recursive(ut, "deep-id", 2)
    ut("plain-" + ("x" if flag else "y"))
    " ".join(ut(f"weekday-{DAYS[d]}") for d in range(2))
    catalog.translator("ro")("chained-id")
    catalog.format("ro", "formatted-id", {"n": 1})
    tr = catalog.translator("de")
    tr("bound-id", **{"a": 1})
"""

OPAQUE = """
def opaque(t, booking) -> str:
    return t(booking.title)


def from_data(t, row) -> str:
    return t(f"topic-{row.topic}")


def callback(t, msg_id) -> str:
    return t(msg_id)


def register(handlers) -> None:
    handlers.append(callback)
"""


def package(tmp_path: Path, **modules: str) -> Package:
    for name, code in modules.items():
        path = tmp_path / "bot" / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(code), encoding="utf-8")
    return Package(tmp_path)


def test_ids_passed_through_variables_constants_and_helpers_are_found(tmp_path: Path) -> None:
    uses = list(package(tmp_path, feature=CODE, ids='IMPORTED = "imported-id"\n').uses())
    assert not [u for u in uses if u.unresolved]
    found = set().union(*(u.ids for u in uses))
    assert found == {
        "command-start",
        "command-book",
        "label-a",
        "label-b",
        "label-fallback",
        "helper-default",
        "helper-one",
        "helper-two",
        "pick-yes",
        "pick-no",
        "kind-plain",
        "imported-id",
        "title-one",
        "title-two",
        "extra-id",
        "returned-id",
        "plain-x",
        "plain-y",
        "weekday-mon",
        "weekday-tue",
        "chained-id",
        "formatted-id",
        "bound-id",
        "prompt-key",
        "prompt-value",
        "deep-id",
    }
    by_id = {msg_id: u for u in uses for msg_id in u.ids}
    assert {u.arguments for u in uses if u.ids == {"label-a", "label-b"}} == {
        frozenset({"count"}),
        frozenset(),
    }
    assert by_id["formatted-id"].arguments == {"n"}
    assert by_id["bound-id"].arguments is None  # **kwargs: the variables cannot be checked


def test_what_cannot_be_followed_is_reported_not_skipped(tmp_path: Path) -> None:
    uses = list(package(tmp_path, data=OPAQUE).uses())
    assert all(not u.ids for u in uses)
    problems = {u.line: u for u in uses}
    assert set(problems) == {3, 7, 11}
    assert "cannot find where .title is set" in problems[3].unresolved
    assert problems[7].pattern == "topic-{}"  # a test can declare where such ids come from
    assert "callback is passed around" in problems[11].unresolved
    assert all(isinstance(u, Use) and u.path.name == "data.py" for u in uses)
