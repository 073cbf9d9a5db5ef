"""The slides open with "Decisions due" when the last stored meeting recorded decisions."""

from __future__ import annotations

from i18n import translate
from tests.apptest import open_app
from tests.meetings_helpers import FROZEN, NOW, store_meeting_with_decisions
from ui.presentation import SLIDE_COUNT
from ui.presentation_slides import DECISIONS_TITLE, SLIDE_TITLES
from ui.text import md


def _present(engine, monkeypatch, **query: str):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    at = open_app({"present": "1", "stage": "GD2-2026", "as_of": NOW.isoformat(), **query})
    assert not at.exception, [e.value for e in at.exception]
    return at


def _shown(at) -> str:
    return " ".join(str(getattr(node, "value", "")) for node in at.main)


def test_decisions_due_come_first_with_their_figures_then_and_now(seeded_copy, monkeypatch):
    store_meeting_with_decisions(seeded_copy)
    at = _present(seeded_copy, monkeypatch)
    assert at.title[0].value == translate(DECISIONS_TITLE, date="04/10/2026")
    shown = _shown(at)
    assert md("Phường Buôn Ma Thuột — CT02:") in shown
    assert "khi họp" in shown and "hiện nay" in shown
    assert translate("decision.status.done") in shown
    assert translate("decision.status.overdue") in shown  # the cluster's, due 15/10
    facts = " ".join(h.value for h in at.get("html"))
    assert translate("present.counter", number=1, count=SLIDE_COUNT + 1) in facts
    # The five usual slides follow, and the last one compares with the meeting's as-of.
    at = _present(seeded_copy, monkeypatch, slide=str(SLIDE_COUNT + 1))
    assert at.title[0].value == translate(SLIDE_TITLES[-1], date="04/10/2026")


def test_without_a_stored_meeting_the_five_slides_are_unchanged(seeded_copy, monkeypatch):
    at = _present(seeded_copy, monkeypatch)
    assert at.title[0].value == translate(SLIDE_TITLES[0], count=10)  # the demo's ten
    facts = " ".join(h.value for h in at.get("html"))
    assert translate("present.counter", number=1, count=SLIDE_COUNT) in facts


def test_the_overview_and_the_slides_compare_with_the_stored_meeting(seeded_copy, monkeypatch):
    store_meeting_with_decisions(seeded_copy)
    monkeypatch.setenv("DATABASE_URL", seeded_copy.url.render_as_string(hide_password=False))
    at = open_app({"stage": "GD2-2026", "as_of": NOW.isoformat()})
    assert not at.exception, [e.value for e in at.exception]
    meeting = next(d for d in at.date_input if d.label == translate("committee.meeting"))
    assert meeting.value == FROZEN
    at = _present(seeded_copy, monkeypatch, slide="6")  # "changes since the meeting"
    assert at.title[0].value == translate(SLIDE_TITLES[-1], date="04/10/2026")
