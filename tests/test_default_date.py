"""The default as-of date: the newest period most communes reported in, not the newest date
any one commune reported."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.accounts.actors import Actor
from data_access.importers.writing import import_reports
from figures.requests import adequate_report_date
from tests.apptest import open_app
from tests.import_helpers import csv_bytes


def _reporting(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "commune_code": [c for c, _ in rows],
            "report_date": [date.fromisoformat(d) for _, d in rows],
        }
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], None),
        ([("A", "2026-11-09"), ("B", "2026-11-09"), ("C", "2026-11-09")], date(2026, 11, 9)),
        # One of four reported a week later: the view stays where three of four reported.
        (
            [("A", "2026-11-09"), ("B", "2026-11-09"), ("C", "2026-11-09"), ("A", "2026-11-17")],
            date(2026, 11, 9),
        ),
        # Reports spread over a week all count in its period.
        ([("A", "2026-11-10"), ("B", "2026-11-12"), ("C", "2026-11-15")], date(2026, 11, 15)),
        # Nobody reached half: the newest date.
        ([("A", "2026-11-01"), ("B", "2026-11-16")], date(2026, 11, 16)),
    ],
)
def test_adequate_report_date(rows, expected):
    assert (
        adequate_report_date(_reporting(rows), communes_total=4, period_days=7, min_share=0.5)
        == expected
    )


def test_two_early_reports_do_not_move_the_default_date(seeded_copy, monkeypatch):
    early = csv_bytes("40001,CT01,2026-11-23,590,597,", "40002,CT01,2026-11-23,281,284,")
    outcome = import_reports(
        seeded_copy, early, "early.csv", actor=Actor(name="t"), today=date(2026, 11, 23)
    )
    assert outcome.status == "committed"
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    at = open_app({})
    assert at.query_params["as_of"] == "2026-11-16"
    assert any("16/11/2026" in c.value for c in at.caption)


EARLY_PAGES = [
    None,
    "pages/indicators.py",
    "pages/map.py",
    "pages/target_groups.py",
    "pages/locality.py",
    "pages/ranking.py",
]


@pytest.mark.parametrize("page", EARLY_PAGES)
@pytest.mark.parametrize(
    ("as_of", "warned"),
    [("2025-01-01", False), ("1900-01-01", True), ("2099-01-01", True)],
    ids=["earliest-allowed", "far-too-early", "far-too-late"],
)
def test_an_as_of_outside_the_allowed_dates_gives_a_message_not_a_traceback(
    app_env, page, as_of, warned
):
    """The earliest date the sidebar allows, and dates outside it, on every dated page; then
    picking the sidebar's minimum by hand."""
    at = open_app({"stage": "GD2-2026", "as_of": as_of}, page)
    assert not at.exception, [e.value for e in at.exception]
    if page is None:  # (open_app reads the URL on the overview, then switches page)
        messages = [w.value for w in at.warning if "«" in w.value]
        assert bool(messages) == warned, messages
    picker = next(d for d in at.date_input if d.key == "f_as_of")
    assert picker.min <= picker.value <= picker.max
    picker.set_value(picker.min).run()
    assert not at.exception, [e.value for e in at.exception]
