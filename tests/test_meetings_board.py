"""The "Decisions due" board: then-and-now figures checked against the raw report rows."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from data_access.accounts.roles import COMMUNE_OFFICER, Grant, compute_limits
from data_access.catalog import fetch_stages
from data_access.meetings import create_meeting, record_decision
from figures.decisions import BOARD_COLUMNS, decisions_due, decisions_new
from figures.reader import PlainReader
from i18n import translate
from reports.brief import build_brief_pdf
from reports.content import resolve_request
from tests.meetings_helpers import DECISIONS, FROZEN, NOW, OPERATOR, store_meeting_with_decisions
from tests.oracle import group_totals, value_of
from tests.test_brief import flat, pdf_text


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
    ids = store_meeting_with_decisions(seeded_copy)
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
    ids = store_meeting_with_decisions(seeded_copy)
    limits = compute_limits([Grant(COMMUNE_OFFICER, "99", commune_code="40001")])
    with PlainReader(seeded_copy) as reader:
        scope = resolve_request(reader, as_of=NOW).scope.narrowed_to(limits)
        board = decisions_due(reader, scope)
    assert list(board["decision_id"]) == [ids[0]]


def test_the_brief_carries_the_decisions_due_and_the_new_ones(seeded_copy):
    store_meeting_with_decisions(seeded_copy)
    stage_id = int(fetch_stages(seeded_copy).set_index("stage_code").loc["GD2-2026", "stage_id"])
    held = create_meeting(
        seeded_copy,
        actor=OPERATOR,
        stage_id=stage_id,
        meeting_date=NOW,
        as_of=NOW,
        title="Họp tháng 11",
    )
    record_decision(
        seeded_copy,
        actor=OPERATOR,
        meeting_id=held,
        subject_kind="commune",
        commune_codes=["40003"],
        indicator_code="CT03",
        text="Kết luận mới về xã",
        agency_code="SKHCN",
        due_date=date(2026, 12, 20),
    )
    text = flat(pdf_text(build_brief_pdf(seeded_copy, as_of=NOW)))
    assert flat(translate("brief.section.decisions_due", date="04/10/2026")) in text
    assert flat(translate("brief.section.decisions_new")) in text
    assert "Kết luận mới về xã" in text and "Kết luận về cluster" in text
    assert flat("Phường Buôn Ma Thuột — CT02:") in text
    # The new decision's meeting is frozen at the brief's as-of, so its "then" is "now".
    with PlainReader(seeded_copy) as reader:
        scope = resolve_request(reader, as_of=NOW).scope
        new = decisions_new(reader, scope)
    assert list(new["text"]) == ["Kết luận mới về xã"]
    assert new.iloc[0]["value_then"] == new.iloc[0]["value_now"]
