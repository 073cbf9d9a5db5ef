"""The single-server measurements: fresh loads of every page, sidebar navigation, filter
changes, the map click and a warm overview run's CPU, each repeated and kept as Figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks import interactions as act
from benchmarks.budgets import CLICK, FRESH_LOAD, WARM_RUN_CPU, Figure
from ui.navigation import PAGES


@dataclass(frozen=True)
class Target:
    """A page as the benchmark opens it: its name, its URL below the server, its menu link."""

    name: str
    path: str  # with the query the page needs to show its figures
    link: str | None  # the sidebar link's path, None when the menu does not list it


def targets(commune_code: str) -> list[Target]:
    """Every page of ui.navigation: the locality of `commune_code`, presentation mode."""
    found = []
    for page in PAGES:
        path = f"/{page.url_path or ''}"
        if page.name == "locality":
            path = f"/locality?commune={commune_code}"
        if page.name == "present":
            path = "/?present=1"
        link = f"/{page.url_path or ''}" if page.visibility == "visible" else None
        found.append(Target(page.name, path, link))
    return found


def _repeat(times: int, measure: Callable[[], float | None]) -> list[float]:
    runs = [measure() for _ in range(times)]
    return [run for run in runs if run is not None]


def bare_load(browser: Any, bare: str, repeat: int) -> Figure:
    """The bare page alone, loaded fresh `repeat` times after one untimed load."""
    act.fresh_load(browser, f"{bare}/")
    runs = [act.fresh_load(browser, f"{bare}/") for _ in range(repeat)]
    figure = Figure("fresh load, bare one-line page", "reference", runs)
    figure.bare_s = figure.median_s
    return figure


def fresh_loads(
    browser: Any, app: str, bare: str, pages: list[Target], repeat: int
) -> list[Figure]:
    """The bare page and every page, each loaded fresh `repeat` times (after a first load
    that fills the server's caches: the overview's is reported as the cold figure),
    interleaved so that noise spreads evenly."""
    act.fresh_load(browser, f"{bare}/")
    cold = {target.name: act.fresh_load(browser, app + target.path) for target in pages}
    bare_runs: list[float] = []
    runs: dict[str, list[float]] = {t.name: [] for t in pages}
    for _ in range(repeat):
        bare_runs.append(act.fresh_load(browser, f"{bare}/"))
        for target in pages:
            runs[target.name].append(act.fresh_load(browser, app + target.path))
    bare_figure = Figure("fresh load, bare one-line page", "reference", bare_runs)
    bare_s = bare_figure.median_s
    bare_figure.bare_s = bare_s
    overview = pages[0]
    first = Figure(f"  {overview.path} first, cold caches", "cold", [cold[overview.name]])
    first.bare_s = bare_s
    return [bare_figure, first] + [
        Figure(f"fresh load {t.path}", "fresh_load", runs[t.name], FRESH_LOAD, bare_s)
        for t in pages
    ]


def _cold(name: str, seconds: float | None, bare_s: float) -> list[Figure]:
    """The first of a kind of click, answered from empty caches (reported, no budget)."""
    if seconds is None:
        return []
    figure = Figure(f"  {name} first, cold caches", "cold", [seconds])
    figure.bare_s = bare_s
    return [figure]


def navigation(
    browser: Any, app: str, pages: list[Target], repeat: int, bare_s: float
) -> list[Figure]:
    """From the overview, the sidebar's link to every listed page in turn, `repeat` rounds
    (the first, untimed, fills the caches)."""
    listed = [t for t in pages if t.link is not None]
    order = listed[1:] + listed[:1]  # ends back on the overview
    page = act.new_page(browser)
    try:
        act.open_page(page, app + "/")
        runs: dict[str, list[float]] = {t.name: [] for t in order}
        for round_number in range(repeat + 1):
            for target in order:
                took = act.navigate(page, app + target.link)
                if round_number:
                    runs[target.name].append(took)
    finally:
        page.context.close()
    return [Figure(f"sidebar → {t.link}", "navigation", runs[t.name], CLICK, bare_s) for t in order]


def filters(browser: Any, app: str, repeat: int, bare_s: float) -> list[Figure]:
    """On the overview: another stage, then another as-of day, `repeat` times each (one
    untimed change first)."""
    page = act.new_page(browser)
    figures = []
    try:
        act.open_page(page, app + "/")
        first = act.change_stage(page)
        stage = _repeat(repeat, lambda: act.change_stage(page))
        if stage:
            figures.append(Figure("stage switch (overview)", "filter", stage, CLICK, bare_s))
            figures += _cold("stage switch", first, bare_s)
        first = act.change_as_of(page)
        as_of = _repeat(repeat, lambda: act.change_as_of(page))
        figures.append(Figure("as-of date change (overview)", "filter", as_of, CLICK, bare_s))
        figures += _cold("as-of date change", first, bare_s)
    finally:
        page.context.close()
    return figures


def map_clicks(browser: Any, app: str, repeat: int, bare_s: float) -> list[Figure]:
    """The map page, a click on a commune, its locality page: `repeat` times (one untimed)."""
    page = act.new_page(browser)
    try:

        def once() -> float:
            act.open_page(page, app + "/map")
            return act.map_click(page)

        first = once()
        runs = _repeat(repeat, once)
    finally:
        page.context.close()
    name = "map click → commune's locality page"
    return [Figure(name, "map_click", runs, CLICK, bare_s), *_cold("map click", first, bare_s)]


# The presentation the committee sees: the demo's 100-day peak, half-way, at 1920×1080.
PRESENTATION = "/?present=1&slide=1&stage=GD1-2025&as_of=2025-09-03"
PRESENTER = "committee"  # the demo's committee member: presenting needs a signed-in reader


def slide_changes(
    browser: Any, app: str, repeat: int, bare_s: float, *, slides: int
) -> list[Figure]:
    """In presentation mode, the → key and the "Next" button through every slide, `repeat`
    rounds each (one untimed round of the key first fills the caches)."""
    page = act.new_page(browser)
    try:
        act.sign_in(page, app, PRESENTER)
        act.open_page(page, app + PRESENTATION)
        first = [act.slide_change(page) for _ in range(slides)]
        keys = [act.slide_change(page) for _ in range(slides * repeat)]
        buttons = [act.slide_change(page, key=None) for _ in range(slides * repeat)]
    finally:
        page.context.close()
    figures = [
        Figure("slide change, → key (presentation)", "slide", keys, CLICK, bare_s),
        Figure("slide change, Next button (presentation)", "slide", buttons, CLICK, bare_s),
    ]
    figures[0].notes = {"slides": slides}
    cold = Figure("  slide change first, cold caches", "cold", [max(first)])
    cold.bare_s = bare_s
    return [*figures, cold]


def warm_run_cpu(browser: Any, app: str, pid: int, runs: int, repeat: int) -> list[Figure]:
    """The server's CPU seconds per warm rerun of the overview (median of `repeat` batches
    of `runs` reruns, after one untimed rerun)."""
    page = act.new_page(browser)
    try:
        act.open_page(page, app + "/")
        act.rerun_cpu(page, pid, 1)
        batches = [act.rerun_cpu(page, pid, runs) for _ in range(repeat)]
    finally:
        page.context.close()
    figure = Figure(
        "warm overview run, server CPU time",
        "cpu",
        [b["cpu_per_run_s"] for b in batches],
        WARM_RUN_CPU,
    )
    figure.notes = {
        "reruns_per_batch": runs,
        "raw_cpu_per_run_s": [round(b["raw_cpu_per_run_s"], 4) for b in batches],
        "idle_cpu_per_s": [round(b["idle_cpu_per_s"], 4) for b in batches],
        "rerun_wall_s": [round(b["rerun_wall_s"], 3) for b in batches],
    }
    return [figure]
