"""Submissions per commune and period (approved, submitted, missing), checked against an
independent count from the raw demo reports and the entered periods."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.catalog import fetch_stages
from data_access.completeness import (
    APPROVED_STATE,
    MISSING_STATE,
    SUBMITTED_STATE,
    fetch_submission_completeness,
    reporting_periods,
)
from figures.reporting import current_period_end

AS_OF = date(2026, 11, 20)
# Communes without a demo report in the week of 12–18 November 2026.
SUBMITTING, APPROVED_ONLY, DRAFTING = "40025", "40066", "40071"


def _stage(engine) -> pd.Series:
    stages = fetch_stages(engine)
    return stages[stages["stage_code"] == "GD2-2026"].iloc[0]


def _enter(engine, stage_id: int, commune: str, as_of: date, status: str) -> None:
    with engine.begin() as connection:
        locality_id = connection.execute(
            sa.select(s.localities.c.id).where(s.localities.c.code == commune)
        ).scalar_one()
        connection.execute(
            s.entry_periods.insert(),
            {
                "locality_id": locality_id,
                "stage_id": stage_id,
                "as_of": as_of,
                "status": status,
                "updated_at": datetime(2026, 11, 19, 8, 0),
                "updated_by": "test",
            },
        )


def _expected(demo_data, periods, entered: dict[tuple[str, date], str]) -> pd.DataFrame:
    """The same states counted from the raw rows, without SQL."""
    communes = demo_data.localities[demo_data.localities["code"].str.len() == 5]
    reports = demo_data.reports[demo_data.reports["locality_code"].str.len() == 5].copy()
    reports["as_of"] = pd.to_datetime(reports["as_of"]).dt.date
    reports = reports[reports["as_of"] <= AS_OF]
    rows = []
    for start, end in periods:
        inside = reports[(reports["as_of"] >= start) & (reports["as_of"] <= end)]
        reported = set(inside["locality_code"])
        for code in communes["code"]:
            status = entered.get((code, end))
            if code in reported or status == "approved":
                state = APPROVED_STATE
            elif status == "submitted":
                state = SUBMITTED_STATE
            else:
                state = MISSING_STATE
            rows.append((code, start, end, state))
    return pd.DataFrame(rows, columns=["commune_code", "period_start", "period_end", "state"])


def test_submission_states_match_an_independent_count(seeded_copy, demo_data):
    engine = seeded_copy
    stage = _stage(engine)
    stage_id = int(stage["stage_id"])
    period_end = date(2026, 11, 18)
    entered = {
        (SUBMITTING, period_end): "submitted",
        (APPROVED_ONLY, period_end): "approved",
        (DRAFTING, period_end): "draft",
        ("40001", period_end): "submitted",  # reported already: the import counts as approved
    }
    for (code, day), status in entered.items():
        _enter(engine, stage_id, code, day, status)
    frame = fetch_submission_completeness(
        engine,
        stage_id=stage_id,
        as_of=AS_OF,
        start_date=stage["start_date"],
        deadline=stage["deadline"],
        period_days=int(stage["period_days"]),
    )
    periods = reporting_periods(stage["start_date"], AS_OF, int(stage["period_days"]))
    expected = _expected(demo_data, periods, entered)
    key = ["commune_code", "period_end"]
    got = frame.sort_values(key).reset_index(drop=True)
    assert len(got) == len(expected) == 102 * len(periods)
    pd.testing.assert_frame_equal(
        got[expected.columns], expected.sort_values(key).reset_index(drop=True)
    )
    assert frame["period_end"].iloc[0] == max(end for _, end in periods)  # newest first

    end = current_period_end(frame, AS_OF)
    assert end == period_end  # the week of 19–25 November has not ended on the 20th
    current = frame[frame["period_end"] == end].set_index("commune_code")["state"]
    assert current[SUBMITTING] == SUBMITTED_STATE
    assert current[APPROVED_ONLY] == APPROVED_STATE
    assert current[DRAFTING] == MISSING_STATE
    assert current["40001"] == APPROVED_STATE
    assert (current == MISSING_STATE).sum() == 4  # 40088, 40093, 40094 and the draft


def test_no_period_before_the_stage_starts(seeded_engine):
    stage = _stage(seeded_engine)
    frame = fetch_submission_completeness(
        seeded_engine,
        stage_id=int(stage["stage_id"]),
        as_of=date(2025, 12, 1),
        start_date=stage["start_date"],
        deadline=stage["deadline"],
        period_days=int(stage["period_days"]),
    )
    assert frame.empty and current_period_end(frame, date(2025, 12, 1)) is None


def test_submissions_table_says_each_state_in_words():
    from ui.completeness import submissions_frame

    states = pd.DataFrame(
        [
            ("40001", "Phường A", date(2026, 11, 12), date(2026, 11, 18), APPROVED_STATE),
            ("40001", "Phường A", date(2026, 11, 19), date(2026, 11, 25), SUBMITTED_STATE),
            ("40002", "Xã B", date(2026, 11, 12), date(2026, 11, 18), MISSING_STATE),
            ("40002", "Xã B", date(2026, 11, 19), date(2026, 11, 25), MISSING_STATE),
        ],
        columns=["commune_code", "commune_name", "period_start", "period_end", "state"],
    )
    table = submissions_frame(states, "en")
    assert table.columns.tolist() == ["Code", "Commune", "2026-11-25", "2026-11-18"]
    assert table.iloc[0, 2:].tolist() == ["submitted", "approved"]
    assert submissions_frame(states, "vi").iloc[1, 2:].tolist() == ["còn thiếu", "còn thiếu"]


def test_data_page_counts_the_current_periods_submissions(app_env):
    from tests.apptest import open_app

    at = open_app({"as_of": "2026-11-20", "lang": "en"}, "pages/data.py")
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    counted = [metrics[f"Communes {w}"] for w in ("awaiting approval", "missing")]
    approved = metrics["Communes approved (current period)"]
    assert int(approved) + sum(int(c) for c in counted) == 102
    assert "Submissions per period" in [h.value for h in at.subheader]


def test_a_submission_shows_at_once_though_the_data_version_stays(seeded_copy, monkeypatch):
    from data_access.accounts.actors import account_actor
    from data_access.entry.status import EntryValue
    from data_access.entry.workflow import save_draft, submit
    from tests.apptest import open_app

    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    query = {"as_of": "2026-11-20", "lang": "en"}
    label = "Communes awaiting approval"

    def waiting() -> int:
        at = open_app(query, "pages/data.py", login="data.officer")
        assert not at.exception, [e.value for e in at.exception]
        return int(next(m.value for m in at.metric if m.label == label))

    before = waiting()
    period = {"commune_code": "40025", "stage_code": "GD2-2026", "as_of": date(2026, 11, 18)}
    boss = account_actor(seeded_copy, "data.officer")
    save_draft(seeded_copy, actor=boss, values=[EntryValue("CT01", "1", "600")], **period)
    assert submit(seeded_copy, actor=boss, **period).ok
    assert waiting() == before + 1
