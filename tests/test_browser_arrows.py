"""Change arrows in Chromium: the arrow follows the number, the colour follows the indicator.

A falling higher-is-better value shows a red down arrow, a falling lower-is-better value a
green one, on the overview's tiles (change since the previous report) and on the locality
page (the commune against the province). The demo gets three extra indicators that fall
every week (tests/extra_indicators.py), so every case is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from data_access.engine import create_db_engine
from data_access.migrate import upgrade_to_head
from data_access.seed import seed_database
from tests.extra_indicators import AS_OF, STAGE, ExtraIndicator, with_indicators
from tests.live_app import chromium_available, chromium_page, open_and_wait, streamlit_server
from tests.viewers import link_test_identities

pytestmark = pytest.mark.browser

MINUS = "\u2212"
EXTRAS = [
    ExtraIndicator(
        "CT11",
        "Số người chưa được tập huấn kỹ năng số",
        "Residents not yet trained in digital skills",
        "count",
        "lower",
        50000,
        0,
        lambda commune, week: (max(0, 900 - 3 * commune - 7 * week), None),
    ),
    ExtraIndicator(
        "CT12",
        "Tỷ lệ hộ dùng ví điện tử",
        "% of households using an e-wallet",
        "percent",
        "higher",
        60,
        90,
        lambda commune, week: (900 - 3 * commune - 2 * week, 1000),
    ),
    ExtraIndicator(
        "CT13",
        "Tỷ lệ hộ chưa có điện thoại thông minh",
        "% of households without a smartphone",
        "percent",
        "lower",
        60,
        10,
        lambda commune, week: (600 - 3 * commune - 5 * week, 1000),
    ),
]
DIRECTION = {extra.code: extra.direction for extra in EXTRAS}
VIEW = f"stage={STAGE}&as_of={AS_OF.isoformat()}"
# Each metric's arrow, colour family, delta text and the code its tile names (JavaScript).
READ_METRICS = """() => Array.from(document.querySelectorAll('[data-testid="stMetricDelta"]'))
    .map((delta) => {
        const icon = delta.querySelector('svg[data-testid^="stMetricDeltaIcon"]');
        const [r, g] = getComputedStyle(delta).color.match(/\\d+/g).map(Number);
        const tile = delta.closest('[data-testid="stVerticalBlock"]');
        const code = (tile.innerText.match(/CT\\d\\d/) || [null])[0];
        return {
            code,
            text: delta.innerText.trim(),
            arrow: icon ? icon.dataset.testid.replace("stMetricDeltaIcon-", "") : "none",
            colour: r > g ? "red" : g > r ? "green" : "grey",
        };
    })"""


@pytest.fixture(scope="module")
def falling_app(tmp_path_factory, demo_data) -> Iterator[str]:
    if not chromium_available():
        pytest.skip("chromium is not installed")
    url = f"sqlite:///{tmp_path_factory.mktemp('arrows') / 'falling.db'}"
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    seed_database(engine, with_indicators(demo_data, EXTRAS))
    link_test_identities(engine)
    engine.dispose()
    with streamlit_server(url) as base:
        yield base


def _metrics(base: str, path: str) -> dict[str, dict]:
    with chromium_page(1920, 1080, base=base) as page:
        open_and_wait(page, f"{base}/{path}")
        assert page.locator('[data-testid="stException"]').count() == 0
        return {m["code"]: m for m in page.evaluate(READ_METRICS) if m["code"]}


def _expected_colour(text: str, direction: str) -> str:
    falling = text.startswith(MINUS)
    return "green" if falling == (direction == "lower") else "red"


def test_overview_arrows_follow_the_number_and_colours_the_direction(falling_app):
    metrics = _metrics(falling_app, f"?{VIEW}")
    for code in DIRECTION:  # every extra indicator fell since its previous report
        assert metrics[code]["text"].startswith(MINUS), metrics[code]
        assert metrics[code]["arrow"] == "Down", metrics[code]
    assert metrics["CT11"]["colour"] == "green"  # fewer left to train: good news
    assert metrics["CT12"]["colour"] == "red"  # fewer households on e-wallets: bad news
    assert metrics["CT13"]["colour"] == "green"  # fewer without a smartphone: good news
    for metric in metrics.values():  # the demo's own tiles obey the same rule
        falling = metric["text"].startswith(MINUS)
        assert metric["arrow"] == ("Down" if falling else "Up"), metric
        assert metric["colour"] == _expected_colour(
            metric["text"], DIRECTION.get(metric["code"], "higher")
        )


@pytest.mark.parametrize(("which", "arrow"), [(-1, "Down"), (0, "Up")])
def test_locality_comparison_with_the_province_is_inverted_for_lower_is_better(
    falling_app, demo_data, which, arrow
):
    communes = sorted(demo_data.localities.query("kind in ['xa', 'phuong']")["code"])
    # Values fall with the commune's index: the last is below the province, the first above.
    metrics = _metrics(falling_app, f"locality?{VIEW}&commune={communes[which]}")
    for code in ("CT12", "CT13"):
        assert metrics[code]["arrow"] == arrow, metrics[code]
        assert metrics[code]["colour"] == _expected_colour(metrics[code]["text"], DIRECTION[code])
    assert metrics["CT12"]["colour"] != metrics["CT13"]["colour"]
