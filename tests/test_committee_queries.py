"""The committee's own query on SQLite and PostgreSQL: which communes have targets of their own."""

from __future__ import annotations

import dataclasses

import pandas as pd

from data_access.catalog import fetch_stages
from data_access.committee import fetch_own_targets
from data_access.seed import seed_database


def test_own_targets_are_the_commune_rows_of_the_stage(empty_engine, demo_data):
    extra = pd.DataFrame(
        [
            {"indicator_code": "CT07", "stage_code": "GD1-2025", "locality_code": "40002"},
            {"indicator_code": "CT01", "stage_code": "GD2-2026", "locality_code": "40003"},
        ]
    ).assign(baseline="10", target="500")
    data = dataclasses.replace(demo_data, targets=pd.concat([demo_data.targets, extra]))
    seed_database(empty_engine, data)
    stages = fetch_stages(empty_engine).set_index("stage_code")["stage_id"]
    got = fetch_own_targets(empty_engine, stage_id=int(stages["GD1-2025"]))
    assert got.to_dict("records") == [{"commune_code": "40002", "indicator_code": "CT07"}]
    narrowed = fetch_own_targets(
        empty_engine, stage_id=int(stages["GD1-2025"]), commune_codes=["40001"]
    )
    assert narrowed.empty and list(narrowed.columns) == ["commune_code", "indicator_code"]
