"""Statuses of an entered period, the outcome of each step, and the values a form holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from data_access.importers.problems import ERROR, WARNING, Problem

DRAFT, SUBMITTED, RETURNED, APPROVED, REOPENED = (
    "draft",
    "submitted",
    "returned",
    "approved",
    "reopened",
)
STATUSES = (DRAFT, SUBMITTED, RETURNED, APPROVED, REOPENED)
# Statuses in which the commune officer may change the values (submitted and approved are not).
EDITABLE = frozenset({DRAFT, RETURNED, REOPENED})
# Actions kept in entry_history.
ENTERED = "entered"
ACTIONS = (ENTERED, SUBMITTED, RETURNED, APPROVED, REOPENED)
# A return comment or a reopen reason longer than this is refused (a sentence or two).
MAX_REASON_CHARS = 2000


@dataclass(frozen=True)
class EntryValue:
    """One indicator's row of the form, as typed (blank strings for empty fields)."""

    indicator_code: str
    numerator: str = ""
    denominator: str = ""
    note: str = ""

    @property
    def filled(self) -> bool:
        """True when the numerator or the note holds something: a denominator alone is the
        form's prefilled population, not a value entered."""
        return any(v.strip() for v in (self.numerator, self.note))


@dataclass
class EntryOutcome:
    """What a step did: its status ("rejected" when nothing was changed) and the problems,
    those of a value keyed by its indicator code in `by_indicator`."""

    status: str
    problems: list[Problem] = field(default_factory=list)
    by_indicator: dict[str, list[Problem]] = field(default_factory=dict)
    batch_id: int | None = None

    @property
    def ok(self) -> bool:
        """True when the step was done."""
        return self.status != "rejected"

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop a submission or an approval."""
        every = [*self.problems, *(p for ps in self.by_indicator.values() for p in ps)]
        return [p for p in every if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems to look at that stop nothing."""
        every = [*self.problems, *(p for ps in self.by_indicator.values() for p in ps)]
        return [p for p in every if p.severity == WARNING]


def rejected(key: str, **params: object) -> EntryOutcome:
    """An outcome refusing the step with one problem."""
    return EntryOutcome("rejected", [Problem(key, params=params)])
