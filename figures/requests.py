"""Check the filters a request asks for (URL parameters, command-line options): pure, so it is
tested without Streamlit; wrong values become problems, never exceptions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd

from data_access.accounts.roles import Limits

COMMUNE_CODE = re.compile(r"^\d{5}$")


@dataclass
class UrlChoice:
    """What the URL asks for, after checking it; `problems` are (catalogue key, values)."""

    province_code: str
    stage_id: int
    as_of: date | None
    commune_codes: list[str]
    lang: str
    problems: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def default_stage_id(stages: pd.DataFrame, latest_report: date | None) -> int:
    """The stage whose window holds the newest report, else the latest-starting stage."""
    if latest_report is not None:
        holding = stages[
            (stages["start_date"] <= latest_report) & (latest_report <= stages["deadline"])
        ]
        if not holding.empty:
            return int(holding.iloc[-1]["stage_id"])
    return int(stages.sort_values("start_date").iloc[-1]["stage_id"])


def adequate_report_date(
    reporting: pd.DataFrame, *, communes_total: int, period_days: int, min_share: float
) -> date | None:
    """The newest report date by which at least `min_share` of the communes reported within
    one reporting period (the `period_days` ending that day); the newest date when no period
    reached it, None without reports. `reporting`: commune_code, report_date.

    Two communes reporting early must not move every visitor to a view where each tile says
    "2/102 reported".
    """
    if reporting.empty:
        return None
    dates = sorted(set(reporting["report_date"]), reverse=True)
    needed = min_share * communes_total
    for day in dates:
        window = reporting[
            (reporting["report_date"] <= day)
            & (reporting["report_date"] > day - timedelta(days=period_days))
        ]
        if window["commune_code"].nunique() >= needed:
            return day
    return dates[0]


def default_as_of(stage: pd.Series, latest_report: date | None) -> date:
    """Newest report date, clamped into the stage window (a past stage shows its deadline)."""
    if latest_report is None:
        return stage["start_date"]
    return min(max(latest_report, stage["start_date"]), stage["deadline"])


def parse_url_date(text: str) -> date | None:
    """YYYY-MM-DD, else None."""
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None


def read_url_choice(
    params: dict[str, list[str]],
    *,
    stages: pd.DataFrame,
    known_communes: dict[str, set[str]],
    latest_report: date | None,
) -> UrlChoice:
    """Check the URL's province, stage, as_of, commune and lang values; wrong ones become problems.

    `params` maps each query key to all its values; `known_communes` maps province codes to
    their commune codes.
    """
    problems: list[tuple[str, dict[str, str]]] = []
    provinces = sorted(stages["province_code"].unique())
    province = (params.get("province") or [""])[-1]
    if province and province not in provinces:
        problems.append(("url.unknown_province", {"value": province, "default": provinces[0]}))
        province = ""
    stage_text = (params.get("stage") or [""])[-1]
    stage_id = None
    if stage_text:
        by_code = stages[stages["stage_code"] == stage_text]
        by_id = stages[stages["stage_id"].astype(str) == stage_text]
        match = by_code if not by_code.empty else by_id
        if match.empty or (province and match.iloc[0]["province_code"] != province):
            fallback = stages.loc[stages["stage_id"] == default_stage_id(stages, latest_report)]
            problems.append(
                (
                    "url.unknown_stage",
                    {"value": stage_text, "default": fallback.iloc[0]["stage_code"]},
                )
            )
        else:
            stage_id = int(match.iloc[0]["stage_id"])
            province = match.iloc[0]["province_code"]
    if stage_id is None:
        candidates = stages[stages["province_code"] == province] if province else stages
        stage_id = default_stage_id(candidates, latest_report)
    stage = stages.loc[stages["stage_id"] == stage_id].iloc[0]
    province = stage["province_code"]
    as_of = None
    as_of_text = (params.get("as_of") or [""])[-1]
    if as_of_text:
        as_of = parse_url_date(as_of_text)
        if as_of is None:
            default = default_as_of(stage, latest_report).isoformat()
            problems.append(("url.bad_date", {"value": as_of_text, "default": default}))
    communes: list[str] = []
    for code in params.get("commune", []):
        code = code.strip()
        if not COMMUNE_CODE.match(code):
            problems.append(("url.bad_commune", {"value": code}))
        elif code not in known_communes.get(province, set()):
            problems.append(("url.unknown_commune", {"value": code}))
        elif code not in communes:
            communes.append(code)
    lang = "en" if (params.get("lang") or [""])[-1] == "en" else "vi"
    return UrlChoice(province, stage_id, as_of, communes, lang, problems)


VILLAGE_CODE = re.compile(r"^\d{8}$")


@dataclass
class VillageChoice:
    """The village the URL asks for (None: none or a wrong one) and the communes it implies."""

    village_code: str | None
    commune_codes: list[str]
    problems: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def read_url_village(
    params: dict[str, list[str]], *, commune_codes: list[str], village_parents: dict[str, str]
) -> VillageChoice:
    """Check the URL's `village` against the chosen communes.

    `village_parents` maps known village codes to their commune codes. A village alone picks its
    commune; a village outside the one chosen commune is reported and ignored.
    """
    text = (params.get("village") or [""])[-1].strip()
    if not text:
        return VillageChoice(None, commune_codes)
    if not VILLAGE_CODE.match(text):
        return VillageChoice(None, commune_codes, [("url.bad_village", {"value": text})])
    parent = village_parents.get(text)
    if parent is None:
        return VillageChoice(None, commune_codes, [("url.unknown_village", {"value": text})])
    if not commune_codes:
        return VillageChoice(text, [parent])
    if commune_codes != [parent]:
        problem = ("url.village_elsewhere", {"value": text, "commune": parent})
        return VillageChoice(None, commune_codes, [problem])
    return VillageChoice(text, commune_codes)


def read_url_agency(
    params: dict[str, list[str]], *, known_agencies: set[str]
) -> tuple[str | None, list[tuple[str, dict[str, str]]]]:
    """The responsible agency asked for by `agency=<code>` (case-insensitive), and any problem."""
    text = (params.get("agency") or [""])[-1].strip()
    if not text:
        return None, []
    by_upper = {code.upper(): code for code in known_agencies}
    if text.upper() in by_upper:
        return by_upper[text.upper()], []
    return None, [("url.unknown_agency", {"value": text})]


def drop_outside(
    params: dict[str, list[str]], limits: Limits
) -> tuple[dict[str, list[str]], list[tuple[str, dict[str, str]]]]:
    """The URL's parameters without the province, communes, village and agency the viewer may
    not see, and an "access.outside" problem for each dropped value: a URL can narrow a view,
    never widen it."""
    kept = {key: list(values) for key, values in params.items()}
    problems: list[tuple[str, dict[str, str]]] = []

    def outside(value: str) -> None:
        problems.append(("access.outside", {"value": value}))

    for value in kept.get("province", []):
        if limits.province_codes is not None and value.strip() not in limits.province_codes:
            outside(value)
            kept["province"] = []
    if limits.commune_codes is not None:
        communes = [c for c in kept.get("commune", []) if c.strip() in limits.commune_codes]
        for value in kept.get("commune", []):
            if value not in communes:
                outside(value)
        kept["commune"] = communes
        village = (kept.get("village") or [""])[-1].strip()
        if village and village[:5] not in limits.commune_codes:
            outside(village)
            kept["village"] = []
    visible = limits.visible_agency_codes
    agency = (kept.get("agency") or [""])[-1].strip()
    if agency and visible is not None and agency.upper() not in {a.upper() for a in visible}:
        outside(agency)
        kept["agency"] = []
    return {key: values for key, values in kept.items() if values}, problems
