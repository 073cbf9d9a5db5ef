"""Tables write their numbers in the reader's language; text-only tables go as they are."""

from __future__ import annotations

import pandas as pd

from ui.tables import localized


def test_numbers_are_written_in_the_language_and_empty_cells_as_a_dash():
    frame = pd.DataFrame({"commune": ["Xã A", None], "reached": [1234.5, None]})
    styler = localized(frame, "vi")
    shown = styler.to_html()
    assert "1.234,5" in shown and "—" in shown
    assert "1,234.5" in localized(frame, "en").to_html()


def test_a_text_only_table_without_empty_cells_goes_as_it_is():
    frame = pd.DataFrame({"commune": ["Xã A", "Xã B"], "state": ["Đã duyệt", "Chưa gửi"]})
    assert localized(frame, "vi") is frame
    with_gap = frame.assign(state=["Đã duyệt", None])
    assert "—" in localized(with_gap, "vi").to_html()
    chosen = localized(frame, "vi", {"state": str.upper})  # a formatter asked for still applies
    assert "ĐÃ DUYỆT" in chosen.to_html()
