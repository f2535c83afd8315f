"""Wiring: settings → store, content, features, dialogue, channels. The only place that knows them all."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.answers.feature import AnswersFeature
from bot.answers.gaps import Gaps
from bot.answers.service import SemanticService
from bot.booking import rules as booking_rules
from bot.booking.flow import BookingFeature
from bot.common import markup
from bot.common.issues import Issue, Severity, has_errors
from bot.common.private import restrict_tree
from bot.config import Settings
from bot.content.library import LibraryConfig, LibraryService
from bot.core.clock import Clock, SystemClock, local
from bot.core.dialogue import Dialogue
from bot.core.feature import Feature
from bot.core.flood import FloodGuard
from bot.core.outbox import Postman
from bot.core.services import ChannelServices, FeatureServices
from bot.core.session import Sessions
from bot.desk.server import start_desk
from bot.desk.site import Desk
from bot.inbox.feature import InboxFeature
from bot.inbox.settings import InboxSettings
from bot.ops import metrics
from bot.ops.backup import scheduled_backup
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
    answers = AnswersFeature(
        services,
        gaps_enabled=settings.gaps_enabled,
        semantic=(
            SemanticService(settings.data_dir / "embeddings", settings.content_dir)
            if settings.semantic
            else None
        ),
    )
    return [
        BookingFeature(services),
        StaffFeature(services),
        InboxFeature(
            services,
            InboxSettings(settings.inbox_close_days, settings.inbox_delete_days, settings.inbox_answer_days),
            nodes_for=lambda text, lang: [c.node for c in answers.matcher.match(text, lang).candidates],
        ),
        answers,
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
            staff_place_channels=frozenset(settings.operator_channels),
        )
        self.watch_interval = watch_interval
        self._tasks: list[asyncio.Task[None]] = []
        self._http: web.AppRunner | None = None
        self._desk: web.AppRunner | None = None
        self.desk: Desk | None = None

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
            desk_url=self.settings.desk_url,
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
        # files made before umask 077 (by an older version, by hand, a restored backup): owner-only now
        tightened = restrict_tree(self.settings.data_dir)
        if tightened:
            log.info("data directory: %d files made readable by the bot's account only", tightened)
        await self.db.open()
        self.library.on_error(self._report_content_errors)
        self._tasks.append(asyncio.create_task(self.library.watch(self.watch_interval), name="content-watch"))
        self._tasks.append(asyncio.create_task(self._purge_loop(), name="retention"))
        if self.settings.backup_keep:
            self._tasks.append(asyncio.create_task(self._backup_loop(), name="backups"))
        metrics.CONTENT_VERSION.set(self.library.current.version)
        self.library.on_reload(lambda library: metrics.CONTENT_VERSION.set(library.version))
        if self.settings.http_port:
            self._http = await start_http(self.health, self.settings.http_port)
        if self.settings.desk_port:
            self.desk, self._desk = await start_desk(self.feature_services, self.settings)
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
        for runner in (self._http, self._desk):
            if runner is not None:
                await runner.cleanup()
        self._http = self._desk = None
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
        """Retention: delete users who have been silent too long (and, by cascade, their data), and
        unanswered questions older than their 90 days (even when no new one is written)."""
        now = self.clock.now()
        removed = await self.sessions.purge(now, self.settings.inactive_days)
        if removed:
            log.info("retention: removed %d inactive users", removed)
        gaps = await Gaps(self.db).purge(now)
        if gaps:
            log.info("retention: removed %d old unanswered questions", gaps)
        return removed

    async def _purge_loop(self) -> None:
        while True:
            try:
                await self.purge()
            except Exception:
                log.exception("retention job failed")
            await asyncio.sleep(PURGE_EVERY)

    async def backup(self) -> Path:
        """A scheduled backup now (database and Matrix keys), older ones rotated out."""
        settings = self.settings
        when = local(self.clock.now())
        target = await asyncio.to_thread(
            scheduled_backup, settings.data_dir, settings.database, settings.backup_keep, when
        )
        log.info("backup written (%d kept)", settings.backup_keep)
        return target

    async def _backup_loop(self) -> None:
        while True:
            await asyncio.sleep(self.settings.backup_hours * 3600)
            try:
                await self.backup()
            except Exception:
                log.exception("scheduled backup failed")

    async def _report_content_errors(self, errors: list[Issue]) -> None:
        metrics.CONTENT_REJECTED.inc()
        t = self.library.current.catalog.translator(self.settings.staff_language)

        lines = [t("staff-content-error", count=len(errors))]
        lines += [markup.escape(issue.format(self.settings.content_dir.parent)) for issue in errors[:20]]
        await self.postman.notify_staff("\n".join(lines))
