"""The commune quick filter: a diacritic-insensitive search box plus the chosen-communes list.

The choice lives in session state (and, through ui.filters, in the URL); every change goes
through a callback here, so a chosen village is dropped whenever the communes change.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from campaign.search import compute_search_matches, compute_search_pick
from i18n import translate

COMMUNES_KEY = "f_communes"
SEARCH_KEY = "f_search"
VILLAGE_KEY = "f_village"
# Enough one-click results to cover "dak" (nine Đắk communes in the demo) without pushing the
# chosen-communes list off a 1080-pixel sidebar; the list below still holds every match.
MATCH_BUTTONS = 8


def set_communes(codes: Iterable[str]) -> None:
    """Callback: choose exactly these communes (an empty list = the whole province)."""
    st.session_state[COMMUNES_KEY] = list(dict.fromkeys(codes))
    st.session_state[VILLAGE_KEY] = None


def add_commune(code: str, search_key: str | None = None) -> None:
    """Callback: add one commune to the choice and empty the search box it came from."""
    chosen = list(st.session_state.get(COMMUNES_KEY, []))
    set_communes([*chosen, code])
    if search_key:
        st.session_state[search_key] = ""


def choose_village(code: str | None) -> None:
    """Callback: show one village of the chosen commune (None: back to the commune)."""
    st.session_state[VILLAGE_KEY] = code


def _on_search(communes: pd.DataFrame, search_key: str) -> None:
    # Enter on a query that names one commune (its code, or a unique or exact name) picks it.
    pick = compute_search_pick(st.session_state.get(search_key, ""), communes)
    if pick is not None:
        add_commune(pick, search_key)


def _on_multiselect_change() -> None:
    st.session_state[VILLAGE_KEY] = None


def render_commune_search(
    communes: pd.DataFrame, lang: str, *, key: str, container: object = st.sidebar
) -> list[str]:
    """Search box with one-click results; returns the ranked matching codes."""
    names = dict(zip(communes["code"], communes["name"], strict=True))
    query = container.text_input(
        translate("filter.search", lang),
        key=key,
        placeholder=translate("filter.search_hint", lang),
        on_change=_on_search,
        args=(communes, key),
    )
    if not query or not query.strip():
        return []
    matches = compute_search_matches(query, communes)
    chosen = set(st.session_state.get(COMMUNES_KEY, []))
    if not matches:
        container.caption(translate("filter.no_match", lang, query=query.strip()))
        return []
    container.caption(translate("filter.matches", lang, count=len(matches)))
    for code in [c for c in matches if c not in chosen][:MATCH_BUTTONS]:
        container.button(
            f"{names[code]} · {code}",
            key=f"{key}_add_{code}",
            icon=":material/add:",
            type="tertiary",
            on_click=add_commune,
            args=(code, key),
        )
    return matches


def render_commune_picker(communes: pd.DataFrame, lang: str) -> None:
    """The sidebar's quick filter: search box, one-click matches, chosen-communes list."""
    names = dict(zip(communes["code"], communes["name"], strict=True))
    chosen = [code for code in st.session_state.get(COMMUNES_KEY, []) if code in names]
    st.session_state[COMMUNES_KEY] = chosen
    matches = render_commune_search(communes, lang, key=SEARCH_KEY)
    query = st.session_state.get(SEARCH_KEY, "") or ""
    if query.strip():
        options = chosen + [code for code in matches if code not in chosen]
    else:
        options = list(communes["code"])
    st.sidebar.multiselect(
        translate("filter.communes", lang),
        options,
        key=COMMUNES_KEY,
        format_func=lambda code: f"{names[code]} ({code})",
        placeholder=translate("filter.communes_placeholder", lang),
        on_change=_on_multiselect_change,
    )
