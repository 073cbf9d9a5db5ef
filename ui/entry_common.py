"""What the entry form and the approval list share: communes one may enter for, statuses,
and a problem shown beside its field."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.entry.queries import period_ends
from data_access.importers.problems import ERROR, Problem
from i18n import translate
from ui.filter_state import Filters
from ui.text import md


def enterable_communes(filters: Filters) -> pd.DataFrame:
    """The province's communes the viewer may enter figures for (code, name, kind): a data
    officer's whole read scope, a commune officer's own communes."""
    limits = filters.viewer.limits
    communes = filters.communes
    if limits.may("import_reports"):
        return communes
    return communes[communes["code"].isin(limits.upload_commune_codes)].reset_index(drop=True)


def url_asked_outside(filters: Filters) -> bool:
    """True when the frame dropped a commune (or another choice) of the URL this run because
    it lies outside the viewer's scope: the form is then not drawn at all."""
    marker = "\x00"
    head = translate("access.outside", filters.lang, value=marker).split(marker)[0]
    return any(problem.startswith(head) for problem in filters.problems)


def stage_periods(filters: Filters, today: date | None = None) -> list[date]:
    """As-of dates of the chosen stage's periods that have ended, newest first."""
    stage = filters.stage
    return period_ends(
        start=stage.start_date,
        deadline=stage.deadline,
        period_days=stage.period_days,
        today=today or date.today(),
    )


def status_text(filters: Filters, status: str) -> str:
    """A period's status in the viewer's language."""
    return filters.t(f"entry.status.{status}")


def show_problems(problems: list[Problem], lang: str) -> None:
    """Each problem as a short message (errors red, warnings yellow)."""
    for problem in problems:
        show = st.error if problem.severity == ERROR else st.warning
        show(md(problem.message(lang)))


def show_outcome_problems(problems: list[Problem], lang: str) -> None:
    """Problems of a step with their column and value, as the import shows them."""
    for problem in problems:
        show = st.error if problem.severity == ERROR else st.warning
        show(md(problem.text(lang) if problem.row is None else problem.message(lang)))
