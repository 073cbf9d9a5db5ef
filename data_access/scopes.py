"""Reusable SQL pieces: which communes are in scope, and their latest reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access import schema as s


def commune_scope(stage_id: int, commune_codes: Sequence[str] | None) -> sa.Select:
    """Ids of the commune-level units of the stage's province, optionally filtered by code."""
    loc = s.localities
    province_id = (
        sa.select(s.campaigns.c.province_id)
        .join(s.stages, s.stages.c.campaign_id == s.campaigns.c.id)
        .where(s.stages.c.id == stage_id)
        .scalar_subquery()
    )
    stmt = sa.select(loc.c.id, loc.c.code).where(
        loc.c.level == s.LEVEL_COMMUNE, loc.c.parent_id == province_id
    )
    if commune_codes is not None:
        stmt = stmt.where(loc.c.code.in_(list(commune_codes)))
    return stmt


def stage_indicator_ids(stage_id: int) -> sa.Select:
    tgt = s.targets
    return sa.select(tgt.c.indicator_id).where(
        tgt.c.stage_id == stage_id, tgt.c.locality_id.is_(None)
    )


def latest_report_dates(stage_id: int, as_of: date, locality_ids: sa.Select) -> sa.Subquery:
    """Each (locality, stage indicator) pair's latest report date on or before `as_of`.

    `locality_ids` selects the localities in scope (communes by default, villages for the
    drill-down). Columns: locality_id, indicator_id, report_date.
    """
    r = s.reports
    return (
        sa.select(r.c.locality_id, r.c.indicator_id, sa.func.max(r.c.as_of).label("report_date"))
        .where(
            r.c.as_of <= as_of,
            r.c.locality_id.in_(locality_ids),
            r.c.indicator_id.in_(stage_indicator_ids(stage_id)),
        )
        .group_by(r.c.locality_id, r.c.indicator_id)
        .subquery("latest_dates")
    )


def latest_reports(
    stage_id: int,
    as_of: date,
    commune_codes: Sequence[str] | None,
    *,
    locality_ids: sa.Select | None = None,
) -> sa.Subquery:
    """Each (commune, indicator) pair's latest report on or before `as_of`.

    `locality_ids` replaces the commune scope (e.g. the villages of some communes). Columns:
    locality_id, indicator_id, report_date, numerator, denominator, note, batch_id.
    """
    r = s.reports
    if locality_ids is None:
        locality_ids = commune_scope(stage_id, commune_codes).with_only_columns(s.localities.c.id)
    latest = latest_report_dates(stage_id, as_of, locality_ids)
    return (
        sa.select(
            latest.c.locality_id,
            latest.c.indicator_id,
            latest.c.report_date,
            r.c.numerator,
            r.c.denominator,
            r.c.note,
            r.c.batch_id,
        )
        .join(
            r,
            sa.and_(
                r.c.locality_id == latest.c.locality_id,
                r.c.indicator_id == latest.c.indicator_id,
                r.c.as_of == latest.c.report_date,
            ),
        )
        .subquery("latest_reports")
    )


def population_as_of(
    stage_id: int, as_of: date, commune_codes: Sequence[str] | None = None
) -> sa.Subquery:
    """Each commune's registered population per target group on `as_of`.

    The latest dated figure on or before `as_of`; the earliest when none is older (a population
    register is usually dated after the campaign began). Columns: locality_id, target_group_id,
    population.
    """
    pop = s.populations
    scope_ids = commune_scope(stage_id, commune_codes).with_only_columns(s.localities.c.id)
    pop_dates = (
        sa.select(
            pop.c.locality_id,
            pop.c.target_group_id,
            sa.func.coalesce(
                sa.func.max(sa.case((pop.c.as_of <= as_of, pop.c.as_of))), sa.func.min(pop.c.as_of)
            ).label("pop_date"),
        )
        .where(pop.c.locality_id.in_(scope_ids))
        .group_by(pop.c.locality_id, pop.c.target_group_id)
        .subquery("pop_dates")
    )
    return (
        sa.select(pop.c.locality_id, pop.c.target_group_id, pop.c.population)
        .join(
            pop_dates,
            sa.and_(
                pop_dates.c.locality_id == pop.c.locality_id,
                pop_dates.c.target_group_id == pop.c.target_group_id,
                pop_dates.c.pop_date == pop.c.as_of,
            ),
        )
        .subquery("population_as_of")
    )
