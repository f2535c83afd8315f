"""The semantic side, built in the background: the bot answers by words from the first second, and
by words and meaning as soon as the model is loaded and trained (seconds with the embedding cache,
a minute or two on the very first start). Every content reload trains again; the newest content
wins when reloads come faster than training.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.answers.embedder import Embedder, load_embedder
from bot.answers.hybrid import Trained, cyrillic_reading
from bot.answers.index import Index
from bot.answers.semantic import collect_bank, out_of_scope_examples, train
from bot.content.library import Library
from bot.content.tree import ContentTree

log = logging.getLogger(__name__)

Loader = Callable[[Path | None], Embedder | None]


class SemanticService:
    def __init__(self, cache_dir: Path | None, content_dir: Path, loader: Loader | None = None) -> None:
        self._cache_dir = cache_dir
        self._content_dir = content_dir
        self._loader = loader or load_embedder
        self._embedder: Embedder | None = None
        self._unavailable = False
        self._pending: tuple[Library, Index] | None = None
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self.current: Trained | None = None
        self.ready = threading.Event()  # set after each training (or when no model can be loaded)
        self.build_seconds = 0.0

    def schedule(self, library: Library, index: Index) -> None:
        """Train for this content in the background (replacing any older pending request)."""
        with self._wake:
            self._pending = (library, index)
            self.ready.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="answers-semantic", daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None:
                    self._wake.wait()
                library, index = self._pending
                self._pending = None
            try:
                self._build(library, index)
            except Exception:  # a failed training must not stop answering: the words still work
                log.exception("semantic matching not trained; answering by words")
            with self._wake:
                if self._pending is None:
                    self.ready.set()

    def _build(self, library: Library, index: Index) -> None:
        start = time.perf_counter()
        if self._embedder is None and not self._unavailable:
            self._embedder = self._loader(self._cache_dir)
            self._unavailable = self._embedder is None
        if self._embedder is None:
            return
        self.current = train_for(
            library.tree, library.catalog.languages, self._content_dir, index, self._embedder, library.version
        )
        self.build_seconds = time.perf_counter() - start
        log.info(
            "semantic matching trained for content version %d: %d classes, %.1f s",
            library.version,
            len(self.current.classifier.classes),
            self.build_seconds,
        )


def train_for(
    tree: ContentTree, languages: list[str], content_dir: Path, index: Index, embedder: Embedder, version: int
) -> Trained:
    """The classifier for this content (its examples and the out-of-scope examples), trained now."""
    bank = collect_bank(
        tree,
        languages,
        out_of_scope_examples(content_dir, languages),
        lambda text, lang: cyrillic_reading(index, text, lang),
    )
    return Trained(embedder, train(embedder.bank(bank.texts), bank.labels), version)
