"""Commune map: rows and chart spec (no browser), payload budgets, boundary queries, the page."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from benchmarks.map_payload import BUDGETS, map_payload_bytes
from charts.map import (
    NO_DATA_COLOUR,
    SELECTION_NAME,
    STALE_COLOUR,
    commune_map_chart,
    compute_map_rows,
    legend_scale,
    progress_class,
)
from data_access.geo.shapes import exterior_rings_clockwise
from data_access.geo_queries import fetch_child_boundaries
from tests.apptest import open_app

SHAPES = pd.DataFrame(
    {
        "code": ["40001", "40002", "40003"],
        "name": ["Phường Buôn Ma Thuột", "Xã Ea Kar", "Xã Không Hình"],
        "kind": ["phuong", "xa", "xa"],
        "boundary": [
            '{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}',
            '{"type":"Polygon","coordinates":[[[1,0],[1,1],[2,1],[2,0],[1,0]]]}',
            None,
        ],
    }
)
BOARD = pd.DataFrame(
    {
        "commune_code": ["40001"],
        "unit": ["percent"],
        "value": [87.5],
        "target": [100.0],
        "progress": [0.875],
        "status": ["at_risk"],
        "last_report": [pd.Timestamp("2025-10-20").date()],
    }
)


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (None, "p0"),
        (math.nan, "p0"),
        (-0.1, "p0"),
        (0.0, "p0"),
        (0.2499, "p0"),
        (0.25, "p25"),
        (0.5, "p50"),
        (0.99, "p75"),
        (1.0, "p100"),
        (1.7, "p100"),
    ],
)
def test_progress_class(progress, expected):
    assert progress_class(progress) == expected


@pytest.mark.parametrize(
    ("lang", "value", "as_of", "status", "kind"),
    [
        ("vi", "87,5\u00a0%", "20/10/2025", "Có nguy cơ chậm", "phường"),
        ("en", "87.5%", "2025-10-20", "At risk", "ward"),
    ],
)
def test_rows_carry_formatted_facts_and_skip_communes_without_shape(
    lang, value, as_of, status, kind
):
    rows = compute_map_rows(SHAPES, BOARD, colour_by="progress", lang=lang)
    assert [row["code"] for row in rows] == ["40001", "40002"]
    first, second = rows
    assert first["type"] == "Feature" and first["geometry"]["type"] == "Polygon"
    assert (first["value"], first["as_of"], first["status"], first["kind"]) == (
        value,
        as_of,
        status,
        kind,
    )
    assert first["label"] == "Buôn Ma Thuột"
    assert first["class"] == legend_scale("progress", lang)[0][3]  # 75–100 %
    assert second["class"] == legend_scale("progress", lang)[0][-1]  # no data
    assert 0 < first["lon"] < 1 and 0 < first["lat"] < 1


def test_stale_stays_stale_when_coloured_by_progress():
    board = BOARD.assign(status="stale")
    row = compute_map_rows(SHAPES, board, colour_by="progress", lang="en")[0]
    assert row["class"] == "Stale"


@pytest.mark.parametrize("colour_by", ["progress", "status"])
def test_legend_names_no_data_and_stale_with_distinct_greys(colour_by):
    for lang, words in (
        ("vi", ("Báo cáo quá hạn", "Chưa có số liệu")),
        ("en", ("Stale", "No data")),
    ):
        labels, colours = legend_scale(colour_by, lang)
        assert len(labels) == len(set(labels)) == len(colours)
        assert dict(zip(labels, colours, strict=True))[words[0]] == STALE_COLOUR
        assert dict(zip(labels, colours, strict=True))[words[1]] == NO_DATA_COLOUR
    assert STALE_COLOUR != NO_DATA_COLOUR


def test_chart_spec_selects_by_code_outlines_chosen_and_labels():
    rows = compute_map_rows(SHAPES, BOARD, colour_by="status", lang="en")
    spec = commune_map_chart(
        rows, colour_by="status", lang="en", chosen_codes=("40002",), labels=True
    ).to_dict()
    fills, outline, halo, text = spec["layer"]
    assert fills["mark"]["type"] == "geoshape"
    assert fills["encoding"]["color"]["scale"]["domain"] == legend_scale("status", "en")[0]
    tooltips = [t["title"] for t in fills["encoding"]["tooltip"]]
    assert tooltips == [
        "Commune",
        "Kind",
        "Value",
        "Target",
        "Progress",
        "Status",
        "Reported as of",
    ]
    param = spec["params"][0]  # Altair lifts a layer's selection to the top
    assert param["name"] == SELECTION_NAME and param["select"]["fields"] == ["code"]
    assert outline["mark"]["stroke"] == "black"
    assert outline["transform"][0]["filter"]["oneOf"] == ["40002"]
    assert text["mark"]["type"] == "text" and text["encoding"]["text"]["field"] == "label"
    assert spec["projection"]["type"] == "mercator"
    data = spec["data"]
    values = data["values"] if "values" in data else spec["datasets"][data["name"]]
    assert [v["code"] for v in values] == ["40001", "40002"]


def test_chart_without_chosen_communes_or_labels_has_one_layer():
    rows = compute_map_rows(SHAPES, BOARD, colour_by="progress", lang="vi")
    spec = commune_map_chart(rows, colour_by="progress", lang="vi").to_dict()
    assert len(spec["layer"]) == 1


@pytest.mark.parametrize("communes", sorted(BUDGETS))
def test_map_payload_stays_under_budget(communes):
    assert map_payload_bytes(communes) < BUDGETS[communes]


def test_fetch_child_boundaries(seeded_engine):
    communes = fetch_child_boundaries(seeded_engine, parent_code="99")
    assert len(communes) == 102 and communes["boundary"].notna().all()
    assert all(exterior_rings_clockwise(json.loads(text)) for text in communes["boundary"])
    villages = fetch_child_boundaries(seeded_engine, parent_code="40001")
    assert len(villages) > 0 and villages["boundary"].isna().all()
    assert set(villages["kind"]) <= {"thon", "buon", "lang", "to_dan_pho"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_page_with_one_commune_lists_its_villages(app_env, lang):
    query = {"commune": "40012", **({"lang": "en"} if lang == "en" else {})}
    at = open_app(query, "pages/map.py")
    assert not at.exception, [e.value for e in at.exception]
    headline = "Villages of" if lang == "en" else "Thôn, buôn, tổ dân phố của"
    assert any(headline in m.value for m in at.markdown)
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) > 0
    assert at.selectbox(key="map_indicator").value == "CT01"


def test_the_maps_indicator_and_colouring_come_from_and_go_to_the_url(app_env):
    """A head shares "the map of CT08 by status" as a link; the view reads and writes it."""
    at = open_app({"indicator": "CT08", "colour": "status"}, "pages/map.py")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="map_indicator").value == "CT08"
    assert at.session_state["map_colour_by"] == "status"
    assert not at.warning
    at.selectbox(key="map_indicator").set_value("CT03").run()
    assert at.query_params["indicator"] in ("CT03", ["CT03"])
    assert at.query_params["colour"] in ("status", ["status"])


@pytest.mark.parametrize(
    ("query", "fragment"),
    [({"indicator": "XX99"}, "«XX99»"), ({"colour": "rainbow"}, "«rainbow»")],
)
def test_a_wrong_map_link_says_so_and_shows_the_default(app_env, query, fragment):
    at = open_app(query, "pages/map.py")
    assert not at.exception, [e.value for e in at.exception]
    assert any(fragment in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.selectbox(key="map_indicator").value == "CT01"
    assert at.session_state["map_colour_by"] == "progress"


def _square(code: str, lon: float, lat: float, size: float, label: str) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {
        "code": code,
        "label": label,
        "lon": lon + size / 2,
        "lat": lat + size / 2,
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_labels_that_would_overlap_are_thinned_largest_first():
    from charts.map_labels import readable_labels

    # A province 1° tall drawn 660 px high: a 0.2° commune is ~130 px, a 0.005° one ~3 px.
    big = [_square(f"B{i}", 108.0 + 0.3 * i, 12.0, 0.2, "Ea Kar") for i in range(3)]
    dense = [_square(f"D{i}", 108.1 + 0.005 * i, 12.9, 0.005, "Buôn Ma Thuột") for i in range(6)]
    corner = [_square("C0", 108.0, 13.0, 0.01, "Cư Prao")]
    named = readable_labels(big + dense + corner, height=660)
    assert {"B0", "B1", "B2", "C0"} <= set(named)  # apart from each other: all named
    assert sum(code.startswith("D") for code in named) == 1  # six on top of each other: one


def test_the_label_layer_names_only_the_thinned_communes(app_env):
    rows = compute_map_rows(SHAPES, BOARD, colour_by="progress", lang="vi")
    spec = commune_map_chart(rows, colour_by="progress", lang="vi", labels=True).to_dict()
    filters = [
        t["filter"]
        for layer in spec["layer"]
        for t in layer.get("transform", [])
        if "oneOf" in t.get("filter", {})
    ]
    assert filters and all(f["field"] == "code" for f in filters)
