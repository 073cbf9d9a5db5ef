"""The locality register (provinces, communes, villages), their boundaries and populations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from . import geometry, names

# The demo province's code: no real province has it (real ones run 01-96), so it reads synthetic.
DEMO_PROVINCE_CODE = 99
# First commune code, leaving room for 59,999 synthetic communes below the 5-digit limit.
FIRST_COMMUNE_CODE = 40001
# The demo has 14 wards of 102 units, like Đắk Lắk after the July 2025 reform (88 xã + 14 phường).
DEMO_WARD_SHARE = 14 / 102
# Population dates: the reform date and the start of the 2026 plan.
POPULATION_DATES = (date(2025, 7, 1), date(2026, 1, 1))
# Provinces per row when several are laid out side by side on the map.
LAYOUT_COLUMNS = 6
# Share of each target group in a commune's population (ranges drawn per commune).
ADULT_SHARE = (0.65, 0.70)
PUPIL_SHARE = (0.16, 0.20)
OFFICIAL_SHARE = {"phuong": (0.010, 0.016), "xa": (0.007, 0.012)}  # towns host the offices
WORKER_SHARE_OF_ADULTS = {"phuong": (0.12, 0.25), "xa": (0.02, 0.08)}
# Growth from July 2025 to January 2026, never negative (cumulative numerators must not exceed
# a shrinking denominator): people ~0.5 %, a new school year of pupils, new hires and businesses.
GROWTH = {
    "people": (1.002, 1.009),
    "CBCCVC": (1.0, 1.01),
    "HOC_SINH": (1.005, 1.02),
    "NLD_DN": (1.0, 1.03),
}
# Household businesses per person: market towns have more shops.
HOUSEHOLD_BUSINESS_SHARE = {"phuong": (0.05, 0.08), "xa": (0.02, 0.04)}
# Total population (min, max, median) of a commune-level unit by kind, drawn log-normally with
# TOTAL_SPREAD: most communes are mid-sized, a few are very small or very large.
TOTAL_RANGE = {"phuong": (15_000, 70_000, 32_000), "xa": (4_000, 25_000, 11_000)}
TOTAL_SPREAD = 0.45
# Ward share of the commune-level units: centrally-run cities are mostly urban, provinces not.
CITY_WARD_SHARE, PROVINCE_WARD_SHARE = (0.3, 0.6), (0.05, 0.25)
# Every 6th province (from the 4th) is a centrally-run city: six in 34, as in Vietnam.
CITY_EVERY, CITY_OFFSET = 6, 3
# Every 4th province (from the 3rd) has an island special zone (đặc khu), 8 of 34 (13 in reality).
SPECIAL_ZONE_EVERY, SPECIAL_ZONE_OFFSET = 4, 2
# Villages (thôn, buôn, làng) per commune and residential groups (tổ dân phố) per ward.
VILLAGES_PER_COMMUNE, GROUPS_PER_WARD = (3, 15), (5, 15)
# Share of highland-style commune names: the demo is Central Highlands, others are mixed.
DEMO_HIGHLAND_SHARE, OTHER_HIGHLAND_SHARE = 0.65, 0.5
# Province-wide pace offset in days for provinces after the demo, so they are not all alike.
PROVINCE_PACE_DAYS = 20.0


@dataclass
class Province:
    """One generated province: register rows, boundaries and per-commune arrays for reports."""

    code: str
    name: str
    kind: str
    commune_codes: list[str]
    commune_names: list[str]
    commune_kinds: list[str]
    geoms: list
    remoteness: np.ndarray
    # Target-group code -> (communes, 2) populations at POPULATION_DATES.
    groups: dict[str, np.ndarray]
    total: np.ndarray
    households: np.ndarray
    villages: list[list[tuple[str, str, str]]] = field(default_factory=list)  # code, name, kind
    pace_offset: float = 0.0  # days ahead (+) or behind (-) the typical campaign curve

    @property
    def urban(self) -> np.ndarray:
        """Boolean mask of wards (phường)."""
        return np.array([k == "phuong" for k in self.commune_kinds])

    @property
    def full_name(self) -> str:
        """Name with its kind prefix, e.g. "Tỉnh Đắk Sơn"."""
        return ("Thành phố " if self.kind == "thanh_pho" else "Tỉnh ") + self.name


def _populations(kinds: list[str], rng: np.random.Generator) -> tuple[dict, np.ndarray, np.ndarray]:
    """Draw (group populations, total population, household businesses) for each commune."""
    n = len(kinds)
    kind = ["phuong" if k == "phuong" else "xa" for k in kinds]
    lo, hi, mid = (np.array([TOTAL_RANGE[k][i] for k in kind], float) for i in range(3))
    total0 = np.clip(np.exp(rng.normal(np.log(mid), TOTAL_SPREAD)), lo, hi)

    def share(table: dict) -> np.ndarray:
        return np.array([rng.uniform(*table[k]) for k in kind])

    growth = rng.uniform(*GROWTH["people"], n)
    adults0 = total0 * rng.uniform(*ADULT_SHARE, n)
    base = {
        "CBCCVC": (total0 * share(OFFICIAL_SHARE), rng.uniform(*GROWTH["CBCCVC"], n)),
        "HOC_SINH": (total0 * rng.uniform(*PUPIL_SHARE, n), rng.uniform(*GROWTH["HOC_SINH"], n)),
        "NGUOI_LON": (adults0, growth),
        "VNEID": (adults0, growth),
        "NLD_DN": (adults0 * share(WORKER_SHARE_OF_ADULTS), rng.uniform(*GROWTH["NLD_DN"], n)),
    }
    groups = {}
    for code, (p0, g) in base.items():
        first = np.round(p0).astype(np.int64)
        groups[code] = np.column_stack([first, np.maximum(first, np.round(p0 * g))]).astype(
            np.int64
        )
    groups["VNEID"] = groups["NGUOI_LON"]  # the VNeID goal counts the same adults
    total = np.column_stack([np.round(total0), np.round(total0 * growth)]).astype(np.int64)
    households = np.round(total0 * share(HOUSEHOLD_BUSINESS_SHARE)).astype(np.int64)
    return groups, total, households


def _ward_count(index: int, n: int, kind: str, rng: np.random.Generator) -> int:
    """Number of wards among a province's n commune-level units."""
    if index == 0:
        wards = round(n * DEMO_WARD_SHARE)
    else:
        wards = round(
            n * rng.uniform(*(CITY_WARD_SHARE if kind == "thanh_pho" else PROVINCE_WARD_SHARE))
        )
    return min(wards, n - 1) if n > 1 else 0


