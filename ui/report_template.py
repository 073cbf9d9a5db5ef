"""The report template of the Data page: the communes chosen in the filter (a commune
officer's own), every indicator of the date's stage, headers in Vietnamese or English."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from data_access.importers.template import build_template_frame, template_bytes
from ui.data import reader
from ui.filter_state import Filters
from ui.links import stage_for_date

FORMATS = ("xlsx", "csv")
# A downloaded template's name, per header language (no diacritics: every system keeps them).
FILE_NAMES = {"vi": "mau_bao_cao_{date}.{fmt}", "en": "report_template_{date}.{fmt}"}


def template_frame(filters: Filters, day: date, lang: str) -> pd.DataFrame:
    """Rows of the template for `day`: the filter's communes (none chosen: every commune of
    the province) × the indicators of the province's stage of that date; empty when none."""
    stage = stage_for_date(filters, day)
    if stage is None:
        return pd.DataFrame()
    return reader().read(
        build_template_frame,
        as_of=day,
        stage_code=stage,
        commune_codes=filters.commune_codes or None,
        lang=lang,
    )


def render_report_template(filters: Filters) -> None:
    """Date, format and header language of the template, and its download."""
    t, lang = filters.t, filters.lang
    st.subheader(t("data.template_header"), anchor=False)
    day = st.date_input(
        t("data.template_date"),
        value=filters.as_of,
        format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
        key="template_date",
    )
    fmt = st.radio(t("data.template_format"), FORMATS, horizontal=True, key="template_format")
    header_lang = st.radio(
        t("data.template_lang"),
        ("vi", "en"),
        index=0 if lang == "vi" else 1,
        horizontal=True,
        key="template_lang",
        format_func=lambda code: t(f"data.template_lang_{code}"),
    )
    frame = template_frame(filters, day, header_lang)
    if frame.empty:
        st.info(t("data.template_none"))
        return
    communes = frame["commune_code"].nunique()
    chosen = "data.template_communes" if filters.commune_codes else "data.template_all"
    st.caption(t(chosen, communes=communes, indicators=frame["indicator_code"].nunique()))
    st.download_button(
        t("data.template_download", rows=len(frame)),
        # Built when clicked, not on every rerun of the page.
        lambda: template_bytes(frame, fmt, header_lang),
        file_name=FILE_NAMES[header_lang].format(date=day.isoformat(), fmt=fmt),
        icon=":material/download:",
        on_click="ignore",
        key="template_download",
    )
