"""Wiring: settings → store, content, features, dialogue, channels. The only place that knows them all."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Sequence
from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.answers.feature import AnswersFeature
from bot.booking import rules as booking_rules
from bot.booking.flow import BookingFeature
from bot.common import markup
from bot.common.issues import Issue, Severity, has_errors
from bot.config import Settings
from bot.content.library import LibraryConfig, LibraryService
from bot.core.clock import Clock, SystemClock, local
from bot.core.dialogue import Dialogue
from bot.core.feature import Feature
from bot.core.flood import FloodGuard
from bot.core.outbox import Postman
from bot.core.services import ChannelServices, FeatureServices
from bot.core.session import Sessions
from bot.ops import metrics
from bot.ops.http import start_http
from bot.staff.commands import StaffFeature
from bot.store.db import Database

log = logging.getLogger(__name__)

PURGE_EVERY = 3600.0


class StartupError(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(f"content has {sum(i.severity is Severity.ERROR for i in issues)} errors")
        self.issues = issues


FeatureFactory = Callable[[FeatureServices, Settings], Sequence[Feature]]


def default_features(services: FeatureServices, settings: Settings) -> list[Feature]:
    """The dialogue's features, in the order they get a free-text question."""
    return [
        BookingFeature(services),
        StaffFeature(services),
        AnswersFeature(services, gaps_enabled=settings.gaps_enabled),
    ]


def library_config(settings: Settings) -> LibraryConfig:
    """Where content and locales are, which languages they need, and the contact-point sections' parsers."""
    return LibraryConfig(
        settings.content_dir,
        settings.locales_dir,
        required=settings.required_languages,
        order=settings.required_languages,
        default=settings.default_language,
        sections=booking_rules.SECTIONS,
    )


class App:
    def __init__(
        self,
        settings: Settings,
        clock: Clock | None = None,
        features: FeatureFactory = default_features,
        watch_interval: float = 0.5,
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self.db = Database(settings.database)
        self.library = LibraryService(
            library_config(settings),
            today=lambda: local(self.clock.now()).date(),
        )
        self.sessions = Sessions(self.db)
        self.postman = Postman()
        self.features = list(features(self.feature_services, settings))
        self.dialogue = Dialogue(
            self.library,
            self.sessions,
            self.clock,
            self.features,
            staff_users=settings.staff_users,
            flood=FloodGuard(settings.flood_limit, timedelta(seconds=settings.flood_seconds)),
            flood_exempt=frozenset(settings.flood_exempt_channels),
        )
        self.watch_interval = watch_interval
        self._tasks: list[asyncio.Task[None]] = []
        self._http: web.AppRunner | None = None

    @property
    def feature_services(self) -> FeatureServices:
        return FeatureServices(
            clock=self.clock,
            content=self.library,
            sessions=self.sessions,
            outbox=self.postman,
            db=self.db,
            spawn=self.spawn,
            staff_language=self.settings.staff_language,
        )

    @property
    def channel_services(self) -> ChannelServices:
        return ChannelServices(
            conversation=self.dialogue,
            content=self.library,
            sessions=self.sessions,
            post_office=self.postman,
            clock=self.clock,
            db=self.db,
            staff_users=self.settings.staff_users,
            staff_language=self.settings.staff_language,
            data_dir=self.settings.data_dir,
        )

    async def start(self) -> None:
        issues = self.library.load()
        if has_errors(issues):
            raise StartupError(issues)
        for issue in issues:
            log.debug("content: %s", issue.format())
        await self.db.open()
        self.library.on_error(self._report_content_errors)
        self._tasks.append(asyncio.create_task(self.library.watch(self.watch_interval), name="content-watch"))
        self._tasks.append(asyncio.create_task(self._purge_loop(), name="retention"))
        metrics.CONTENT_VERSION.set(self.library.current.version)
        self.library.on_reload(lambda library: metrics.CONTENT_VERSION.set(library.version))
        if self.settings.http_port:
            self._http = await start_http(self.health, self.settings.http_port)
        for feature in self.features:
            await feature.start()

    def spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        """Run a background job (reminders, sync...) that stops with the app."""
        self._tasks.append(asyncio.create_task(coro, name=name))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._http is not None:
            await self._http.cleanup()
            self._http = None
        await self.postman.close(seconds=5.0)  # staff notices still queued: sent while channels are up
        await self.db.close()

    async def health(self) -> dict[str, object]:
        """What /healthz reports: the database answers and content is loaded."""
        row = await self.db.fetchone("SELECT 1")
        return {
            "status": "ok" if row is not None else "fail",
            "content_version": self.library.current.version,
            "time": self.clock.now().isoformat(timespec="seconds"),
        }

    async def purge(self) -> int:
        """Retention: delete users who have been silent too long (and, by cascade, their data)."""
        removed = await self.sessions.purge(self.clock.now(), self.settings.inactive_days)
        if removed:
            log.info("retention: removed %d inactive users", removed)
        return removed

    async def _purge_loop(self) -> None:
        while True:
            try:
                await self.purge()
            except Exception:
                log.exception("retention job failed")
            await asyncio.sleep(PURGE_EVERY)

    async def _report_content_errors(self, errors: list[Issue]) -> None:
        metrics.CONTENT_REJECTED.inc()
        t = self.library.current.catalog.translator(self.settings.staff_language)

        lines = [t("staff-content-error", count=len(errors))]
        lines += [markup.escape(issue.format(self.settings.content_dir.parent)) for issue in errors[:20]]
        await self.postman.notify_staff("\n".join(lines))
