"""Presentation mode: the projector slides for the committee meeting, as of a frozen date,
opening with the last meeting's decisions when it recorded any."""

from ui.filter_state import current_filters
from ui.presentation import (
    SLIDE_COUNT,
    hide_app_chrome,
    meeting_date,
    read_slide_choice,
    run_slides,
    set_slide_count,
)
from ui.presentation_slides import draw_slide, has_decisions_due

filters = current_filters("present")
hide_app_chrome()
decisions = has_decisions_due(filters)
set_slide_count(SLIDE_COUNT + int(decisions))
choice = read_slide_choice(filters)
meeting = meeting_date(filters)
run_slides(
    lambda index: draw_slide(
        index, filters, meeting, decisions=decisions, problems=choice.problems
    ),
    choice.advance_s,
)
