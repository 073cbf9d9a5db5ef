"""Whose view a page shows, named in its heading, with one click back to the whole province.

A commune chosen on the map must never silently turn the overview into that commune's
figures under the title "Tổng quan".
"""

from __future__ import annotations

import streamlit as st

from figures.boards import stage_indicators
from ui.commune_picker import COMMUNES_KEY, VILLAGE_KEY
from ui.data import reader
from ui.filter_state import Filters
from ui.filter_url import AGENCY_KEY
from ui.text import md

# Names listed in a cluster's heading before "…": a heading stays one line on a laptop.
CLUSTER_NAMES_SHOWN = 3


def scope_name(filters: Filters) -> str | None:
    """ "Xã Cư Prao", "3 xã/phường: A, B, C …", or None for the whole province."""
    codes = filters.commune_codes
    if not codes:
        return None
    names = dict(zip(filters.communes["code"], filters.communes["name"], strict=True))
    if len(codes) == 1:
        return names.get(codes[0], codes[0])
    listed = ", ".join(names.get(c, c) for c in codes[:CLUSTER_NAMES_SHOWN])
    more = " …" if len(codes) > CLUSTER_NAMES_SHOWN else ""
    return filters.t("scope.cluster", count=len(codes), names=listed + more)


def agency_name(filters: Filters) -> str | None:
    """ "Công an tỉnh — 2 chỉ tiêu" under a department head's view, else None."""
    if not filters.agency_code:
        return None
    indicators = stage_indicators(reader(), filters.scope)
    name = (
        str(indicators.iloc[0][f"agency_name_{filters.lang}"])
        if not indicators.empty
        else filters.agency_code
    )
    return filters.t("scope.agency", agency=name, count=len(indicators))


def scope_label(filters: Filters) -> str:
    """Whose figures these are in one line of plain text: the commune, cluster or province,
    and the agency ("Xã Cư Prao · Công an tỉnh — 2 chỉ tiêu")."""
    place = scope_name(filters) or filters.province_name
    agency = agency_name(filters)
    return place + (f" · {agency}" if agency else "")


def scope_title(filters: Filters, title_key: str) -> str:
    """The page's title (its scope is named on the line under it, render_scope_line)."""
    return filters.t(title_key)


def _whole_province() -> None:
    st.session_state[COMMUNES_KEY] = []
    st.session_state[VILLAGE_KEY] = None
    st.session_state[AGENCY_KEY] = None


def render_scope_line(
    filters: Filters, container: object = st, *, extra: tuple[str, ...] = ()
) -> None:
    """Under the title, whose figures these are: the commune or cluster (else the province),
    the agency's name and indicator count, and one click back to the whole province when the
    viewer may see it. `extra`: Markdown shown small at the end of the line (the as-of date)."""
    narrowed = bool(filters.commune_codes) or bool(filters.agency_code)
    allowed = filters.scope.sees_province and filters.scope.allowed_agencies is None
    row = container.container(
        horizontal=True, vertical_alignment="center", gap="small", key="scope-line"
    )
    row.markdown(f"#### :material/location_on: {md(scope_label(filters))}")
    if narrowed and allowed:
        row.button(
            filters.t("scope.whole_province"),
            icon=":material/public:",
            type="tertiary",
            on_click=_whole_province,
            key="scope_whole_province",
        )
    for text in extra:
        row.caption(text)
