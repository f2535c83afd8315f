"""The bot on the Matrix channel, in this process, against the test homeserver."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.app import App, FeatureFactory, default_features
from bot.channels.matrix import MatrixChannel
from bot.config import MatrixSettings
from bot.core.clock import Clock, SystemClock
from tests.auxil.chat import settings_for
from tests.auxil.synapse import Account, Synapse


class BotUnderTest(MatrixChannel):
    """The channel as tests drive it: with a handle on the app it serves (its postman, its database)."""

    app: App


@asynccontextmanager
async def running_bot(
    synapse: Synapse,
    account: Account,
    data_dir: Path,
    *,
    staff_room: str = "",
    staff_users: frozenset[str] = frozenset(),
    timeline_limit: int = 50,
    access_token: str = "",
    clock: Clock | None = None,
    features: FeatureFactory = default_features,
) -> AsyncIterator[BotUnderTest]:
    """Start the app and its Matrix channel; yield once the first sync is handled; stop on exit."""
    settings = settings_for(
        data_dir,
        data_dir=data_dir,
        staff_users=staff_users,
        matrix=MatrixSettings(
            homeserver=synapse.url,
            user_id=account.user_id,
            password="" if access_token else account.password,
            access_token=access_token,
            staff_room=staff_room,
        ),
    )
    app = App(settings, clock=clock or SystemClock(), features=features, watch_interval=0.05)
    await app.start()
    channel = BotUnderTest(app.channel_services, app.settings.matrix, timeline_limit=timeline_limit)
    channel.app = app
    task = asyncio.create_task(channel.run())
    try:
        ready = asyncio.create_task(channel.ready.wait())
        done, _ = await asyncio.wait({task, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # raises the start-up error
        assert ready in done, "the Matrix channel did not finish its first sync"
        yield channel
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await channel.close()
        await app.stop()
