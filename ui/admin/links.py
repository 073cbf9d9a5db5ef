"""Presentation links: read-only, expiring links for the meeting-room computer."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import streamlit as st

from data_access.accounts.actors import AccountError
from data_access.accounts.clock import utc_now
from data_access.accounts.link_scope import LinkScope
from data_access.accounts.links import create_link, fetch_links, revoke_link
from data_access.settings import load_settings
from ui.data import app_engine
from ui.filter_state import Filters
from ui.session import LINK_PARAM
from ui.tables import PLAIN_IDS, show_table


def _base_url() -> str:
    try:
        parts = urlsplit(st.context.url or "")
    except (AttributeError, ValueError):
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def render_links(filters: Filters) -> None:
    """Make a link for the current filters (stage, communes, agency, as-of), list and revoke."""
    t, actor, engine, scope = filters.t, filters.viewer.actor, app_engine(), filters.scope
    st.caption(t("admin.links_help"))
    with st.form("new_link"):
        label = st.text_input(t("admin.link_label"), value=t("admin.link_default"))
        days = st.number_input(
            t("admin.link_days"), min_value=1, max_value=load_settings().link_max_days, value=1
        )
        freeze = st.checkbox(t("admin.link_freeze", date=filters.as_of.isoformat()), value=True)
        if st.form_submit_button(t("admin.link_create"), type="primary"):
            link_scope = LinkScope(
                province_code=scope.province_code,
                commune_codes=scope.commune_codes or None,
                agency_code=filters.agency_code,
                stage_code=scope.stage.code,
            )
            try:
                token = create_link(
                    engine,
                    actor=actor,
                    scope=link_scope,
                    expires_at=utc_now() + timedelta(days=int(days)),
                    as_of=filters.as_of if freeze else None,
                    label=label,
                )
            except AccountError as error:
                st.error(str(error))
            else:
                st.success(t("admin.link_made"))
                st.code(f"{_base_url()}/?present=1&{LINK_PARAM}={token}", language=None)
    links = fetch_links(engine)
    show_table(links, filters.lang, formats=PLAIN_IDS, hide_index=True, width="stretch")
    active = links[links["revoked_at"].isna()]
    link_id = st.selectbox(t("admin.pick_link"), list(active["id"]), index=None)
    if link_id is not None and st.button(t("admin.link_revoke")):
        try:
            revoke_link(engine, int(link_id), actor=actor)
        except AccountError as error:
            st.error(str(error))
        else:
            st.success(t("admin.saved"))
