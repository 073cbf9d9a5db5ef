"""AppTest runs of the frame and every page: no exception, and the key figures present."""

from __future__ import annotations

import pytest

from tests import apptest
from tests.apptest import FrameApp, open_app
from ui.navigation import PAGES


def run_app(query: dict[str, str | list[str]] | None = None, page: str | None = None) -> FrameApp:
    """The frame run with `query`, then `page` (tests.apptest.open_app)."""
    return open_app(query, page)


@pytest.mark.parametrize("page", [f"pages/{page.name}.py" for page in PAGES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_runs(app_env, page, lang):
    at = run_app({"lang": lang} if lang == "en" else None, page)
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("stage", ["GD1-2025", "GD2-2026"])
def test_overview_shows_ten_indicator_values(app_env, stage):
    at = run_app({"stage": stage})
    assert not at.exception
    values = [metric.value for metric in at.metric]
    assert len(values) == 10
    assert all(value and value != "—" for value in values)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"commune": "4000"}, "4000"),
        ({"commune": "99999"}, "99999"),
        ({"as_of": "2025-13-01"}, "2025-13-01"),
        ({"stage": "GD9"}, "GD9"),
    ],
)
def test_wrong_url_values_give_a_message_not_a_traceback(app_env, query, fragment):
    at = run_app(query)
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any(fragment in w for w in warnings), warnings
    assert len(at.metric) == 10


def test_page_tests_share_the_installed_components_found_once(app_env):
    """The test helper's one tie to AppTest's inside: the components found by one run are
    handed to the next AppTest, as a server finds them once. A renamed attribute fails here."""
    first, second = open_app(), open_app()
    assert not first.exception and not second.exception
    found = getattr(first, apptest._COMPONENTS_ATTRIBUTE)
    assert found is not None and getattr(second, apptest._COMPONENTS_ATTRIBUTE) is found
