"""Presentation mode: five projector slides for the committee meeting, as of a frozen date."""

import streamlit as st

from ui.filter_state import current_filters
from ui.presentation import hide_app_chrome, meeting_date, read_slide_choice, run_slides
from ui.presentation_slides import draw_slide

filters = current_filters("present")
hide_app_chrome()
choice = read_slide_choice(filters)
for problem in choice.problems:
    st.warning(problem)
meeting = meeting_date(filters)
run_slides(lambda index: draw_slide(index, filters, meeting), choice.advance_s)
