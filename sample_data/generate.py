"""Generate the synthetic demo province (or a synthetic country) in the documented file formats.

Usage: ``python -m sample_data.generate [--out DIR] [--provinces N] [--communes N[,N...]]``.
Without options it rewrites the demo province (Tỉnh Đắk Sơn, code 99) in this folder.
Everything is drawn from seeded generators, so the same arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import numbers
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from . import catalog
from .geometry import feature
from .localities import POPULATION_DATES, Province, build_provinces
from .reports import mondays, province_reports

DEFAULT_SEED = 42  # any fixed value works; 42 is the seed the committed demo files come from
DEMO_COMMUNES = 102  # Đắk Lắk's number of commune-level units after the 2025 reform
DEFAULT_REPORT_END = date(2026, 11, 16)  # a Monday shortly before the stage-2 deadline
OUT_DIR = Path(__file__).resolve().parent  # the committed demo files live next to this code
# gzip level 9 keeps the committed demo small; above GZIP_FAST_ABOVE bytes of CSV (a whole
# country, ~70 MB) level 6 is 3.5 times faster for a 5 % larger file. mtime 0: same bytes each run.
GZIP_LEVEL, GZIP_FAST_LEVEL, GZIP_FAST_ABOVE = 9, 6, 10_000_000
# Dataset field -> file name, in the order of docs/data-formats.md.
FILE_NAMES = {
    "localities": "localities.csv",
    "agencies": "agencies.csv",
    "task_groups": "task_groups.csv",
    "target_groups": "target_groups.csv",
    "populations": "populations.csv",
    "campaign": "campaign.csv",
    "indicators": "indicators.csv",
    "targets": "targets.csv",
    "reports": "reports.csv.gz",
}


@dataclass
class Dataset:
    """One DataFrame per file of docs/data-formats.md, plus the boundaries FeatureCollection."""

    # Codes and names are strings, dates datetime64, people and counts int64 (a count
    # indicator's denominator is <NA> in the nullable Int64 column); targets are floats.

    localities: pd.DataFrame
    agencies: pd.DataFrame
    task_groups: pd.DataFrame
    target_groups: pd.DataFrame
    populations: pd.DataFrame
    campaign: pd.DataFrame
    indicators: pd.DataFrame
    targets: pd.DataFrame
    reports: pd.DataFrame
    boundaries: dict


def _localities(provinces: list[Province]) -> pd.DataFrame:
    """Register rows: each province, then its communes, then their villages."""
    rows = []
    for p in provinces:
        rows.append((p.code, p.full_name, p.kind, ""))
        parents = [p.code] * len(p.commune_codes)
        rows += zip(p.commune_codes, p.commune_names, p.commune_kinds, parents, strict=True)
        for code, villages in zip(p.commune_codes, p.villages, strict=True):
            rows += [(vcode, vname, vkind, code) for vcode, vname, vkind in villages]
    return pd.DataFrame(rows, columns=["code", "name", "kind", "parent_code"])


def _populations(provinces: list[Province]) -> pd.DataFrame:
    """Population of each target group per commune at POPULATION_DATES."""
    frames = []
    for p in provinces:
        for k, as_of in enumerate(POPULATION_DATES):
            for group, *_ in catalog.TARGET_GROUPS:
                frames.append(
                    pd.DataFrame(
                        {
                            "locality_code": p.commune_codes,
                            "target_group_code": group,
                            "as_of": pd.Timestamp(as_of),
                            "population": p.groups[group][:, k],
                        }
                    )
                )
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values(["locality_code", "as_of"], kind="stable").reset_index(drop=True)


def _campaign(provinces: list[Province], stage_codes: dict[str, list[str]]) -> pd.DataFrame:
    """One row per stage of each province's campaign."""
    rows = []
    for p in provinces:
        en_name = f"{p.name} {'City' if p.kind == 'thanh_pho' else 'Province'}"
        for stage, code in zip(catalog.STAGES, stage_codes[p.code], strict=True):
            rows.append(
                {
                    "campaign_code": f"BDHVS-{p.code}",
                    "province_code": p.code,
                    "campaign_name_vi": f"Bình dân học vụ số — {p.full_name} (dữ liệu mô phỏng)",
                    "campaign_name_en": f"Digital Literacy for All — {en_name} (synthetic data)",
                    "stage_code": code,
                    "stage_name_vi": stage.name_vi,
                    "stage_name_en": stage.name_en,
                    "start_date": pd.Timestamp(stage.start),
                    "deadline": pd.Timestamp(stage.deadline),
                    "period_days": catalog.PERIOD_DAYS,
                }
            )
    return pd.DataFrame(rows)


