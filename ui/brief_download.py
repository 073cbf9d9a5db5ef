"""The meeting brief (PDF) as a download, built only when someone clicks."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from reports.brief import build_brief_pdf
from ui.data import app_engine
from ui.filter_state import Filters


def _brief_bytes(
    *,
    lang: str,
    as_of: date,
    since: date | None,
    stage_code: str,
    agency_code: str | None,
    commune_codes: list[str] | None,
) -> bytes:
    # Runs when the button is clicked, outside the page's run: it only needs the engine.
    return build_brief_pdf(
        app_engine(),
        lang=lang,
        as_of=as_of,
        since=since,
        stage_code=stage_code,
        agency_code=agency_code,
        commune_codes=commune_codes,
    )


def brief_download_button(filters: Filters, meeting: date | None) -> None:
    """A button that downloads the meeting brief for the current filters and meeting date."""
    build = partial(
        _brief_bytes,
        lang=filters.lang,
        as_of=filters.as_of,
        since=meeting if meeting is not None and meeting < filters.as_of else None,
        stage_code=str(filters.stage.code),
        agency_code=filters.agency_code,
        commune_codes=filters.commune_filter,
    )
    st.download_button(
        filters.t("brief.download_button"),
        data=build,
        file_name=f"brief-{filters.stage.code}-{filters.as_of.isoformat()}.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help=filters.t("brief.download_help"),
        width="content",
    )
