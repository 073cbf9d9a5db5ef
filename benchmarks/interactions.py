"""What a person does in headless Chromium, each timed in the page's own clock (seconds).

Every function returns the time from the input (or the start of navigating) until the run
that answers it has finished and every chart is drawn (benchmarks.page_timing).
"""

from __future__ import annotations

import os
import re
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.page_timing import (
    LOOK_JS,
    OBSERVER_JS,
    QUIET_MS,
    TIMEOUT_S,
    last_input,
    wait_finished,
)
from benchmarks.session import browser_cookies, session_token
from i18n import translate

# Debian's Chromium, never a downloaded browser; the flags a container without a GPU needs.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The committee's projector and a staff desktop; the pages are designed for it.
VIEWPORT = {"width": 1920, "height": 1080}
# Streamlit's test ids and vega-embed's tooltip: the selectors a person's clicks aim at.
SIDEBAR = '[data-testid="stSidebar"]'
MAP_CHART = '[data-testid="stVegaLiteChart"]'
TOOLTIP = "#vg-tooltip-element"
NEXT_BUTTON = ".st-key-present-next button"
# Fractions of the map's box to try until the pointer is over a commune (its tooltip shows).
MAP_POINTS = tuple((x / 10, y / 10) for y in range(3, 8) for x in range(3, 8))
# /proc counts CPU time in clock ticks (100 a second on Linux).
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# How long the idle server is watched to subtract its own background CPU from the reruns'.
IDLE_SAMPLE_S = 3.0


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def new_page(browser: Any) -> Any:
    """A page in a new browser context: no cache, only the benchmark's session cookie (as a
    signed-in person's browser), the timing observer loaded."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_cookies(browser_cookies())
    context.add_init_script(OBSERVER_JS)
    return context.new_page()


def open_page(page: Any, url: str) -> float:
    """Go to `url`; seconds from the start of navigating until finished and drawn."""
    page.goto(url)
    return wait_finished(page).ms / 1000


def sign_in(page: Any, app: str, login: str) -> None:
    """Sign the page's context in to `app` as the demo account `login`."""
    from signin.routes import SESSION_COOKIE

    token = session_token(app, login)
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": app}])


def fresh_load(browser: Any, url: str) -> float:
    """A fresh load of `url` in a new context (a browser that never saw the app)."""
    page = new_page(browser)
    try:
        return open_page(page, url)
    finally:
        page.context.close()


def _answer(page: Any) -> float:
    return wait_finished(page, since=last_input(page)).ms / 1000


# How long a click may go without starting a run before it counts as lost.
CLICK_LOST_S = 15


def _run_started(page: Any, since: float) -> bool:
    """Whether a run starts after the input at `since` within CLICK_LOST_S."""
    deadline = time.monotonic() + CLICK_LOST_S
    while time.monotonic() < deadline:
        if page.evaluate(LOOK_JS)["runStart"] > since:
            return True
        time.sleep(0.05)
    return False


def navigate(page: Any, href: str) -> float:
    """Click the sidebar's link to `href` (as the link has it, absolute).

    Chromium drops the odd click on a link just redrawn (no run starts): the link is then
    clicked again, and the time counts from that click."""
    link = page.locator(f'[data-testid="stSidebarNavLink"][href="{href}"]')
    for _ in range(3):
        link.click()
        if _run_started(page, last_input(page)):
            break
    return _answer(page)


def _sidebar_widget(page: Any, testid: str, label_key: str) -> Any:
    label = page.locator('[data-testid="stWidgetLabel"]', has_text=translate(label_key, "vi"))
    return page.locator(f'{SIDEBAR} [data-testid="{testid}"]').filter(has=label).first


def change_stage(page: Any) -> float | None:
    """Choose another stage in the sidebar; None when the campaign has only one."""
    _sidebar_widget(page, "stSelectbox", "filter.stage").click()
    options = page.locator('[role="option"]:not([aria-selected="true"])')
    options.first.wait_for(timeout=10_000)
    if options.count() == 0:
        page.keyboard.press("Escape")
        return None
    options.first.click()
    return _answer(page)


