"""Tests of the synthetic demo data generator and its committed output (no database needed)."""

from __future__ import annotations

import gzip
import io
import json
import unicodedata
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from sample_data import geometry
from sample_data.generate import FILE_NAMES, Dataset, generate_dataset, main, write_dataset

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"  # the committed demo files
REPORT_END = pd.Timestamp("2026-11-16")  # the generator's default last report date
# Columns of every file, exactly as docs/data-formats.md lists them.
COLUMNS = {
    "localities": "code, name, kind, parent_code",
    "agencies": "code, name_vi, name_en",
    "task_groups": "code, name_vi, name_en",
    "target_groups": "code, name_vi, name_en, goal_pct, sort_order",
    "populations": "locality_code, target_group_code, as_of, population",
    "campaign": "campaign_code, province_code, campaign_name_vi, campaign_name_en, stage_code, "
    "stage_name_vi, stage_name_en, start_date, deadline, period_days",
    "indicators": "code, name_vi, name_en, unit, direction, agency_code, task_group_code, "
    "target_group_code, numerator_vi, numerator_en, denominator_vi, denominator_en, sort_order",
    "targets": "indicator_code, stage_code, locality_code, baseline, target",
    "reports": "locality_code, indicator_code, as_of, numerator, denominator, note",
}


@pytest.fixture(scope="module")
def demo() -> Dataset:
    """The demo province, generated with the default arguments."""
    return generate_dataset()


@pytest.fixture(scope="module")
def multi() -> Dataset:
    """Three provinces of 60 communes each."""
    return generate_dataset(provinces=3, communes_per_province=60, seed=7)


