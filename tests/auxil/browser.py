"""Debian's chromium driven by playwright (never a downloaded browser build): for the desk's browser test
and the screenshots in docs/. ``scripts/browser.sh`` installs it; ``./test.sh`` runs that first."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import Browser, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def available() -> bool:
    return CHROMIUM.exists()


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    # playwright must never fetch a browser of its own
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            yield browser
        finally:
            await browser.close()
