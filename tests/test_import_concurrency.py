"""Imports and readers at the same moment: a query sees the data before or after an import, the
same file twice gives "already imported", overlapping files are serialised so each batch logs
the true previous values, and a preview never waits for a writer."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pandas as pd

from data_access.accounts.actors import Actor
from data_access.catalog import fetch_stages
from data_access.engine import create_db_engine, write_transaction
from data_access.importers.catalogues import import_agencies
from data_access.importers.rollback import rollback_batch
from data_access.importers.writing import import_reports
from data_access.progress import fetch_indicator_totals
from tests.import_helpers import follow_up_rows, frame_csv, stored_value, table_snapshot

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
    stage_id = int(fetch_stages(seeded_copy).iloc[-1]["stage_id"])
    reader = create_db_engine(str(seeded_copy.url.render_as_string(hide_password=False)))

    def totals() -> tuple:
        frame = fetch_indicator_totals(reader, stage_id=stage_id, as_of=READ_AS_OF, period_days=7)
        return tuple(frame["numerator"].round(6)) + tuple(frame["communes_current"])

    before = totals()
    seen: list[tuple] = []
    stop = threading.Event()

    def read_loop() -> None:
        # A short pause between reads: a loop that never yields takes the interpreter from the
        # import it watches and makes it several times slower, with no more moments seen.
        while not stop.wait(0.01):
            seen.append(totals())

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        outcome = import_reports(
            seeded_copy,
            _big_file(demo_data.reports),
            "big.csv",
            actor=Actor(name="t"),
            today=TODAY,
            allow_decrease=True,
        )
    finally:
        stop.set()
        thread.join()
    reader.dispose()
    assert outcome.status == "committed" and outcome.added > 20_000
    frame = fetch_indicator_totals(seeded_copy, stage_id=stage_id, as_of=READ_AS_OF, period_days=7)
    after = tuple(frame["numerator"].round(6)) + tuple(frame["communes_current"])
    assert after != before
    assert len(seen) > 1
    assert set(seen) <= {before, after}


def _at_once(*calls):
    """Run the calls in threads released together; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call) -> None:
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 (the test asserts none happened)
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_the_same_file_twice_at_once_gives_already_imported(seeded_copy, demo_data):
    data = frame_csv(follow_up_rows(demo_data.reports, "2026-11-18", bump=1))
    outcomes = _at_once(
        *(lambda: import_reports(seeded_copy, data, "a.csv", actor=Actor(name="t"), today=TODAY),)
        * 2
    )
    assert sorted(o.status for o in outcomes) == ["committed", "same_file"], outcomes
    committed = next(o for o in outcomes if o.status == "committed")
    assert all(o.batch_id == committed.batch_id for o in outcomes)


def test_overlapping_files_at_once_are_serialised_and_roll_back_exactly(
    seeded_copy, seeded_rows, demo_data
):
    before = seeded_rows
    rows = follow_up_rows(demo_data.reports, "2026-11-18", bump=1)
    other = rows.assign(numerator=(rows["numerator"].astype(int) + 1).astype(str))
    has_denominator = other["denominator"] != ""
    other.loc[has_denominator, "denominator"] = (
        other.loc[has_denominator, "denominator"].astype(int) + 1
    ).astype(str)
    files = {"a": frame_csv(rows), "b": frame_csv(other)}
    outcomes = _at_once(
        *(
            (
                lambda n=name: import_reports(
                    seeded_copy, files[n], f"{n}.csv", actor=Actor(name=n), today=TODAY
                )
            )
            for name in files
        )
    )
    assert [o.status for o in outcomes] == ["committed", "committed"], outcomes
    first, second = sorted(outcomes, key=lambda o: o.batch_id)
    assert (first.added, first.replaced) == (len(rows), 0)
    assert (second.added, second.replaced) == (0, len(rows))
    later_file = rows if second is outcomes[0] else other
    earlier_file = other if second is outcomes[0] else rows
    pair = later_file.iloc[0]
    stored = stored_value(seeded_copy, pair["commune_code"], pair["indicator_code"], "2026-11-18")
    assert stored[0] == float(pair["numerator"]) and stored[2] == second.batch_id
    rollback_batch(seeded_copy, second.batch_id, actor=Actor(name="t"))
    restored = stored_value(seeded_copy, pair["commune_code"], pair["indicator_code"], "2026-11-18")
    assert restored[0] == float(earlier_file.iloc[0]["numerator"]) and restored[2] == first.batch_id
    rollback_batch(seeded_copy, first.batch_id, actor=Actor(name="t"))
    after = table_snapshot(seeded_copy)
    assert after["reports"] == before["reports"]


def test_a_preview_does_not_wait_for_a_writer(seeded_copy, demo_data):
    data = frame_csv(follow_up_rows(demo_data.reports, "2026-11-18", bump=1))
    holding, release, let_go = threading.Event(), threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        with write_transaction(seeded_copy):
            holding.set()
            release.wait(timeout=20)
        let_go.set()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    try:
        assert holding.wait(timeout=30)
        preview = import_reports(
            seeded_copy, data, "a.csv", actor=Actor(name="t"), dry_run=True, today=TODAY
        )
        catalogue = import_agencies(
            seeded_copy,
            b"code,name_vi,name_en\nX,Y,Z\n",
            "a.csv",
            actor=Actor(name="t"),
            dry_run=True,
        )
        assert not let_go.is_set()  # both previews ran while the writer held the lock
    finally:
        release.set()
        holder.join()
    assert preview.status == "dry_run" and preview.added > 1000
    assert catalogue.status == "dry_run" and catalogue.added == 1
