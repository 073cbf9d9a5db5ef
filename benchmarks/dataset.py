"""Build benchmark databases: the demo province, or generated provinces up to the whole country."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from data_access.engine import create_db_engine
from data_access.migrate import upgrade_to_head
from data_access.seed import SAMPLE_DATA_DIR, read_dataset_folder, seed_database
from sample_data.generate import generate_dataset, write_dataset

# Communes per province of the whole country: 3,321 commune-level units over 34 provinces.
NATION_PROVINCES = 34
NATION_COMMUNES = 3321


def communes_per_province(total: int, provinces: int) -> list[int]:
    """Split `total` communes over `provinces` as evenly as possible."""
    base, extra = divmod(total, provinces)
    return [base + (1 if i < extra else 0) for i in range(provinces)]


def build_database(url: str, *, communes: int, provinces: int) -> tuple[sa.Engine, dict]:
    """Create, migrate and fill a database; return the engine and how long each step took."""
    timings: dict[str, float] = {}
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    started = time.perf_counter()
    if communes == 102 and provinces == 1:
        data = read_dataset_folder(SAMPLE_DATA_DIR)
    else:
        dataset = generate_dataset(
            provinces=provinces, communes_per_province=communes_per_province(communes, provinces)
        )
        with tempfile.TemporaryDirectory() as folder:
            write_dataset(dataset, Path(folder))
            data = read_dataset_folder(Path(folder))
    timings["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    seed_database(engine, data, force=True)
    timings["seed_s"] = time.perf_counter() - started
    timings["reports"] = len(data.reports)
    return engine, timings
