"""Meetings: store a meeting with its frozen as-of, record its decisions, follow them up."""

import streamlit as st

from ui.filter_state import current_filters
from ui.meetings_view import render_meetings
from ui.scope_view import render_scope_line, scope_title

filters = current_filters("meetings")
st.title(scope_title(filters, "meetings.title"), anchor=False)
render_scope_line(filters)
render_meetings(filters)
