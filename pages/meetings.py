"""Meetings: store a meeting with its frozen as-of, record its decisions, follow them up."""

import streamlit as st

from ui.filter_state import current_filters
from ui.meetings_view import render_meetings

filters = current_filters("meetings")
st.title(filters.t("meetings.title"), anchor=False)
render_meetings(filters)
