"""What a meeting brief shows: the checked request, and every figure read for it.

Every figure comes from figures/, for the same Scope the screens would build, so the brief's
ten weakest communes are the ranking page's and its tiles are the overview's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.catalog import (
    fetch_agencies,
    fetch_communes,
    fetch_provinces,
    fetch_stages,
)
from data_access.meta import fetch_is_demo
from data_access.settings import load_settings
from figures import committee, decisions
from figures.dates import comparison_date, usual_report_date
from figures.maps import commune_shapes
from figures.reader import Reader
from figures.requests import default_as_of, default_stage_id
from figures.scope import Scope, Stage


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
    scope: Scope
    since: date
    agency: pd.Series | None  # code, name_vi, name_en; None = every agency
    communes: pd.DataFrame  # the chosen communes (code, name, kind); empty = whole province
    province_name: str
    demo: bool  # the database holds the seeded synthetic demo

    @property
    def as_of(self) -> date:
        """The date of every figure."""
        return self.scope.as_of

    @property
    def stage(self) -> Stage:
        """The stage of the brief."""
        return self.scope.stage


@dataclass(frozen=True)
class BriefContent:
    """Every figure the brief's sections are built from (figures.committee)."""

    request: BriefRequest
    tiles: pd.DataFrame  # the indicator board with changes since the last meeting
    ranking: pd.DataFrame  # every commune ranked (narrowed to the chosen ones)
    weakest: pd.DataFrame  # the ten weakest of that ranking
    fallen: pd.DataFrame  # communes that fell behind since the last meeting
    target_groups: pd.DataFrame  # people reached per target group
    shapes: pd.DataFrame  # the communes' boundaries (the chosen ones only, if any)
    decisions_due: pd.DataFrame  # the last stored meeting's decisions, then and now
    decisions_new: pd.DataFrame  # decisions of the meeting frozen at this as-of


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


def _usual_date(reader: Reader, stages: pd.DataFrame, stage_code: str | None) -> date | None:
    """The default as-of date of the province the brief is about (the screens' rule)."""
    named = stages[stages["stage_code"] == stage_code] if stage_code else stages.iloc[0:0]
    province = str((named if not named.empty else stages).iloc[0]["province_code"])
    communes = reader.read(fetch_communes, province_code=province)
    return usual_report_date(
        reader, stages=stages, communes_total=len(communes), province_code=province
    )


def _agency(reader: Reader, agency_code: str | None) -> pd.Series | None:
    if agency_code is None:
        return None
    agencies = reader.read(fetch_agencies)
    match = agencies[agencies["code"].str.upper() == agency_code.strip().upper()]
    if match.empty:
        known = ", ".join(agencies["code"])
        raise BriefInputError("brief.error.unknown_agency", value=agency_code, known=known)
    return match.iloc[0]


def resolve_request(
    reader: Reader,
    *,
    lang: str = "vi",
    as_of: date | None = None,
    since: date | None = None,
    stage_code: str | None = None,
    agency_code: str | None = None,
    commune_codes: Sequence[str] | None = None,
) -> BriefRequest:
    """Check the options against the database, fill in defaults and build the brief's Scope;
    BriefInputError when an option is wrong."""
    stages = reader.read(fetch_stages)
    if stages.empty:
        raise BriefInputError("brief.error.no_stage")
    latest = _usual_date(reader, stages, stage_code)
    stage = _stage_for(stages, stage_code, as_of, latest)
    as_of = as_of or default_as_of(stage, latest)
    since = since or comparison_date(reader, province_code=str(stage["province_code"]), as_of=as_of)
    if since >= as_of:
        raise BriefInputError("brief.error.since_not_before", since=since, as_of=as_of)
    agency = _agency(reader, agency_code)
    province_code = str(stage["province_code"])
    all_communes = reader.read(fetch_communes, province_code=province_code)
    wanted = list(dict.fromkeys(code.strip() for code in commune_codes or ()))
    for code in wanted:
        if code not in set(all_communes["code"]):
            raise BriefInputError("brief.error.unknown_commune", value=code, province=province_code)
    provinces = reader.read(fetch_provinces)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    settings = load_settings()
    scope = Scope(
        stage=Stage.from_row(stage),
        as_of=as_of,
        commune_codes=tuple(wanted),
        agency_codes=None if agency is None else (str(agency["code"]),),
        stale_grace_days=settings.stale_grace_days,
        at_risk_margin=settings.at_risk_margin,
    )
    chosen = all_communes.set_index("code").loc[wanted].reset_index() if wanted else None
    return BriefRequest(
        lang=lang,
        scope=scope,
        since=since,
        agency=agency,
        communes=chosen if chosen is not None else all_communes.iloc[0:0],
        province_name=names.get(province_code, province_code),
        demo=reader.read(fetch_is_demo),
    )


def gather_content(reader: Reader, request: BriefRequest) -> BriefContent:
    """Read every figure of the brief through figures/."""
    scope, since = request.scope, request.since
    ranking = committee.ranking(reader, scope, since)
    shapes = commune_shapes(reader, scope)
    if not scope.is_province:
        shapes = shapes[shapes["code"].isin(scope.commune_codes)]
    return BriefContent(
        request=request,
        tiles=committee.tiles(reader, scope, since),
        ranking=ranking,
        weakest=committee.weakest(ranking),
        fallen=committee.fallen_behind(reader, scope, since),
        target_groups=committee.group_totals(reader, scope),
        shapes=shapes.reset_index(drop=True),
        decisions_due=decisions.decisions_due(reader, scope),
        decisions_new=decisions.decisions_new(reader, scope),
    )
