from __future__ import annotations

from datetime import date

import pytest

from bot.answers.index import Index, build_index
from bot.answers.matcher import Matcher
from bot.config import ROOT
from bot.content.library import LibraryConfig, check


@pytest.fixture(scope="session")
def index() -> Index:
    tree, catalog, _ = check(LibraryConfig(ROOT / "content", ROOT / "locales"), date(2026, 11, 25))
    assert tree is not None
    return build_index(tree, catalog.languages)


@pytest.fixture(scope="session")
def matcher(index: Index) -> Matcher:
    return Matcher(index)
