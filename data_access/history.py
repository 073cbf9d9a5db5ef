"""Time series and target-group aggregates, computed in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame
from data_access.scopes import (
    commune_scope,
    latest_reports,
    population_as_of,
    stage_indicator_ids,
)


def fetch_indicator_history(
    bind: Bind,
    *,
    stage_id: int,
    as_of: date,
    commune_codes: Sequence[str] | None = None,
    indicator_codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The group value of each indicator on every date a report arrived, up to `as_of`.

    On each date the value is Σ of every commune's latest report on or before it. Computed
    exactly from per-commune increments (LAG over each commune's reports), so the work grows
    with the number of reports, not reports × dates.

    Columns: indicator_code, report_date, numerator, denominator, communes_reported.
    """
    r, ind = s.reports, s.indicators
    scope_ids = commune_scope(stage_id, commune_codes).with_only_columns(s.localities.c.id)
    window = {"partition_by": (r.c.indicator_id, r.c.locality_id), "order_by": r.c.as_of}
    steps = sa.select(
        r.c.indicator_id,
        r.c.as_of,
        (r.c.numerator - sa.func.coalesce(sa.func.lag(r.c.numerator).over(**window), 0)).label(
            "d_numerator"
        ),
        (
            sa.func.coalesce(r.c.denominator, 0)
            - sa.func.coalesce(sa.func.lag(r.c.denominator).over(**window), 0)
        ).label("d_denominator"),
        sa.case((sa.func.lag(r.c.as_of).over(**window).is_(None), 1), else_=0).label("d_new"),
    ).where(
        r.c.as_of <= as_of,
        r.c.locality_id.in_(scope_ids),
        r.c.indicator_id.in_(stage_indicator_ids(stage_id)),
    )
    if indicator_codes is not None:
        wanted = sa.select(ind.c.id).where(ind.c.code.in_(list(indicator_codes)))
        steps = steps.where(r.c.indicator_id.in_(wanted))
    steps = steps.subquery("steps")
    daily = (
        sa.select(
            steps.c.indicator_id,
            steps.c.as_of,
            sa.func.sum(steps.c.d_numerator).label("d_numerator"),
            sa.func.sum(steps.c.d_denominator).label("d_denominator"),
            sa.func.sum(steps.c.d_new).label("d_new"),
        )
        .group_by(steps.c.indicator_id, steps.c.as_of)
        .subquery("daily")
    )
    running = {"partition_by": daily.c.indicator_id, "order_by": daily.c.as_of}
    stmt = (
        sa.select(
            ind.c.code.label("indicator_code"),
            daily.c.as_of.label("report_date"),
            sa.func.sum(daily.c.d_numerator).over(**running).label("numerator"),
            sa.func.sum(daily.c.d_denominator).over(**running).label("denominator"),
            sa.func.sum(daily.c.d_new).over(**running).label("communes_reported"),
            ind.c.unit,
        )
        .join(ind, ind.c.id == daily.c.indicator_id)
        .order_by(ind.c.sort_order, ind.c.code, daily.c.as_of)
    )
    frame = read_frame(
        bind, stmt, date_columns=("report_date",), float_columns=("numerator", "denominator")
    )
    # Count indicators have no denominator: the running sum of zeros means "none".
    frame.loc[frame["unit"] == "count", "denominator"] = float("nan")
    frame["communes_reported"] = frame["communes_reported"].astype(int)
    return frame.drop(columns="unit")


def fetch_target_group_totals(
    bind: Bind, *, stage_id: int, as_of: date, commune_codes: Sequence[str] | None = None
) -> pd.DataFrame:
    """People reached and population of each target group over the communes in scope.

    Reached = Σ of the latest reports of the stage indicator tied to the group; population = Σ of
    each commune's registered population on or before `as_of` (its earliest when none is older).

    Columns: target_group_code, name_vi, name_en, goal_pct, indicator_code, reached, population,
    communes_reported.
    """
    grp, ind = s.target_groups, s.indicators
    commune_populations = population_as_of(stage_id, as_of, commune_codes)
    populations = (
        sa.select(
            commune_populations.c.target_group_id,
            sa.func.sum(commune_populations.c.population).label("population"),
        )
        .group_by(commune_populations.c.target_group_id)
        .subquery("group_populations")
    )
    latest = latest_reports(stage_id, as_of, commune_codes)
    reached = (
        sa.select(
            latest.c.indicator_id,
            sa.func.sum(latest.c.numerator).label("reached"),
            sa.func.count().label("communes_reported"),
        )
        .group_by(latest.c.indicator_id)
        .subquery("reached")
    )
    stage_indicators = (
        sa.select(ind.c.id, ind.c.code, ind.c.target_group_id, ind.c.sort_order)
        .where(ind.c.id.in_(stage_indicator_ids(stage_id)))
        .subquery("stage_indicators")
    )
    stmt = (
        sa.select(
            grp.c.code.label("target_group_code"),
            grp.c.name_vi,
            grp.c.name_en,
            grp.c.goal_pct,
            stage_indicators.c.code.label("indicator_code"),
            sa.func.coalesce(reached.c.reached, 0).label("reached"),
            populations.c.population,
            sa.func.coalesce(reached.c.communes_reported, 0).label("communes_reported"),
        )
        .select_from(grp)
        .outerjoin(stage_indicators, stage_indicators.c.target_group_id == grp.c.id)
        .outerjoin(reached, reached.c.indicator_id == stage_indicators.c.id)
        .outerjoin(populations, populations.c.target_group_id == grp.c.id)
        .order_by(grp.c.sort_order, grp.c.code, stage_indicators.c.sort_order)
    )
    frame = read_frame(bind, stmt, float_columns=("goal_pct", "reached", "population"))
    frame = frame.drop_duplicates("target_group_code", keep="first").reset_index(drop=True)
    frame["communes_reported"] = frame["communes_reported"].astype(int)
    return frame
