"""Many sessions opening a page at once, each in its own browser context, through one URL.

All sessions start together; each one's time runs from that common start until its page has
finished its run and drawn every chart (benchmarks.page_timing), as the person waits.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.interactions import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
from benchmarks.page_timing import OBSERVER_JS, wait_finished_async
from benchmarks.session import browser_cookies

# The load: 20 people opening the overview at once (a committee meeting starting).
SESSIONS = 20
# Polling 20 pages every 50 ms would itself load the machine; 100 ms is precise enough at
# seconds, and the finish is read from the page's clock anyway.
POLL_S = 0.1
# Generous: a session that has not finished by then counts as an error.
SESSION_TIMEOUT_S = 120
# What Streamlit draws for an uncaught exception: a session showing it has failed.
# The page list in the sidebar: drawn only for a signed-in viewer (the sign-in page has none).
SIGNED_IN_MARK = '[data-testid="stSidebarNav"]'
EXCEPTION = '[data-testid="stException"]'


@dataclass
class LoadRound:
    """One round: each session's seconds (finished ones) and the errors of the others."""

    seconds: list[float]
    errors: list[str]

    def percentile(self, share: float) -> float:
        """The nearest-rank percentile of the finished sessions' times (inf when none)."""
        if not self.seconds:
            return math.inf
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def _session(context: Any, url: str, start: float) -> float:
    page = await context.new_page()
    await page.goto(url, timeout=SESSION_TIMEOUT_S * 1000)
    done = await wait_finished_async(page, timeout_s=SESSION_TIMEOUT_S, poll_s=POLL_S)
    finished_at = time.monotonic() - done.quiet_ms / 1000
    if await page.locator(EXCEPTION).count():
        raise RuntimeError("the page shows an exception")
    if not await page.locator(SIGNED_IN_MARK).count():
        raise RuntimeError("the page is the sign-in page")
    return finished_at - start


async def _round(browser: Any, url: str, sessions: int) -> LoadRound:
    contexts = [await browser.new_context(viewport=VIEWPORT) for _ in range(sessions)]
    for context in contexts:
        await context.add_cookies(browser_cookies())  # signed in, or it measures the sign-in
        await context.add_init_script(OBSERVER_JS)
    try:
        start = time.monotonic()
        outcomes = await asyncio.gather(
            *(_session(context, url, start) for context in contexts), return_exceptions=True
        )
    finally:
        for context in contexts:
            await context.close()
    seconds = [o for o in outcomes if isinstance(o, float)]
    errors = [f"{type(o).__name__}: {o}"[:600] for o in outcomes if isinstance(o, BaseException)]
    return LoadRound(seconds, errors)


async def _rounds(url: str, sessions: int, rounds: int) -> list[LoadRound]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [await _round(browser, url, sessions) for _ in range(rounds)]
        finally:
            await browser.close()


def run_load(url: str, *, sessions: int = SESSIONS, rounds: int = 1) -> list[LoadRound]:
    """`rounds` times, `sessions` new browser contexts open `url` at once."""
    return asyncio.run(_rounds(url, sessions, rounds))
