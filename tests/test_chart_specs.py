"""Every chart the pages, the slides and the brief draw is written by charts.spec.spec_of: the
spec Altair itself writes (its rows placed and named the same way or equivalently), valid
Vega-Lite though the app never validates it, and kept apart per database."""

from __future__ import annotations

import copy
import hashlib
import json

import altair as alt
import numpy as np
import pandas as pd
import pytest

import charts.render
import ui.charts
import ui.presentation_slides
from charts.spec import spec_of
from reports.brief import build_brief_pdf
from tests.apptest import open_app
from tests.viewers import link_test_identities

# The pages that draw charts, as the committee opens them, and the slides that hold charts.
CHART_PAGES = [
    ("pages/overview.py", {}),
    ("pages/map.py", {}),
    ("pages/map.py", {"commune": "40001"}),
    ("pages/indicators.py", {}),
    ("pages/target_groups.py", {}),
    ("pages/locality.py", {"commune": "40001"}),
    ("pages/present.py", {"present": "1", "slide": "2"}),
    ("pages/present.py", {"present": "1", "slide": "3"}),
]


def canonical(spec: dict) -> tuple[str, list[str]]:
    """The spec as text with each dataset named by its rows, and the rows themselves: two
    specs are the same chart when these are equal, whatever their datasets are called."""
    spec = json.loads(json.dumps(spec, default=str))
    datasets = spec.pop("datasets", {})
    text = json.dumps(spec, sort_keys=True)
    rows = []
    for name, values in datasets.items():
        written = json.dumps(values, sort_keys=True)
        text = text.replace(f'"{name}"', '"' + hashlib.sha256(written.encode()).hexdigest() + '"')
        rows.append(written)
    return text, sorted(rows)


def assert_altairs_spec(chart: alt.TopLevelMixin, spec: dict) -> None:
    assert canonical(spec) == canonical(chart.to_dict(validate=False))
    type(chart).validate(spec)  # the Vega-Lite schema, as Altair's own validation checks it


FRAME = pd.DataFrame(
    {
        "a": [1, 2, 3],
        "b": [0.5, np.nan, 2.0],
        "c": ["x", "y", None],
        "d": pd.to_datetime(["2026-01-01", "2026-02-01", None]),
    }
)


@pytest.mark.parametrize(
    "build",
    [
        lambda: alt.Chart(FRAME).mark_bar().encode(x="a:Q", y="b:Q"),
        lambda: alt.layer(
            alt.Chart(FRAME).mark_bar().encode(x="a:Q"),
            alt.Chart(FRAME).mark_text().encode(x="a:Q", text="c:N"),
            alt.Chart(FRAME.head(1)).mark_rule().encode(x="d:T"),
        ),
        lambda: alt.layer(alt.Chart().mark_bar().encode(x="a:Q"), data=FRAME),
        # Inline rows stay where they were given; NumPy numbers, dates and nested shapes are
        # written as Altair writes them.
        lambda: alt.layer(
            alt.Chart().mark_geoshape(),
            data=alt.Data(
                values=[
                    {
                        "n": np.int64(3),
                        "day": pd.Timestamp("2026-11-20").date(),
                        "shape": {"type": "Point", "coordinates": (105.5, 12.25)},
                    }
                ]
            ),
        ),
        lambda: alt.Chart(alt.Data(values=[{"x": 100}])).mark_rule().encode(x="x:Q"),
        # Rows with a format (a GeoJSON collection read by its features) are Altair's to write.
        lambda: alt.Chart(
            alt.Data(
                values={"type": "FeatureCollection", "features": []},
                format=alt.DataFormat(property="features"),
            )
        ).mark_geoshape(),
    ],
    ids=["frame", "layers-of-frames", "layer-data", "inline-rows", "inline-chart", "formatted"],
)
def test_spec_of_writes_what_altair_writes(build):
    chart = build()
    before = chart.to_dict(validate=False)
    assert_altairs_spec(chart, spec_of(chart))
    assert chart.to_dict(validate=False) == before  # the chart is left as it was


@pytest.mark.parametrize("database_factory", ["sqlite"], indirect=True, scope="session")
def test_every_chart_drawn_is_altairs_spec_and_valid(seeded_copy, demo_sqlite_url, monkeypatch):
    # The shared demo first: a database at the same data version, whose charts are kept.
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    for page, query in CHART_PAGES:
        open_app(query, page)
    drawn: list[tuple[alt.TopLevelMixin, dict]] = []

    def recording(chart):
        spec = spec_of(chart)
        drawn.append((chart, copy.deepcopy(spec)))
        return spec

    monkeypatch.setattr(ui.charts, "spec_of", recording)
    monkeypatch.setattr(charts.render, "spec_of", recording)
    monkeypatch.setattr(ui.presentation_slides, "spec_of", recording)
    link_test_identities(seeded_copy)
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    per_page = []
    for page, query in CHART_PAGES:
        at = open_app(query, page)
        assert not at.exception, (page, query, [e.value for e in at.exception])
        per_page.append(len(drawn) - sum(per_page))
    on_pages = len(drawn)
    build_brief_pdf(seeded_copy, lang="en")
    # Each page drew its charts for this database: none came from another database's cache.
    assert all(per_page), dict(zip(map(str, CHART_PAGES), per_page, strict=True))
    assert len(drawn) > on_pages  # the brief's charts
    for chart, spec in drawn:
        assert_altairs_spec(chart, spec)
