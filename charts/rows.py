"""The rows bar charts draw, worded and formatted in the chosen language."""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from campaign.metrics import STATUSES
from i18n import translate
from i18n.formats import format_number, format_percent, status_label

# Axis labels wrap at this many characters so long group names take two lines, not ellipses.
LABEL_WRAP_CHARS = 34


def _wrap(text: str) -> str:
    return "|".join(textwrap.wrap(str(text), LABEL_WRAP_CHARS)) or str(text)


def _num(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def group_bar_rows(
    groups: pd.DataFrame, lang: str, *, name: str | None = None, one_line: bool = False
) -> pd.DataFrame:
    """One bar per target group: its name (or `name`) and "reached / population" as the label,
    percent and status as the text (figures.committee.group_reach rows). The label wraps onto
    lines for a column of a page; `one_line` keeps it on one (a wide slide)."""
    labels = [
        (f"{name or group_name} · " if one_line else _wrap(name or group_name) + "|")
        + translate(
            "committee.reached_of",
            lang,
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


def commune_bar_rows(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One bar per commune of one target group: its name as the label; percent, status and the
    people still missing to reach the stage target as the text."""
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
            people = translate("committee.people_short", lang, count=format_number(gap, lang))
            text += " · " + people
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


def status_count_rows(statuses: pd.Series, lang: str) -> pd.DataFrame:
    """How many communes are in each status (every status listed, zeros included)."""
    counts = statuses.value_counts()
    return pd.DataFrame(
        {
            "status": list(STATUSES),
            "label": [status_label(s, lang) for s in STATUSES],
            "count": [int(counts.get(s, 0)) for s in STATUSES],
        }
    )
