"""The speed budgets, each figure measured against them, and how they are printed."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field

# The budgets of the issue "fast at every click": a fresh load within twice a bare page's;
# a click answered within half a second (the limit of feeling immediate); a warm overview
# run within a tenth of a second of CPU (so 20 at once fit a 2-core machine); 20 sessions
# opening the overview at once each served within 3 s at the 95th percentile.
FRESH_LOAD_RATIO = 2.0
CLICK_S = 0.5
WARM_RUN_CPU_S = 0.1
LOAD_P95_S = 3.0


@dataclass(frozen=True)
class Budget:
    """A limit: on the figure in seconds, or on its ratio to the bare page (`ratio`)."""

    limit: float
    ratio: bool = False

    def text(self) -> str:
        """The budget as printed: "≤ 2.0× bare" or "≤ 0.50 s"."""
        return f"≤ {self.limit:.1f}× bare" if self.ratio else f"≤ {self.limit:.2f} s"


FRESH_LOAD = Budget(FRESH_LOAD_RATIO, ratio=True)
CLICK = Budget(CLICK_S)
WARM_RUN_CPU = Budget(WARM_RUN_CPU_S)
LOAD_P95 = Budget(LOAD_P95_S)


@dataclass
class Figure:
    """One measured figure: the median of its runs (seconds), against its budget."""

    name: str
    kind: str  # fresh_load, navigation, filter, map_click, cpu, load_test, reference, cold
    runs: list[float]
    budget: Budget | None = None
    bare_s: float | None = None
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def median_s(self) -> float:
        """The median of the runs."""
        return statistics.median(self.runs)

    @property
    def ratio(self) -> float | None:
        """The median over the bare page's fresh load, when that is known."""
        return self.median_s / self.bare_s if self.bare_s else None

    @property
    def verdict(self) -> str:
        """PASS or OVER its budget ("" when it has none)."""
        if self.budget is None:
            return ""
        value = self.ratio if self.budget.ratio else self.median_s
        return "PASS" if value is not None and value <= self.budget.limit else "OVER"

    def as_dict(self) -> dict[str, object]:
        """The figure for the JSON report."""
        return {
            "name": self.name,
            "kind": self.kind,
            "median_s": round(self.median_s, 4),
            "runs_s": [round(run, 4) for run in self.runs],
            "ratio_to_bare": None if self.ratio is None else round(self.ratio, 2),
            "budget": None if self.budget is None else asdict(self.budget),
            "budget_text": "" if self.budget is None else self.budget.text(),
            "verdict": self.verdict,
            **({"notes": self.notes} if self.notes else {}),
        }


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table (one line each)."""
    header = f"{'figure':<44} {'median':>9} {'× bare':>7}  {'budget':<14} verdict"
    lines = [header, "-" * len(header)]
    for fig in figures:
        ratio = "" if fig.ratio is None else f"{fig.ratio:.1f}×"
        budget = "" if fig.budget is None else fig.budget.text()
        lines.append(f"{fig.name:<44} {fig.median_s:>8.3f}s {ratio:>7}  {budget:<14} {fig.verdict}")
    return "\n".join(lines)
