"""Report aggregates, computed in SQL.

A report is cumulative: the value of a commune on a date is its latest report on or before that
date. A group of communes is Σnumerator / Σdenominator over those latest reports (never a mean
of percentages); count indicators sum their numerators.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame
from data_access.scopes import commune_scope, latest_reports


def fetch_commune_reports(
    bind: Bind,
    *,
    stage_id: int,
    as_of: date,
    start_date: date,
    commune_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per commune and stage indicator: its latest report on or before `as_of` and on
    or before the stage's `start_date` (NaN where none), and the targets stored for it.

    Columns: commune_code, commune_name, commune_kind, indicator_code, unit, report_date,
    numerator, denominator, own_baseline, own_target (the commune's own target row, NaN when
    none), province_baseline, province_target, start_numerator, start_denominator. Which
    target applies is campaign.targets' rule, applied in figures.
    """
    loc, ind, tgt = s.localities, s.indicators, s.targets
    scope = commune_scope(stage_id, commune_codes).subquery("scope")
    latest = latest_reports(stage_id, as_of, commune_codes)
    at_start = latest_reports(stage_id, start_date, commune_codes).alias("at_start")
    province_target = tgt.alias("province_target")
    own_target = tgt.alias("own_target")
    stmt = (
        sa.select(
            loc.c.code.label("commune_code"),
            loc.c.name.label("commune_name"),
            loc.c.kind.label("commune_kind"),
            ind.c.code.label("indicator_code"),
            ind.c.unit,
            latest.c.report_date,
            latest.c.numerator,
            latest.c.denominator,
            own_target.c.baseline.label("own_baseline"),
            own_target.c.target.label("own_target"),
            province_target.c.baseline.label("province_baseline"),
            province_target.c.target.label("province_target"),
            at_start.c.numerator.label("start_numerator"),
            at_start.c.denominator.label("start_denominator"),
        )
        .select_from(scope)
        .join(loc, loc.c.id == scope.c.id)
        .join(
            province_target,
            sa.and_(
                province_target.c.stage_id == stage_id, province_target.c.locality_id.is_(None)
            ),
        )
        .join(ind, ind.c.id == province_target.c.indicator_id)
        .outerjoin(
            own_target,
            sa.and_(
                own_target.c.stage_id == stage_id,
                own_target.c.indicator_id == ind.c.id,
                own_target.c.locality_id == loc.c.id,
            ),
        )
        .outerjoin(
            latest,
            sa.and_(latest.c.locality_id == loc.c.id, latest.c.indicator_id == ind.c.id),
        )
        .outerjoin(
            at_start,
            sa.and_(at_start.c.locality_id == loc.c.id, at_start.c.indicator_id == ind.c.id),
        )
        .order_by(loc.c.code, ind.c.sort_order, ind.c.code)
    )
    return read_frame(
        bind,
        stmt,
        date_columns=("report_date",),
        float_columns=(
            "numerator",
            "denominator",
            "own_baseline",
            "own_target",
            "province_baseline",
            "province_target",
            "start_numerator",
            "start_denominator",
        ),
    )


def fetch_indicator_totals(
    bind: Bind,
    *,
    stage_id: int,
    as_of: date,
    period_days: int,
    commune_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Each stage indicator summed over the communes in scope, as of `as_of`.

    Columns: indicator_code, numerator, denominator (Σ over latest reports; NaN when no commune
    reported), communes_reported (have any report), communes_current (reported within the last
    `period_days`), communes_total (communes in scope), last_report (newest report date).
    """
    ind = s.indicators
    latest = latest_reports(stage_id, as_of, commune_codes)
    period_start = as_of - timedelta(days=period_days)
    total_communes = (
        sa.select(sa.func.count())
        .select_from(commune_scope(stage_id, commune_codes).subquery())
        .scalar_subquery()
    )
    sums = (
        sa.select(
            latest.c.indicator_id,
            sa.func.sum(latest.c.numerator).label("numerator"),
            sa.func.sum(latest.c.denominator).label("denominator"),
            sa.func.count().label("communes_reported"),
            sa.func.sum(sa.case((latest.c.report_date > period_start, 1), else_=0)).label(
                "communes_current"
            ),
            sa.func.max(latest.c.report_date).label("last_report"),
        )
        .group_by(latest.c.indicator_id)
        .subquery("sums")
    )
    stmt = (
        sa.select(
            ind.c.code.label("indicator_code"),
            sums.c.numerator,
            sums.c.denominator,
            sa.func.coalesce(sums.c.communes_reported, 0).label("communes_reported"),
            sa.func.coalesce(sums.c.communes_current, 0).label("communes_current"),
            total_communes.label("communes_total"),
            sums.c.last_report,
        )
        .select_from(ind)
        .join(s.targets, s.targets.c.indicator_id == ind.c.id)
        .outerjoin(sums, sums.c.indicator_id == ind.c.id)
        .where(s.targets.c.stage_id == stage_id, s.targets.c.locality_id.is_(None))
        .order_by(ind.c.sort_order, ind.c.code)
    )
    frame = read_frame(
        bind, stmt, date_columns=("last_report",), float_columns=("numerator", "denominator")
    )
    for column in ("communes_reported", "communes_current", "communes_total"):
        frame[column] = frame[column].astype(int)
    return frame
