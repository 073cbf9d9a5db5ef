"""Every numeric column of every table writes its numbers the way the chosen language does.

Vietnamese 1.234,5 · 83,9 % · −4,3; English 1,234.5 · 83.9% · −4.3. The test reads what the
browser would draw: a Styler's display text for number columns (which must then carry no
printf format of their own, or Streamlit would ignore the text), and a progress bar's format.
"""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pytest

from tests.apptest import open_app

VIEW = {"stage": "GD1-2025", "as_of": "2025-09-03"}
CLUSTER = ["40001", "40015", "40071"]
PAGES = [
    pytest.param("pages/ranking.py", {}, id="ranking"),
    pytest.param("pages/indicators.py", {"indicator": "CT01"}, id="indicator-percent"),
    pytest.param("pages/indicators.py", {"indicator": "CT07"}, id="indicator-count"),
    pytest.param("pages/locality.py", {}, id="locality-chooser"),
    pytest.param("pages/locality.py", {"commune": CLUSTER}, id="locality-cluster"),
    pytest.param("pages/data.py", {}, id="data"),
]
# A number as each language writes it, signed or not, maybe a percent or a change in points.
WRITTEN = {
    "vi": re.compile(r"^[+\u2212±]?\d{1,3}(\.\d{3})*(,\d+)?(\u00a0%| điểm %)?$"),
    "en": re.compile(r"^[+\u2212±]?\d{1,3}(,\d{3})*(\.\d+)?(%| pp)?$"),
}
PROGRESS_FORMAT = {"vi": "%.0f\u00a0%%", "en": "%.0f%%"}
MISSING = "—"


def _tables(at) -> list[tuple[pa.Table, pa.Table | None, dict]]:
    """(data, the Styler's display text or None, column config) of every table on the page."""
    tables = []
    for frame in at.dataframe:
        arrow = frame.proto.arrow_data
        data = pa.ipc.open_stream(arrow.data).read_all()
        shown = None
        if arrow.styler.display_values:
            shown = pa.ipc.open_stream(arrow.styler.display_values).read_all()
        tables.append((data, shown, json.loads(frame.proto.columns or "{}")))
    return tables


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("page", "query"), PAGES)
def test_every_numeric_column_follows_the_language(app_env, page, query, lang):
    at = open_app({**VIEW, **query, "lang": lang}, page)
    assert not at.exception, [e.value for e in at.exception]
    tables = _tables(at)
    assert tables, "the page shows no table"
    checked = 0
    for data, shown, config in tables:
        for name in data.column_names:
            if (
                name.startswith("_")
                or not pa.types.is_integer(data.schema.field(name).type)
                and (not pa.types.is_floating(data.schema.field(name).type))
            ):
                continue
            column = config.get(name, {})
            kind = column.get("type_config", {})
            if kind.get("type") == "progress":
                assert kind.get("format") == PROGRESS_FORMAT[lang], (name, kind)
                checked += 1
                continue
            assert "format" not in kind, (name, kind)  # it would hide the written text
            assert shown is not None, f"{name}: a number column without written text"
            texts = [t for t in shown.column(name).to_pylist() if t and t != MISSING]
            bad = [t for t in texts if not WRITTEN[lang].match(t)]
            assert not bad, (page, name, bad[:5])
            checked += 1
    assert checked, "no numeric column was checked"


def test_thousands_and_decimals_are_written_in_vietnamese(app_env):
    """A count indicator's commune values pass 999: the thousands point is there."""
    late = {"stage": "GD2-2026", "as_of": "2026-09-30", "indicator": "CT07", "lang": "vi"}
    at = open_app(late, "pages/indicators.py")
    data, shown, _ = next(t for t in _tables(at) if "value" in t[0].column_names)
    pairs = zip(data.column("value").to_pylist(), shown.column("value").to_pylist(), strict=True)
    big = [(v, s) for v, s in pairs if v is not None and v >= 1000]
    assert big, "no commune value of 1,000 or more"
    for value, text in big:
        assert text == f"{value:,.0f}".replace(",", "."), (value, text)
