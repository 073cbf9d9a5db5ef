"""The brief's sections as rows of formatted text: pure, so each figure is tested directly."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from figures.committee import status_changes
from figures.lists import FALLEN_LIST
from i18n import translate
from i18n.formats import format_date, format_number, format_percent, format_value, status_word
from reports.content import BriefContent


@dataclass(frozen=True)
class Row:
    """One table row: its cells, and the status key whose colour its status cell takes."""

    cells: list[str]
    status: str | None = None


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _percent_of(fraction: object, lang: str) -> str:
    number = _number(fraction)
    return format_percent(None if number is None else 100 * number, lang)


def indicator_rows(content: BriefContent) -> list[Row]:
    """Code, name, value, target, deadline, progress and status of every shown indicator."""
    request, lang = content.request, content.request.lang
    deadline = format_date(request.stage.deadline, lang)
    return [
        Row(
            [
                row["code"],
                row[f"name_{lang}"],
                format_value(_number(row["value"]), row["unit"], lang),
                format_value(_number(row["target"]), row["unit"], lang),
                deadline,
                _percent_of(row["progress"], lang),
                status_word(row["status"], lang),
            ],
            row["status"],
        )
        for _, row in content.tiles.iterrows()
    ]


def target_group_rows(content: BriefContent) -> list[Row]:
    """Group name, people reached, population, percent reached and the group's goal."""
    lang = content.request.lang
    rows = []
    for _, row in content.target_groups.iterrows():
        reached, population = _number(row["reached"]), _number(row["population"])
        share = 100 * reached / population if reached is not None and population else None
        rows.append(
            Row(
                [
                    row[f"name_{lang}"],
                    format_number(reached, lang),
                    format_number(population, lang),
                    format_percent(share, lang),
                    format_percent(_number(row["goal_pct"]), lang, decimals=0),
                ]
            )
        )
    return rows


def weakest_rows(content: BriefContent) -> list[Row]:
    """#, commune, kind, score, rank of all ranked, indicators behind or stale, rank then."""
    lang = content.request.lang
    ranked_total = int(content.ranking["rank"].notna().sum())
    rows = []
    for position, (_, row) in enumerate(content.weakest.iterrows(), start=1):
        lagging = int(row["behind"]) + int(row["stale"])
        rank_then = row["rank_then"]
        rows.append(
            Row(
                [
                    str(position),
                    row["commune_name"],
                    translate(f"kind.{row['commune_kind']}", lang),
                    _percent_of(row["score"], lang),
                    f"{int(row['rank'])}/{ranked_total}",
                    f"{lagging}/{int(row['indicators_scored'])}",
                    "—" if pd.isna(rank_then) else f"{int(rank_then)}/{ranked_total}",
                ]
            )
        )
    return rows


def status_change_rows(content: BriefContent) -> list[Row]:
    """Indicators whose status differs from the last meeting: before and now, value and status."""
    lang = content.request.lang
    rows = []
    for _, row in status_changes(content.tiles).iterrows():
        unit = row["unit"]
        rows.append(
            Row(
                [
                    row["code"],
                    row[f"name_{lang}"],
                    format_value(_number(row["value_meeting"]), unit, lang),
                    status_word(row["status_meeting"], lang),
                    format_value(_number(row["value"]), unit, lang),
                    status_word(row["status"], lang),
                ],
                row["status"],
            )
        )
    return rows


def fallen_rows(content: BriefContent) -> list[Row]:
    """Commune and the names of its indicators that fell behind, FALLEN_LIST at most."""
    lang = content.request.lang
    names = dict(zip(content.tiles["code"], content.tiles[f"name_{lang}"], strict=True))
    return [
        Row(
            [
                row["commune_name"],
                "; ".join(
                    f"{code} {names.get(code, '')}".strip() for code in row["indicator_codes"]
                ),
            ]
        )
        for _, row in content.fallen.head(FALLEN_LIST).iterrows()
    ]
