"""The content tree and the UI strings, loaded and checked together, and reloaded when files change.

A snapshot (:class:`Library`) is only ever replaced by another one that passed the check, so a broken
edit keeps the last good version serving while the error is reported.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.common.issues import Issue, Severity, has_errors
from bot.content.contact_point import SectionParser
from bot.content.loader import load_content
from bot.content.safety import SafetyWords, load_safety
from bot.content.tree import ContentTree
from bot.i18n.catalog import Catalog, load_catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LibraryConfig:
    content_dir: Path
    locales_dir: Path
    required: tuple[str, ...] = ("ro", "bg", "de", "en")
    order: tuple[str, ...] = ("ro", "bg", "de", "en")
    default: str = "ro"
    # parsers of contact-point.yml sections other parts own (booking rules), by section name
    sections: Mapping[str, SectionParser] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Library:
    tree: ContentTree
    catalog: Catalog
    version: int
    safety: SafetyWords = field(default_factory=SafetyWords)  # emergency words: 112 comes first


def check(config: LibraryConfig, today: date) -> tuple[ContentTree | None, Catalog, list[Issue]]:
    """Everything staff edit, checked: locales first (their folders are the languages), then content."""
    tree, catalog, _, issues = _load(config, today)
    return tree, catalog, issues


def _load(config: LibraryConfig, today: date) -> tuple[ContentTree | None, Catalog, SafetyWords, list[Issue]]:
    catalog, issues = load_catalog(
        config.locales_dir, required=list(config.required), order=list(config.order), default=config.default
    )
    tree, content_issues = load_content(
        config.content_dir,
        languages=catalog.languages,
        required=list(config.required),
        today=today,
        sections=config.sections,
    )
    safety, safety_issues = load_safety(config.content_dir, catalog.languages)
    return tree, catalog, safety, issues + content_issues + safety_issues


def _fingerprint(*folders: Path) -> tuple[tuple[str, int, int], ...]:
    entries = []
    for folder in folders:
        if not folder.exists():
            continue
        for path in folder.rglob("*"):
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


ReloadListener = Callable[[Library], None]
ErrorListener = Callable[[list[Issue]], Awaitable[None]]


class LibraryService:
    """Holds the current good :class:`Library`; :meth:`watch` reloads it when files change."""

    def __init__(self, config: LibraryConfig, today: Callable[[], date]) -> None:
        self.config = config
        self._today = today
        self._current: Library | None = None
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self._listeners: list[ReloadListener] = []
        self._error_listeners: list[ErrorListener] = []
        # the watcher and a caller (a test, a staff command) must not both load the same change
        self._reloading = asyncio.Lock()
        self.last_issues: list[Issue] = []

    @property
    def current(self) -> Library:
        if self._current is None:
            raise RuntimeError("content not loaded")
        return self._current

    def on_reload(self, listener: ReloadListener) -> None:
        self._listeners.append(listener)
        if self._current is not None:
            listener(self._current)

    def on_error(self, listener: ErrorListener) -> None:
        self._error_listeners.append(listener)

    def load(self) -> list[Issue]:
        """Load now. Returns the issues; the current library changes only if there is no error."""
        self._fingerprint = _fingerprint(self.config.content_dir, self.config.locales_dir)
        tree, catalog, safety, issues = _load(self.config, self._today())
        self.last_issues = issues
        if tree is None or has_errors(issues):
            return issues
        version = self._current.version + 1 if self._current else 1
        self._current = Library(tree, catalog, version, safety)
        for listener in self._listeners:
            listener(self._current)
        return issues

    async def reload_if_changed(self) -> bool:
        """Reload when a file changed; True when a new version is served."""
        async with self._reloading:
            return await self._reload_if_changed()

    async def _reload_if_changed(self) -> bool:
        if _fingerprint(self.config.content_dir, self.config.locales_dir) == self._fingerprint:
            return False
        issues = await asyncio.to_thread(self.load)
        if has_errors(issues):
            errors = [i for i in issues if i.severity is Severity.ERROR]
            for issue in errors:
                log.error("content not reloaded: %s", issue.format())
            for notify in self._error_listeners:
                try:
                    await notify(errors)
                except Exception:  # a failing notifier must not stop reloading
                    log.exception("could not report content errors")
            return False
        log.info("content reloaded (version %d)", self.current.version)
        return True

    async def watch(self, interval: float = 0.5) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.reload_if_changed()
            except Exception:
                log.exception("content watcher failed; retrying")
