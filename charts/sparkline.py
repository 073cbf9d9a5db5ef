"""The locality tiles' trend line: one indicator's values since the stage start and the dashed
pace line from the stage's baseline towards its target, drawn as a small inline SVG.

Ten tiles on one page each drew a chart view of their own in the browser; a line this small
needs no chart library. Each report is a dot whose tooltip (the browser's own, from its
<title>) gives its date and value in the reader's language; the whole line has a title a
screen reader reads. Every text is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import pandas as pd

from campaign.metrics import compute_expected
from charts.palette import ACTUAL_COLOUR, PACE_COLOUR
from i18n import translate
from i18n.formats import format_date, format_value

# Tall enough to read a slope, short enough for ten tiles on one 1080-pixel screen.
SPARKLINE_HEIGHT = 56
# The drawing's own units across; the SVG stretches to the tile's width.
SPARKLINE_WIDTH = 300
# Room around the line so that the dots at its ends are not cut.
MARGIN = 4.0


@dataclass(frozen=True)
class Sparkline:
    """What the line shows: the reports as (date, value), the pace line's two ends, and the
    indicator's unit for their text."""

    points: tuple[tuple[date, float], ...]
    pace: tuple[tuple[date, float], tuple[date, float]]
    unit: str


def sparkline(
    trend: pd.DataFrame,
    *,
    unit: str,
    baseline: float,
    target: float,
    start: date,
    deadline: date,
    as_of: date,
) -> Sparkline:
    """The line of one indicator's `trend` rows (report_date, value): the pace line runs from
    the baseline at the stage start to where the pace stands on `as_of` (at most the
    deadline), so its end is what the commune should have reached by now."""
    end = max(min(as_of, deadline), start)
    expected = compute_expected(
        baseline=baseline, target=target, start=start, deadline=deadline, on=end
    )
    points = tuple(
        (day, float(value))
        for day, value in zip(trend["report_date"], trend["value"], strict=True)
        if not pd.isna(value)
    )
    return Sparkline(points=points, pace=((start, float(baseline)), (end, expected)), unit=unit)


def sparkline_svg(line: Sparkline, lang: str) -> str:
    """The line as one line of inline SVG markup, as wide as its container."""
    (start, _), (end, _) = line.pace
    # Reports after the deadline (a past stage seen later) still fit: the line runs on.
    last_day = max([end, *(day for day, _ in line.points)])
    days = max((last_day - start).days, 1)
    values = [value for _, value in line.points] + [value for _, value in line.pace]
    low, high = min(values), max(values)
    if high == low:  # a flat line sits in the middle
        low, high = low - 1.0, high + 1.0

    def position(day: date, value: float) -> tuple[float, float]:
        x = MARGIN + (SPARKLINE_WIDTH - 2 * MARGIN) * (day - start).days / days
        height = SPARKLINE_HEIGHT - 2 * MARGIN
        return x, SPARKLINE_HEIGHT - MARGIN - height * (value - low) / (high - low)

    def xy(day: date, value: float) -> str:
        return "{:.1f},{:.1f}".format(*position(day, value))

    def text(day: date, value: float) -> str:
        return f"{format_date(day, lang)}: {format_value(value, line.unit, lang)}"

    def dot(day: date, value: float) -> str:
        x, y = position(day, value)
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{ACTUAL_COLOUR}">'
            f"<title>{html.escape(text(day, value))}</title></circle>"
        )

    dots = "".join(dot(day, value) for day, value in line.points)
    path = " ".join(xy(day, value) for day, value in line.points)
    first, last = (line.points[0], line.points[-1]) if line.points else (line.pace[0],) * 2
    title = translate("locality.sparkline_title", lang, first=text(*first), last=text(*last))
    stroke = 'fill="none" vector-effect="non-scaling-stroke"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SPARKLINE_WIDTH} '
        f'{SPARKLINE_HEIGHT}" width="100%" height="{SPARKLINE_HEIGHT}" '
        'preserveAspectRatio="none" role="img" '
        f'class="locality-sparkline"><title>{html.escape(title)}</title>'
        f'<polyline points="{xy(*line.pace[0])} {xy(*line.pace[1])}" {stroke} '
        f'stroke="{PACE_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        f'<polyline points="{path}" {stroke} stroke="{ACTUAL_COLOUR}" stroke-width="2.5"/>'
        f"{dots}</svg>"
    )
