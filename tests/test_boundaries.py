"""Boundary import on SQLite and PostgreSQL: a large RFC 7946 file, bad files, re-imports."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.affinity
import sqlalchemy as sa
from shapely.geometry import mapping, shape

from charts.map import commune_map_chart, compute_map_rows
from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.boundaries import import_boundaries, import_boundary_sources
from data_access.cli import main
from data_access.geo.shapes import count_vertices, exterior_rings_clockwise
from data_access.geo.sources import BoundaryFileError
from data_access.geo_queries import fetch_child_boundaries
from data_access.importers.rollback import RollbackRefused, rollback_batch
from data_access.meta import fetch_data_version
from data_access.seed import DatasetFiles

pytestmark = pytest.mark.xdist_group("boundaries")

# The floor for a realistic province file.
MIN_SOURCE_VERTICES = 200_000
# Densifying step in degrees (~28 m) that turns the demo's ~3,200 vertices into > 200,000.
DENSIFY_STEP = 0.00025
PAYLOAD_BUDGET_102 = 300_000
# Area (square degrees) that rounding to 5 decimals may move between neighbours: ~1 m × borders.
AREA_TOLERANCE = 1e-5


def register_communes(engine: sa.Engine, demo: DatasetFiles) -> None:
    """Store the demo province and its communes (no shapes), as a commune register would."""
    rows = demo.localities[demo.localities["kind"].isin(["tinh", "xa", "phuong"])]
    with engine.begin() as connection:
        province = rows[rows["parent_code"] == ""].iloc[0]
        province_id = connection.execute(
            s.localities.insert().returning(s.localities.c.id),
            {
                "code": province["code"],
                "name": province["name"],
                "name_folded": "",
                "kind": "tinh",
                "level": s.LEVEL_PROVINCE,
            },
        ).scalar_one()
        connection.execute(
            s.localities.insert(),
            [
                {
                    "code": r["code"],
                    "name": r["name"],
                    "name_folded": "",
                    "kind": r["kind"],
                    "level": s.LEVEL_COMMUNE,
                    "parent_id": province_id,
                }
                for r in rows[rows["parent_code"] != ""].to_dict("records")
            ],
        )


def _densify_ring(ring: np.ndarray) -> np.ndarray:
    """Split every segment into pieces of at most DENSIFY_STEP, computed from its lesser end so a
    border two communes share gets the very same vertices in both."""
    points = []
    for a, b in zip(ring[:-1], ring[1:], strict=True):
        low, high = (a, b) if tuple(a) <= tuple(b) else (b, a)
        pieces = max(1, int(np.ceil(np.hypot(*(high - low)) / DENSIFY_STEP)))
        steps = low + (high - low) * (np.arange(pieces + 1)[:, None] / pieces)
        steps = np.round(steps, 8)
        points.append(steps[:-1] if tuple(a) == tuple(low) else steps[::-1][:-1])
    points.append(ring[-1:])
    return np.vstack(points)


def rfc7946_province(demo: DatasetFiles) -> dict:
    """The demo communes densified past 200,000 vertices, exterior rings counter-clockwise."""
    features = []
    for feature in demo.boundaries["features"]:
        geom = shape(feature["geometry"])
        polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        dense = shapely.MultiPolygon(
            [
                shapely.Polygon(
                    _densify_ring(np.asarray(p.exterior.coords)),
                    [_densify_ring(np.asarray(h.coords)) for h in p.interiors],
                )
                for p in polygons
            ]
        )
        dense = shapely.orient_polygons(dense, exterior_cw=False)  # RFC 7946 order
        code = feature["properties"]["code"]
        features.append(
            {
                "type": "Feature",
                "properties": {"MA_XA": int(code), "ten": "x"},
                "geometry": mapping(dense),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def table_contents(engine: sa.Engine) -> dict[str, list]:
    """Every row of every table, sorted, to compare a database before and after."""
    with engine.connect() as connection:
        return {
            table.name: sorted(map(repr, connection.execute(sa.select(table)).all()))
            for table in s.metadata.sorted_tables
        }


@pytest.fixture(scope="module")
def big_file(tmp_path_factory, demo_data) -> Path:
    path = tmp_path_factory.mktemp("geo") / "tinh_99_ranh_gioi_xa.geojson"
    path.write_text(json.dumps(rfc7946_province(demo_data)), encoding="utf-8")
    return path


def test_generated_file_is_large_and_in_rfc7946_order(big_file):
    collection = json.loads(big_file.read_text(encoding="utf-8"))
    geoms = [shape(f["geometry"]) for f in collection["features"]]
    assert count_vertices(geoms) >= MIN_SOURCE_VERTICES
    assert not any(exterior_rings_clockwise(f["geometry"]) for f in collection["features"])
    assert shapely.coverage_is_valid(np.asarray(geoms, dtype=object))


def test_large_import_fits_budget_draws_and_keeps_borders_shared(empty_engine, demo_data, big_file):
    register_communes(empty_engine, demo_data)
    version = fetch_data_version(empty_engine)
    result = import_boundaries(empty_engine, big_file, actor=Actor(name="tester"))
    assert result.changed and result.code_property == "MA_XA"
    assert len(result.matched) == 102 and not result.unmatched and not result.without_shape
    assert result.vertices_in >= MIN_SOURCE_VERTICES and result.vertices_out < 102 * 60
    assert fetch_data_version(empty_engine) != version

    stored = fetch_child_boundaries(empty_engine, parent_code="99")
    geometries = [json.loads(text) for text in stored["boundary"]]
    assert len(geometries) == 102
    # Vega draws clockwise exteriors; counter-clockwise ones would fill the whole chart.
    assert all(exterior_rings_clockwise(g) for g in geometries)
    shapes = np.asarray([shape(g) for g in geometries], dtype=object)
    # Shared borders stay shared: a valid coverage, with no gaps or overlaps opened.
    assert shapely.coverage_is_valid(shapes)
    union = shapely.union_all(shapes)
    assert abs(sum(g.area for g in shapes) - union.area) < AREA_TOLERANCE
    original = shapely.union_all([shape(f["geometry"]) for f in demo_data.boundaries["features"]])
    assert shapely.symmetric_difference(union, original).area < 0.002 * original.area

    rows = compute_map_rows(stored, _empty_board(), colour_by="progress", lang="vi")
    chart = commune_map_chart(rows, colour_by="progress", lang="vi", labels=True)
    assert len(json.dumps(chart.to_dict())) < PAYLOAD_BUDGET_102

    with empty_engine.connect() as connection:
        batch = connection.execute(sa.select(s.import_batches)).mappings().one()
    assert batch["kind"] == "boundaries" and batch["user_name"] == "tester"
    assert batch["file_name"] == big_file.name and batch["rows_added"] == 102
    assert batch["sha256"] == result.sha256 and len(result.sha256) == 64


def _empty_board():
    import pandas as pd

    return pd.DataFrame(columns=["commune_code"])


def test_same_file_again_changes_nothing(empty_engine, demo_data, tmp_path):
    register_communes(empty_engine, demo_data)
    path = tmp_path / "demo.geojson"
    path.write_text(json.dumps(demo_data.boundaries), encoding="utf-8")
    assert import_boundaries(empty_engine, path, actor=Actor(name="t")).changed
    before = table_contents(empty_engine)
    again = import_boundaries(empty_engine, path, actor=Actor(name="t"))
    assert not again.changed and again.replaced == 102
    assert table_contents(empty_engine) == before


def test_folder_of_single_features_by_feature_id(empty_engine, demo_data, tmp_path):
    register_communes(empty_engine, demo_data)
    for feature in demo_data.boundaries["features"][:3]:
        single = {
            "type": "Feature",
            "id": feature["properties"]["code"],
            "properties": {},
            "geometry": feature["geometry"],
        }
        (tmp_path / f"{single['id']}.geojson").write_text(json.dumps(single), encoding="utf-8")
    stray = {
        "type": "Feature",
        "id": "77777",
        "properties": {},
        "geometry": demo_data.boundaries["features"][0]["geometry"],
    }
    (tmp_path / "stray.json").write_text(json.dumps(stray), encoding="utf-8")
    result = import_boundaries(empty_engine, tmp_path, actor=Actor(name="t"))
    assert result.code_property is None and result.matched == ["40001", "40002", "40003"]
    assert result.unmatched == ["77777 (stray.json#1)"]
    assert len(result.without_shape) == 99


BAD_FILES = {
    "not_json": (b"ma_xa;geometry\n40001;POLYGON", "không phải JSON", "is not valid JSON"),
    "no_features": (
        b'{"type": "FeatureCollection", "features": []}',
        "không có đối tượng",
        "holds no GeoJSON feature",
    ),
    "no_code_property": (
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"ten": "Xã A"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]],
                        },
                    }
                ],
            }
        ).encode(),
        "Không tìm thấy thuộc tính chứa mã xã",
        "No property holding the commune code in",
    ),
    "matches_no_commune": (
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"code": "12345"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]],
                        },
                    }
                ],
            }
        ).encode(),
        "khớp với xã/phường",
        "matches a commune of the register",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_a_message_and_changes_nothing(
    empty_engine, demo_data, tmp_path, capsys, monkeypatch, case
):
    register_communes(empty_engine, demo_data)
    good = tmp_path / "good.geojson"
    good.write_text(json.dumps(demo_data.boundaries), encoding="utf-8")
    import_boundaries(empty_engine, good, actor=Actor(name="t"))
    before = table_contents(empty_engine)
    content, vietnamese, english = BAD_FILES[case]
    path = tmp_path / f"{case}.geojson"
    path.write_bytes(content)
    with pytest.raises(BoundaryFileError) as raised:
        import_boundaries(empty_engine, path, actor=Actor(name="t"))
    message = str(raised.value)
    assert vietnamese in message and english in message and path.name in message
    assert message.index(vietnamese) < message.index(english)  # Vietnamese first
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    assert main(["import-boundaries", str(path)]) == 2
    error = capsys.readouterr().err
    assert english in error and "Nothing was changed" in error and "Traceback" not in error
    assert table_contents(empty_engine) == before


def test_command_line_reports_what_it_did(empty_engine, demo_data, tmp_path, capsys, monkeypatch):
    register_communes(empty_engine, demo_data)
    features = demo_data.boundaries["features"][:100]
    path = tmp_path / "most.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {**f, "properties": {"ma_xa": f["properties"]["code"]}} for f in features
                ]
                + [
                    {
                        "type": "Feature",
                        "properties": {"ma_xa": "99999"},
                        "geometry": features[0]["geometry"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("DATABASE_URL", empty_engine.url.render_as_string(hide_password=False))
    assert main(["import-boundaries", str(path), "--code-property", "ma_xa"]) == 0
    out = capsys.readouterr().out
    assert "Matched 100 communes" in out
    assert "1 features match no commune: 99999 (most.geojson#101)" in out
    assert "2 communes still have no boundary" in out


def _shapes(engine: sa.Engine) -> dict[str, str | None]:
    loc = s.localities
    with engine.connect() as connection:
        rows = connection.execute(sa.select(loc.c.code, loc.c.boundary).where(loc.c.level == 1))
        return dict(rows.all())


def test_dry_run_counts_and_writes_nothing(empty_engine, demo_data):
    register_communes(empty_engine, demo_data)
    before = table_contents(empty_engine)
    sources = [("demo.geojson", json.dumps(demo_data.boundaries).encode())]
    preview = import_boundary_sources(
        empty_engine, sources, file_name="demo.geojson", actor=Actor(name="t"), dry_run=True
    )
    assert preview.changed and len(preview.matched) == 102 and preview.batch_id is None
    assert table_contents(empty_engine) == before


def test_rollback_restores_the_shapes_a_batch_replaced(empty_engine, demo_data):
    register_communes(empty_engine, demo_data)
    actor = Actor(name="t")
    first = [("demo.geojson", json.dumps(demo_data.boundaries).encode())]
    assert import_boundary_sources(empty_engine, first, file_name="a", actor=actor).changed
    stored = _shapes(empty_engine)
    moved = json.loads(json.dumps(demo_data.boundaries))
    feature = moved["features"][0]
    feature["geometry"] = mapping(shapely.affinity.translate(shape(feature["geometry"]), 0.01))
    second = import_boundary_sources(
        empty_engine, [("moved.geojson", json.dumps(moved).encode())], file_name="b", actor=actor
    )
    assert second.changed and _shapes(empty_engine) != stored
    with pytest.raises(RollbackRefused):  # a later batch changed the first one's shapes
        rollback_batch(empty_engine, first_batch(empty_engine), actor=actor)
    rollback_batch(empty_engine, second.batch_id, actor=actor)
    assert _shapes(empty_engine) == stored


def first_batch(engine: sa.Engine) -> int:
    """The oldest batch's id."""
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.min(s.import_batches.c.id))).scalar_one()
