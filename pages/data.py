"""Data: download a template, import reports (preview, commit or cancel), completeness, history."""

import streamlit as st

from figures import reporting
from ui.committee_view import as_of_caption
from ui.completeness import completeness_tables
from ui.data import reader
from ui.filter_state import current_filters
from ui.importing import render_history, render_import_flow, report_template
from ui.scope_view import scope_title

filters = current_filters("data")
lang = filters.lang
st.title(scope_title(filters, "page.data"), anchor=False)
st.caption(as_of_caption(filters))
tab_import, tab_completeness, tab_history = st.tabs(
    [
        filters.t("data.tab_import"),
        filters.t("data.tab_completeness"),
        filters.t("data.tab_history"),
    ]
)

with tab_import:
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.subheader(filters.t("data.template_header"))
        template_date = st.date_input(
            filters.t("data.template_date"),
            value=filters.as_of,
            format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
        )
        fmt = st.radio(filters.t("data.template_format"), ["xlsx", "csv"], horizontal=True)
        template = report_template(template_date, fmt)
        if template is None:
            st.info(filters.t("data.template_none"))
        else:
            rows, data = template
            st.download_button(
                filters.t("data.template_download", rows=rows),
                data,
                file_name=f"mau_bao_cao_{template_date.isoformat()}.{fmt}",
                icon=":material/download:",
            )
    with right:
        st.subheader(filters.t("data.upload_header"))
        render_import_flow("reports", lang=lang, actor=filters.viewer.actor)

with tab_completeness:
    communes = reporting.commune_completeness(reader(), filters.scope)
    periods = reporting.period_completeness(reader(), filters.scope)
    completeness_tables(communes, periods, filters)

with tab_history:
    render_history(lang, actor=filters.viewer.actor)
