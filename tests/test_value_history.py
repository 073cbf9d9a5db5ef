"""A value's history on the locality page: data officers only, refused where it is read."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.accounts.actors import account_actor
from data_access.entry.history import fetch_visible_value_history
from data_access.entry.status import EntryValue
from data_access.entry.workflow import return_period, save_draft, submit
from tests.apptest import open_app
from ui.value_history import value_history_frame

TODAY = date(2026, 11, 20)
PERIOD = {"commune_code": "40001", "stage_code": "GD2-2026", "as_of": date(2026, 11, 18)}


def _enter_and_return(engine) -> None:
    officer, boss = account_actor(engine, "commune.40001"), account_actor(engine, "data.officer")
    for numerator in ("580", "590"):
        values = [EntryValue("CT01", numerator, "600", "")]
        save_draft(engine, actor=officer, values=values, today=TODAY, **PERIOD)
    assert submit(engine, actor=officer, today=TODAY, **PERIOD).ok
    assert return_period(engine, actor=boss, comment="Kiểm tra CT01", **PERIOD).ok


def test_only_a_data_officer_reads_the_history(seeded_copy):
    engine = seeded_copy
    _enter_and_return(engine)
    read = {"commune_code": "40001", "indicator_code": "CT01"}
    boss = account_actor(engine, "data.officer")
    history = fetch_visible_value_history(engine, actor=boss, **read)
    assert history["action"].tolist() == ["entered", "entered", "submitted", "returned"]
    for login in ("commune.40001", "committee", "head.ca"):
        assert fetch_visible_value_history(engine, actor=account_actor(engine, login), **read) is (
            None
        )

    table = value_history_frame(history, "en")
    assert table.columns.tolist() == [
        "When",
        "Period",
        "Step",
        "By",
        "Old → new",
        "Comment / reason",
    ]
    assert table.iloc[0]["Step"] == "Returned" and table.iloc[0]["Comment / reason"] == (
        "Kiểm tra CT01"
    )
    assert table.iloc[-2]["Old → new"] == "580 / 600 → 590 / 600"
    assert table.iloc[-1]["Old → new"] == "— → 580 / 600"
    assert value_history_frame(history, "vi").iloc[0]["Thao tác"] == "Trả lại"


@pytest.fixture
def writable(seeded_copy, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    return seeded_copy


@pytest.mark.parametrize(("login", "shown"), [("data.officer", True), ("commune.40001", False)])
def test_the_locality_page_shows_the_history_to_data_officers(writable, login, shown):
    _enter_and_return(writable)
    query = {"commune": "40001", "as_of": "2026-11-20", "lang": "en"}
    at = open_app(query, "pages/locality.py", login=login)
    assert not at.exception, [e.value for e in at.exception]
    labels = [e.label for e in at.expander]
    assert ("History of entered values" in labels) is shown, labels
    if shown:
        assert any("Kiểm tra CT01" in str(frame.value.values) for frame in at.dataframe)
