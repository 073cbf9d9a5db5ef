"""Text lines and tables of the committee's screens, worded in the chosen language.

Names from the data are escaped, so a commune called "**x**" is shown as written.
"""

from __future__ import annotations

import math

import pandas as pd

from i18n.formats import format_signed, format_value, status_label
from ui.filter_state import Filters
from ui.text import md


def _num(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def status_change_lines(changes: pd.DataFrame, filters: Filters) -> list[str]:
    """ "CT01 · name: ▲ At risk → ✔ On track" for each indicator that changed status."""
    lang = filters.lang
    return [
        f"**{md(row['code'])}** · {md(row['name_' + lang])}: "
        f"{status_label(row['status_meeting'], lang)} → **{status_label(row['status'], lang)}**"
        for _, row in changes.iterrows()
    ]


def fallen_behind_lines(fallen: pd.DataFrame, filters: Filters) -> list[str]:
    """ "Commune — CT04, CT06" for each commune that fell behind since the meeting."""
    return [
        f"**{md(row['commune_name'])}** — " + ", ".join(md(c) for c in row["indicator_codes"])
        for _, row in fallen.iterrows()
    ]


def value_text(value: object, unit: str, filters: Filters) -> str:
    """An indicator value in its unit, "—" when missing."""
    return format_value(_num(value), unit, filters.lang)


def commune_table_rows(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The commune table of one indicator: code, commune, kind, value, progress (percent),
    status (symbol and word) and last report."""
    lang = filters.lang
    return pd.DataFrame(
        {
            "code": rows["commune_code"].to_numpy(),
            "commune": rows["commune_name"].to_numpy(),
            "kind": [filters.t(f"kind.{kind}") for kind in rows["commune_kind"]],
            "value": rows["value"].astype(float).round(1).to_numpy(),
            "progress": 100.0 * rows["progress"].astype(float).to_numpy(),
            "status": [status_label(s, lang) for s in rows["status"]],
            "last_report": pd.to_datetime(rows["last_report"]).to_numpy(),
        }
    )


def rate_text(rate: float | None, unit: str, filters: Filters) -> str:
    """A rate per day shown per week in the indicator's unit ("+1,2 điểm %/tuần"), "—" if none."""
    if rate is None or math.isnan(rate):
        return filters.t("common.none")
    weekly = rate * 7
    if unit == "percent":
        text = f"{format_signed(weekly, filters.lang, decimals=2)} {filters.t('tile.points')}"
    else:
        text = format_signed(weekly, filters.lang)
    return f"{text}{filters.t('indicators.per_week')}"
