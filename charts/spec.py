"""A chart's Vega-Lite spec, the one way screens, slides and the brief turn a chart into one.

The charts are built by this code from checked figures, so Altair's schema validation is
skipped. Their rows go into the spec as they are: Altair's own `to_dict` walks every value of
every row through its type checks (nine tenths of the time a map's spec took), though they are
already what Vega-Lite reads.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import altair as alt
import pandas as pd

# Values Vega-Lite reads as they are; anything else (a date, a NumPy number) goes through
# Altair's own conversion, so the spec stays what Altair would have written.
_PLAIN = (str, int, float, bool, type(None))
# Where a chart holds other charts, each of which may carry rows of its own.
_CHILDREN = ("layer", "hconcat", "vconcat", "concat")


def spec_of(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """`chart.to_dict(validate=False)`, its rows put in without being walked value by value:
    a DataFrame's in `datasets` (where Altair moves them), `alt.Data` values where they were
    given. `chart` is left as it was."""
    rows = _Rows()
    try:
        _detach(chart, rows)
        spec = chart.to_dict(validate=False)
    finally:
        for node, data in rows.restore:
            node.data = data
    _put_back(spec, rows.inline)
    if rows.datasets:
        spec["datasets"] = {**spec.get("datasets", {}), **rows.datasets}
    return spec


class _Rows:
    """The rows taken out of a chart while Altair writes the rest of its spec."""

    def __init__(self) -> None:
        self.datasets: dict[str, list[Any]] = {}  # a DataFrame's rows, by their hash's name
        self.inline: dict[str, list[Any]] = {}  # alt.Data rows, by a stand-in name
        self.restore: list[tuple[Any, Any]] = []  # (chart, the data it had)
        self.names: dict[int, str] = {}  # id(DataFrame) -> its dataset's name


def _detach(node: Any, rows: _Rows) -> None:
    data = getattr(node, "data", alt.Undefined)
    name = None
    if isinstance(data, pd.DataFrame):
        name = rows.names.get(id(data)) or _dataset(data, rows)
    elif isinstance(data, alt.Data) and _only_values(data):
        name = f"inline-rows-{len(rows.inline)}"
        rows.inline[name] = [_plain(row) for row in data.values]
    if name is not None:
        rows.restore.append((node, data))
        node.data = alt.NamedData(name=name)
    for attribute in _CHILDREN:
        children = getattr(node, attribute, alt.Undefined)
        for child in () if children is alt.Undefined else children:
            _detach(child, rows)


def _dataset(frame: pd.DataFrame, rows: _Rows) -> str | None:
    """The name of the frame's rows in `datasets` as the data transformer writes them; None
    when it writes them elsewhere (a file, a URL), which Altair then does as usual."""
    written = alt.data_transformers.get()(frame)
    if not isinstance(written, dict) or set(written) != {"values"}:
        return None
    name = rows.names[id(frame)] = _name(written["values"])
    rows.datasets[name] = written["values"]
    return name


def _only_values(data: alt.Data) -> bool:
    """Rows given as a list and nothing else (no name, no format)."""
    given = {prop: getattr(data, prop, alt.Undefined) for prop in ("name", "format", "values")}
    return given["name"] is given["format"] is alt.Undefined and isinstance(given["values"], list)


def _put_back(spec: dict[str, Any], inline: dict[str, list[Any]]) -> None:
    """Each stand-in name in the written spec replaced by the rows it stands for."""
    data = spec.get("data")
    if isinstance(data, dict) and data.get("name") in inline:
        spec["data"] = {"values": inline[data["name"]]}
    for attribute in _CHILDREN:
        for child in spec.get(attribute, ()):
            _put_back(child, inline)


def _plain(value: Any) -> Any:
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not alt.Undefined}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return alt.Data(values=[value]).to_dict(validate=False)["values"][0]


def _name(values: list[Any]) -> str:
    text = json.dumps(values, sort_keys=True, default=str)
    return "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]
