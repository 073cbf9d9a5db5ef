"""What a meeting brief shows: the checked request, and every figure read for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from campaign.scoreboard import compute_commune_board, compute_indicator_board
from data_access.catalog import (
    fetch_agencies,
    fetch_communes,
    fetch_latest_report_date,
    fetch_provinces,
    fetch_stage_indicators,
    fetch_stages,
)
from data_access.geo_queries import fetch_child_boundaries
from data_access.history import fetch_indicator_history, fetch_target_group_totals
from data_access.progress import (
    fetch_commune_reports,
    fetch_indicator_totals,
    fetch_scope_indicators,
)
from data_access.settings import load_settings
from ui.url_state import default_as_of, default_stage_id

# A committee meets about every two weeks: the default "last meeting" is this many days earlier.
MEETING_INTERVAL_DAYS = 14
# Real province codes run 01-96; the demo province (99) and benchmark provinces sit above them.
REAL_PROVINCE_CODE_MAX = 96


class BriefInputError(ValueError):
    """A request the brief cannot honour; `key` and `values` name a catalogue message."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class BriefRequest:
    """The checked filters of one brief."""

    lang: str
    stage: pd.Series
    as_of: date
    since: date
    agency: pd.Series | None  # code, name_vi, name_en; None = every agency
    communes: pd.DataFrame  # the chosen communes (code, name, kind); empty = whole province
    province_code: str
    province_name: str
    stale_after_days: int
    at_risk_margin: float

    @property
    def commune_filter(self) -> list[str] | None:
        """The chosen commune codes, or None for the whole province."""
        return list(self.communes["code"]) or None

    @property
    def synthetic(self) -> bool:
        """True for the demo and benchmark provinces, whose figures are made up."""
        return self.province_code.isdigit() and int(self.province_code) > REAL_PROVINCE_CODE_MAX


@dataclass(frozen=True)
class BriefContent:
    """Every frame the brief's sections are built from."""

    request: BriefRequest
    indicators: pd.DataFrame  # compute_indicator_board as of `as_of`
    indicators_before: pd.DataFrame  # the same, as of `since`
    communes: pd.DataFrame  # compute_commune_board as of `as_of`
    communes_before: pd.DataFrame  # the same, as of `since`
    target_groups: pd.DataFrame  # fetch_target_group_totals, only groups of shown indicators
    history: pd.DataFrame  # fetch_indicator_history of the shown indicators
    shapes: pd.DataFrame  # fetch_child_boundaries of the province's communes


def _stage_for(
    stages: pd.DataFrame, stage_code: str | None, as_of: date | None, latest: date | None
) -> pd.Series:
    if stage_code is not None:
        chosen = stages[stages["stage_code"] == stage_code]
        if chosen.empty:
            known = ", ".join(stages["stage_code"])
            raise BriefInputError("brief.error.unknown_stage", value=stage_code, known=known)
        return chosen.iloc[0]
    if as_of is None:
        return stages.loc[stages["stage_id"] == default_stage_id(stages, latest)].iloc[0]
    holding = stages[(stages["start_date"] <= as_of) & (as_of <= stages["deadline"])]
    started = stages[stages["start_date"] <= as_of].sort_values("start_date")
    for candidates in (holding, started):
        if not candidates.empty:
            return candidates.iloc[-1]
    return stages.sort_values("start_date").iloc[0]


