"""The data version: bumped atomically by every write, never reset, and what screens key on."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd

from data_access.accounts.actors import Actor
from data_access.importers.writing import import_reports
from data_access.meta import fetch_data_version
from data_access.seed import seed_database
from i18n.formats import format_number
from tests.apptest import open_app
from tests.import_helpers import follow_up_rows, frame_csv

NEW_DAY, TODAY = "2026-11-18", date(2026, 11, 20)


def test_seed_force_never_resets_the_version(seeded_copy, demo_data):
    first = fetch_data_version(seeded_copy)  # the seed and the test accounts' writes
    assert first >= 2
    seed_database(seeded_copy, demo_data, force=True)
    assert fetch_data_version(seeded_copy) == first + 1


def _two_files(demo_data) -> list[pd.DataFrame]:
    rows = follow_up_rows(demo_data.reports, NEW_DAY, bump=100)
    rows = rows[rows["indicator_code"] == "CT07"]
    communes = sorted(rows["commune_code"].unique())
    halves = (set(communes[::2]), set(communes[1::2]))
    return [rows[rows["commune_code"].isin(half)] for half in halves]


def test_two_imports_at_once_both_count_and_the_page_shows_both(
    database_factory, demo_data, monkeypatch
):
    engine = database_factory.new_seeded_engine(demo_data)
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    query = {"stage": "GD2-2026", "as_of": NEW_DAY}
    before = open_app(query)  # fills the caches under the old version
    assert not before.exception
    version = fetch_data_version(engine)
    files = _two_files(demo_data)
    start = threading.Barrier(len(files))
    outcomes: list = [None] * len(files)

    def run(index: int) -> None:
        start.wait()
        outcomes[index] = import_reports(
            engine, frame_csv(files[index]), f"half-{index}.csv", actor=Actor(name="t"), today=TODAY
        )

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(files))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [o.status for o in outcomes] == ["committed", "committed"]
    assert fetch_data_version(engine) == version + 2
    after = open_app(query)
    assert not after.exception
    expected = sum(frame["numerator"].astype(float).sum() for frame in files)
    assert after.metric[6].value == format_number(expected, "vi")  # CT07, a count
