"""Department-head view: `agency=<code>` keeps only that agency's indicators on every page."""

from __future__ import annotations

import pytest

from figures.requests import read_url_agency
from tests.test_app import run_app
from ui.navigation import PAGES

AGENCIES = {"SKHCN", "SGDDT", "SNV", "CA", "SCT", "VP_UBND"}


@pytest.mark.parametrize(
    ("value", "code", "problems"),
    [
        ([], None, []),
        (["CA"], "CA", []),
        (["ca"], "CA", []),
        (["vp_ubnd"], "VP_UBND", []),
        (["XYZ"], None, ["url.unknown_agency"]),
    ],
)
def test_read_url_agency(value, code, problems):
    params = {"agency": value} if value else {}
    got, found = read_url_agency(params, known_agencies=AGENCIES)
    assert got == code
    assert [key for key, _ in found] == problems


def _indicator_codes_shown(at) -> set[str]:
    # Tile titles are buttons (they open the indicator's page); the rest is Markdown.
    text = " ".join([m.value for m in at.markdown] + [b.label for b in at.button])
    return {f"CT{i:02d}" for i in range(1, 11) if f"CT{i:02d}" in text}


@pytest.mark.parametrize(
    ("agency", "codes"),
    [("CA", {"CT04", "CT08"}), ("SGDDT", {"CT02"}), ("SKHCN", {"CT03", "CT06", "CT07"})],
)
def test_overview_shows_only_the_agencys_indicators(app_env, agency, codes):
    at = run_app({"agency": agency})
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.metric) == len(codes)
    assert _indicator_codes_shown(at) == codes
    assert at.query_params["agency"] in (agency, [agency])


def test_unknown_agency_gives_a_message_and_every_indicator(app_env):
    at = run_app({"agency": "XYZ"})
    assert not at.exception
    assert any("XYZ" in w.value for w in at.warning)
    assert len(at.metric) == 10


def test_target_groups_page_keeps_the_agencys_groups(app_env):
    at = run_app({"agency": "CA"}, "pages/target_groups.py")
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join(t.label for t in at.tabs) + " ".join(m.value for m in at.markdown)
    assert "VNeID" in text
    assert "Học sinh" not in text


@pytest.mark.parametrize("page", [page.path for page in PAGES])
def test_every_page_runs_for_an_agency(app_env, page):
    at = run_app({"agency": "SCT", "commune": "40001"}, page)
    assert not at.exception, [e.value for e in at.exception]