def _villages(codes: list[str], kinds: list[str], rng, py_rng) -> list[list[tuple[str, str, str]]]:
    """(code, name, kind) of the villages or residential groups of each commune-level unit."""
    out = []
    for code, kind in zip(codes, kinds, strict=True):
        low, high = GROUPS_PER_WARD if kind == "phuong" else VILLAGES_PER_COMMUNE
        named = names.village_names(kind, int(rng.integers(low, high + 1)), py_rng)
        out.append([(f"{code}{j:03d}", vname, vkind) for j, (vname, vkind) in enumerate(named, 1)])
    return out


def build_provinces(counts: list[int], seed: int) -> list[Province]:
    """Generate every province: names, codes, boundaries, villages and populations."""
    if FIRST_COMMUNE_CODE + sum(counts) > 100_000 or min(counts, default=1) < 1 or len(counts) > 90:
        raise ValueError("need 1-90 provinces of >= 1 commune, all fitting 5-digit codes")
    rng = np.random.default_rng(seed)
    py_rng = random.Random(seed)
    province_names = names.province_names(len(counts), py_rng)
    scales = [np.sqrt(n / geometry.DEMO_COMMUNES) for n in counts]
    cell_w = 2 * geometry.HALF_WIDTH * max(scales) + 0.1  # provinces side by side, 0.1° apart
    cell_h = 2 * geometry.HALF_HEIGHT * max(scales) + 0.1
    next_code = FIRST_COMMUNE_CODE
    provinces = []
    for i, n in enumerate(counts):
        kind = "thanh_pho" if i % CITY_EVERY == CITY_OFFSET else "tinh"
        n_wards = _ward_count(i, n, kind, rng)
        scale = scales[i]
        cx = geometry.DEMO_CENTER[0] + (i % LAYOUT_COLUMNS) * cell_w
        cy = geometry.DEMO_CENTER[1] + (i // LAYOUT_COLUMNS) * cell_h
        outline = geometry.province_outline((cx, cy), scale, rng)
        # The city sits a little west of the centre, as Buôn Ma Thuột does in Đắk Lắk.
        city = (cx - 0.2 * geometry.HALF_WIDTH * scale, cy - 0.05 * geometry.HALF_HEIGHT * scale)
        tiling = geometry.tile_province(outline, n_wards, n - n_wards, city, rng)
        share = DEMO_HIGHLAND_SHARE if i == 0 else rng.uniform(0.0, OTHER_HIGHLAND_SHARE)
        ward_names, rural_names = names.commune_names(
            n_wards, n - n_wards, py_rng, demo=i == 0, highland_share=share
        )
        kinds = ["phuong"] * n_wards + ["xa"] * (n - n_wards)
        prefixed = [f"Phường {w}" for w in ward_names] + [f"Xã {c}" for c in rural_names]
        if i % SPECIAL_ZONE_EVERY == SPECIAL_ZONE_OFFSET and n - n_wards >= 20:
            far = n_wards + int(np.argmax(tiling.remoteness[n_wards:]))  # the remotest one
            kinds[far], prefixed[far] = "dac_khu", "Đặc khu " + rural_names[far - n_wards]
        codes = [f"{next_code + j:05d}" for j in range(n)]
        next_code += n
        groups, total, households = _populations(kinds, rng)
        provinces.append(
            Province(
                code=f"{DEMO_PROVINCE_CODE - i:02d}",
                name=province_names[i],
                kind=kind,
                commune_codes=codes,
                commune_names=[names.nfc(p) for p in prefixed],
                commune_kinds=kinds,
                geoms=tiling.geoms,
                remoteness=tiling.remoteness,
                groups=groups,
                total=total,
                households=households,
                villages=_villages(codes, kinds, rng, py_rng),
                pace_offset=0.0 if i == 0 else float(rng.normal(0.0, PROVINCE_PACE_DAYS)),
            )
        )
    return provinces
