"""The brief's sections as rows of formatted text: pure, so each figure is tested directly."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from campaign.changes import (
    compute_fallen_behind,
    compute_history_values,
    compute_status_changes,
    compute_tile_changes,
)
from campaign.ranking import (
    compute_commune_scores,
    compute_judged,
    compute_ranking,
    weakest_and_strongest,
)
from reports.content import BriefContent
from ui.format import format_date, format_number, format_percent, format_value
from ui.i18n import translate

# The committee's agenda asks for the ten weakest communes: enough to act on in one meeting.
WEAKEST_COUNT = 10
# Communes that fell behind, listed one per row; more would push the brief past one page.
FALLEN_LISTED = 15


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


def status_word(status: object, lang: str) -> str:
    """The catalogue word of a status key ("—" when missing)."""
    return translate(f"status.{status}", lang) if isinstance(status, str) else "—"


def indicator_rows(content: BriefContent) -> list[Row]:
    """Code, name, value, target, deadline, progress and status of every shown indicator."""
    request, lang = content.request, content.request.lang
    deadline = format_date(request.stage["deadline"], lang)
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
        for _, row in content.indicators.iterrows()
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


def compute_brief_ranking(content: BriefContent) -> pd.DataFrame:
    """Communes ranked by composite score now, with their rank at the last meeting."""
    now = compute_judged(content.communes)
    then = compute_judged(content.communes_before)
    return compute_ranking(compute_commune_scores(now), compute_commune_scores(then))


def compute_weakest(ranking: pd.DataFrame) -> pd.DataFrame:
    """The WEAKEST_COUNT lowest-ranked communes, worst first."""
    weakest, _ = weakest_and_strongest(ranking, WEAKEST_COUNT)
    return weakest


def weakest_rows(weakest: pd.DataFrame, ranked_total: int, lang: str) -> list[Row]:
    """#, commune, kind, score, rank of all ranked, indicators behind, rank at the meeting."""
    rows = []
    for position, (_, row) in enumerate(weakest.iterrows(), start=1):
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
    history = compute_history_values(content.history, content.indicators)
    tiles = compute_tile_changes(content.indicators, content.indicators_before, history)
    rows = []
    for _, row in compute_status_changes(tiles).iterrows():
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


def fallen_behind(content: BriefContent) -> pd.DataFrame:
    """Communes with indicators that slid to "behind" since the last meeting (campaign.changes)."""
    now = compute_judged(content.communes)
    then = compute_judged(content.communes_before)
    return compute_fallen_behind(now, then)


def fallen_rows(fallen: pd.DataFrame, content: BriefContent) -> list[Row]:
    """Commune and the names of its indicators that fell behind, FALLEN_LISTED at most."""
    lang = content.request.lang
    names = dict(zip(content.indicators["code"], content.indicators[f"name_{lang}"], strict=True))
    return [
        Row(
            [
                row["commune_name"],
                "; ".join(
                    f"{code} {names.get(code, '')}".strip() for code in row["indicator_codes"]
                ),
            ]
        )
        for _, row in fallen.head(FALLEN_LISTED).iterrows()
    ]


def map_board(ranking: pd.DataFrame, as_of: object) -> pd.DataFrame:
    """Composite scores in the shape charts.map.compute_map_rows reads for one indicator."""
    scored = ranking["score"].notna()
    return pd.DataFrame(
        {
            "commune_code": ranking["commune_code"],
            "unit": "percent",
            "value": 100 * ranking["score"],
            "target": 100.0,
            "progress": ranking["score"],
            "status": scored.map({True: "on_track", False: "no_data"}),
            "last_report": as_of,
        }
    )
