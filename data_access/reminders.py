"""The communes' focal points for reporting, from the register (optional columns)."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame
from data_access.scopes import commune_scope


def fetch_focal_points(bind: Bind, *, stage_id: int) -> pd.DataFrame:
    """One row per commune of the stage's province, by code. Columns: commune_code,
    focal_name, focal_phone, focal_email ("" where the register has none)."""
    loc = s.localities
    scope = commune_scope(stage_id, None).with_only_columns(loc.c.id)
    frame = read_frame(
        bind,
        sa.select(
            loc.c.code.label("commune_code"), loc.c.focal_name, loc.c.focal_phone, loc.c.focal_email
        )
        .where(loc.c.id.in_(scope))
        .order_by(loc.c.code),
    )
    for column in ("focal_name", "focal_phone", "focal_email"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame
