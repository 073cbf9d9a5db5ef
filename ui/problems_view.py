"""What a check found in a file: the problems about the file as a whole said plainly, the
row-level ones in a table that can be narrowed to errors, warnings or some columns; the
download always holds every problem."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from data_access.importers.problems import ERROR, WARNING, Problem
from i18n import translate
from ui.export import table_downloads
from ui.tables import show_table
from ui.text import md

# Rows of the problem table drawn at once; a broken file can list thousands (the download
# holds them all).
MAX_PROBLEM_ROWS = 2000
# Messages that name a command-line option get the page's wording instead.
PAGE_WORDING = {
    "import.empty_sheet": "import.empty_sheet_page",
    "import.decrease": "import.decrease_page",
}
ALL, FILE_COLUMN = "all", ""


def on_page(problem: Problem) -> Problem:
    """The problem as the page words it (the sheet picker instead of --sheet)."""
    key = PAGE_WORDING.get(problem.key)
    return dataclasses.replace(problem, key=key) if key else problem


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: row, message, column, value and severity, in `lang`."""
    t = lambda key: translate(key, lang)  # noqa: E731
    shown = [on_page(p) for p in problems]
    # The message comes second, so a phone's narrow table shows it beside the row.
    return pd.DataFrame(
        {
            t("data.col_row"): pd.array([p.row for p in shown], dtype="Int64"),
            t("data.col_message"): [p.message(lang) for p in shown],
            t("data.col_column"): [p.column or "" for p in shown],
            t("data.col_value"): [p.value or "" for p in shown],
            t("data.col_severity"): [t(f"data.severity_{p.severity}") for p in shown],
        }
    )


def about_file(problem: Problem) -> bool:
    """True for a problem about the file as a whole (no row and column of its own)."""
    return problem.file is not None or (problem.row is None and problem.column is None)


def filter_problems(
    problems: list[Problem], severity: str | None, columns: list[str]
) -> list[Problem]:
    """The problems of one severity (None or ALL: both) in some columns (none: every one)."""
    return [
        p
        for p in problems
        if (severity in (None, ALL) or p.severity == severity)
        and (not columns or (p.column or FILE_COLUMN) in columns)
    ]


def _widths(table: pd.DataFrame) -> dict[str, st.column_config.Column]:
    """A wide message; narrow row, column, value and severity."""
    widths = ("small", "large", "small", "small", "small")
    return {name: st.column_config.Column(width=w) for name, w in zip(table, widths, strict=True)}


def render_problems(problems: list[Problem], lang: str, key: str) -> None:
    """File-level problems as messages; the others as a table with filters and counts."""
    t = lambda name, **values: translate(name, lang, **values)  # noqa: E731
    for problem in problems:
        if about_file(problem):
            show = st.error if problem.severity == ERROR else st.warning
            show(md(on_page(problem).text(lang)))
    rows = [p for p in problems if not about_file(p)]
    if not rows:
        return
    errors = sum(1 for p in rows if p.severity == ERROR)
    warnings = len(rows) - errors
    st.subheader(t("data.problems"), anchor=False)
    options = {ALL: t("problems.all", count=len(rows)), ERROR: t("problems.errors", count=errors)}
    options[WARNING] = t("problems.warnings", count=warnings)
    # One above the other: side by side, the counts of a narrow column were cut off.
    severity = st.segmented_control(
        t("problems.severity"),
        list(options),
        default=ALL,
        format_func=options.get,
        key=f"{key}_severity",
    )
    every_column = sorted({p.column or FILE_COLUMN for p in rows})
    columns = st.multiselect(
        t("problems.columns"),
        every_column,
        key=f"{key}_columns",
        placeholder=t("problems.every_column"),
        format_func=lambda c: c or t("problems.file_column"),
    )
    shown = filter_problems(rows, severity, columns)
    caption = t("problems.shown", shown=min(len(shown), MAX_PROBLEM_ROWS), total=len(rows))
    if len(shown) > MAX_PROBLEM_ROWS:
        caption += " " + t("problems.more", limit=MAX_PROBLEM_ROWS)
    st.caption(caption)
    table = problems_frame(shown[:MAX_PROBLEM_ROWS], lang)
    show_table(table, lang, hide_index=True, width="stretch", column_config=_widths(table))
    # The download carries every problem, whatever the filters show.
    table_downloads(
        problems_frame(problems, lang), name="import-problems", lang=lang, key=f"{key}_export"
    )
