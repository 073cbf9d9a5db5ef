"""Print the commune map's JSON payload (the Vega-Lite spec sent to the browser) per province size.

Run: `python -m benchmarks.map_payload`. Budgets: 300 KB for the demo's 102 communes, 500 KB for
a province of 170 (the largest in Vietnam).
"""

from __future__ import annotations

import json
import random

import pandas as pd

from campaign.metrics import STATUSES
from charts.map import commune_map_chart, compute_map_rows
from sample_data.generate import generate_dataset

# Province sizes measured and their budgets in bytes.
BUDGETS = {102: 300_000, 170: 500_000}


def province_rows(communes: int, *, lang: str = "vi") -> list[dict]:
    """Map rows of a generated province with every property filled, as the page builds them."""
    dataset = generate_dataset(communes_per_province=communes)
    names = dataset.localities.set_index("code")
    shapes = pd.DataFrame(
        {
            "code": f["properties"]["code"],
            "name": names.loc[f["properties"]["code"], "name"],
            "kind": names.loc[f["properties"]["code"], "kind"],
            "boundary": json.dumps(f["geometry"], separators=(",", ":")),
        }
        for f in dataset.boundaries["features"]
    )
    rng = random.Random(42)
    board = pd.DataFrame(
        {
            "commune_code": code,
            "unit": "percent",
            "value": rng.uniform(0, 100),
            "target": 100.0,
            "progress": rng.uniform(0, 1.2),
            "status": rng.choice(STATUSES),
            "last_report": pd.Timestamp("2026-09-28").date(),
        }
        for code in shapes["code"]
    )
    return compute_map_rows(shapes, board, colour_by="progress", lang=lang)


def map_payload_bytes(communes: int) -> int:
    """Bytes of the map spec (labels on, two communes outlined) for a generated province."""
    rows = province_rows(communes)
    chart = commune_map_chart(
        rows,
        colour_by="progress",
        lang="vi",
        chosen_codes=(rows[0]["code"], rows[-1]["code"]),
        labels=True,
    )
    return len(json.dumps(chart.to_dict()))


def main() -> None:
    """Print one line per province size."""
    for communes, budget in BUDGETS.items():
        size = map_payload_bytes(communes)
        verdict = "ok" if size < budget else "OVER BUDGET"
        print(
            f"map payload, {communes} communes: {size / 1000:.1f} KB "
            f"(budget {budget // 1000} KB) {verdict}"
        )


if __name__ == "__main__":
    main()