@pytest.fixture(scope="module")
def written(demo: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo province written to a temporary folder."""
    out = tmp_path_factory.mktemp("demo")
    write_dataset(demo, out)
    return out


def communes(ds: Dataset) -> pd.DataFrame:
    """Commune-level rows of the register."""
    return ds.localities[ds.localities["kind"].isin(["xa", "phuong", "dac_khu"])]


def commune_reports(ds: Dataset) -> pd.DataFrame:
    """Report rows of communes (5-digit codes), without village rows."""
    return ds.reports[ds.reports["locality_code"].str.len() == 5]


def test_counts(demo: Dataset) -> None:
    kinds = demo.localities["kind"].value_counts()
    assert kinds["tinh"] == 1 and kinds["xa"] == 88 and kinds["phuong"] == 14
    villages = demo.localities[demo.localities["code"].str.len() == 8]
    per_commune = villages.groupby("parent_code").size()
    assert len(per_commune) == 102 and per_commune.between(3, 15).all()
    assert len(villages) > 300
    assert set(villages["kind"]) == {"thon", "buon", "lang", "to_dan_pho"}
    assert len(demo.indicators) == 10 and list(demo.indicators["sort_order"]) == list(range(1, 11))
    assert len(demo.target_groups) == 5 and len(demo.agencies) == 6 and len(demo.task_groups) == 4
    assert list(demo.campaign["stage_code"]) == ["GD1-2025", "GD2-2026"]
    assert set(demo.campaign["campaign_code"]) == {"BDHVS-99"}
    assert "dữ liệu mô phỏng" in demo.campaign["campaign_name_vi"].iloc[0]
    assert len(demo.boundaries["features"]) == 102


def test_codes_and_hierarchy(demo: Dataset) -> None:
    loc = demo.localities
    assert loc["code"].is_unique
    assert loc.iloc[0]["code"] == "99" and loc.iloc[0]["name"] == "Tỉnh Đắk Sơn"
    assert pd.isna(loc.iloc[0]["parent_code"]) or loc.iloc[0]["parent_code"] == ""
    com = communes(demo)
    assert com["code"].str.fullmatch(r"\d{5}").all() and (com["parent_code"] == "99").all()
    villages = loc[loc["code"].str.len() == 8]
    assert (villages["code"].str[:5] == villages["parent_code"]).all()
    assert villages["parent_code"].isin(com["code"]).all()
    position = {code: i for i, code in enumerate(loc["code"])}
    children = loc.dropna(subset=["parent_code"])
    children = children[children["parent_code"] != ""]
    pairs = zip(children["code"], children["parent_code"], strict=True)
    assert all(position[parent] < position[child] for child, parent in pairs)
    ward_villages = villages[villages["parent_code"].isin(com[com["kind"] == "phuong"]["code"])]
    assert (ward_villages["kind"] == "to_dan_pho").all()
    assert ward_villages["name"].str.startswith("Tổ dân phố ").all()


def test_names(demo: Dataset) -> None:
    names = list(demo.localities["name"])
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    com = communes(demo)
    assert com["name"].is_unique
    assert sum(not n.isascii() for n in com["name"]) > 80  # diacritics kept
    present = set(com["name"])
    assert {"Phường Buôn Ma Thuột", "Xã Ea Kar", "Xã Krông Búk", "Xã Cư M'gar"} <= present
    assert sum(n.startswith("Xã Đắk") for n in present) >= 3
    assert sum("buon ma thuot" in fold(n) for n in present) == 1
    assert sum("ea kar" in fold(n) for n in present) == 1
    assert (com[com["kind"] == "xa"]["name"].str.startswith("Xã ")).all()
    assert (com[com["kind"] == "phuong"]["name"].str.startswith("Phường ")).all()
    for _, villages in demo.localities[demo.localities["code"].str.len() == 8].groupby(
        "parent_code"
    ):
        assert villages["name"].is_unique


def fold(text: str) -> str:
    """Strip diacritics and case, as a search box does."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def test_populations(demo: Dataset) -> None:
    pop = demo.populations.pivot_table(
        index=["locality_code", "as_of"], columns="target_group_code", values="population"
    )
    assert len(pop) == 2 * 102 and set(pop.columns) == set(demo.target_groups["code"])
    assert set(demo.populations["as_of"].dt.date) == {date(2025, 7, 1), date(2026, 1, 1)}
    assert (pop["VNEID"] == pop["NGUOI_LON"]).all()
    total = pop["NGUOI_LON"] / 0.675  # adults are about two thirds of the people
    assert total.between(3_500, 75_000).all()
    assert (pop["HOC_SINH"] / total).between(0.14, 0.22).all()
    assert (pop["CBCCVC"] / total).between(0.005, 0.02).all()
    growth = pop.groupby(level=0).diff().dropna()
    assert (growth >= 0).all().all() and (growth["NGUOI_LON"] > 0).any()


def test_boundaries(demo: Dataset, written: Path) -> None:
    features = demo.boundaries["features"]
    codes = [f["properties"]["code"] for f in features]
    assert sorted(codes) == sorted(communes(demo)["code"])
    geoms = np.array([shape(f["geometry"]) for f in features])
    assert shapely.is_valid(geoms).all()
    for geom in geoms:
        for part in shapely.get_parts(geom):
            assert not shapely.is_ccw(part.exterior)  # clockwise, as Vega/d3 draws
    coords = shapely.get_coordinates(geoms)
    assert np.allclose(coords, np.round(coords, 5), atol=1e-12, rtol=0)
    assert coords[:, 0].min() >= 107.5 and coords[:, 0].max() <= 109.0
    assert coords[:, 1].min() >= 12.2 and coords[:, 1].max() <= 13.5
    union = shapely.union_all(geoms)
    assert union.geom_type == "Polygon" and not union.interiors  # no gaps inside the province
    assert abs(shapely.area(geoms).sum() - union.area) < 1e-6 * union.area
    pairs = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = pairs[:, pairs[0] < pairs[1]]
    overlap = shapely.area(shapely.intersection(geoms[pairs[0]], geoms[pairs[1]])).sum()
    assert overlap < 1e-7 * union.area
    assert len(json.dumps(demo.boundaries, separators=(",", ":")).encode()) < 120_000
    assert (written / "boundaries.geojson").stat().st_size < 120_000


def test_tiling_fills_outline() -> None:
    rng = np.random.default_rng(3)
    outline = geometry.province_outline(geometry.DEMO_CENTER, 1.0, rng)
    assert outline.is_valid and 50 < len(outline.exterior.coords) < 400
    assert outline.area < 0.9 * shapely.envelope(outline).area  # not a rectangle
    tiling = geometry.tile_province(outline, 14, 88, (108.1, 12.8), rng)
    union = shapely.union_all(tiling.geoms)
    assert abs(union.area - outline.area) < 0.005 * outline.area
    assert shapely.symmetric_difference(union, outline).area < 0.005 * outline.area
    areas = shapely.area(tiling.geoms)
    assert np.median(areas[:14]) < 0.6 * np.median(areas[14:])  # wards are small


def test_reports_cumulative(demo: Dataset) -> None:
    rep = demo.reports
    assert list(rep.columns) == COLUMNS["reports"].split(", ")
    assert rep["as_of"].min() == pd.Timestamp("2025-07-21") and rep["as_of"].max() == REPORT_END
    assert (rep["as_of"].dt.day_of_week == 0).all()
    assert not rep.duplicated(["locality_code", "indicator_code", "as_of"]).any()
    units = demo.indicators.set_index("code")["unit"]
    percent = rep["indicator_code"].map(units) == "percent"
    assert rep.loc[percent, "denominator"].notna().all()
    assert rep.loc[~percent, "denominator"].isna().all()
    assert (rep.loc[percent, "denominator"] > 0).all()
    assert (rep.loc[percent, "numerator"] <= rep.loc[percent, "denominator"]).all()
    assert (rep["numerator"] >= 0).all()
    ordered = rep.sort_values(["locality_code", "indicator_code", "as_of"])
    grouped = ordered.groupby(["locality_code", "indicator_code"])
    assert (grouped["numerator"].diff().dropna() >= 0).all()
    assert (grouped["denominator"].diff().dropna() >= 0).all()
    assert 0 < rep["note"].notna().mean() < 0.02


def test_percent_denominators_are_group_populations(demo: Dataset) -> None:
    groups = demo.indicators.set_index("code")["target_group_code"].dropna()
    groups = groups[groups != ""]
    pop = demo.populations.rename(columns={"target_group_code": "group"})
    rep = commune_reports(demo)
    rep = rep[rep["indicator_code"].isin(groups.index)].assign(
        group=lambda d: d["indicator_code"].map(groups),
        pop_date=lambda d: np.where(d["as_of"] >= "2026-01-01", "2026-01-01", "2025-07-01"),
    )
    rep["pop_date"] = pd.to_datetime(rep["pop_date"]).astype(pop["as_of"].dtype)
    merged = rep.merge(
        pop,
        left_on=["locality_code", "group", "pop_date"],
        right_on=["locality_code", "group", "as_of"],
    )
    assert len(merged) == len(rep)
    assert (merged["denominator"] == merged["population"]).all()


def test_ct06_communes_agree_with_villages(demo: Dataset) -> None:
    rep = demo.reports[demo.reports["indicator_code"] == "CT06"]
    village_rows = rep[rep["locality_code"].str.len() == 8]
    assert (village_rows["numerator"] == 1).all() and (village_rows["denominator"] == 1).all()
    assert not village_rows["locality_code"].duplicated().any()
    n_villages = (
        demo.localities[demo.localities["code"].str.len() == 8].groupby("parent_code").size()
    )
    active = village_rows.assign(commune=village_rows["locality_code"].str[:5])
    # Each commune's villages' first reports, sorted: those on or before a commune's report
    # are counted by a binary search instead of a filter of the whole file per report.
    first_days = {
        commune: np.sort(mine["as_of"].to_numpy()) for commune, mine in active.groupby("commune")
    }
    none = np.array([], dtype="datetime64[ns]")
    for row in rep[rep["locality_code"].str.len() == 5].itertuples():
        assert row.denominator == n_villages[row.locality_code]
        days = first_days.get(row.locality_code, none)
        assert row.numerator == days.searchsorted(row.as_of.to_datetime64(), side="right")
    assert (village_rows["as_of"] == pd.Timestamp("2025-07-21")).sum() > 50


def test_reporting_gaps(demo: Dataset) -> None:
    rep = commune_reports(demo)
    assert rep[rep["as_of"] == rep["as_of"].min()]["locality_code"].nunique() == 102
    last = rep.groupby("locality_code")["as_of"].max()
    stale = last[last < REPORT_END - pd.Timedelta(days=7)]
    assert 3 <= len(stale) <= 6 and (stale >= pd.Timestamp("2026-01-01")).all()
    assert 1 <= (last == REPORT_END - pd.Timedelta(days=7)).sum() <= 4  # late this week
    weeks = rep.groupby("locality_code")["as_of"].nunique()
    span = (last - rep["as_of"].min()).dt.days // 7 + 1
    assert ((weeks < span).sum()) >= 3  # some communes skipped weeks
    per_indicator = rep.groupby("locality_code")["indicator_code"].agg(set)
    missing = per_indicator[per_indicator.map(len) < 10]
    assert len(missing) == 1 and not missing.iloc[0] & {"CT09", "CT10"}


def test_targets(demo: Dataset) -> None:
    tg = demo.targets
    assert list(tg.columns) == COLUMNS["targets"].split(", ")
    assert len(tg) == 20 and (tg["locality_code"].fillna("") == "").all()
    wanted = {"CT01": (90, 100), "CT04": (60, 90), "CT06": (60, 100), "CT09": (50, 80)}
    for code, (first, second) in wanted.items():
        rows = tg[tg["indicator_code"] == code].set_index("stage_code")["target"]
        assert rows["GD1-2025"] == first and rows["GD2-2026"] == second
    rep = commune_reports(demo)
    units = demo.indicators.set_index("code")["unit"]
    stages = demo.campaign.set_index("stage_code")
    statuses = set()
    for row in tg.itertuples():
        start = max(stages.loc[row.stage_code, "start_date"], pd.Timestamp("2025-07-21"))
        baseline = province_value(rep, row.indicator_code, start, units[row.indicator_code])
        assert row.baseline == pytest.approx(round(baseline, 1))
        assert row.target > row.baseline
        if row.stage_code == "GD2-2026":
            deadline = stages.loc[row.stage_code, "deadline"]
            share = (REPORT_END - stages.loc[row.stage_code, "start_date"]) / (
                deadline - stages.loc[row.stage_code, "start_date"]
            )
            expected = row.baseline + (row.target - row.baseline) * share
            value = province_value(rep, row.indicator_code, REPORT_END, units[row.indicator_code])
            ratio = value / expected
            statuses.add("on track" if ratio >= 1 else "at risk" if ratio >= 0.95 else "behind")
    assert statuses == {"on track", "at risk", "behind"}
    baselines = tg[(tg["stage_code"] == "GD1-2025") & tg["indicator_code"].map(units).eq("percent")]
    assert baselines["baseline"].between(10, 45).all()


def province_value(rep: pd.DataFrame, code: str, when: pd.Timestamp, unit: str) -> float:
    """Sum of the latest commune numerators (and denominators) on or before when."""
    rows = rep[(rep["indicator_code"] == code) & (rep["as_of"] <= when)]
    latest = rows.sort_values("as_of").groupby("locality_code").tail(1)
    if unit == "count":
        return float(latest["numerator"].sum())
    return 100.0 * latest["numerator"].sum() / latest["denominator"].sum()


def test_deterministic(demo: Dataset) -> None:
    again = generate_dataset(seed=42)
    for name in FILE_NAMES:
        pd.testing.assert_frame_equal(getattr(demo, name), getattr(again, name))
    assert demo.boundaries == again.boundaries
    other = generate_dataset(seed=43)
    assert not other.reports["numerator"].equals(demo.reports["numerator"])


def test_files_byte_identical_and_committed(demo: Dataset, written: Path, tmp_path: Path) -> None:
    write_dataset(generate_dataset(), tmp_path)
    names = [*FILE_NAMES.values(), "boundaries.geojson"]
    for name in names:
        fresh = (tmp_path / name).read_bytes()
        assert fresh == (written / name).read_bytes(), name
        committed = (SAMPLE_DIR / name).read_bytes()
        if name.endswith(".gz"):  # another zlib build may compress the same text differently
            fresh, committed = gzip.decompress(fresh), gzip.decompress(committed)
        assert fresh == committed, f"{name} is outdated: rerun python -m sample_data.generate"
    assert sum((SAMPLE_DIR / n).stat().st_size for n in names) < 1_500_000
    raw = (written / "reports.csv.gz").read_bytes()
    assert raw[4:8] == b"\0\0\0\0"  # gzip mtime 0
    text = gzip.decompress(raw).decode("utf-8")
    assert ".0," not in text and ".0\n" not in text
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back["numerator"].str.fullmatch(r"\d+").all()
    assert back["as_of"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_files_match_documented_columns(written: Path) -> None:
    for name, columns in COLUMNS.items():
        path = written / FILE_NAMES[name]
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, nrows=5)
        assert list(frame.columns) == columns.split(", "), name
    geo = json.loads((written / "boundaries.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    localities = pd.read_csv(written / "localities.csv", dtype=str, keep_default_na=False)
    assert "Phường Buôn Ma Thuột" in set(localities["name"])


def test_several_provinces(multi: Dataset) -> None:
    loc = multi.localities
    provinces = loc[loc["kind"].isin(["tinh", "thanh_pho"])]
    assert len(provinces) == 3 and provinces["code"].str.fullmatch(r"\d{2}").all()
    com = communes(multi)
    assert len(com) == 180 and com["code"].is_unique and com["code"].str.fullmatch(r"\d{5}").all()
    assert loc["code"].is_unique
    assert com.groupby("parent_code")["name"].apply(lambda s: s.is_unique).all()
    assert com["name"].map(fold).str.contains("buon ma thuot|ea kar").sum() <= 2
    assert multi.campaign["stage_code"].is_unique and len(multi.campaign) == 6
    assert multi.campaign["campaign_code"].nunique() == 3
    assert (
        len(multi.targets) == 60
        and not multi.targets.duplicated(["indicator_code", "stage_code"]).any()
    )
    assert len(multi.boundaries["features"]) == 180
    geoms = np.array([shape(f["geometry"]) for f in multi.boundaries["features"]])
    assert shapely.is_valid(geoms).all()
    assert set(commune_reports(multi)["locality_code"]) <= set(com["code"])


def test_command_line(tmp_path: Path) -> None:
    main(["--out", str(tmp_path), "--provinces", "2", "--communes", "12,15", "--seed", "5"])
    loc = pd.read_csv(tmp_path / "localities.csv", dtype=str, keep_default_na=False)
    assert len(loc[loc["code"].str.len() == 5]) == 27
    assert (tmp_path / "reports.csv.gz").stat().st_size > 0
