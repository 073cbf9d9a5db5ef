"""Weekly cumulative commune reports and province-wide targets, with realistic variety."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .catalog import INDICATORS
from .localities import POPULATION_DATES, Province

CAMPAIGN_START = date(2025, 7, 15)  # launch of the 100-day peak, day 0 of every curve
FIRST_REPORT = date(2025, 7, 21)  # the first Monday after the launch
HORIZON_DAYS = 534  # campaign start to 31 Dec 2026, the end of stage 2
# Knots of each indicator's typical trajectory, in days since CAMPAIGN_START: before the launch,
# first report, stage-1 deadline, stage-2 start, mid-November 2026, stage-2 deadline, later.
KNOT_DAYS = np.array([-240, 6, 102, 170, 489, 534, 900])


@dataclass(frozen=True)
class Curve:
    """Typical fraction reached at KNOT_DAYS, of the base the indicator is measured on."""

    base: str  # a target-group code, "villages", "dossiers", "adults" or "households"
    values: tuple[float, ...]


# Calibrated (seed 42, 102 communes) so that the province is, at the stage-1 deadline, on track
# for CT02, CT04, CT06, CT07, at risk for CT01, CT03, CT09, CT10 and behind for CT05, CT08; and in
# mid-November 2026 on track for CT04, CT07, CT10, at risk for CT01, CT02, CT06, CT09 and behind for
# CT03, CT05, CT08. Communes scatter around these curves (see _warped_days).
CURVES: dict[str, Curve] = {
    "CT01": Curve("CBCCVC", (0.10, 0.36, 0.959, 0.961, 0.971, 0.972, 1.0)),
    "CT02": Curve("HOC_SINH", (0.08, 0.265, 0.91, 0.918, 0.954, 0.959, 1.0)),
    "CT03": Curve("NGUOI_LON", (0.05, 0.178, 0.533, 0.575, 0.771, 0.799, 0.95)),
    "CT04": Curve("VNEID", (0.15, 0.328, 0.671, 0.711, 0.898, 0.924, 0.97)),
    "CT05": Curve("NLD_DN", (0.03, 0.112, 0.397, 0.446, 0.677, 0.71, 0.95)),
    "CT06": Curve("villages", (0.08, 0.289, 0.685, 0.731, 0.949, 0.98, 1.0)),
    "CT07": Curve("adults", (0.0, 0.003, 0.042, 0.066, 0.179, 0.195, 0.3)),
    "CT08": Curve("adults", (0.0, 0.002, 0.02, 0.031, 0.083, 0.09, 0.2)),
    "CT09": Curve("dossiers", (0.10, 0.20, 0.791, 0.812, 0.911, 0.925, 0.942)),  # weekly share
    "CT10": Curve("households", (0.05, 0.232, 0.469, 0.512, 0.711, 0.739, 0.9)),
}
# Province targets (stage 1, stage 2) in percent, from the provincial plan.
PERCENT_TARGETS = {
    "CT01": (90, 100), "CT02": (80, 100), "CT03": (50, 100), "CT04": (60, 90),
    "CT05": (50, 100), "CT06": (60, 100), "CT09": (50, 80),
}  # fmt: skip
# Count targets (stage 1, stage 2) as a share of their base population (adults, businesses).
COUNT_TARGET_RATES = {"CT07": (0.038, 0.19), "CT08": (0.03, 0.12), "CT10": (0.46, 0.73)}
# Administrative dossiers per person per week: one dossier per 350-700 residents.
DOSSIER_RATE = (1 / 700, 1 / 350)
# Tết 2026 (17 February): offices close, dossiers fall to 40 % for the weeks around it.
TET_WEEKS, TET_VOLUME = (date(2026, 2, 9), date(2026, 2, 23)), 0.4
# Reporting problems per 102 communes: stopped reporting (stale), missing some weeks (late).
STALE_PER_102, LATE_PER_102 = 4, 6
# Commune spread around the typical curve: log-speed s.d. shared by a commune's indicators and
# per indicator, log-speed gain and days ahead per unit of "ahead" (ward, near the city), s.d. of
# the start shift in days, and the power applied to time (< 1 quick start, > 1 late start).
PACE_SPREAD, INDICATOR_SPREAD, AHEAD_SPEED, AHEAD_DAYS, SHIFT_DAYS = 0.2, 0.1, 0.25, 25.0, 12.0
CURVE_POWER = (0.85, 1.15)
# Log-normal s.d. of weekly increments: some weeks bring a batch, others almost nothing.
WEEKLY_NOISE = 0.6
# Share of weeks a late reporter misses.
MISSED_WEEKS = (0.1, 0.25)
# Share of commune rows carrying a free-text note.
NOTE_SHARE = 0.003
# Free-text remarks commune staff typically add to a report, any indicator or specific ones.
NOTES = (
    "Số liệu tạm tính, sẽ cập nhật sau khi rà soát",
    "Đã rà soát, loại trùng danh sách",
    "Số liệu do các thôn, buôn tổng hợp",
    "Mất điện, báo cáo trễ",
)
_POLICE = ("Đã đối chiếu với số liệu của Công an xã",)
_TEAMS = ("Tổ công nghệ số cộng đồng hỗ trợ tại nhà văn hóa",)
INDICATOR_NOTES = {"CT03": _TEAMS, "CT04": _POLICE, "CT06": _TEAMS, "CT08": _POLICE}
# Notes on the first report after missed weeks, and on the last one before a commune stops.
GAP_NOTE = "Báo cáo gộp, bổ sung số liệu tuần trước"
STOP_NOTE = "Cán bộ phụ trách chuyển công tác, tạm dừng báo cáo"


def mondays(end: date) -> np.ndarray:
    """Return the weekly report dates (Mondays from FIRST_REPORT up to end) as datetime64[D]."""
    weeks = (end - FIRST_REPORT).days // 7 + 1
    return np.datetime64(FIRST_REPORT, "D") + 7 * np.arange(max(weeks, 0))


def _curve(code: str, days: np.ndarray) -> np.ndarray:
    """Evaluate the typical trajectory of an indicator at (warped) days."""
    return np.interp(days, KNOT_DAYS, CURVES[code].values)


def _warped_days(province: Province, pace: np.ndarray, tau: np.ndarray, rng) -> np.ndarray:
    """Days along the typical curve per commune: fast or slow, early or late, S-shaped or linear."""
    # Wards run ahead and remote communes behind; shifts and speeds are centred on the
    # population-weighted mean, so the province as a whole follows the typical curve.
    n = len(pace)
    weight = province.total[:, 0] / province.total[:, 0].sum()
    ahead = 0.5 - province.remoteness + 0.5 * province.urban  # > 0 near the city
    log_speed = PACE_SPREAD * pace + INDICATOR_SPREAD * rng.normal(size=n) + AHEAD_SPEED * ahead
    speed = np.exp(log_speed - weight @ log_speed)
    shift = rng.normal(0.0, SHIFT_DAYS, n) + AHEAD_DAYS * ahead
    shift += province.pace_offset - weight @ shift
    gamma = rng.uniform(*CURVE_POWER, n)
    u = np.clip(tau / HORIZON_DAYS, 0.0, None)
    return shift[:, None] + speed[:, None] * HORIZON_DAYS * u[None, :] ** gamma[:, None]


def _noisy(frac: np.ndarray, rng) -> np.ndarray:
    """Add weekly noise to cumulative fractions, keeping them non-decreasing and the endpoints."""
    if frac.shape[1] < 2:
        return frac
    inc = np.diff(frac, axis=1) * rng.lognormal(0.0, WEEKLY_NOISE, (len(frac), frac.shape[1] - 1))
    total = inc.sum(axis=1)
    gain = frac[:, -1] - frac[:, 0]
    scale = np.divide(gain, total, out=np.zeros_like(gain), where=total > 0)
    out = np.concatenate([frac[:, :1], frac[:, :1] + np.cumsum(inc, axis=1) * scale[:, None]], 1)
    return np.clip(np.maximum.accumulate(out, axis=1), 0.0, 1.0)


def _series(province: Province, dates: np.ndarray, rng) -> dict[str, tuple]:
    """Return indicator code -> (numerators, denominators or None) over communes x dates."""
    tau = (dates - np.datetime64(CAMPAIGN_START, "D")).astype(int).astype(float)
    pop_idx = (dates >= np.datetime64(POPULATION_DATES[1], "D")).astype(int)
    n = len(province.commune_codes)
    pace = rng.normal(size=n)  # a commune's overall commitment, shared by its indicators
    out: dict[str, tuple] = {}
    for ind in INDICATORS:
        curve = CURVES[ind.code]
        days = _warped_days(province, pace, tau, rng)
        if curve.base == "dossiers":
            weekly = province.total[:, 0] * rng.uniform(*DOSSIER_RATE, n)
            tet = (dates >= np.datetime64(TET_WEEKS[0])) & (dates <= np.datetime64(TET_WEEKS[1]))
            filed = rng.poisson(weekly[:, None] * np.where(tet, TET_VOLUME, 1.0)[None, :])
            filed[:, :1] = np.maximum(filed[:, :1], 1)
            online = rng.binomial(filed, np.clip(_curve(ind.code, days), 0.0, 1.0))
            out[ind.code] = (np.cumsum(online, axis=1), np.cumsum(filed, axis=1))
            continue
        frac = _noisy(np.clip(_curve(ind.code, days), 0.0, 1.0), rng)
        if curve.base == "villages":
            den = np.repeat([len(v) for v in province.villages], len(dates)).reshape(n, -1)
        elif curve.base == "households":
            den = np.repeat(province.households, len(dates)).reshape(n, -1)
        else:
            group = "NGUOI_LON" if curve.base == "adults" else curve.base
            den = province.groups[group][:, pop_idx]
        # Whole villages (round: a commune with 5 villages at 0.9 has 4 or 5 teams, not 4), people.
        num = (np.round if curve.base == "villages" else np.floor)(frac * den).astype(np.int64)
        out[ind.code] = (num, None if ind.unit == "count" else den.astype(np.int64))
    return out


def _reporting_mask(n: int, n_dates: int, dates: np.ndarray, province: Province, rng):
    """Return (present mask, stale communes with stop index, commune missing CT09/CT10)."""
    present = np.ones((n, n_dates), dtype=bool)
    if n < 10 or n_dates == 0:  # too small a province to have problem communes
        return present, {}, -1
    rural = np.where(~province.urban)[0]
    picked = rng.permutation(rural if len(rural) >= 3 else np.arange(n))
    n_stale = min(max(1, round(n * STALE_PER_102 / 102)), len(picked) // 3)
    n_late = min(max(1, round(n * LATE_PER_102 / 102)), len(picked) // 3)
    stale: dict[int, int] = {}
    # Communes stop at some Monday of 2026, at least three weeks before the last report date.
    window = np.where((dates >= np.datetime64("2026-02-01")) & (dates <= dates[-1] - 21))[0]
    for c in picked[:n_stale] if len(window) else []:
        stale[int(c)] = int(rng.choice(window))
        present[c, stale[int(c)] :] = False
    for j, c in enumerate(picked[n_stale : n_stale + n_late]):
        miss = rng.random(n_dates) < rng.uniform(*MISSED_WEEKS)
        miss[0] = False  # everyone sends the launch report: the stage-1 baseline
        miss[-1] |= j < 2 and n_dates > 1  # two communes are late for the current week
        present[c] &= ~miss
    return present, stale, int(picked[n_stale + n_late])


def _notes(present: np.ndarray, stale: dict[int, int], code: str, rng) -> np.ndarray:
    """Return the note of every commune x date cell: mostly empty, a few Vietnamese remarks."""
    notes = np.full(present.shape, None, dtype=object)
    picks = np.nonzero(rng.random(present.shape) < NOTE_SHARE)
    choices = np.array(NOTES + INDICATOR_NOTES.get(code, ()), dtype=object)
    notes[picks] = choices[rng.integers(0, len(choices), len(picks[0]))]
    if code == "CT01":
        after_gap = present[:, 1:] & ~present[:, :-1]
        for c, stop in stale.items():
            after_gap[c, stop - 1 :] = False
            notes[c, stop - 1] = STOP_NOTE
        notes[:, 1:][after_gap] = GAP_NOTE
    return notes


def _nice(value: float) -> float:
    """Round a count target to two significant digits, as plans state them."""
    if value <= 0:
        return 0.0
    magnitude = 10.0 ** (np.floor(np.log10(value)) - 1)
    return float(round(value / magnitude) * magnitude)


def _targets(province, dates, series, masks, stages) -> list[dict]:
    """Province-wide targets: baselines from the reports at each stage start, targets per plan."""
    rows = []
    for stage_idx, (stage_code, start) in enumerate(stages):
        ref = np.datetime64(max(start, FIRST_REPORT), "D")
        ref_k = int(np.searchsorted(dates, ref, side="right")) - 1
        pop_k = int(start >= POPULATION_DATES[1])
        for ind in INDICATORS:
            num, den = series[ind.code]
            baseline = 0.0
            if ref_k >= 0:
                seen = masks[ind.code][:, : ref_k + 1]
                has = np.where(seen.any(axis=1))[0]
                last = ref_k - np.argmax(seen[has, ::-1], axis=1)
                total_num = float(num[has, last].sum())
                total_den = float(den[has, last].sum()) if den is not None else 0.0
                if den is None:
                    baseline = total_num
                elif total_den:
                    baseline = round(100.0 * total_num / total_den, 1)
            if ind.unit == "percent":
                target = float(PERCENT_TARGETS[ind.code][stage_idx])
            else:
                base = (
                    province.households.sum()
                    if CURVES[ind.code].base == "households"
                    else province.groups["NGUOI_LON"][:, pop_k].sum()
                )
                rate = COUNT_TARGET_RATES[ind.code][stage_idx]
                target = max(_nice(rate * base), _nice(1.2 * baseline))
            rows.append(
                {
                    "indicator_code": ind.code,
                    "stage_code": stage_code,
                    "locality_code": "",
                    "baseline": baseline,
                    "target": target,
                }
            )
    return rows


def province_reports(
    province: Province, dates: np.ndarray, stages: list[tuple[str, date]], rng: np.random.Generator
) -> tuple[pd.DataFrame, list[dict]]:
    """Return (report rows sorted by locality, indicator, date; province targets per stage)."""
    n, n_dates = len(province.commune_codes), len(dates)
    series = _series(province, dates, rng)
    present, stale, missing = _reporting_mask(n, n_dates, dates, province, rng)
    codes = np.array(province.commune_codes, dtype=object)
    parts: dict[str, list[np.ndarray]] = {
        k: [] for k in ("loc", "ind", "date", "num", "den", "note")
    }

    def add(loc, ind, when, num, den, note) -> None:
        for key, value in zip(parts, (loc, ind, when, num, den, note), strict=True):
            parts[key].append(value)

    masks = {}
    for ind in INDICATORS:
        mask = present.copy()
        if ind.code in ("CT09", "CT10") and missing >= 0:
            mask[missing] = False  # one commune never reports online dossiers or payments
        masks[ind.code] = mask
        ci, di = np.nonzero(mask)
        num, den = series[ind.code]
        den_cells = den[ci, di] if den is not None else np.full(len(ci), -1, dtype=np.int64)
        notes = _notes(present, stale, ind.code, rng)[ci, di]
        add(codes[ci], np.full(len(ci), ind.code, object), dates[di], num[ci, di], den_cells, notes)

    active = series["CT06"][0]  # villages with a team, per commune and date
    for c, villages in enumerate(province.villages):
        order = rng.permutation(len(villages))
        first = np.searchsorted(active[c], np.arange(1, len(villages) + 1), side="left")
        keep = first < stale.get(c, n_dates)
        loc = np.array([villages[order[r]][0] for r in np.where(keep)[0]], dtype=object)
        ones = np.ones(len(loc), dtype=np.int64)
        add(
            loc,
            np.full(len(loc), "CT06", object),
            dates[first[keep]],
            ones,
            ones,
            [None] * len(loc),
        )

    den_all = np.concatenate(parts["den"])
    frame = pd.DataFrame(
        {
            "locality_code": np.concatenate(parts["loc"]),
            "indicator_code": np.concatenate(parts["ind"]),
            "as_of": np.concatenate(parts["date"]).astype("datetime64[s]"),
            "numerator": np.concatenate(parts["num"]).astype(np.int64),
            "denominator": pd.arrays.IntegerArray(np.maximum(den_all, 0), den_all < 0),
            "note": np.concatenate([np.asarray(x, dtype=object) for x in parts["note"]]),
        }
    )
    frame = frame.sort_values(["locality_code", "indicator_code", "as_of"], kind="stable")
    return frame.reset_index(drop=True), _targets(province, dates, series, masks, stages)
