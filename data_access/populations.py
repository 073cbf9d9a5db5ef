"""Registered populations of the communes, per target group."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame
from data_access.scopes import population_as_of


def fetch_commune_populations(bind: Bind, *, stage_id: int, as_of: date) -> pd.DataFrame:
    """Every commune of the stage's province: its population per target group on `as_of`.

    Columns: commune_code, target_group_code, population.
    """
    pops = population_as_of(stage_id, as_of)
    stmt = (
        sa.select(
            s.localities.c.code.label("commune_code"),
            s.target_groups.c.code.label("target_group_code"),
            pops.c.population,
        )
        .join(s.localities, s.localities.c.id == pops.c.locality_id)
        .join(s.target_groups, s.target_groups.c.id == pops.c.target_group_id)
        .order_by(s.localities.c.code, s.target_groups.c.code)
    )
    return read_frame(bind, stmt, float_columns=("population",))
