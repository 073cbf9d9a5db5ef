"""The indicators slide's tiles: one HTML grid, each tile banded in its status colour with
the status word large enough to read from the back of a hall.

One block of HTML instead of ten containers of widgets: the slide draws in one element, so
a slide change has little to send and lay out. Names are data: they are escaped.
"""

from __future__ import annotations

import html
from datetime import date

import pandas as pd

from charts.palette import STATUS_COLOURS, STATUS_TEXT_COLOURS
from i18n import translate
from i18n.formats import (
    format_change,
    format_date,
    format_percent,
    format_value,
    is_missing,
    status_label,
)

TILES_PER_ROW = 5  # ten indicators in two rows of five


def _status(row: pd.Series) -> str:
    status = row["status"]
    return status if isinstance(status, str) and status in STATUS_COLOURS else "no_data"


def tile_html(row: pd.Series, lang: str) -> str:
    """One indicator: code and name, value, status band, progress bar and two captions."""
    status = _status(row)
    colour, text = STATUS_COLOURS[status], STATUS_TEXT_COLOURS[status]
    progress = row["progress"]
    width = 0.0 if is_missing(progress) else min(max(float(progress), 0.0), 1.0) * 100
    target = format_value(row["target"], row["unit"], lang)
    first = f"{translate('common.target', lang)}: {target}"
    if not is_missing(progress):
        percent = format_percent(100 * progress, lang)
        first = translate("tile.of_target", lang, percent=percent) + " · " + first
    second = translate(
        "present.tile_reported",
        lang,
        current=int(row["communes_current"]),
        total=int(row["communes_total"]),
    )
    change = None
    if "change_previous" in row.index and not is_missing(row["change_previous"]):
        change = format_change(row["change_previous"], row["unit"], lang)
    if change:
        since = translate("tile.since_report", lang, date=format_date(row["previous_date"], lang))
        second = f"{change} {since} · {second}"
    value = format_value(row["value"], row["unit"], lang)
    name = f"<b>{html.escape(str(row['code']))}</b> · {html.escape(str(row['name_' + lang]))}"
    return (
        f'<div class="present-tile" style="border-color:{colour}">'
        f'<p class="present-tile-name">{name}</p>'
        f'<p class="present-tile-value">{html.escape(value)}</p>'
        f'<p class="present-status" style="background:{colour};color:{text}">'
        f"{html.escape(status_label(status, lang))}</p>"
        f'<div class="present-bar"><div style="width:{width:.1f}%;background:{colour}"></div></div>'
        f'<p class="present-caption">{html.escape(first)}</p>'
        f'<p class="present-caption">{html.escape(second)}</p>'
        "</div>"
    )


def tiles_html(tiles: pd.DataFrame, deadline: date, lang: str) -> str:
    """Every indicator's tile in a grid of TILES_PER_ROW columns, and the stage's deadline."""
    cells = "".join(tile_html(row, lang) for _, row in tiles.iterrows())
    note = f"{translate('common.deadline', lang)}: {format_date(deadline, lang)}"
    return (
        f'<div class="present-grid" style="grid-template-columns:repeat({TILES_PER_ROW},1fr)">'
        f'{cells}</div><p class="present-caption present-deadline">{html.escape(note)}</p>'
    )
