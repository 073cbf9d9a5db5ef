"""A report template: every commune and stage indicator for one date, values left empty.

Beside the columns the importer reads, the template has columns for the reader that the
importer ignores: the commune and indicator names, whether the indicator is a percent or a
count (a count has no denominator), and the last value reported on or before the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.catalog import fetch_communes, fetch_stage_indicators, fetch_stages
from data_access.frames import read_frame
from data_access.importers.template_files import KIND_TEXT, report_template_bytes
from data_access.scopes import latest_reports

# Canonical columns; template_files.HEADERS names them per language.
TEMPLATE_COLUMNS = [
    "commune_code",
    "commune_name",
    "indicator_code",
    "indicator_name",
    "kind",
    "as_of",
    "numerator",
    "denominator",
    "note",
    "last_as_of",
    "last_numerator",
    "last_denominator",
]


def choose_stage(stages: pd.DataFrame, as_of: date, stage_code: str | None) -> pd.Series | None:
    """The stage named, else the one containing `as_of`, else the latest started before it."""
    if stage_code is not None:
        named = stages[stages["stage_code"] == stage_code]
        return None if named.empty else named.iloc[0]
    inside = stages[(stages["start_date"] <= as_of) & (stages["deadline"] >= as_of)]
    if not inside.empty:
        return inside.iloc[-1]
    started = stages[stages["start_date"] <= as_of]
    return None if started.empty else started.iloc[-1]


def _last_reports(
    engine: sa.Engine, stage_id: int, as_of: date, commune_codes: Sequence[str] | None
) -> pd.DataFrame:
    latest = latest_reports(stage_id, as_of, commune_codes)
    stmt = (
        sa.select(
            s.localities.c.code.label("commune_code"),
            s.indicators.c.code.label("indicator_code"),
            latest.c.report_date.label("last_as_of"),
            latest.c.numerator.label("last_numerator"),
            latest.c.denominator.label("last_denominator"),
        )
        .join(s.localities, s.localities.c.id == latest.c.locality_id)
        .join(s.indicators, s.indicators.c.id == latest.c.indicator_id)
    )
    return read_frame(
        engine,
        stmt,
        date_columns=("last_as_of",),
        float_columns=("last_numerator", "last_denominator"),
    )


def build_template_frame(
    engine: sa.Engine,
    *,
    as_of: date,
    stage_code: str | None,
    commune_codes: Sequence[str] | None = None,
    lang: str = "vi",
) -> pd.DataFrame:
    """One row per commune x indicator of the stage (the communes named, else all); empty
    when no stage fits. Columns: TEMPLATE_COLUMNS."""
    stage = choose_stage(fetch_stages(engine), as_of, stage_code)
    if stage is None:
        return pd.DataFrame(columns=TEMPLATE_COLUMNS)
    communes = fetch_communes(engine, province_code=stage["province_code"])
    if commune_codes is not None:
        communes = communes[communes["code"].isin(list(commune_codes))]
    indicators = fetch_stage_indicators(engine, stage_id=int(stage["stage_id"]))
    grid = communes[["code", "name"]].merge(
        indicators[["code", "name_vi", "name_en", "unit"]], how="cross"
    )
    frame = pd.DataFrame(
        {
            "commune_code": grid["code_x"],
            "commune_name": grid["name"],
            "indicator_code": grid["code_y"],
            "indicator_name": grid["name_en" if lang == "en" else "name_vi"],
            "kind": grid["unit"].map(KIND_TEXT["en" if lang == "en" else "vi"]),
            "as_of": as_of.isoformat(),
            "numerator": "",
            "denominator": "",
            "note": "",
        }
    )
    last = _last_reports(engine, int(stage["stage_id"]), as_of, commune_codes)
    frame = frame.merge(last, on=["commune_code", "indicator_code"], how="left")
    return frame[TEMPLATE_COLUMNS].reset_index(drop=True)


def template_bytes(frame: pd.DataFrame, fmt: str, lang: str | None = None) -> bytes:
    """The template as CSV (UTF-8 with BOM, so Excel shows diacritics) or XLSX (frozen header
    row, an instructions sheet). `lang` picks Vietnamese or English headers; None keeps the
    importer's canonical column names."""
    return report_template_bytes(frame, fmt, lang)
