"""Synthetic province outlines tiled by commune polygons, rings clockwise as Vega/d3 draws them."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon, box, mapping

# 5 decimals (about 1 m): the precision the data format asks for, and a grid every vertex snaps to.
GRID = 1e-5
# Half extent in degrees of a province of DEMO_COMMUNES communes: the demo spans about
# 107.5-109.0 E and 12.2-13.5 N, roughly the size of Đắk Lắk (13,000 km²).
HALF_WIDTH, HALF_HEIGHT = 0.72, 0.62
DEMO_CENTER = (108.25, 12.85)
DEMO_COMMUNES = 102
# Vertices of the province border: natural-looking yet small (the file stays well under 120 KB).
OUTLINE_VERTICES = 150
# Grain size (degrees, about 3 km) of the fine Voronoi cells communes are grown from: about
# 16 grains per rural commune gives irregular borders without bloating the file.
GRAIN = 0.028
# Finer grains in the city, whose wards are 4-5 times smaller than rural communes.
CITY_GRAIN = 0.0125
# Area of one ward in square degrees (about 35 km²); sets the radius of the city cluster.
WARD_AREA = 0.003
# Coverage simplification tolerance (degrees): removes grain corners, keeps borders winding.
SMOOTHING = 0.004
# Lloyd iterations that even out rural commune sizes after farthest-point seeding.
LLOYD_ROUNDS = 3


@dataclass
class Tiling:
    """Commune polygons of one province (wards first) and where each commune sits."""

    outline: Polygon
    geoms: list[shapely.Geometry]
    remoteness: np.ndarray  # 0 at the city centre, 1 at the farthest commune seed


def province_outline(
    center: tuple[float, float], scale: float, rng: np.random.Generator
) -> Polygon:
    """Return an irregular star-shaped province border around center, scaled by scale."""
    theta = np.linspace(0.0, 2.0 * np.pi, OUTLINE_VERTICES, endpoint=False)
    radius = np.ones(OUTLINE_VERTICES)
    for m in range(2, 8):  # low harmonics give lobes and bays; amplitude falls with frequency
        radius += (
            rng.uniform(0.04, 0.15) / np.sqrt(m) * np.cos(m * theta + rng.uniform(0, 2 * np.pi))
        )
    jag = rng.normal(0.0, 0.025, OUTLINE_VERTICES)  # river-like wiggles, smoothed over 3 vertices
    radius = np.maximum(radius + (np.roll(jag, 1) + jag + np.roll(jag, -1)) / 3.0, 0.45)
    x, y = radius * np.cos(theta), radius * np.sin(theta)
    x = (x - (x.max() + x.min()) / 2) / ((x.max() - x.min()) / 2) * HALF_WIDTH * scale + center[0]
    y = (y - (y.max() + y.min()) / 2) / ((y.max() - y.min()) / 2) * HALF_HEIGHT * scale + center[1]
    return shapely.set_precision(Polygon(np.column_stack([x, y])), GRID)


def _jittered_grid(bounds: tuple[float, ...], step: float, rng: np.random.Generator) -> np.ndarray:
    """Return grid points of the given step over bounds, each jittered by up to 35 % of a step."""
    xs = np.arange(bounds[0], bounds[2] + step, step)
    ys = np.arange(bounds[1], bounds[3] + step, step)
    pts = np.array(np.meshgrid(xs, ys)).reshape(2, -1).T
    return pts + rng.uniform(-0.35 * step, 0.35 * step, pts.shape)


def _farthest_points(pts: np.ndarray, count: int, start_dist: np.ndarray, rng) -> list[int]:
    """Pick count indices of pts, each (with jitter) the farthest from those already picked."""
    dist = start_dist.copy()
    jitter = rng.uniform(0.8, 1.0, len(pts))
    picked: list[int] = []
    for _ in range(count):
        i = int(np.argmax(dist * jitter))
        picked.append(i)
        dist = np.minimum(dist, np.hypot(*(pts - pts[i]).T))
    return picked


def _grow_regions(seeds: list[int], n: int, edges: np.ndarray, pts: np.ndarray, rng) -> np.ndarray:
    """Label every grain with the seed reaching it first over randomly weighted adjacency edges."""
    weight = np.hypot(*(pts[edges[0]] - pts[edges[1]]).T) * rng.uniform(0.6, 1.6, edges.shape[1])
    neighbours: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    for a, b, w in zip(edges[0].tolist(), edges[1].tolist(), weight.tolist(), strict=True):
        neighbours[a].append((w, b))
        neighbours[b].append((w, a))
    label = np.full(n, -1)
    heap = [(0.0, k, s) for k, s in enumerate(seeds)]
    while heap:
        d, k, node = heapq.heappop(heap)
        if label[node] >= 0:
            continue
        label[node] = k
        for w, other in neighbours[node]:
            if label[other] < 0:
                heapq.heappush(heap, (d + w, k, other))
    return label


def tile_province(
    outline: Polygon,
    n_wards: int,
    n_rural: int,
    city: tuple[float, float],
    rng: np.random.Generator,
) -> Tiling:
    """Tile outline with n_wards city wards clustered around city and n_rural communes."""
    city_xy = np.asarray(city)
    city_r = float(np.sqrt(max(n_wards, 1) * WARD_AREA / np.pi))
    coarse = _jittered_grid(outline.bounds, GRAIN, rng)
    coarse = coarse[np.hypot(*(coarse - city_xy).T) > 1.4 * city_r]
    fine = _jittered_grid((*(city_xy - 1.4 * city_r), *(city_xy + 1.4 * city_r)), CITY_GRAIN, rng)
    fine = fine[np.hypot(*(fine - city_xy).T) <= 1.4 * city_r]
    pts = np.vstack([coarse, fine])
    pts = pts[shapely.contains_xy(outline, pts[:, 0], pts[:, 1])]
    frame = box(*outline.buffer(0.5).bounds)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(MultiPoint(pts), extend_to=frame, ordered=True)
    )
    shapely.prepare(outline)
    border = ~shapely.contains_properly(outline, cells)  # clip only the cells that cross it
    cells[border] = shapely.intersection(cells[border], outline)
    cells = shapely.set_precision(cells, GRID)
    pairs = shapely.STRtree(cells).query(cells, predicate="intersects")
    pairs = pairs[:, pairs[0] < pairs[1]]
    # Neighbours share a stretch of border (boundaries meet in a line), not just a corner.
    edges = pairs[:, shapely.relate_pattern(cells[pairs[0]], cells[pairs[1]], "****1****")]

    to_city = np.hypot(*(pts - city_xy).T)
    in_city = np.where(to_city <= city_r)[0]
    if len(in_city) < n_wards or len(pts) < 2 * (n_wards + n_rural):
        raise ValueError("too few grains for the requested wards and communes")
    wards = [
        int(in_city[i]) for i in _farthest_points(pts[in_city], n_wards, to_city[in_city], rng)
    ]
    wards.sort(key=lambda i: to_city[i])  # the central ward comes first
    start = np.full(len(pts), np.inf)
    for i in wards:
        start = np.minimum(start, np.hypot(*(pts - pts[i]).T))
    if not wards:
        start = np.full(len(pts), 1.0)
    rural = _farthest_points(pts, n_rural, start, rng)
    for _ in range(LLOYD_ROUNDS):  # move rural seeds to the grain nearest their cluster centroid
        seeds = np.array(wards + rural)
        nearest = np.argmin(
            np.hypot(*(pts[:, None, :] - pts[seeds][None, :, :]).transpose(2, 0, 1)), 1
        )
        for k in range(len(wards), len(seeds)):
            members = pts[nearest == k]
            if len(members):
                centroid = members.mean(axis=0)
                rural[k - len(wards)] = int(np.argmin(np.hypot(*(pts - centroid).T)))
        rural = list(dict.fromkeys(rural))  # a seed collision would drop a commune; re-pick below
        while len(rural) < n_rural:
            taken = pts[np.array(wards + rural)]
            dist = np.min(np.hypot(*(pts[:, None, :] - taken[None]).transpose(2, 0, 1)), 1)
            rural.append(int(np.argmax(dist)))
    # Rural communes are numbered in bands from north to south, west to east within a band.
    rural.sort(key=lambda i: (-round(pts[i, 1] / 0.2), pts[i, 0]))
    seeds = wards + rural
    label = _grow_regions(seeds, len(pts), edges, pts, rng)
    geoms = [shapely.coverage_union_all(cells[label == k]) for k in range(len(seeds))]
    # Smooth the grain staircase (shared borders stay shared; the province border is kept).
    geoms = shapely.coverage_simplify(geoms, SMOOTHING, simplify_boundary=False)
    geoms = list(shapely.orient_polygons(shapely.set_precision(geoms, GRID), exterior_cw=True))
    seed_dist = to_city[np.array(seeds)]
    return Tiling(outline, geoms, seed_dist / max(float(seed_dist.max()), 1e-9))


def _rounded(coords):
    """Round nested coordinate tuples to 5 decimals as lists (compact, exact JSON numbers)."""
    if isinstance(coords[0], float):
        return [round(coords[0], 5), round(coords[1], 5)]
    return [_rounded(c) for c in coords]


def feature(code: str, name: str, geom: shapely.Geometry) -> dict:
    """Return the GeoJSON feature of a commune, coordinates rounded to 5 decimals."""
    shape = mapping(geom)
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name},
        "geometry": {"type": shape["type"], "coordinates": _rounded(shape["coordinates"])},
    }
