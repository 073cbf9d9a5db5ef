"""AppTest runs of the committee's pages: every stage and language, filters, page controls."""

from __future__ import annotations

import pytest

from tests.test_app import run_app

COMMITTEE_PAGES = [
    "pages/overview.py",
    "pages/indicators.py",
    "pages/target_groups.py",
    "pages/ranking.py",
]
CLUSTER = ["40001", "40025", "40071"]


def _open(query: dict, page: str):
    at = run_app(query, None if page == "pages/overview.py" else page)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", COMMITTEE_PAGES)
@pytest.mark.parametrize("stage", ["GD1-2025", "GD2-2026"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_committee_pages_run_for_every_stage(app_env, page, stage, lang):
    query = {"stage": stage, **({"lang": "en"} if lang == "en" else {})}
    at = _open(query, page)
    assert at.title, "every page has a title"
    captions = " ".join(c.value for c in at.caption)
    assert ("As of" if lang == "en" else "Số liệu đến") in captions  # every screen says its date


@pytest.mark.parametrize("page", COMMITTEE_PAGES)
@pytest.mark.parametrize(
    "query",
    [
        {"stage": "GD1-2025", "as_of": "2025-07-01"},  # before any report
        {"stage": "GD1-2025", "as_of": "2025-12-31"},  # after the deadline
        {"stage": "GD2-2026", "commune": CLUSTER},
        {"stage": "GD2-2026", "commune": ["40071"]},  # one commune that stopped reporting
    ],
)
def test_committee_pages_run_with_filters(app_env, page, query):
    _open(query, page)


@pytest.mark.parametrize("page", COMMITTEE_PAGES)
@pytest.mark.parametrize("agency", ["CA", "VP_UBND"])  # VP_UBND's indicator has no group
def test_committee_pages_run_for_one_agency(app_env, page, agency):
    at = _open({"stage": "GD2-2026", "agency": agency}, page)
    if page == "pages/overview.py":
        assert len(at.metric) == {"CA": 2, "VP_UBND": 1}[agency]
    if page == "pages/ranking.py":
        assert any(agency in i.value for i in at.info)


def test_overview_before_any_report_says_no_data(app_env):
    at = _open({"stage": "GD1-2025", "as_of": "2025-07-01"}, "pages/overview.py")
    assert [m.value for m in at.metric] == ["—"] * 10
    assert sum("Chưa có số liệu" in m.value for m in at.markdown) >= 10


def test_meeting_date_moves_the_changes_and_the_url(app_env):
    at = _open({"stage": "GD1-2025", "as_of": "2025-09-03"}, "pages/overview.py")
    assert at.query_params["meeting"] == "2025-08-20"  # a fortnight before as-of by default
    assert any("20/08/2025" in h.value for h in at.subheader)
    at.date_input(key="committee_meeting").set_value("2025-08-01").run()
    assert not at.exception
    assert at.query_params["meeting"] == "2025-08-01"
    assert any("01/08/2025" in h.value for h in at.subheader)


def test_ranking_shares_the_meeting_date(app_env):
    at = _open({"stage": "GD1-2025", "as_of": "2025-09-03"}, "pages/overview.py")
    at.date_input(key="committee_meeting").set_value("2025-08-01").run()
    at.switch_page("pages/ranking.py").run()
    assert not at.exception
    assert at.date_input(key="committee_meeting").value.isoformat() == "2025-08-01"


def test_choosing_an_indicator_keeps_it_in_the_url(app_env):
    at = _open({"stage": "GD1-2025"}, "pages/indicators.py")
    at.selectbox(key="committee_indicator").select("CT07").run()
    assert not at.exception
    assert at.query_params["indicator"] == "CT07"
    assert any(h.value.startswith("CT07") for h in at.subheader)
    # A count indicator: each commune is judged against its population share of the target.
    table = at.dataframe[0].value
    assert len(table) == 102 and table["progress"].notna().all()


def test_choosing_a_table_row_opens_the_commune(app_env):
    at = _open({"stage": "GD1-2025"}, "pages/indicators.py")
    code = at.dataframe[0].value["code"].iloc[0]
    name = at.dataframe[0].value["commune"].iloc[0]
    at.session_state["committee_indicator_table"] = {
        "selection": {"rows": [0], "columns": [], "cells": []}
    }
    at.run()
    assert not at.exception
    # AppTest follows st.switch_page: the frame reads the commune from the URL and the
    # locality page shows it (the browser test checks the sidebar too).
    assert [t.value for t in at.title] == [name]
    assert at.query_params["commune"] == code


def test_target_groups_filter_by_kind_and_sort_by_people(app_env):
    at = _open({"stage": "GD2-2026"}, "pages/target_groups.py")
    at.button_group(key="committee_group_kind").set_value("phuong").run()
    at.button_group(key="committee_group_sort").set_value("gap_people").run()
    assert not at.exception
    assert at.query_params["kind"] == "phuong" and at.query_params["sort"] == "gap_people"
    assert all("(14)" in m.value for m in at.markdown if m.value.startswith("**Từng xã"))


def test_target_groups_draw_only_the_open_tab_and_keep_it_across_languages(app_env):
    at = _open({"stage": "GD2-2026"}, "pages/target_groups.py")
    assert len(at.tabs) == 5 and len(at.get("vega_lite_chart")) == 2  # one group's two charts
    at.session_state["committee_group_tab"] = at.tabs[2].label
    at.run()
    vietnamese = [m.value for m in at.markdown if "CT" in m.value and "**" in m.value][0]
    at.toggle(key="f_lang_en").set_value(True).run()
    assert not at.exception
    english = [m.value for m in at.markdown if "CT" in m.value and "**" in m.value][0]
    assert at.session_state["committee_group_tab"] == at.tabs[2].label != at.tabs[0].label
    indicator = vietnamese.split("**")[-2]
    assert indicator.startswith("CT") and f"**{indicator}**" in english


def test_ranking_lists_every_commune_and_unscored_apart(app_env):
    at = _open({"stage": "GD1-2025", "as_of": "2025-07-18"}, "pages/ranking.py")
    assert len(at.dataframe[0].value) == 0
    assert "102" in at.warning[0].value  # nobody has reported yet: all listed as unscored
    at = _open({"stage": "GD2-2026"}, "pages/ranking.py")
    table = at.dataframe[0].value
    assert len(table) == 102 and list(table["rank"]) == sorted(table["rank"])


# A page's own parameter in a fresh link survives the frame's rewrite of the shared ones.
def test_a_link_with_an_indicator_opens_it(app_env):
    at = _open({"stage": "GD1-2025", "indicator": "CT04"}, "pages/indicators.py")
    assert any(h.value.startswith("CT04") for h in at.subheader)


def test_a_link_with_a_meeting_date_uses_it(app_env):
    at = _open(
        {"stage": "GD1-2025", "as_of": "2025-09-03", "meeting": "2025-08-01"}, "pages/overview.py"
    )
    assert any("01/08/2025" in h.value for h in at.subheader)


def test_a_wrong_page_parameter_gives_a_message(app_env):
    at = _open({"stage": "GD1-2025", "indicator": "CT99"}, "pages/indicators.py")
    assert any("CT99" in w.value for w in at.warning)