def resolve_request(
    engine: sa.Engine,
    *,
    lang: str = "vi",
    as_of: date | None = None,
    since: date | None = None,
    stage_code: str | None = None,
    agency_code: str | None = None,
    commune_codes: Sequence[str] | None = None,
) -> BriefRequest:
    """Check the filters against the database and fill in defaults; BriefInputError if wrong."""
    stages = fetch_stages(engine)
    if stages.empty:
        raise BriefInputError("brief.error.no_stage")
    latest = fetch_latest_report_date(engine)
    stage = _stage_for(stages, stage_code, as_of, latest)
    as_of = as_of or default_as_of(stage, latest)
    since = since or as_of - timedelta(days=MEETING_INTERVAL_DAYS)
    if since >= as_of:
        raise BriefInputError("brief.error.since_not_before", since=since, as_of=as_of)
    agency = None
    if agency_code is not None:
        agencies = fetch_agencies(engine)
        match = agencies[agencies["code"].str.upper() == agency_code.strip().upper()]
        if match.empty:
            known = ", ".join(agencies["code"])
            raise BriefInputError("brief.error.unknown_agency", value=agency_code, known=known)
        agency = match.iloc[0]
    province_code = str(stage["province_code"])
    all_communes = fetch_communes(engine, province_code=province_code)
    wanted = list(dict.fromkeys(code.strip() for code in commune_codes or ()))
    for code in wanted:
        if code not in set(all_communes["code"]):
            raise BriefInputError("brief.error.unknown_commune", value=code, province=province_code)
    provinces = fetch_provinces(engine)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    settings = load_settings()
    return BriefRequest(
        lang=lang,
        stage=stage,
        as_of=as_of,
        since=since,
        agency=agency,
        communes=all_communes[all_communes["code"].isin(wanted)].reset_index(drop=True),
        province_code=province_code,
        province_name=names.get(province_code, province_code),
        stale_after_days=int(stage["period_days"]) + settings.stale_grace_days,
        at_risk_margin=settings.at_risk_margin,
    )


def _boards(
    engine: sa.Engine, request: BriefRequest, indicators: pd.DataFrame, on: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The indicator board and the commune board of the request's scope on one date."""
    stage_id = int(request.stage["stage_id"])
    judge = {
        "as_of": on,
        "stale_after_days": request.stale_after_days,
        "at_risk_margin": request.at_risk_margin,
    }
    totals = fetch_indicator_totals(
        engine, stage_id=stage_id, as_of=on, commune_codes=request.commune_filter
    )
    reports = fetch_commune_reports(
        engine, stage_id=stage_id, as_of=on, commune_codes=request.commune_filter
    )
    scoped = fetch_scope_indicators(
        engine,
        stage_id=stage_id,
        as_of=on,
        commune_codes=request.commune_filter,
        agency_codes=list(indicators["agency_code"].unique()),
    )
    return (
        compute_indicator_board(scoped, totals, request.stage, **judge),
        compute_commune_board(indicators, reports, request.stage, **judge),
    )


def gather_content(engine: sa.Engine, request: BriefRequest) -> BriefContent:
    """Read and judge every figure of the brief."""
    stage_id = int(request.stage["stage_id"])
    agency_codes = None if request.agency is None else [request.agency["code"]]
    indicators = fetch_stage_indicators(engine, stage_id=stage_id, agency_codes=agency_codes)
    board, communes = _boards(engine, request, indicators, request.as_of)
    board_before, communes_before = _boards(engine, request, indicators, request.since)
    groups = fetch_target_group_totals(
        engine, stage_id=stage_id, as_of=request.as_of, commune_codes=request.commune_filter
    )
    if request.agency is not None:
        groups = groups[groups["indicator_code"].isin(set(indicators["code"]))]
    history = fetch_indicator_history(
        engine,
        stage_id=stage_id,
        as_of=request.as_of,
        commune_codes=request.commune_filter,
        indicator_codes=list(indicators["code"]),
    )
    shapes = fetch_child_boundaries(engine, parent_code=request.province_code)
    if request.commune_filter is not None:
        shapes = shapes[shapes["code"].isin(request.commune_filter)]
    return BriefContent(
        request=request,
        indicators=board,
        indicators_before=board_before,
        communes=communes,
        communes_before=communes_before,
        target_groups=groups.reset_index(drop=True),
        history=history,
        shapes=shapes.reset_index(drop=True),
    )
