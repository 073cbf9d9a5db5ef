"""A report template: every commune and stage indicator for one date, values left empty."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.catalog import fetch_communes, fetch_stage_indicators, fetch_stages

TEMPLATE_COLUMNS = [
    "commune_code",
    "commune_name",
    "indicator_code",
    "indicator_name",
    "as_of",
    "numerator",
    "denominator",
    "note",
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


def build_template_frame(engine: sa.Engine, *, as_of: date, stage_code: str | None) -> pd.DataFrame:
    """One row per commune x indicator of the stage; empty when no stage fits."""
    stage = choose_stage(fetch_stages(engine), as_of, stage_code)
    if stage is None:
        return pd.DataFrame(columns=TEMPLATE_COLUMNS)
    communes = fetch_communes(engine, province_code=stage["province_code"])
    indicators = fetch_stage_indicators(engine, stage_id=int(stage["stage_id"]))
    grid = communes[["code", "name"]].merge(indicators[["code", "name_vi", "unit"]], how="cross")
    return pd.DataFrame(
        {
            "commune_code": grid["code_x"],
            "commune_name": grid["name"],
            "indicator_code": grid["code_y"],
            "indicator_name": grid["name_vi"],
            "as_of": as_of.isoformat(),
            "numerator": "",
            "denominator": "",
            "note": "",
        }
    )


def template_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The template as CSV (UTF-8 with BOM, so Excel shows diacritics) or XLSX."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        frame.to_excel(buffer, index=False, sheet_name="bao_cao")
        return buffer.getvalue()
    return frame.to_csv(index=False).encode("utf-8-sig")
