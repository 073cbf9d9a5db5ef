"""The brief's ten weakest communes are the ranking page's, for every kind of scope.

Both come from figures.committee by construction; this proves it end to end: the ranking page
as AppTest draws it, the brief as reports.content gathers it, for the whole province, a
cluster, each agency, and a stage holding a lower-is-better indicator whose target is 0.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from data_access.engine import create_db_engine
from data_access.migrate import upgrade_to_head
from data_access.seed import seed_database
from figures.lists import WEAKEST_LIST
from figures.reader import PlainReader
from reports.content import gather_content, resolve_request
from tests.apptest import open_app
from tests.extra_indicators import AS_OF, ExtraIndicator, with_indicators
from tests.viewers import link_test_identities

MEETING = date(2026, 9, 16)
CLUSTER = ["40001", "40015", "40071", "40012", "40030", "40044", "40059", "40083", "40090"]
AGENCIES = ["SKHCN", "SGDDT", "SNV", "CA", "SCT", "VP_UBND"]
SCOPES = [
    pytest.param({}, id="province"),
    pytest.param({"commune": CLUSTER}, id="cluster"),
    *[pytest.param({"agency": code}, id=f"agency-{code}") for code in AGENCIES],
]
LOWER_CODE = "CT11"  # residents not yet trained: should fall to 0


def _ranking_page_weakest(query: dict) -> list[str]:
    """The names the ranking page lists under "the ten weakest communes", in order."""
    at = open_app(
        {"stage": "GD2-2026", "as_of": AS_OF.isoformat(), "meeting": MEETING.isoformat(), **query},
        "pages/ranking.py",
    )
    assert not at.exception, [e.value for e in at.exception]
    nodes = list(at.main)
    start = next(
        i
        for i, n in enumerate(nodes)
        if getattr(n, "type", "") == "subheader" and n.value == "Mười xã yếu nhất"
    )
    listed = next(n for n in nodes[start + 1 :] if getattr(n, "type", "") == "markdown")
    names = re.findall(r"\*\*(.+?)\*\*", listed.value)
    return [re.sub(r"\\(.)", r"\1", name) for name in names]


def _brief_weakest(engine, query: dict) -> pd.DataFrame:
    with PlainReader(engine) as reader:
        request = resolve_request(
            reader,
            stage_code="GD2-2026",
            as_of=AS_OF,
            since=MEETING,
            agency_code=query.get("agency"),
            commune_codes=query.get("commune"),
        )
        return gather_content(reader, request).weakest


@pytest.mark.parametrize("query", SCOPES)
def test_brief_weakest_equal_the_ranking_page(app_env, query):
    engine = create_db_engine(app_env)
    try:
        weakest = _brief_weakest(engine, query)
    finally:
        engine.dispose()
    assert 0 < len(weakest) <= WEAKEST_LIST
    assert list(weakest["commune_name"]) == _ranking_page_weakest(query)
    assert weakest["rank"].is_monotonic_decreasing


# CT11, "residents not yet trained": lower is better, falls towards its target of 0.
NOT_YET_TRAINED = ExtraIndicator(
    code=LOWER_CODE,
    name_vi="Số người chưa được tập huấn kỹ năng số",
    name_en="Residents not yet trained in digital skills",
    unit="count",
    direction="lower",
    baseline=50000,
    target=0,
    values=lambda commune, week: (max(0, 300 + (commune * 137) % 600 - 11 * week), None),
)


def test_a_lower_is_better_indicator_with_target_zero_counts_in_both(
    monkeypatch, tmp_path, demo_data
):
    url = f"sqlite:///{tmp_path / 'lower.db'}"
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    seed_database(engine, with_indicators(demo_data, [NOT_YET_TRAINED]))
    link_test_identities(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    try:
        weakest = _brief_weakest(engine, {})
        # Eleven indicators scored per commune that reports them all: CT11 counts.
        assert weakest["indicators_scored"].max() == 11
        assert list(weakest["commune_name"]) == _ranking_page_weakest({})
    finally:
        engine.dispose()
