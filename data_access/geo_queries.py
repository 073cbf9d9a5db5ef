"""Read stored boundaries for the map: a province's communes, a commune's villages."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.frames import Bind, read_frame


def fetch_child_boundaries(bind: Bind, *, parent_code: str) -> pd.DataFrame:
    """Children of a locality (a province's communes, a commune's villages) with their shapes.

    Columns: code, name, kind, boundary (GeoJSON geometry text, None where no shape is stored).
    """
    loc, parent = s.localities, s.localities.alias("parent")
    stmt = (
        sa.select(loc.c.code, loc.c.name, loc.c.kind, loc.c.boundary)
        .join(parent, parent.c.id == loc.c.parent_id)
        .where(parent.c.code == parent_code)
        .order_by(loc.c.code)
    )
    return read_frame(bind, stmt)
