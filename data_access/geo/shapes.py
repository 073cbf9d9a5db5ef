"""Pure geometry of commune boundaries: simplify a province's coverage, round, rewind for Vega.

No database here, so the rules are tested on plain shapely geometries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import mapping

# 5 decimals (about 1 m): the precision docs/data-formats.md asks for; every vertex snaps to it.
DECIMALS = 5
# Average vertices per commune the map may carry. At ~21 bytes a vertex this keeps a province of
# 102 communes near 130 KB of coordinates and one of 170 near 215 KB: inside the map's payload
# budget (300 KB / 500 KB) with room for properties and labels.
VERTICES_PER_COMMUNE = 60
# First simplification tolerance in degrees (~20 m): invisible at province scale.
START_TOLERANCE = 0.0002
# Each round that misses the vertex budget multiplies the tolerance by this.
TOLERANCE_STEP = 1.5
# Never simplify beyond ~5 km: past that a commune would lose its recognisable outline.
MAX_TOLERANCE = 0.05


def count_vertices(geoms: Sequence[shapely.Geometry]) -> int:
    """Number of coordinates in the geometries (closing vertices included)."""
    return int(shapely.get_num_coordinates(np.asarray(geoms, dtype=object)).sum())


def _round(geom: shapely.Geometry) -> shapely.Geometry:
    # Rounding is deterministic per coordinate, so a vertex two neighbours share stays shared.
    return shapely.transform(geom, lambda xy: np.round(xy, DECIMALS))


def _simplify_coverage(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify polygons as one coverage: an edge two communes share stays one edge."""
    return shapely.coverage_simplify(geoms, tolerance, simplify_boundary=True)


def simplify_province(
    geoms: Sequence[shapely.Geometry], *, vertex_budget: int | None = None
) -> tuple[list[shapely.Geometry], float]:
    """Simplify a province's commune polygons to fit the vertex budget; also the tolerance used.

    Topology-preserving (GEOS coverage simplification): neighbours keep identical shared
    borders, with no gaps or overlaps opened between them. Results are rounded to DECIMALS and
    oriented with clockwise exterior rings, the order Vega/d3 draws.
    """
    array = np.asarray(shapely.make_valid(np.asarray(geoms, dtype=object)), dtype=object)
    array = np.asarray([_polygonal(g) for g in array], dtype=object)
    budget = vertex_budget or VERTICES_PER_COMMUNE * len(array)
    tolerance = START_TOLERANCE
    while True:
        simplified = _simplify_coverage(array, tolerance)
        result = [finish_shape(g) for g in simplified]
        if count_vertices(result) <= budget or tolerance >= MAX_TOLERANCE:
            return result, tolerance
        tolerance = min(tolerance * TOLERANCE_STEP, MAX_TOLERANCE)


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Only the areal parts of a geometry (make_valid may add stray lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def finish_shape(geom: shapely.Geometry) -> shapely.Geometry:
    """Round to DECIMALS and orient exterior rings clockwise (holes counter-clockwise)."""
    return shapely.orient_polygons(_round(geom), exterior_cw=True)


def shape_json(geom: shapely.Geometry) -> str:
    """Compact GeoJSON geometry text, as stored in localities.boundary."""
    return json.dumps(mapping(geom), separators=(",", ":"))


def exterior_rings_clockwise(geometry: dict) -> bool:
    """True when every exterior ring of a GeoJSON Polygon/MultiPolygon runs clockwise."""
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    return all(_signed_area(rings[0]) < 0 for rings in polygons)


def _signed_area(ring: Sequence[Sequence[float]]) -> float:
    """Shoelace area: positive counter-clockwise, negative clockwise (x = lon, y = lat)."""
    xy = np.asarray(ring, dtype=float)
    x, y = xy[:, 0], xy[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2.0
