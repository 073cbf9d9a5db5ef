"""Administration: set the province up, manage accounts, presentation links and the audit log.

Each section is shown only to viewers whose rights it needs; the writes behind them check
those rights again.
"""

import streamlit as st

from ui.admin.accounts import render_accounts
from ui.admin.audit import render_audit
from ui.admin.links import render_links
from ui.admin.setup import render_setup
from ui.filter_state import current_filters

filters = current_filters("admin")
limits = filters.viewer.limits
st.title(filters.t("page.admin"), anchor=False)
st.caption(filters.t("admin.intro"))
SECTIONS = [
    ("admin.section_setup", ("edit_register", "edit_catalogue", "edit_boundaries"), render_setup),
    ("admin.section_accounts", ("manage_users",), render_accounts),
    ("admin.section_links", ("manage_links",), render_links),
    ("admin.section_audit", ("view_audit",), render_audit),
]
shown = [s for s in SECTIONS if any(limits.may(action) for action in s[1])]
if filters.setting_up:  # a presentation link needs a stage to present
    shown = [s for s in shown if s[0] != "admin.section_links"]
for tab, (_, _, render) in zip(st.tabs([filters.t(s[0]) for s in shown]), shown, strict=True):
    with tab:
        render(filters)
