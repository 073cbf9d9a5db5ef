"""Draw the charts of charts/ on a page, each built and turned into its spec once per data
version and view: a warm run sends the stored spec instead of building and validating it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import streamlit as st

from charts.spec import spec_of
from figures.reader import call_key
from ui.data import reader

# Chart specs kept per app server: every chart of every page for a few views and dates.
SPEC_ENTRIES = 512
# Streamlit's chart toolbar speaks English only ("Show data", "Download as PNG"): hidden. The
# tables beside the charts carry the same figures and download in the chosen language.
CHART_CSS = """<style>
div:has(> [data-testid="stVegaLiteChart"]) > [data-testid="stElementToolbar"] {display: none;}
</style>"""


@st.cache_data(show_spinner=False, max_entries=SPEC_ENTRIES)
def _spec(_build: Callable[[], alt.TopLevelMixin], key: str) -> dict[str, Any]:
    spec = spec_of(_build())
    # Streamlit's theme gives every mark a tooltip of all its encoded fields (sort helpers,
    # raw floats); only the tooltips a chart names, with text it wrote, are shown.
    config = spec.setdefault("config", {})
    config["mark"] = {**config.get("mark", {}), "tooltip": False}
    return spec


@st.cache_data(show_spinner=False, max_entries=SPEC_ENTRIES)
def _value(_make: Callable[[], Any], key: str) -> Any:
    return _make()


def kept(name: str, view: tuple, make: Callable[[], Any]) -> Any:
    """What `make()` returns for `view` (e.g. a map's rows), kept under this run's data
    version like a chart spec."""
    return _value(make, _key(kept, name, view))


def chart_spec(name: str, view: tuple, build: Callable[[], alt.TopLevelMixin]) -> dict:
    """The Vega-Lite spec of the chart `build()` makes for `view` (what it depends on: scope,
    language, options), kept under this run's data version."""
    return _spec(build, _key(chart_spec, name, view))


def _key(kind: Callable, name: str, view: tuple) -> str:
    # Kept per database and data version, like the answers they are made of: two databases
    # at the same version never share a chart.
    run = reader()
    return call_key(kind, (name, run.database, run.version, view))


def hide_chart_toolbars() -> None:
    """Once per run, in the frame: the style that hides the charts' English toolbar."""
    st.html(CHART_CSS)


def show_chart(name: str, view: tuple, build: Callable[[], alt.TopLevelMixin], **options: Any):
    """Draw a chart from its kept spec (st.vega_lite_chart); `options` as for that call."""
    return st.vega_lite_chart(chart_spec(name, view, build), **options)
