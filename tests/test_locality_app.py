"""FrameApp runs of the locality page: the figures shown equal an independent pandas reading."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest

from i18n.formats import format_date, format_value
from tests.apptest import FrameApp, open_app
from tests.oracle_locality import (
    active_teams,
    composite_ranks,
    group_values,
    periods_reported,
    trend_points,
)

APP_TIMEOUT_S = 90  # the first run of a test fills the query caches
PAGE = "pages/locality.py"
# A commune that reports throughout, one that stopped in May 2026, one that never reports
# CT09/CT10, and a ward: every case the tiles must get right.
COMMUNES = ["40001", "40071", "40059", "40015"]
CLUSTER = ["40001", "40015", "40071"]
STAGE, AS_OF = "GD2-2026", date(2026, 9, 30)


def open_locality(query: dict[str, str | list[str]]) -> FrameApp:
    """The locality page opened by a link; `at.url_warnings` holds what the frame warned about.

    FrameApp starts on the default page, so the frame's first run (which reads the URL and shows
    its problems above whichever page the link names) happens there; then the page is drawn.
    """
    at = open_app(query, timeout=APP_TIMEOUT_S)
    warnings = [w.value for w in at.warning]
    at.switch_page(PAGE)
    at.run()
    at.url_warnings = warnings
    return at


def sparkline_dots(at: FrameApp) -> list[list[str]]:
    """Each tile's trend line, in tile order: the tooltip text of each of its dots."""
    lines = [m.value for m in at.markdown if 'class="locality-sparkline"' in m.value]
    return [re.findall(r"<circle [^>]*><title>([^<]*)</title>", line) for line in lines]


