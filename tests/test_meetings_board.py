"""The "Decisions due" board: then-and-now figures checked against the raw report rows."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from data_access.accounts.actors import Actor
from data_access.accounts.roles import COMMUNE_OFFICER, Grant, compute_limits
from data_access.catalog import fetch_stages
from data_access.meetings import create_meeting, record_decision, update_decision_status
from figures.decisions import BOARD_COLUMNS, decisions_due
from figures.reader import PlainReader
from reports.content import resolve_request
from tests.oracle import group_totals, value_of

OPERATOR = Actor(name="cli:tests")
FROZEN, NOW = date(2026, 10, 4), date(2026, 11, 1)
# (subject kind, communes, indicator, agency, commune responsible, due date, done?)
DECISIONS = [
    ("commune", ["40001"], "CT02", "SGDDT", None, date(2026, 10, 30), True),
    ("cluster", ["40001", "40002"], "CT01", None, "40002", date(2026, 10, 15), False),
    ("indicator", [], "CT04", "CA", None, date(2026, 11, 30), False),
    ("province", [], None, "SKHCN", None, date(2026, 12, 15), False),
]


def _store(engine) -> list[int]:
    stage_id = int(fetch_stages(engine).set_index("stage_code").loc["GD2-2026", "stage_id"])
    meeting_id = create_meeting(
        engine,
        actor=OPERATOR,
        stage_id=stage_id,
        meeting_date=FROZEN,
        as_of=FROZEN,
        title="Họp tháng 10",
    )
    ids = []
    for kind, communes, indicator, agency, commune, due, done in DECISIONS:
        decision_id = record_decision(
            engine,
            actor=OPERATOR,
            meeting_id=meeting_id,
            subject_kind=kind,
            commune_codes=communes,
            indicator_code=indicator,
            text=f"Kết luận về {kind}",
            agency_code=agency,
            responsible_commune_code=commune,
            due_date=due,
        )
        if done:
            update_decision_status(engine, actor=OPERATOR, decision_id=decision_id, status="done")
        ids.append(decision_id)
    return ids


def _oracle_value(demo_data, *, as_of: date, communes: list[str], indicator: str) -> float:
    indicators = demo_data.indicators.set_index("code")
    if not communes:
        loc = demo_data.localities
        communes = list(loc[(loc["parent_code"] == "99") & (loc["code"].str.len() == 5)]["code"])
    totals = group_totals(
        demo_data, as_of=as_of, communes=communes, indicators=[indicator], period_days=7
    ).iloc[0]
    return value_of(totals["numerator"], totals["denominator"], indicators.loc[indicator, "unit"])


def test_the_board_lists_the_last_meetings_decisions_with_then_and_now(seeded_copy, demo_data):
    ids = _store(seeded_copy)
    with PlainReader(seeded_copy) as reader:
        scope = resolve_request(reader, as_of=NOW).scope
        board = decisions_due(reader, scope)
        assert decisions_due(reader, scope.at(FROZEN)).empty  # no meeting before it
    assert list(board.columns) == list(BOARD_COLUMNS)
    # By due date: cluster (15/10), commune (30/10), indicator, province.
    assert list(board["decision_id"]) == [ids[1], ids[0], ids[2], ids[3]]
    assert list(board["status"]) == ["overdue", "done", "open", "open"]
    assert board.iloc[1]["subject_name"] == "Phường Buôn Ma Thuột"
    assert board.iloc[1]["responsible_name_vi"] == "Sở Giáo dục và Đào tạo"
    assert board.iloc[0]["responsible_code"] == "40002"
    rows = board.set_index("decision_id")
    for decision_id, (_, communes, indicator, *_rest) in zip(ids, DECISIONS, strict=True):
        row = rows.loc[decision_id]
        if indicator is None:
            assert pd.isna(row["value_then"]) and pd.isna(row["value_now"])
            continue
        then = _oracle_value(demo_data, as_of=FROZEN, communes=communes, indicator=indicator)
        now = _oracle_value(demo_data, as_of=NOW, communes=communes, indicator=indicator)
        assert not math.isnan(then) and not math.isnan(now)
        assert row["value_then"] == pytest.approx(then, rel=1e-9)
        assert row["value_now"] == pytest.approx(now, rel=1e-9)
        assert row["value_then"] != row["value_now"]  # the data moved on since the meeting


def test_a_commune_officer_sees_only_decisions_on_their_own_communes(seeded_copy):
    ids = _store(seeded_copy)
    limits = compute_limits([Grant(COMMUNE_OFFICER, "99", commune_code="40001")])
    with PlainReader(seeded_copy) as reader:
        scope = resolve_request(reader, as_of=NOW).scope.narrowed_to(limits)
        board = decisions_due(reader, scope)
    assert list(board["decision_id"]) == [ids[0]]
