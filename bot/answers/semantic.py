"""A classifier over sentence embeddings: which page a message needs, or none of them.

Trained (softmax regression, numpy) on every node's example questions (``examples.<lang>.txt``,
written the way newcomers write), its content questions and titles in every language, and one
more class, "out of scope", trained on ``content/_out-of-scope/examples.<lang>.txt`` (chat, and
topics no page covers). Latin-script Bulgarian examples are also learnt transliterated to Cyrillic,
since a message is embedded in the script the lexical side reads it in. Training takes a few
seconds once the bank's embeddings are cached; it runs in the background (see :mod:`bot.answers.service`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.content.examples import OUT_OF_SCOPE_DIR, examples_path, read_examples
from bot.content.tree import ContentTree

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

OUT_OF_SCOPE = OUT_OF_SCOPE_DIR  # the class name, as the folder of content/ it learns from
STEPS = 120  # as good as 400 on the development set, at a third of the time
LEARNING_RATE = 0.05
L2 = 1e-4


@dataclass(frozen=True)
class Bank:
    """Training texts and their class (a node id, or OUT_OF_SCOPE)."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha1()
        for text, label in zip(self.texts, self.labels, strict=True):
            digest.update(f"{label}\0{text}\n".encode())
        return digest.hexdigest()


def out_of_scope_examples(content_dir: Path, languages: Iterable[str]) -> list[tuple[str, str]]:
    """Off-topic chat and questions no page covers (a missing file: none; problems are not reported
    here, the file is staff's like the others)."""
    folder = content_dir / OUT_OF_SCOPE
    found: list[tuple[str, str]] = []
    for lang in languages:
        found.extend((lang, line) for line in read_examples(examples_path(folder, lang), []))
    return found


def collect_bank(
    tree: ContentTree,
    languages: Iterable[str],
    out_of_scope: Iterable[tuple[str, str]],
    to_cyrillic: Callable[[str, str], str | None],
) -> Bank:
    """Every node's examples, questions and title in each language, plus the out-of-scope examples.
    ``to_cyrillic(text, lang)`` gives the Cyrillic reading of a Latin-script Bulgarian text, or None."""
    texts: list[str] = []
    labels: list[str] = []

    def add(text: str, label: str, lang: str) -> None:
        texts.append(text)
        labels.append(label)
        cyrillic = to_cyrillic(text, lang)
        if cyrillic and cyrillic != text:
            texts.append(cyrillic)
            labels.append(label)

    langs = list(languages)
    for node_id, node in tree.nodes.items():
        for lang in langs:
            if lang not in node.texts:
                continue
            text = node.texts[lang]
            add(text.title, node_id, lang)
            for line in (*text.questions, *text.examples):
                add(line, node_id, lang)
    for lang, line in out_of_scope:
        add(line, OUT_OF_SCOPE, lang)
    return Bank(tuple(texts), tuple(labels))


class Classifier:
    """Softmax regression over normalised embeddings: probabilities per class."""

    def __init__(self, classes: tuple[str, ...], weights: Vectors, bias: Vectors) -> None:
        self.classes = classes
        self.weights = weights
        self.bias = bias

    def probabilities(self, vector: Vectors) -> Vectors:
        import numpy as np

        logits = vector @ self.weights + self.bias
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()


def train(vectors: Vectors, labels: tuple[str, ...], steps: int = STEPS) -> Classifier:
    """Full-batch Adam on the cross-entropy, classes weighted equally (a node with many examples
    does not win by number), with a little L2 so the probabilities stay soft."""
    import numpy as np

    classes = tuple(sorted(set(labels)))
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[label] for label in labels])
    n, dim = vectors.shape
    k = len(classes)
    counts = np.bincount(y, minlength=k).astype(np.float32)
    sample_weight = (n / (k * counts))[y]
    onehot = np.zeros((n, k), np.float32)
    onehot[np.arange(n), y] = 1.0
    # the embeddings are unit vectors with small components: scaled so one learning rate fits
    x = vectors.astype(np.float32) * np.sqrt(dim)
    w = np.zeros((dim, k), np.float32)
    b = np.zeros(k, np.float32)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) * (sample_weight[:, None] / n)
        gw = x.T @ grad + L2 * w
        gb = grad.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        correction1, correction2 = 1 - beta1**step, 1 - beta2**step
        w -= LEARNING_RATE * (mw / correction1) / (np.sqrt(vw / correction2) + eps)
        b -= LEARNING_RATE * (mb / correction1) / (np.sqrt(vb / correction2) + eps)
    # folded back, so a raw unit vector goes in at prediction time
    return Classifier(classes, (w * np.sqrt(dim)).astype(np.float32), b.astype(np.float32))
