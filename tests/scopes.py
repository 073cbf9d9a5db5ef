"""Scopes and readers for tests that read figures straight from a database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access.catalog import fetch_stages
from figures.scope import Scope, Stage


def make_scope(
    engine: sa.Engine,
    stage_code: str,
    as_of: date,
    communes: Sequence[str] = (),
    agencies: Sequence[str] | None = None,
) -> Scope:
    """The Scope the shared filters would build for this stage, date, communes and agencies."""
    stages = fetch_stages(engine)
    row = stages[stages["stage_code"] == stage_code].iloc[0]
    return Scope(
        stage=Stage.from_row(row),
        as_of=as_of,
        commune_codes=tuple(communes),
        agency_codes=None if agencies is None else tuple(agencies),
    )
