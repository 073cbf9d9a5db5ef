"""Which communes have targets of their own, computed in SQL."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import read_frame
from data_access.scopes import commune_scope


def fetch_own_targets(
    engine: sa.Engine, *, stage_id: int, commune_codes: Sequence[str] | None = None
) -> pd.DataFrame:
    """The (commune, indicator) pairs that have a commune-level target of their own in the stage.

    Other communes are judged against targets derived from the province's (campaign.targets).
    Columns: commune_code, indicator_code.
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
