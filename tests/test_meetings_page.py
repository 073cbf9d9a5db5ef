"""The Meetings page in AppTest: store a meeting, record a decision, the responsible side
updates its status; each form only for those who may use it."""

from __future__ import annotations

from datetime import date

from data_access.meeting_queries import fetch_decision_updates, fetch_decisions, fetch_meetings
from i18n import translate
from tests.apptest import open_app
from tests.meetings_helpers import NOW, store_meeting_with_decisions

VIEW = {"stage": "GD2-2026", "as_of": NOW.isoformat()}
PAGE = "pages/meetings.py"


def _open(engine, monkeypatch, login: str | None = None):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    at = open_app(VIEW, PAGE) if login is None else open_app(VIEW, PAGE, login=login)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _labelled(widgets, key: str):
    label = translate(key)
    return next(w for w in widgets if w.label == label)


def _submit(at, key: str):
    _labelled(at.button, key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_committee_member_stores_a_meeting_and_records_a_decision(seeded_copy, monkeypatch):
    at = _open(seeded_copy, monkeypatch)
    assert translate("meetings.none") in [i.value for i in at.info]
    _labelled(at.text_input, "meetings.field.title").input("Họp Ban Chỉ đạo tháng 11")
    _labelled(at.date_input, "meetings.field.date").set_value(date(2026, 11, 3))
    at = _submit(at, "meetings.save")
    assert translate("meetings.saved") in [s.value for s in at.success]
    meetings = fetch_meetings(seeded_copy, province_code="99")
    assert list(meetings["title"]) == ["Họp Ban Chỉ đạo tháng 11"]
    assert meetings.iloc[0]["as_of"] == NOW  # the as-of shown, frozen
    assert meetings.iloc[0]["meeting_date"] == date(2026, 11, 3)

    _labelled(at.multiselect, "meetings.field.communes").set_value(["40001"])
    _labelled(at.selectbox, "meetings.field.indicator").set_value("CT02")
    _labelled(at.text_area, "meetings.field.text").input("Đẩy nhanh CT02 ở Buôn Ma Thuột")
    _labelled(at.selectbox, "meetings.field.responsible_agency").set_value("SGDDT")
    _labelled(at.date_input, "meetings.field.due").set_value(date(2026, 11, 30))
    at = _submit(at, "meetings.record")
    assert translate("meetings.recorded") in [s.value for s in at.success]
    decisions = fetch_decisions(seeded_copy, meeting_id=int(meetings.iloc[0]["meeting_id"]))
    assert list(decisions["text"]) == ["Đẩy nhanh CT02 ở Buôn Ma Thuột"]
    row = decisions.iloc[0]
    assert row["commune_codes"] == ("40001",) and row["agency_code"] == "SGDDT"
    assert row["due_date"] == date(2026, 11, 30) and row["status"] == "open"
    assert "Đẩy nhanh CT02 ở Buôn Ma Thuột" in at.dataframe[0].value.to_string()


def test_a_bad_decision_is_refused_with_a_message_and_changes_nothing(seeded_copy, monkeypatch):
    store_meeting_with_decisions(seeded_copy)
    at = _open(seeded_copy, monkeypatch)
    meeting_id = int(fetch_meetings(seeded_copy, province_code="99").iloc[0]["meeting_id"])
    _labelled(at.text_area, "meetings.field.text").input("Thiếu xã")
    at = _submit(at, "meetings.record")  # "a commune" with no commune chosen
    assert at.error and "commune" in at.error[0].value
    assert len(fetch_decisions(seeded_copy, meeting_id=meeting_id)) == 4


def test_the_responsible_commune_updates_its_decision_and_records_nothing(seeded_copy, monkeypatch):
    ids = store_meeting_with_decisions(seeded_copy)
    at = _open(seeded_copy, monkeypatch, login="commune.40001")
    assert not [b for b in at.button if b.label == translate("meetings.save")]
    assert not [b for b in at.button if b.label == translate("meetings.record")]
    # Only the decision on 40001 is shown; 40001 answers for none of them (40002 does).
    shown = at.dataframe[0].value.to_string()
    assert "Kết luận về commune" in shown and "Kết luận về cluster" not in shown
    assert not [b for b in at.button if b.label == translate("meetings.update")]

    at = _open(seeded_copy, monkeypatch, login="head.ca")
    yours = _labelled(at.selectbox, "meetings.yours")
    assert yours.options == ["Kết luận về indicator"]  # CA answers for the CT04 decision
    _labelled(at.radio, "meetings.field.status").set_value("done")
    _labelled(at.text_input, "meetings.field.note").input("Đã rà soát")
    at = _submit(at, "meetings.update")
    assert translate("meetings.updated") in [s.value for s in at.success]
    history = fetch_decision_updates(seeded_copy, decision_id=ids[2])
    assert list(zip(history["actor"], history["status"], history["note"], strict=True)) == [
        ("head.ca", "done", "Đã rà soát")
    ]
