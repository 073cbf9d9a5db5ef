"""Who may open which page, and see which figures: every demo role over every page, URLs
that try to widen a view, and two users with different scopes on one server.

Figures are compared with an independent reading of the raw report files (tests.oracle).
"""

from __future__ import annotations

from datetime import date

import pytest

from i18n import translate
from i18n.formats import format_value
from tests import oracle
from tests.apptest import open_app
from ui.navigation import PAGES

AS_OF = date(2026, 9, 30)
VIEW = {"stage": "GD2-2026", "as_of": AS_OF.isoformat()}
# The pages each demo account's role opens (the rest are not in its navigation at all).
MAY_OPEN = {
    "committee": {
        "overview",
        "map",
        "indicators",
        "target_groups",
        "locality",
        "ranking",
        "meetings",
        "admin",
        "present",
    },
    "head.ca": {
        "overview",
        "map",
        "indicators",
        "target_groups",
        "locality",
        "ranking",
        "meetings",
    },
    "commune.40001": {
        "overview",
        "map",
        "indicators",
        "target_groups",
        "locality",
        "ranking",
        "meetings",
        "data",
        "entry",
    },
    "data.officer": {
        "overview",
        "map",
        "indicators",
        "target_groups",
        "locality",
        "ranking",
        "meetings",
        "data",
        "entry",
    },
    "admin": {
        "overview",
        "map",
        "indicators",
        "target_groups",
        "locality",
        "ranking",
        "meetings",
        "data",
        "admin",
    },
}
CELLS = [(login, page.name) for login in MAY_OPEN for page in PAGES]


def _registered(at) -> set[str]:
    return {
        p.rsplit("/", 1)[-1].removesuffix(".py")
        for p in (info.get("script_path") for info in at._registered_pages.values())
        if p
    }


@pytest.mark.parametrize(("login", "page"), CELLS)
def test_each_role_opens_exactly_its_pages(app_env, login, page):
    at = open_app({**VIEW, **({"present": "1"} if page == "present" else {})}, login=login)
    assert not at.exception, [e.value for e in at.exception]
    if page not in MAY_OPEN[login]:  # not in the viewer's navigation: unreachable
        with pytest.raises(ValueError):
            at.switch_page(f"pages/{page}.py")
    elif page not in ("overview", "present"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        assert translate("access.page_refused") not in [e.value for e in at.error]


def test_nobody_signed_in_sees_only_the_sign_in_page(app_env):
    at = open_app(VIEW, login=None)
    assert [t.value for t in at.title] == [translate("access.title")]
    assert len(at.metric) == 0 and not at.sidebar.selectbox


def _tile_values(at) -> list[str]:
    return [m.value for m in at.metric]


def _expected_values(demo_data, communes: list[str], codes: list[str]) -> list[str]:
    totals = oracle.group_totals(
        demo_data, as_of=AS_OF, communes=communes, indicators=codes, period_days=7
    ).set_index("indicator_code")
    units = demo_data.indicators.set_index("code")["unit"]
    return [
        format_value(
            oracle.value_of(totals.loc[c, "numerator"], totals.loc[c, "denominator"], units[c]),
            units[c],
            "vi",
        )
        for c in codes
    ]


@pytest.mark.parametrize(
    ("login", "query", "communes", "codes"),
    [
        ("commune.40001", {"commune": "40002"}, ["40001"], None),
        ("commune.40001", {"commune": ["40001", "40002"]}, ["40001"], None),
        ("commune.40001", {"province": "12"}, ["40001"], None),
        ("head.ca", {"agency": "SGDDT"}, None, ["CT04", "CT08"]),
        ("head.ca", {"agency": "sgddt", "commune": "40002"}, ["40002"], ["CT04", "CT08"]),
    ],
)
def test_a_url_can_narrow_a_view_never_widen_it(app_env, demo_data, login, query, communes, codes):
    at = open_app({**VIEW, **query}, login=login)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    outside = {"commune": "40002", "province": "12", "agency": query.get("agency")}
    dropped = [
        v for k, v in outside.items() if k in query and (k != "commune" or communes == ["40001"])
    ]
    for value in dropped:
        assert translate("access.outside", "vi", value=value) in warnings, warnings
    every = oracle.communes_of(demo_data, "99")
    codes = codes or list(demo_data.indicators["code"])
    assert _tile_values(at) == _expected_values(demo_data, communes or every, codes)


def test_two_users_on_one_server_never_see_each_others_figures(app_env, demo_data):
    every = oracle.communes_of(demo_data, "99")
    codes = list(demo_data.indicators["code"])
    province = _expected_values(demo_data, every, codes)
    mine = _expected_values(demo_data, ["40001"], codes)
    assert province != mine
    # One process, one cache: the committee first fills it with the province's figures.
    assert _tile_values(open_app(VIEW, login="committee")) == province
    officer = open_app(VIEW, login="commune.40001")
    assert _tile_values(officer) == mine
    names = [n.value for n in officer.sidebar.multiselect]
    assert names == [["40001"]]
    assert _tile_values(open_app(VIEW, login="committee")) == province
    assert _tile_values(open_app(VIEW, login="commune.40001")) == mine


def test_a_presentation_link_opens_the_slides_only(app_env):
    at = open_app({**VIEW, "link": "not-a-token"}, login="committee")
    assert translate("access.dead_link") in [e.value for e in at.error]
    assert len(at.metric) == 0
