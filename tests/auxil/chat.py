"""Conversation transcripts against the real core: the user says something, the bot answers."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from bot.app import App, FeatureFactory, default_features
from bot.channels.console import render
from bot.config import ROOT, Settings
from bot.core.clock import FakeClock
from bot.core.events import Inbound, InboundKind, Reply, numbered_choices

START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def settings_for(tmp: Path, **changes: object) -> Settings:
    base = Settings(
        data_dir=tmp / "var", content_dir=ROOT / "content", locales_dir=ROOT / "locales", semantic=False
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def copy_tree(tmp: Path) -> tuple[Path, Path]:
    """A private copy of content/ and locales/ that a test may edit."""
    content = tmp / "content"
    locales = tmp / "locales"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "locales", locales)
    return content, locales


@dataclass
class Chat:
    """One user talking to the bot."""

    app: App
    user: str = "u1"
    channel: str = "console"
    platform_lang: str | None = None
    last: list[Reply] = field(default_factory=list)
    counter: int = 0

    async def send(self, event: Inbound) -> list[Reply]:
        self.last = await self.app.dialogue.handle(event)
        return self.last

    async def say(self, text: str) -> str:
        await self.send(Inbound(self.channel, self.user, text=text, platform_lang=self.platform_lang))
        return self.text

    async def press(self, label_part: str) -> str:
        """Press the first button whose label contains ``label_part``."""
        for choice in self.choices:
            if label_part.lower() in choice.label.lower():
                await self.send(
                    Inbound(
                        self.channel,
                        self.user,
                        kind=InboundKind.ACTION,
                        action=choice.action,
                        platform_lang=self.platform_lang,
                    )
                )
                return self.text
        raise AssertionError(f"no button {label_part!r} in {[c.label for c in self.choices]}")

    async def action(self, action: str, event_id: str | None = None) -> str:
        await self.send(
            Inbound(
                self.channel,
                self.user,
                kind=InboundKind.ACTION,
                action=action,
                platform_lang=self.platform_lang,
                event_id=event_id,
            )
        )
        return self.text

    @property
    def choices(self) -> Sequence:
        return numbered_choices(self.last)

    @property
    def text(self) -> str:
        return render(self.last)


async def started_app(
    tmp: Path, clock: FakeClock | None = None, features: FeatureFactory = default_features, **changes: object
) -> App:
    app = App(
        settings_for(tmp, **changes), clock=clock or FakeClock(START), features=features, watch_interval=0.05
    )
    await app.start()
    return app
