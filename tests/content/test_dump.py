from __future__ import annotations

import json
import re

import pytest

from bot.cli.main import main

REQUIRED = [
    "contact/hours",
    "contact/address",
    "contact/appointment",
    "contact/languages",
    "contact/documents",
    "health/insurance",
    "health/ehic",
    "health/no-insurance",
    "health/doctor",
    "health/emergency",
    "housing/registration",
    "housing/search",
    "housing/tenancy",
    "housing/homelessness",
    "school/enrollment",
    "school/kita",
    "work/job-search",
    "work/jobcenter",
    "work/recognition",
    "language/courses",
    "benefits/kindergeld",
    "about/privacy",
]


def test_dump_lists_every_required_node_in_four_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "dump", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    pairs = {(item["id"], item["lang"]) for item in items}
    for node_id in REQUIRED:
        for lang in ("ro", "bg", "de", "en"):
            assert (node_id, lang) in pairs, (node_id, lang)
    for item in items:
        for key in ("title", "summary", "body"):
            assert item[key].strip(), (item["id"], item["lang"], key)
        assert isinstance(item["keywords"], list)
        assert item["sources"] and all(s["title"] for s in item["sources"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["reviewed"])
        assert "{{" not in item["body"]
