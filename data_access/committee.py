"""Per-commune facts the committee's screens need beyond the report aggregates, computed in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import read_frame
from data_access.scopes import commune_scope


def fetch_commune_populations(
    engine: sa.Engine, *, stage_id: int, as_of: date, commune_codes: Sequence[str] | None = None
) -> pd.DataFrame:
    """Each commune's registered population per target group on `as_of`.

    The population is the commune's latest one dated on or before `as_of`, else its earliest (the
    rule of fetch_target_group_totals, commune by commune).

    Columns: commune_code, target_group_code, population.
    """
    loc, grp, pop = s.localities, s.target_groups, s.populations
    scope = commune_scope(stage_id, commune_codes).subquery("scope")
    pop_dates = (
        sa.select(
            pop.c.locality_id,
            pop.c.target_group_id,
            sa.func.coalesce(
                sa.func.max(sa.case((pop.c.as_of <= as_of, pop.c.as_of))), sa.func.min(pop.c.as_of)
            ).label("pop_date"),
        )
        .where(pop.c.locality_id.in_(sa.select(scope.c.id)))
        .group_by(pop.c.locality_id, pop.c.target_group_id)
        .subquery("pop_dates")
    )
    stmt = (
        sa.select(
            loc.c.code.label("commune_code"),
            grp.c.code.label("target_group_code"),
            pop.c.population,
        )
        .join(
            pop_dates,
            sa.and_(
                pop_dates.c.locality_id == pop.c.locality_id,
                pop_dates.c.target_group_id == pop.c.target_group_id,
                pop_dates.c.pop_date == pop.c.as_of,
            ),
        )
        .join(loc, loc.c.id == pop.c.locality_id)
        .join(grp, grp.c.id == pop.c.target_group_id)
        .order_by(loc.c.code, grp.c.sort_order, grp.c.code)
    )
    return read_frame(engine, stmt, float_columns=("population",))


def fetch_own_targets(
    engine: sa.Engine, *, stage_id: int, commune_codes: Sequence[str] | None = None
) -> pd.DataFrame:
    """The (commune, indicator) pairs that have a commune-level target of their own in the stage.

    A count indicator's province target says nothing about one commune; only these pairs let a
    commune be judged on such an indicator. Columns: commune_code, indicator_code.
    """
    loc, ind, tgt = s.localities, s.indicators, s.targets
    scope = commune_scope(stage_id, commune_codes).subquery("scope")
    stmt = (
        sa.select(loc.c.code.label("commune_code"), ind.c.code.label("indicator_code"))
        .select_from(tgt)
        .join(scope, scope.c.id == tgt.c.locality_id)
        .join(loc, loc.c.id == tgt.c.locality_id)
        .join(ind, ind.c.id == tgt.c.indicator_id)
        .where(tgt.c.stage_id == stage_id)
        .order_by(loc.c.code, ind.c.code)
    )
    return read_frame(engine, stmt)
