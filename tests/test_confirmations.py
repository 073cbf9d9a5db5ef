"""A write's confirmation survives a run cut short and is dropped once a run has drawn the page
to its end (ui.confirmations), in AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from ui.confirmations import confirm_and_rerun, confirmation

    with confirmation("done"):
        if st.button("write"):
            confirm_and_rerun("done", "Đã ghi kết luận.")
        if st.session_state.get("cut_short"):
            st.stop()  # as a run stopped by the next one ends before the page's end
        st.write("end of the page")


def _said(at: AppTest) -> list[str]:
    return [element.value for element in at.success]


def test_a_confirmation_outlives_a_cut_run_and_goes_after_a_whole_one():
    at = AppTest.from_function(_page).run()
    assert _said(at) == []
    at.button[0].click().run()
    assert _said(at) == ["Đã ghi kết luận."]  # the rerun the write asked for drew it to the end
    at.run()
    assert _said(at) == []

    at.button[0].click()
    at.session_state["cut_short"] = True
    at.run()
    assert _said(at) == ["Đã ghi kết luận."]
    at.session_state["cut_short"] = False
    at.run()
    assert _said(at) == ["Đã ghi kết luận."]  # the cut run left it for this one
    at.run()
    assert _said(at) == []
