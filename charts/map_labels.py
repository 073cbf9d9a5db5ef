"""Which communes get a name on the map: labels that would overlap in dense areas are thinned.

The map is fitted to its height (Mercator, as charts.map draws it), so a label's box in pixels
follows from its point and the map's extent. Larger communes are named first; a label whose
box touches one already placed is left out (its commune keeps its tooltip).
"""

from __future__ import annotations

import math
from typing import Any

import shapely
from shapely.geometry import shape

# A bold 11-pixel label: an average character's width and the line's height, in pixels.
CHAR_WIDTH_PX, LINE_HEIGHT_PX = 6.5, 13.0
# Room kept between two labels, in pixels.
LABEL_GAP_PX = 2.0


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def readable_labels(rows: list[dict[str, Any]], *, height: int) -> list[str]:
    """Codes of the communes whose label fits without touching another, largest first."""
    if not rows:
        return []
    shapes = [shape(row["geometry"]) for row in rows]
    bounds = shapely.total_bounds(shapes)  # lon_min, lat_min, lon_max, lat_max
    span = _mercator_y(bounds[3]) - _mercator_y(bounds[1])
    # Pixels per radian of Mercator: the map's height spans its latitudes.
    scale = height / span if span > 0 else 1.0
    placed: list[tuple[float, float, float, float]] = []
    chosen = []
    order = sorted(range(len(rows)), key=lambda i: shapes[i].area, reverse=True)
    for index in order:
        row = rows[index]
        x = math.radians(row["lon"]) * scale
        y = -_mercator_y(row["lat"]) * scale
        half_w = len(row["label"]) * CHAR_WIDTH_PX / 2 + LABEL_GAP_PX
        half_h = LINE_HEIGHT_PX / 2 + LABEL_GAP_PX
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if any(
            box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
            for other in placed
        ):
            continue
        placed.append(box)
        chosen.append(row["code"])
    return chosen
