"""Data: download a template, import reports (preview, commit or cancel), completeness, history."""

import streamlit as st

from data_access.completeness import fetch_commune_completeness, fetch_period_completeness
from data_access.importers.template import build_template_frame, template_bytes
from data_access.importers.writing import import_reports
from ui.completeness import completeness_tables
from ui.data import cached_query
from ui.filters import current_filters
from ui.format import format_date
from ui.importing import render_history, render_import_flow

filters = current_filters()
lang = filters.lang
st.title(filters.t("page.data"))
st.caption(filters.t("common.as_of", date=format_date(filters.as_of, lang)))
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
        template = cached_query(build_template_frame, as_of=template_date, stage_code=None)
        if template.empty:
            st.info(filters.t("data.template_none"))
        else:
            st.download_button(
                filters.t("data.template_download", rows=len(template)),
                template_bytes(template, fmt),
                file_name=f"mau_bao_cao_{template_date.isoformat()}.{fmt}",
                icon=":material/download:",
            )
    with right:
        st.subheader(filters.t("data.upload_header"))
        render_import_flow(import_reports, key="reports", lang=lang)

with tab_completeness:
    communes = cached_query(
        fetch_commune_completeness, stage_id=filters.stage_id, as_of=filters.as_of
    )
    periods = cached_query(
        fetch_period_completeness, stage_id=filters.stage_id, as_of=filters.as_of
    )
    completeness_tables(communes, periods, filters)

with tab_history:
    render_history(lang)