def _catalog_frames() -> dict[str, pd.DataFrame]:
    """The fixed reference tables as DataFrames."""
    names = ["code", "name_vi", "name_en"]
    target_groups = pd.DataFrame(catalog.TARGET_GROUPS, columns=[*names, "goal_pct"])
    target_groups["sort_order"] = range(1, len(target_groups) + 1)
    indicators = pd.DataFrame(
        [
            {
                "code": i.code,
                "name_vi": i.name_vi,
                "name_en": i.name_en,
                "unit": i.unit,
                "direction": "higher",
                "agency_code": i.agency,
                "task_group_code": i.task_group,
                "target_group_code": i.target_group,
                "numerator_vi": i.numerator_vi,
                "numerator_en": i.numerator_en,
                "denominator_vi": i.denominator_vi,
                "denominator_en": i.denominator_en,
                "sort_order": n,
            }
            for n, i in enumerate(catalog.INDICATORS, start=1)
        ]
    )
    return {
        "agencies": pd.DataFrame(catalog.AGENCIES, columns=names),
        "task_groups": pd.DataFrame(catalog.TASK_GROUPS, columns=names),
        "target_groups": target_groups,
        "indicators": indicators,
    }


def generate_dataset(
    *,
    seed: int = DEFAULT_SEED,
    provinces: int = 1,
    communes_per_province: int | Sequence[int] = DEMO_COMMUNES,
    report_end: date = DEFAULT_REPORT_END,
) -> Dataset:
    """Generate a deterministic synthetic dataset: the demo province by default."""
    if isinstance(communes_per_province, numbers.Integral):
        counts = [int(communes_per_province)] * provinces
    else:
        counts = [int(c) for c in communes_per_province]
    if len(counts) != provinces or provinces < 1:
        raise ValueError(
            f"communes_per_province gives {len(counts)} counts for {provinces} provinces"
        )
    built = build_provinces(counts, seed)
    dates = mondays(report_end)
    rng = np.random.default_rng([seed, 1])  # a stream of its own: reports don't shift geometry
    stage_codes = {
        p.code: [s.code if provinces == 1 else f"{s.code}-{p.code}" for s in catalog.STAGES]
        for p in built
    }
    report_frames, target_rows = [], []
    for p in built:
        stages = [(c, s.start) for c, s in zip(stage_codes[p.code], catalog.STAGES, strict=True)]
        frame, targets = province_reports(p, dates, stages, rng)
        report_frames.append(frame)
        target_rows += targets
    features = [
        feature(code, name, geom)
        for p in built
        for code, name, geom in zip(p.commune_codes, p.commune_names, p.geoms, strict=True)
    ]
    return Dataset(
        localities=_localities(built),
        populations=_populations(built),
        campaign=_campaign(built, stage_codes),
        targets=pd.DataFrame(target_rows),
        reports=pd.concat(report_frames, ignore_index=True),
        boundaries={"type": "FeatureCollection", "features": features},
        **_catalog_frames(),
    )


def _number(value: float) -> str:
    """Format a number without a trailing ".0" (baselines keep one decimal when they have one)."""
    return f"{value:.1f}".removesuffix(".0")


def _csv(frame: pd.DataFrame) -> bytes:
    """Serialise a DataFrame as UTF-8 CSV with ISO dates and Unix newlines."""
    text = frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return text.encode("utf-8")


def write_dataset(dataset: Dataset, out_dir: Path) -> None:
    """Write every file of docs/data-formats.md into out_dir (byte-identical for equal data)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for field in fields(dataset):
        if field.name == "boundaries":
            continue
        frame = getattr(dataset, field.name)
        if field.name == "targets":
            frame = frame.assign(
                baseline=frame["baseline"].map(_number), target=frame["target"].map(_number)
            )
        data = _csv(frame)
        if FILE_NAMES[field.name].endswith(".gz"):
            level = GZIP_LEVEL if len(data) < GZIP_FAST_ABOVE else GZIP_FAST_LEVEL
            buffer = (
                io.BytesIO()
            )  # GzipFile, unlike gzip.compress, writes the same header everywhere
            with gzip.GzipFile("", "wb", level, buffer, mtime=0) as gz:
                gz.write(data)
            data = buffer.getvalue()
        (out_dir / FILE_NAMES[field.name]).write_bytes(data)
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        for f in dataset.boundaries["features"]
    ]
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    (out_dir / "boundaries.geojson").write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point: generate and write a dataset."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--provinces", type=int, default=1)
    parser.add_argument(
        "--communes", default=str(DEMO_COMMUNES), help="N or N1,N2,... per province"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--report-end", type=date.fromisoformat, default=DEFAULT_REPORT_END)
    args = parser.parse_args(argv)
    counts = [int(c) for c in args.communes.split(",")]
    started = time.perf_counter()
    dataset = generate_dataset(
        seed=args.seed,
        provinces=args.provinces,
        communes_per_province=counts[0] if len(counts) == 1 else counts,
        report_end=args.report_end,
    )
    write_dataset(dataset, args.out)
    print(
        f"wrote {args.out}: {len(dataset.localities)} localities, {len(dataset.reports)} reports "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
