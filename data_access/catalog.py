"""Read the campaign's catalogue: provinces, stages, communes, villages, indicators.

Every function returns a DataFrame whose columns are listed in its docstring.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, connected, read_frame, to_date_column


def fetch_provinces(bind: Bind) -> pd.DataFrame:
    """Columns: province_id, code, name."""
    loc = s.localities
    stmt = (
        sa.select(loc.c.id.label("province_id"), loc.c.code, loc.c.name)
        .where(loc.c.level == s.LEVEL_PROVINCE)
        .order_by(loc.c.code)
    )
    return read_frame(bind, stmt)


def fetch_stages(bind: Bind) -> pd.DataFrame:
    """Columns: stage_id, stage_code, stage_name_vi, stage_name_en, start_date, deadline,
    period_days, campaign_code, campaign_name_vi, campaign_name_en, province_code."""
    st, cp, loc = s.stages, s.campaigns, s.localities
    stmt = (
        sa.select(
            st.c.id.label("stage_id"),
            st.c.code.label("stage_code"),
            st.c.name_vi.label("stage_name_vi"),
            st.c.name_en.label("stage_name_en"),
            st.c.start_date,
            st.c.deadline,
            st.c.period_days,
            cp.c.code.label("campaign_code"),
            cp.c.name_vi.label("campaign_name_vi"),
            cp.c.name_en.label("campaign_name_en"),
            loc.c.code.label("province_code"),
        )
        .join(cp, cp.c.id == st.c.campaign_id)
        .join(loc, loc.c.id == cp.c.province_id)
        .order_by(loc.c.code, st.c.start_date)
    )
    return read_frame(bind, stmt, date_columns=("start_date", "deadline"))


def fetch_communes(bind: Bind, *, province_code: str) -> pd.DataFrame:
    """Commune-level units of a province. Columns: commune_id, code, name, name_folded, kind."""
    loc, parent = s.localities, s.localities.alias("parent")
    stmt = (
        sa.select(
            loc.c.id.label("commune_id"), loc.c.code, loc.c.name, loc.c.name_folded, loc.c.kind
        )
        .join(parent, parent.c.id == loc.c.parent_id)
        .where(loc.c.level == s.LEVEL_COMMUNE, parent.c.code == province_code)
        .order_by(loc.c.code)
    )
    return read_frame(bind, stmt)


def fetch_villages(bind: Bind, *, commune_codes: Sequence[str]) -> pd.DataFrame:
    """Villages of the given communes. Columns: code, name, kind, commune_code."""
    loc, parent = s.localities, s.localities.alias("parent")
    stmt = (
        sa.select(loc.c.code, loc.c.name, loc.c.kind, parent.c.code.label("commune_code"))
        .join(parent, parent.c.id == loc.c.parent_id)
        .where(loc.c.level == s.LEVEL_VILLAGE, parent.c.code.in_(list(commune_codes)))
        .order_by(loc.c.code)
    )
    return read_frame(bind, stmt)


def fetch_stage_indicators(
    bind: Bind, *, stage_id: int, agency_codes: Iterable[str] | None = None
) -> pd.DataFrame:
    """Indicators with a province-wide target in the stage, in display order.

    Columns: indicator_id, code, name_vi, name_en, unit, direction, agency_code, agency_name_vi,
    agency_name_en, task_group_code, task_group_name_vi, task_group_name_en, target_group_code,
    numerator_vi, numerator_en, denominator_vi, denominator_en, sort_order, baseline, target.
    """
    ind, ag, tg, grp, tgt = s.indicators, s.agencies, s.task_groups, s.target_groups, s.targets
    stmt = (
        sa.select(
            ind.c.id.label("indicator_id"),
            ind.c.code,
            ind.c.name_vi,
            ind.c.name_en,
            ind.c.unit,
            ind.c.direction,
            ag.c.code.label("agency_code"),
            ag.c.name_vi.label("agency_name_vi"),
            ag.c.name_en.label("agency_name_en"),
            tg.c.code.label("task_group_code"),
            tg.c.name_vi.label("task_group_name_vi"),
            tg.c.name_en.label("task_group_name_en"),
            grp.c.code.label("target_group_code"),
            ind.c.numerator_vi,
            ind.c.numerator_en,
            ind.c.denominator_vi,
            ind.c.denominator_en,
            ind.c.sort_order,
            tgt.c.baseline,
            tgt.c.target,
        )
        .join(tgt, tgt.c.indicator_id == ind.c.id)
        .join(ag, ag.c.id == ind.c.agency_id)
        .join(tg, tg.c.id == ind.c.task_group_id)
        .outerjoin(grp, grp.c.id == ind.c.target_group_id)
        .where(tgt.c.stage_id == stage_id, tgt.c.locality_id.is_(None))
        .order_by(ind.c.sort_order, ind.c.code)
    )
    if agency_codes is not None:
        stmt = stmt.where(ag.c.code.in_(list(agency_codes)))
    return read_frame(bind, stmt)


def fetch_agencies(bind: Bind) -> pd.DataFrame:
    """Columns: code, name_vi, name_en."""
    ag = s.agencies
    return read_frame(bind, sa.select(ag.c.code, ag.c.name_vi, ag.c.name_en).order_by(ag.c.code))


def fetch_target_groups(bind: Bind) -> pd.DataFrame:
    """Columns: code, name_vi, name_en, goal_pct, sort_order."""
    grp = s.target_groups
    stmt = sa.select(grp.c.code, grp.c.name_vi, grp.c.name_en, grp.c.goal_pct, grp.c.sort_order)
    return read_frame(bind, stmt.order_by(grp.c.sort_order, grp.c.code))


def fetch_summary(bind: Bind) -> dict[str, object]:
    """Counts of what the database holds, for `python -m data_access summary`."""
    loc = s.localities

    def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> sa.ScalarSelect[int]:
        return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

    stmt = sa.select(
        count(loc, loc.c.level == s.LEVEL_PROVINCE).label("provinces"),
        count(loc, loc.c.level == s.LEVEL_COMMUNE).label("communes"),
        count(loc, loc.c.level == s.LEVEL_VILLAGE).label("villages"),
        count(s.indicators).label("indicators"),
        count(s.target_groups).label("target_groups"),
        count(s.stages).label("stages"),
        count(s.reports).label("reports"),
        sa.select(sa.func.max(s.reports.c.as_of)).scalar_subquery().label("latest_as_of"),
    )
    with connected(bind) as connection:
        row = connection.execute(stmt).mappings().one()
    summary = dict(row)
    latest = summary["latest_as_of"]
    summary["latest_as_of"] = str(latest) if latest is not None else None
    return summary


def fetch_all_communes(bind: Bind) -> pd.DataFrame:
    """Every commune-level unit. Columns: code, name, kind, province_code."""
    loc, parent = s.localities, s.localities.alias("parent")
    stmt = (
        sa.select(loc.c.code, loc.c.name, loc.c.kind, parent.c.code.label("province_code"))
        .join(parent, parent.c.id == loc.c.parent_id)
        .where(loc.c.level == s.LEVEL_COMMUNE)
        .order_by(loc.c.code)
    )
    return read_frame(bind, stmt)


def fetch_latest_report_date(bind: Bind) -> date | None:
    """The newest report date in the database, or None."""
    with connected(bind) as connection:
        value = connection.execute(sa.select(sa.func.max(s.reports.c.as_of))).scalar_one()
    return to_date_column(pd.Series([value])).iloc[0]


# How far back the default-date rule looks for a period most communes reported in.
REPORTING_LOOKBACK_DAYS = 180


def fetch_recent_reporting(bind: Bind, *, province_code: str) -> pd.DataFrame:
    """Which communes of a province reported on which dates, over the last
    REPORTING_LOOKBACK_DAYS before its newest report: commune_code, report_date."""
    loc, parent, r = s.localities, s.localities.alias("parent"), s.reports
    communes = (
        sa.select(loc.c.id)
        .join(parent, parent.c.id == loc.c.parent_id)
        .where(loc.c.level == s.LEVEL_COMMUNE, parent.c.code == province_code)
    )
    newest = sa.select(sa.func.max(r.c.as_of)).where(r.c.locality_id.in_(communes))
    with connected(bind) as connection:
        last = connection.execute(newest).scalar_one()
        if last is None:
            return pd.DataFrame(columns=["commune_code", "report_date"])
        last = to_date_column(pd.Series([last])).iloc[0]
        since = last - timedelta(days=REPORTING_LOOKBACK_DAYS)
        stmt = (
            sa.select(loc.c.code.label("commune_code"), r.c.as_of.label("report_date"))
            .join(loc, loc.c.id == r.c.locality_id)
            .where(r.c.locality_id.in_(communes), r.c.as_of >= since)
            .distinct()
        )
        return read_frame(connection, stmt, date_columns=("report_date",))
