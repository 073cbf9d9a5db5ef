"""Rows the committee's charts and tables draw, worded and formatted in the chosen language."""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from campaign.metrics import STATUSES
from ui.filters import Filters
from ui.format import format_number, format_percent, format_value
from ui.widgets import status_label

# Axis labels wrap at this many characters so long group names take two lines, not ellipses.
LABEL_WRAP_CHARS = 34


def _wrap(text: str) -> str:
    return "|".join(textwrap.wrap(str(text), LABEL_WRAP_CHARS)) or str(text)


def _num(value: object) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return math.nan
    return number


def group_bar_rows(
    groups: pd.DataFrame, filters: Filters, *, name: str | None = None
) -> pd.DataFrame:
    """One bar per target group: its name (or `name`) and "reached / population" as the label,
    percent and status as the text (compute_group_reach rows)."""
    lang = filters.lang
    labels = [
        _wrap(name or group_name)
        + "|"
        + filters.t(
            "committee.reached_of",
            reached=format_number(_num(reached), lang),
            population=format_number(_num(population), lang),
        )
        for group_name, reached, population in zip(
            groups[f"name_{lang}"], groups["reached"], groups["population"], strict=True
        )
    ]
    texts = [
        f"{format_percent(_num(pct), lang)} · {status_label(status, lang)}"
        for pct, status in zip(groups["percent"], groups["status"], strict=True)
    ]
    return _bars(groups, labels, texts)


def commune_bar_rows(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """One bar per commune of one target group: its name as the label; percent, status and the
    people still missing to reach the stage target as the text."""
    lang = filters.lang
    names = rows["commune_name"].astype(str)
    duplicated = names.duplicated(keep=False)
    labels = [
        f"{name} ({code})" if dup else name
        for name, code, dup in zip(names, rows["commune_code"], duplicated, strict=True)
    ]
    texts = []
    for pct, status, gap in zip(rows["percent"], rows["status"], rows["gap_people"], strict=True):
        text = f"{format_percent(_num(pct), lang)} · {status_label(status, lang)}"
        if _num(gap) > 0:
            text += " · " + filters.t("committee.people_short", count=format_number(gap, lang))
        texts.append(text)
    return _bars(rows, labels, texts)


def _bars(frame: pd.DataFrame, labels: list[str], texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": labels,
            "percent": frame["percent"].astype(float).to_numpy(),
            "expected": frame["expected"].astype(float).to_numpy(),
            "target": frame["target"].astype(float).to_numpy(),
            "status": frame["status"].to_numpy(),
            "text": texts,
        }
    )


def status_count_rows(statuses: pd.Series, filters: Filters) -> pd.DataFrame:
    """How many communes are in each status (every status listed, zeros included)."""
    counts = statuses.value_counts()
    return pd.DataFrame(
        {
            "status": list(STATUSES),
            "label": [status_label(s, filters.lang) for s in STATUSES],
            "count": [int(counts.get(s, 0)) for s in STATUSES],
        }
    )


def status_change_lines(changes: pd.DataFrame, filters: Filters) -> list[str]:
    """ "CT01 · name: ▲ At risk → ✔ On track" for each indicator that changed status."""
    lang = filters.lang
    return [
        f"**{row['code']}** · {row['name_' + lang]}: {status_label(row['status_meeting'], lang)}"
        f" → **{status_label(row['status'], lang)}**"
        for _, row in changes.iterrows()
    ]


def fallen_behind_lines(fallen: pd.DataFrame, filters: Filters) -> list[str]:
    """ "Commune — CT04, CT06" for each commune that fell behind since the meeting."""
    return [
        f"**{row['commune_name']}** — " + ", ".join(row["indicator_codes"])
        for _, row in fallen.iterrows()
    ]


def value_text(value: object, unit: str, filters: Filters) -> str:
    """An indicator value in its unit, "—" when missing."""
    return format_value(_num(value), unit, filters.lang)


def commune_table_rows(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The commune table of one indicator: code, commune, kind, value, progress (a fraction),
    status (symbol and word) and last report."""
    lang = filters.lang
    return pd.DataFrame(
        {
            "code": rows["commune_code"].to_numpy(),
            "commune": rows["commune_name"].to_numpy(),
            "kind": [filters.t(f"kind.{kind}") for kind in rows["commune_kind"]],
            "value": rows["value"].astype(float).round(1).to_numpy(),
            "progress": rows["progress"].astype(float).to_numpy(),
            "status": [status_label(s, lang) for s in rows["status"]],
            "last_report": pd.to_datetime(rows["last_report"]).to_numpy(),
        }
    )


def rate_text(rate: float | None, unit: str, filters: Filters) -> str:
    """A rate per day shown per week in the indicator's unit ("+1,2 điểm %/tuần"), "—" if none."""
    if rate is None or math.isnan(rate):
        return filters.t("common.none")
    weekly = rate * 7
    sign = "+" if weekly >= 0 else "−"
    if unit == "percent":
        text = f"{format_number(abs(weekly), filters.lang, decimals=2)} {filters.t('tile.points')}"
    else:
        text = format_number(abs(weekly), filters.lang)
    return f"{sign}{text}{filters.t('indicators.per_week')}"
