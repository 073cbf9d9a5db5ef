"""The one chart renderer without a browser (vl-convert): PNG for the brief, SVG for slides.

The font is registered once per process; numbers follow the language's locale.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import altair as alt
import font_source_sans_pro
import vl_convert

from charts.palette import NUMBER_LOCALES
from charts.spec import spec_of

# The font the PDF embeds and the slides measure with, so chart text matches body text and
# Vietnamese marks render.
CHART_FONT = "Source Sans Pro"
# Streamlit's own font has the same metrics: slides draw SVG text with it.
BROWSER_FONTS = "'Source Sans', 'Source Sans Pro', sans-serif"
# 2× pixels: sharp when printed at the ~16 cm width the brief gives a chart.
PNG_SCALE = 2


@cache
def _register_font() -> None:
    vl_convert.register_font_directory(font_source_sans_pro.font_directory)


def _spec(chart: alt.TopLevelMixin | dict[str, Any]) -> dict[str, Any]:
    spec = chart if isinstance(chart, dict) else spec_of(chart)
    spec.setdefault("config", {})["font"] = CHART_FONT
    return spec


def chart_png(chart: alt.TopLevelMixin | dict[str, Any], lang: str) -> bytes:
    """The chart as PNG bytes, in the brief's font and the language's number format."""
    _register_font()
    return vl_convert.vegalite_to_png(
        _spec(chart), scale=PNG_SCALE, format_locale=NUMBER_LOCALES[lang]
    )


def chart_svg(chart: alt.TopLevelMixin | dict[str, Any], lang: str, *, max_height_vh: int) -> str:
    """The chart as inline SVG without a fixed pixel size, so CSS scales it to the screen
    (at most `max_height_vh` of the window's height)."""
    _register_font()
    svg = vl_convert.vegalite_to_svg(_spec(chart), format_locale=NUMBER_LOCALES[lang])
    svg = re.sub(r'^<svg([^>]*?) width="[\d.]+" height="[\d.]+"', r"<svg\1", svg, count=1)
    svg = svg.replace(f'font-family="{CHART_FONT}"', f'font-family="{BROWSER_FONTS}"')
    style = f"max-height:{max_height_vh}vh;width:100%"
    return svg.replace("<svg", f'<svg style="{style}"', 1).replace("\n", " ")
