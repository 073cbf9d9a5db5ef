"""Data: the report template, importing reports (checked once, then commit or cancel),
reporting completeness and the import history — each part only for viewers it is for."""

import streamlit as st

from figures import reporting
from figures.reader import PlainReader
from ui.committee_view import as_of_caption
from ui.completeness import (
    render_commune_completeness,
    render_period_completeness,
    render_submission_completeness,
)
from ui.data import app_engine, reader
from ui.filter_state import current_filters
from ui.history import render_history
from ui.importing import render_import_flow
from ui.reminders import render_reminders
from ui.report_template import render_report_template
from ui.scope_view import scope_title

filters = current_filters("data")
limits = filters.viewer.limits
# Importing: data officers (any commune) and commune officers (their own communes: the
# importer refuses other rows); the batches and the province's periods: view_batches.
may_import = limits.may("import_reports") or limits.may("upload_reports")
may_see_batches = limits.may("view_batches")
st.title(scope_title(filters, "page.data"), anchor=False)
st.caption(as_of_caption(filters))
parts = [("data.tab_import", may_import), ("data.tab_completeness", True)]
parts.append(("data.tab_history", may_see_batches))
shown = [key for key, allowed in parts if allowed]
tabs = dict(zip(shown, st.tabs([filters.t(key) for key in shown]), strict=True))

if "data.tab_import" in tabs:
    with tabs["data.tab_import"]:
        left, right = st.columns([2, 3], gap="large")
        # The check's outcome goes below both columns, full width: its messages are long.
        results = st.container()
        with left:
            render_report_template(filters)
        with right:
            st.subheader(filters.t("data.upload_header"), anchor=False)
            if not limits.may("import_reports"):  # a commune officer's file waits for approval
                st.caption(filters.t("submissions.upload_submits"))
            render_import_flow("reports", filters, results=results)

with tabs["data.tab_completeness"]:
    render_commune_completeness(reporting.commune_completeness(reader(), filters.scope), filters)
    # Submitting does not bump the data version (the dashboards do not change), so who has
    # submitted is read afresh, never from the cache.
    with PlainReader(app_engine()) as fresh:
        states = reporting.submission_completeness(fresh, filters.scope)
        render_submission_completeness(states, filters)
        # Focal points' phones and e-mails are for the standing agency's data officers only.
        if limits.may("import_reports"):
            render_reminders(*reporting.reminders(fresh, filters.scope), filters)
    if may_see_batches:
        periods = reporting.period_completeness(reader(), filters.scope)
        render_period_completeness(periods, filters.lang)

if "data.tab_history" in tabs:
    with tabs["data.tab_history"]:
        render_history(filters)
