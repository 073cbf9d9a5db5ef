"""What the committee's screens show, against the raw report files recomputed with pandas.

Every check runs the real app (AppTest) and reads what the page rendered: tile values, deltas,
status words and completeness; the target-group bars' data; the ranking table.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from i18n.formats import format_number, format_value
from tests import oracle, oracle_committee
from tests.test_app import run_app
from ui.widgets import format_change, status_label

GROUP_TAB_KEY = "committee_group_tab"  # pages/target_groups.py: the open tab's key

PROVINCE = "99"
LANG = "vi"
# Before the first report, mid-stage 1, after its deadline, mid-stage 2, the newest data.
SCENARIOS = [
    ("GD1-2025", date(2025, 7, 18)),
    ("GD1-2025", date(2025, 9, 3)),
    ("GD1-2025", date(2025, 11, 30)),
    ("GD2-2026", date(2026, 6, 10)),
    ("GD2-2026", date(2026, 11, 22)),
]


def cluster(demo_data) -> list[str]:
    """Three communes: the first, one that stopped reporting, and one from the middle."""
    reports = oracle.raw_reports(demo_data)
    communes = oracle.communes_of(demo_data, PROVINCE)
    last = reports[reports["locality_code"].isin(communes)].groupby("locality_code")["as_of"].max()
    stopped = last[last < last.max()].index[0]
    return sorted({communes[0], stopped, communes[len(communes) // 2]})


def open_page(stage: str, as_of: date, communes: list[str] | None, page: str | None = None):
    query: dict[str, str | list[str]] = {"stage": stage, "as_of": as_of.isoformat()}
    if communes:
        query["commune"] = communes
    at = run_app(query, page)
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_frames(at) -> list[pd.DataFrame]:
    """The data of every Altair chart on the page, in page order."""
    frames = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            frames.append(pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_all().to_pandas())
        if not chart.proto.datasets:
            frames.append(pd.DataFrame(json.loads(chart.proto.spec).get("data", {}).get("values")))
    return frames


def _badge_word(markdown: str) -> str:
    return markdown[markdown.index("[") + 1 : markdown.index("]")]


@pytest.mark.parametrize(("stage", "as_of"), SCENARIOS)
@pytest.mark.parametrize("scope", ["province", "cluster"])
def test_overview_tiles_match_raw_reports(app_env, demo_data, stage, as_of, scope):
    communes = cluster(demo_data) if scope == "cluster" else None
    at = open_page(stage, as_of, communes)
    want = oracle_committee.overview_tiles(
        demo_data,
        stage_code=stage,
        as_of=as_of,
        communes=communes or oracle.communes_of(demo_data, PROVINCE),
    )
    metrics = list(at.metric)
    assert len(metrics) == 10
    badges = [m.value for m in at.markdown if "-background[" in m.value]
    completeness = [c.value for c in at.caption if "xã đã báo cáo kỳ này" in c.value]
    assert len(badges) == len(completeness) == 10
    for metric, badge, caption, (_, w) in zip(
        metrics, badges, completeness, want.iterrows(), strict=True
    ):
        assert metric.value == format_value(w["value"], w["unit"], LANG), w["code"]
        delta = format_change(w["change_previous"], w["unit"], LANG)
        assert metric.delta == (delta or ""), w["code"]
        assert _badge_word(badge) == status_label(w["status"], LANG), w["code"]
        assert f"{w['communes_current']}/{w['communes_total']} xã" in caption, w["code"]


@pytest.mark.parametrize(("stage", "as_of"), SCENARIOS)
@pytest.mark.parametrize("scope", ["province", "cluster"])
def test_overview_group_bars_match_raw_reports(app_env, demo_data, stage, as_of, scope):
    communes = cluster(demo_data) if scope == "cluster" else None
    at = open_page(stage, as_of, communes)
    bars = chart_frames(at)[0]
    want = oracle_committee.group_bars(
        demo_data,
        stage_code=stage,
        as_of=as_of,
        communes=communes or oracle.communes_of(demo_data, PROVINCE),
    )
    assert len(bars) == len(want) == 5
    for (_, bar), (_, w) in zip(bars.iterrows(), want.iterrows(), strict=True):
        assert bar["percent"] == pytest.approx(w["percent"], nan_ok=True)
        assert bar["status"] == w["status"]
        people = f"{format_number(w['reached'], LANG)} / {format_number(w['population'], LANG)}"
        assert people in bar["label"]


@pytest.mark.parametrize(("stage", "as_of"), [SCENARIOS[1], SCENARIOS[4]])
def test_commune_group_bars_match_raw_reports(app_env, demo_data, stage, as_of):
    communes = cluster(demo_data)
    at = open_page(stage, as_of, communes, "pages/target_groups.py")
    names = demo_data.localities.set_index("code")["name"]
    want = oracle_committee.commune_group_bars(
        demo_data, stage_code=stage, as_of=as_of, communes=communes
    )
    labels = [tab.label for tab in at.tabs]
    commune_frames = []
    for label in labels:  # only the open tab is drawn: each is opened in turn
        at.session_state[GROUP_TAB_KEY] = label
        at.run()
        assert not at.exception
        frames = chart_frames(at)
        assert len(frames) == 2  # the group's bar, then its communes' bars
        commune_frames.append(frames[1])
    for frame, (_, group) in zip(
        commune_frames, want.groupby("target_group_code", sort=False), strict=True
    ):
        expected = group.assign(label=group["commune_code"].map(names)).set_index("label")
        assert sorted(frame["label"]) == sorted(expected.index)
        for _, bar in frame.iterrows():
            w = expected.loc[bar["label"]]
            assert bar["percent"] == pytest.approx(w["percent"], nan_ok=True)
            assert bar["status"] == w["status"]
        # Sorted by gap to the stage target in points, the furthest first, unjudged last.
        gaps = expected.loc[frame["label"], "gap_points"].fillna(-1).tolist()
        assert gaps == sorted(gaps, reverse=True)


@pytest.mark.parametrize(("stage", "as_of"), [SCENARIOS[0], SCENARIOS[1], SCENARIOS[4]])
def test_ranking_table_matches_raw_reports(app_env, demo_data, stage, as_of):
    at = open_page(stage, as_of, None, "pages/ranking.py")
    table = at.dataframe[0].value.set_index("code")
    want = oracle_committee.composite_ranking(
        demo_data,
        stage_code=stage,
        as_of=as_of,
        communes=oracle.communes_of(demo_data, PROVINCE),
    ).set_index("commune_code")
    ranked = want.dropna(subset=["score"])
    assert sorted(table.index) == sorted(ranked.index)
    for code, w in ranked.iterrows():
        assert table.loc[code, "rank"] == w["rank"], code
        assert table.loc[code, "score"] == pytest.approx(100 * w["score"], abs=0.05), code
    unranked = want[want["score"].isna()]
    if len(unranked):
        warning = " ".join(w.value for w in at.warning)
        assert all(code in warning for code in unranked.index)
