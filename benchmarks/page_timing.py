"""Timing in the page itself: when a run ends and the last chart is drawn, in the browser's
own clock (performance.now(), from the start of the navigation).

An init script watches the DOM; Python polls `window.__bench` until the page is finished and
has stayed quiet a moment, then reads the finishing time, so the quiet wait is not counted.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

# A page is finished when its run has ended, every visible chart is drawn and nothing has
# changed for this long (a page may start a second run, or draw a chart late).
QUIET_MS = 600
# How often Python looks; the finish is read from the page's clock, so this adds nothing.
POLL_S = 0.05
# A page that has not finished in two minutes is broken, not slow.
TIMEOUT_S = 120
CHART = '[data-testid="stVegaLiteChart"]'
# Streamlit's placeholder for an element whose code is still loading (e.g. the chart library).
SKELETON = '[data-testid="stMain"] [data-testid="stSkeleton"]'
# Something of the page's own must be there, not only the frame: a heading or a text.
CONTENT = '[data-testid="stMain"] [data-testid="stHeading"], [data-testid="stMain"] .stMarkdown'

# Runs in every document before Streamlit's own scripts. Streamlit writes its script state
# on stApp (initial → running → notRunning); vega-embed draws a chart into a canvas or svg
# with class "marks". Input times come from trusted pointer and key events (capture phase).
OBSERVER_JS = """
(() => {
  const CHART = CHART_SELECTOR;
  const bench = {runStart: -1, runEnd: -1, chartChange: -1, input: -1, state: null};
  window.__bench = bench;
  const visible = (el) => el.getClientRects().length > 0;
  bench.look = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const charts = [...document.querySelectorAll(CHART)].filter(visible);
    const drawn = charts.filter((c) => c.querySelector('canvas.marks, svg.marks')).length;
    // A chart whose code is still loading is a skeleton, not yet a chart: not drawn.
    const waiting = [...document.querySelectorAll(SKELETON)].filter(visible).length;
    return {state: app ? app.getAttribute('data-test-script-state') : null,
            charts: charts.length, drawn: drawn, waiting: waiting, now: performance.now(),
            runStart: bench.runStart, runEnd: bench.runEnd,
            chartChange: bench.chartChange, input: bench.input};
  };
  const onInput = (event) => { if (event.isTrusted) bench.input = performance.now(); };
  window.addEventListener('pointerdown', onInput, true);
  window.addEventListener('keydown', onInput, true);
  const states = (records, now) => {
    const mine = records.filter((r) => r.attributeName === 'data-test-script-state');
    mine.forEach((r, i) => {
      const next = i + 1 < mine.length ? mine[i + 1].oldValue
        : r.target.getAttribute('data-test-script-state');
      if (next === r.oldValue) return;
      if (next === 'running' || next === 'rerunRequested') bench.runStart = now;
      if (next === 'notRunning') bench.runEnd = now;
    });
  };
  new MutationObserver((records) => {
    const now = performance.now();
    states(records, now);
    for (const r of records) {
      const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (target && target.closest(CHART)) { bench.chartChange = now; break; }
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].some(
          (n) => n.nodeType === 1 && (n.matches(CHART) || n.querySelector(CHART)))) {
        bench.chartChange = now; break;
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeOldValue: true});
})();
""".replace("CHART_SELECTOR", json.dumps(CHART)).replace("SKELETON", json.dumps(SKELETON))


@dataclass(frozen=True)
class Finished:
    """When a page finished (ms after `since`), how many charts it drew, and how long it
    had been quiet when that was seen."""

    ms: float
    charts: int
    quiet_ms: float


LOOK_JS = "() => window.__bench ? window.__bench.look() : null"
CONTENT_JS = f"() => document.querySelector({CONTENT!r}) !== null"


def finished(look: dict[str, Any] | None, since: float, has_content: bool) -> Finished | None:
    """The finish of a run that started after `since`, read from one look at the page, or
    None while the page is still busy (running, drawing, or changed less than QUIET_MS ago)."""
    if look is None or not has_content or look["state"] != "notRunning":
        return None
    if not (look["runEnd"] > since and look["runEnd"] >= look["runStart"]):
        return None
    if look["drawn"] != look["charts"] or look.get("waiting", 0):
        return None
    last = max(look["runEnd"], look["chartChange"])
    if look["now"] - max(last, look["runStart"]) < QUIET_MS:
        return None
    return Finished(ms=last - since, charts=look["charts"], quiet_ms=look["now"] - last)


def wait_finished(
    page: Any, *, since: float | None = None, timeout_s: float = TIMEOUT_S
) -> Finished:
    """Wait until the page has finished the run that answers the input at `since` (its
    performance.now(); None: the page's first run after navigating, whose own content must
    be there too); return when it finished."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        has_content = since is not None or page.evaluate(CONTENT_JS)
        done = finished(page.evaluate(LOOK_JS), since or 0.0, has_content)
        if done is not None:
            return done
        time.sleep(POLL_S)
    raise TimeoutError(
        f"the page did not finish within {timeout_s:.0f} s: {page.evaluate(LOOK_JS)}"
    )


async def wait_finished_async(
    page: Any, *, timeout_s: float = TIMEOUT_S, poll_s: float = POLL_S
) -> Finished:
    """wait_finished for a page of Playwright's async API, after navigating."""
    import asyncio

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        done = finished(await page.evaluate(LOOK_JS), 0.0, await page.evaluate(CONTENT_JS))
        if done is not None:
            return done
        await asyncio.sleep(poll_s)
    has_content = await page.evaluate(CONTENT_JS)
    raise TimeoutError(
        f"the page did not finish within {timeout_s:.0f} s (content: {has_content}): "
        f"{await page.evaluate(LOOK_JS)}"
    )


def last_input(page: Any) -> float:
    """performance.now() of the last trusted pointer or key press in the page."""
    return float(page.evaluate("() => window.__bench.input"))
