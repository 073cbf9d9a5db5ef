"""The demo province plus indicators the demo lacks: lower-is-better ones, and ones that fall.

Each extra indicator copies CT07's catalogue row (agency, groups), gets a province-wide target
in GD2-2026 and one report per commune and week from 29/12/2025 to AS_OF, its numerator and
denominator given by a function of (the commune's index in code order, the week's index).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd

from data_access.seed import DatasetFiles

AS_OF = date(2026, 9, 30)
FIRST_WEEK = date(2025, 12, 29)
STAGE = "GD2-2026"


@dataclasses.dataclass(frozen=True)
class ExtraIndicator:
    code: str
    name_vi: str
    name_en: str
    unit: str  # "percent" or "count"
    direction: str  # "higher" or "lower"
    baseline: float
    target: float
    # (commune index, week index) -> (numerator, denominator or None for a count)
    values: Callable[[int, int], tuple[float, float | None]]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def with_indicators(demo_data: DatasetFiles, extras: list[ExtraIndicator]) -> DatasetFiles:
    """`demo_data` with the extra indicators in its catalogue, targets and reports."""
    template = demo_data.indicators[demo_data.indicators["code"] == "CT07"]
    communes = sorted(demo_data.localities.query("kind in ['xa', 'phuong']")["code"])
    catalogue, targets, reports = [], [], []
    for order, extra in enumerate(extras, start=len(demo_data.indicators) + 1):
        catalogue.append(
            template.assign(
                code=extra.code,
                name_vi=extra.name_vi,
                name_en=extra.name_en,
                unit=extra.unit,
                direction=extra.direction,
                sort_order=str(order),
            )
        )
        targets.append(
            {
                "indicator_code": extra.code,
                "stage_code": STAGE,
                "locality_code": "",
                "baseline": _number(extra.baseline),
                "target": _number(extra.target),
            }
        )
        for index, code in enumerate(communes):
            week, day = 0, FIRST_WEEK
            while day <= AS_OF:
                numerator, denominator = extra.values(index, week)
                reports.append(
                    {
                        "locality_code": code,
                        "indicator_code": extra.code,
                        "as_of": day.isoformat(),
                        "numerator": _number(numerator),
                        "denominator": _number(denominator),
                        "note": "",
                    }
                )
                week, day = week + 1, day + timedelta(days=7)
    return dataclasses.replace(
        demo_data,
        indicators=pd.concat([demo_data.indicators, *catalogue], ignore_index=True),
        targets=pd.concat([demo_data.targets, pd.DataFrame(targets)], ignore_index=True),
        reports=pd.concat([demo_data.reports, pd.DataFrame(reports)], ignore_index=True),
    )
