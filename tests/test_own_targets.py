"""A commune's own target (targets.csv with a locality code) wins over the derived one, on
SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from data_access.seed import seed_database
from figures.boards import commune_board
from figures.reader import PlainReader
from tests.scopes import make_scope


def test_own_target_rows_are_used_for_their_commune_only(empty_engine, demo_data):
    extra = pd.DataFrame(
        [
            {"indicator_code": "CT07", "stage_code": "GD1-2025", "locality_code": "40002"},
            {"indicator_code": "CT01", "stage_code": "GD2-2026", "locality_code": "40003"},
        ]
    ).assign(baseline="10", target="500")
    data = dataclasses.replace(demo_data, targets=pd.concat([demo_data.targets, extra]))
    seed_database(empty_engine, data)
    with PlainReader(empty_engine) as reader:
        board = commune_board(reader, make_scope(empty_engine, "GD1-2025", date(2025, 9, 1)))
    rows = board.set_index(["commune_code", "indicator_code"])
    own = rows.loc[("40002", "CT07")]
    assert (own["baseline"], own["target"], own["target_source"]) == (10.0, 500.0, "commune")
    assert rows.loc[("40001", "CT07"), "target_source"] == "province_share"
    assert rows.loc[("40002", "CT01"), "target_source"] == "province"
    # The other stage's own row does not leak into this one.
    assert rows.loc[("40002", "CT01"), "target"] == pytest.approx(
        float(
            demo_data.targets.query(
                "indicator_code == 'CT01' and stage_code == 'GD1-2025' and locality_code == ''"
            )["target"].iloc[0]
        )
    )