def change_as_of(page: Any) -> float:
    """Choose another day in the sidebar's as-of calendar."""
    field = _sidebar_widget(page, "stDateInput", "filter.as_of")
    field.locator('[data-testid="stDateInputCalendarButton"]').click()
    days = page.locator(
        '[role="dialog"] [role="gridcell"] [role="button"]'
        ':not([aria-disabled="true"]):not([data-selected="true"])'
    )
    days.first.wait_for(timeout=10_000)
    days.nth(days.count() // 2).click()
    return _answer(page)


def map_click(page: Any) -> float:
    """On the map page, click a commune and time the opening of its locality page."""
    chart = page.locator(MAP_CHART).first
    chart.wait_for(timeout=30_000)
    box = chart.bounding_box()
    tooltip = page.locator(TOOLTIP)
    for fx, fy in MAP_POINTS:
        x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
        page.mouse.move(x, y)
        page.wait_for_timeout(150)
        if tooltip.count() and tooltip.first.is_visible():
            page.mouse.click(x, y)
            page.wait_for_url(re.compile(r"/locality\?"), timeout=30_000)
            return _answer(page)
    raise RuntimeError("no commune found under the map's middle")


# A slide is rerun as a fragment, which leaves the app's script state alone: the change
# counts as drawn when the title differs and the slide has not changed for QUIET_MS.
SLIDE_WATCH_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const title = () => (main.querySelector('h1') || {}).textContent || '';
  window.__slide = {title: title(), last: -1};
  new MutationObserver(() => { window.__slide.last = performance.now(); })
    .observe(main, {subtree: true, childList: true, characterData: true});
  window.__slideTitle = title;
}"""
SLIDE_DONE_JS = """(quiet) => {
  const s = window.__slide;
  return window.__slideTitle() !== s.title && s.last > 0
    && performance.now() - s.last >= quiet;
}"""


def slide_change(page: Any, *, key: str | None = "ArrowRight") -> float:
    """In presentation mode, go to the next slide with `key` (None: the "Next" button) and
    time until the new slide is drawn and still."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.evaluate(SLIDE_WATCH_JS)
    if key is None:
        page.locator(NEXT_BUTTON).click()
    else:
        page.keyboard.press(key)
    page.wait_for_function(SLIDE_DONE_JS, arg=QUIET_MS, timeout=TIMEOUT_S * 1000, polling=50)
    return float(page.evaluate("() => window.__slide.last - window.__bench.input")) / 1000


def process_cpu_s(pid: int) -> float:
    """CPU time (user + system) the process has used so far, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rerun_cpu(page: Any, pid: int, runs: int) -> dict[str, float]:
    """Rerun the open page `runs` times (Streamlit's "R" key) and read the server's CPU time.

    Returns cpu_per_run_s (less what the server spends idle in the same wall time: its
    config-file poll and WebSocket pings), raw_cpu_per_run_s, idle_cpu_per_s and
    rerun_wall_s (the median time a rerun took).
    """
    # The shortcut works only while no field has the focus.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    started, idle_before = time.monotonic(), process_cpu_s(pid)
    time.sleep(IDLE_SAMPLE_S)
    idle_rate = (process_cpu_s(pid) - idle_before) / (time.monotonic() - started)
    walls = []
    started, before = time.monotonic(), process_cpu_s(pid)
    for _ in range(runs):
        page.keyboard.press("r")
        walls.append(_answer(page))
    used, elapsed = process_cpu_s(pid) - before, time.monotonic() - started
    return {
        "cpu_per_run_s": max(0.0, used - idle_rate * elapsed) / runs,
        "raw_cpu_per_run_s": used / runs,
        "idle_cpu_per_s": idle_rate,
        "rerun_wall_s": statistics.median(walls),
    }