def url_values(at: FrameApp, key: str) -> list[str]:
    """Every value of a query parameter as the app wrote it back to the URL."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def parse_shown(text: str) -> float:
    """'97,5%' -> 97.5, '5.907' -> 5907.0 (Vietnamese), '—' -> NaN."""
    if text == "—":
        return float("nan")
    return float(text.rstrip("%").replace(".", "").replace(",", "."))


def tile_values(at: FrameApp) -> dict[str, str]:
    """Indicator code -> the value its tile shows."""
    return {m.label: m.value for m in at.metric if m.label.startswith("CT")}


def assert_values_match(shown: dict[str, str], expected: dict[str, float]) -> None:
    assert list(shown) == list(expected)
    for code, text in shown.items():
        want = expected[code]
        got = parse_shown(text)
        if math.isnan(want):
            assert math.isnan(got), (code, text)
        elif text.endswith("%"):
            assert got == pytest.approx(round(want, 1), abs=0.051), (code, text, want)
        else:
            assert got == pytest.approx(round(want), abs=0.5), (code, text, want)


@pytest.mark.parametrize("commune", COMMUNES)
def test_one_commune_shows_its_name_and_ten_values(app_env, demo_data, commune):
    at = open_locality({"stage": STAGE, "as_of": AS_OF.isoformat(), "commune": commune})
    assert not at.exception, [e.value for e in at.exception]
    loc = demo_data.localities.set_index("code")
    assert at.title[0].value == loc.at[commune, "name"]
    expected = group_values(demo_data, stage_code=STAGE, as_of=AS_OF, communes=[commune])
    shown = tile_values(at)
    assert len(shown) == 10
    assert_values_match(shown, expected)
    # Each tile's trend line has one dot per report since the stage start, dated and valued.
    points = trend_points(demo_data, stage_code=STAGE, as_of=AS_OF, commune=commune)
    units = demo_data.indicators.set_index("code")["unit"]
    want = [
        [
            f"{format_date(day, 'vi')}: {format_value(value, units[code], 'vi')}"
            for day, value in line
        ]
        for code, line in points.items()
        if line
    ]
    assert sparkline_dots(at) == want


def test_commune_that_stopped_reporting_is_stale_not_zero(app_env, demo_data):
    at = open_locality({"stage": STAGE, "as_of": AS_OF.isoformat(), "commune": "40071"})
    assert not at.exception
    shown = tile_values(at)
    assert all(value != "—" for value in shown.values())
    badges = " ".join(m.value for m in at.markdown)
    assert "Báo cáo quá hạn" in badges  # status "stale"


def test_one_commune_summary_matches_raw_reports(app_env, demo_data):
    commune = "40001"
    at = open_locality({"stage": STAGE, "as_of": AS_OF.isoformat(), "commune": commune})
    metrics = {m.label: m.value for m in at.metric}
    ranks = composite_ranks(demo_data, stage_code=STAGE, as_of=AS_OF)
    assert metrics["Xếp hạng trong tỉnh"] == f"{ranks[commune]}/{len(ranks)}"
    reported, elapsed = periods_reported(demo_data, stage_code=STAGE, as_of=AS_OF, commune=commune)
    assert metrics["Đầy đủ báo cáo"] == f"{reported}/{elapsed} kỳ"
    active, total = active_teams(demo_data, as_of=AS_OF, commune=commune)
    assert metrics["Tổ công nghệ số cộng đồng"] == f"{active}/{total} thôn"


@pytest.mark.parametrize(("stage", "as_of"), [(STAGE, AS_OF), ("GD1-2025", date(2025, 9, 1))])
def test_cluster_of_three_is_summed_not_averaged(app_env, demo_data, stage, as_of):
    at = open_locality({"stage": stage, "as_of": as_of.isoformat(), "commune": CLUSTER})
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Cụm 3 xã/phường"
    expected = group_values(demo_data, stage_code=stage, as_of=as_of, communes=CLUSTER)
    assert_values_match(tile_values(at), expected)
    breakdown = at.dataframe[0].value
    assert list(breakdown["Mã"]) == CLUSTER
    for commune in CLUSTER:
        own = group_values(demo_data, stage_code=stage, as_of=as_of, communes=[commune])
        row = breakdown[breakdown["Mã"] == commune].iloc[0]
        assert parse_shown(row["CT01"]) == pytest.approx(round(own["CT01"], 1), abs=0.051)


def test_english_labels(app_env):
    at = open_locality({"lang": "en", "commune": "40001"})
    assert not at.exception
    assert "Rank in the province" in [m.label for m in at.metric]
    assert any("Villages" in h.value for h in at.subheader)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"commune": "4000x"}, "4000x"),
        ({"commune": "123"}, "123"),
        ({"commune": "49999"}, "49999"),
        ({"commune": ["40001", "49999"]}, "49999"),
        ({"commune": "40001", "village": "4000100"}, "4000100"),
        ({"commune": "40001", "village": "40001999"}, "40001999"),
        ({"commune": "40002", "village": "40001005"}, "40001005"),
    ],
)
def test_wrong_codes_give_a_message_and_the_page_still_works(app_env, query, fragment):
    at = open_locality(query)
    assert not at.exception, [e.value for e in at.exception]
    assert any(fragment in w for w in at.url_warnings), at.url_warnings
    assert at.title[0].value  # the page is drawn: the chooser, or the valid commune
    if "40001" in query.get("commune", []) or query.get("commune") == "40001":
        assert len(tile_values(at)) == 10


def test_village_shows_what_is_reported(app_env):
    at = open_locality({"commune": "40001", "village": "40001005", "as_of": "2026-09-30"})
    assert not at.exception
    assert at.title[0].value == "Tổ dân phố 5"
    assert "31/08/2026" in at.metric[0].value  # its team became active that day
    log = at.dataframe[0].value
    assert list(log["Chỉ tiêu"]) == ["CT06"]
    # Before that day nothing is reported for it, and the page says so.
    at = open_locality({"commune": "40001", "village": "40001005", "as_of": "2026-08-01"})
    assert any("Chưa có số liệu" in i.value for i in at.info)


def test_village_alone_picks_its_commune(app_env):
    at = open_locality({"village": "40001005"})
    assert not at.exception
    assert at.title[0].value == "Tổ dân phố 5"
    assert url_values(at, "commune") == ["40001"]
    assert url_values(at, "village") == ["40001005"]


def test_breadcrumb_goes_back_up(app_env):
    at = open_locality({"commune": "40001", "village": "40001005"})
    at.button(key="crumb_40001").click().run()
    assert at.title[0].value == "Phường Buôn Ma Thuột"
    assert "village" not in at.query_params
    at.button(key="crumb_province").click().run()
    assert at.title[0].value == "Địa bàn"
    assert "commune" not in at.query_params


def test_cluster_breadcrumb_opens_one_commune(app_env):
    at = open_locality({"commune": CLUSTER})
    at.button(key="crumb_40015").click().run()
    assert at.title[0].value == "Xã Ea Kar"
    assert url_values(at, "commune") == ["40015"]


@pytest.mark.parametrize("query", ["buon ma thuot", "Buôn Ma Thuột", "BUÔN MA THUỘT", "40001"])
def test_search_box_picks_the_commune_and_writes_the_url(app_env, query):
    at = open_locality({})
    assert at.title[0].value == "Địa bàn"
    at.text_input(key="f_search").input(query).run()
    assert not at.exception
    assert at.title[0].value == "Phường Buôn Ma Thuột"
    assert url_values(at, "commune") == ["40001"]
    assert at.text_input(key="f_search").value == ""


def test_search_dak_offers_every_dak_commune_then_adds_two(app_env, demo_data):
    loc = demo_data.localities
    # "Đắk" and "Đăk" both fold to "dak".
    dak = sorted(loc[loc["name"].str.contains("Đ[ắă]k") & (loc["code"].str.len() == 5)]["code"])
    at = open_locality({})
    at.text_input(key="f_search").input("dak").run()
    offered = sorted(
        b.key.removeprefix("f_search_add_")
        for b in at.button
        if b.key and b.key.startswith("f_search_add_")
    )
    assert len(dak) > 8 and len(offered) == 8 and set(offered) <= set(dak)
    assert set(at.multiselect(key="f_communes").options) >= {
        f"{n} ({c})" for c, n in zip(loc["code"], loc["name"], strict=True) if c in dak
    }
    at.button(key=f"f_search_add_{offered[0]}").click().run()
    at.text_input(key="f_search").input("ea kar").run()
    assert url_values(at, "commune") == [offered[0], "40015"]
    assert at.title[0].value == "Cụm 2 xã/phường"


def test_choice_persists_across_pages(app_env):
    at = open_locality({"commune": ["40001", "40015"]})
    at.switch_page("pages/overview.py").run()
    assert url_values(at, "commune") == ["40001", "40015"]
    at.switch_page(PAGE).run()
    assert at.title[0].value == "Cụm 2 xã/phường"
