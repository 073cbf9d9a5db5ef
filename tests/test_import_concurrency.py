"""A dashboard query running while a large import commits sees the data before or after it."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pandas as pd

from data_access.catalog import fetch_stages
from data_access.engine import create_db_engine
from data_access.importers.writing import import_reports
from data_access.progress import fetch_indicator_totals
from tests.import_helpers import follow_up_rows, frame_csv

TODAY = date(2026, 11, 22)
READ_AS_OF = date(2026, 11, 21)
# Non-Monday days before READ_AS_OF: a few tens of thousands of rows keep the import's
# transaction open long enough for many reads to overlap it.
FIRST_DAY = date(2026, 10, 13)


def _big_file(demo_reports: pd.DataFrame) -> bytes:
    frames = []
    day = FIRST_DAY
    while day <= READ_AS_OF:
        if day.weekday() != 0:
            frames.append(follow_up_rows(demo_reports, day.isoformat(), bump=1))
        day += timedelta(days=1)
    return frame_csv(pd.concat(frames, ignore_index=True))


def test_reader_never_sees_a_partial_batch(seeded_copy, demo_data):
    empty_engine = seeded_copy
    stage_id = int(fetch_stages(empty_engine).iloc[-1]["stage_id"])
    reader = create_db_engine(str(empty_engine.url.render_as_string(hide_password=False)))

    def totals() -> tuple:
        frame = fetch_indicator_totals(reader, stage_id=stage_id, as_of=READ_AS_OF, period_days=7)
        return tuple(frame["numerator"].round(6)) + tuple(frame["communes_current"])

    before = totals()
    seen: list[tuple] = []
    stop = threading.Event()

    def read_loop() -> None:
        while not stop.is_set():
            seen.append(totals())

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        outcome = import_reports(
            empty_engine,
            _big_file(demo_data.reports),
            "big.csv",
            user="t",
            today=TODAY,
            allow_decrease=True,
        )
    finally:
        stop.set()
        thread.join()
    reader.dispose()
    assert outcome.status == "committed" and outcome.added > 20_000
    frame = fetch_indicator_totals(empty_engine, stage_id=stage_id, as_of=READ_AS_OF, period_days=7)
    after = tuple(frame["numerator"].round(6)) + tuple(frame["communes_current"])
    assert after != before
    assert len(seen) > 1
    assert set(seen) <= {before, after}
