"""Report entry: a commune officer enters and submits a period's figures; a data officer
approves them, returns them with a comment, or reopens an approved period."""

import streamlit as st

from ui.entry_approval import render_approval
from ui.entry_form import render_entry_form
from ui.filter_state import current_filters

filters = current_filters("entry")
st.title(filters.t("page.entry"), anchor=False)
if filters.viewer.limits.may("import_reports"):
    approval, entry = st.tabs([filters.t("entry.tab_approval"), filters.t("entry.tab_form")])
    with approval:
        render_approval(filters)
    with entry:
        render_entry_form(filters)
else:
    render_entry_form(filters)
