"""The audit log: every sign-in, write, account change and link, newest first."""

from __future__ import annotations

import json

import streamlit as st

from data_access.accounts.audit import fetch_audit
from ui.data import app_engine
from ui.export import table_downloads
from ui.filter_state import Filters
from ui.tables import PLAIN_IDS, show_table

AUDIT_ROWS = 1000  # newest records shown; the download holds the same


def render_audit(filters: Filters) -> None:
    """Who did what, when and from where."""
    t = filters.t
    log = fetch_audit(app_engine(), limit=AUDIT_ROWS)
    actions = sorted(log["action"].unique())
    chosen = st.multiselect(t("admin.audit_actions"), actions, placeholder=t("admin.audit_all"))
    if chosen:
        log = log[log["action"].isin(chosen)]
    shown = log.assign(details=[json.dumps(d, ensure_ascii=False) for d in log["details"]])
    shown = shown[["at", "actor", "address", "action", "details"]]
    show_table(shown, filters.lang, formats=PLAIN_IDS, hide_index=True, width="stretch")
    table_downloads(shown, name="audit", lang=filters.lang, key="export_audit")
