"""AppTest runs of the frame and every page: no exception, and the key figures present."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_access.settings import PROJECT_ROOT
from ui.navigation import PAGES

APP_TIMEOUT_S = 60  # the first run migrates nothing but fills the query caches


def run_app(query: dict[str, str | list[str]] | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=APP_TIMEOUT_S)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", [page.path for page in PAGES])
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
