"""Reminders: the communes that have not submitted the current period, with the focal point
from the register, for data officers only."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.accounts.actors import Actor, account_actor
from data_access.entry.status import EntryValue
from data_access.entry.workflow import save_draft, submit
from data_access.importers.register import import_localities
from figures.reader import PlainReader
from figures.reporting import reminders
from tests.import_helpers import csv_bytes
from tests.scopes import make_scope
from ui.reminders import reminders_frame, reminders_text

AS_OF = date(2026, 11, 20)
# Without a demo report in the week of 12–18 November 2026.
OWING = ["40025", "40066", "40071", "40088", "40093", "40094"]


def test_reminders_list_the_communes_owing_with_their_focal_points(seeded_copy):
    engine = seeded_copy
    register = csv_bytes(
        "40025,Xã Ea Kar,xa,99,Trần Văn Nam,0905 111 222,nam@eakar.gov.vn",
        header="code,name,kind,parent_code,focal_name,focal_phone,focal_email",
    )
    assert import_localities(engine, register, "dm.csv", actor=Actor(name="t")).ok
    officer = account_actor(engine, "data.officer")
    period = {"commune_code": "40066", "stage_code": "GD2-2026", "as_of": date(2026, 11, 18)}
    save_draft(
        engine, actor=officer, values=[EntryValue("CT01", "1", "600")], today=AS_OF, **period
    )
    assert submit(engine, actor=officer, today=AS_OF, **period).ok

    with PlainReader(engine) as reader:
        end, rows = reminders(reader, make_scope(engine, "GD2-2026", AS_OF))
        _, mine = reminders(reader, make_scope(engine, "GD2-2026", AS_OF, ["40025", "40001"]))
    assert end == date(2026, 11, 18)
    assert rows["commune_code"].tolist() == [c for c in OWING if c != "40066"]  # submitted
    first = rows.iloc[0]
    assert (first["focal_name"], first["focal_phone"]) == ("Trần Văn Nam", "0905 111 222")
    assert rows.iloc[1]["focal_email"] == ""  # no focal point in the register
    assert mine["commune_code"].tolist() == ["40025"]  # the scope narrows it


def test_reminder_text_and_table():
    rows = pd.DataFrame(
        [("40025", "Xã A", "Trần Văn Nam", "0905 111 222", ""), ("40071", "Xã B", "", "", "")],
        columns=["commune_code", "commune_name", "focal_name", "focal_phone", "focal_email"],
    )
    assert reminders_text(rows) == "40025 Xã A – Trần Văn Nam – 0905 111 222\n40071 Xã B"
    assert reminders_frame(rows, "en").columns.tolist() == [
        "Code",
        "Commune",
        "Focal point",
        "Phone",
        "E-mail",
    ]


@pytest.mark.parametrize(("login", "shown"), [("data.officer", True), ("commune.40001", False)])
def test_only_data_officers_see_the_reminders(app_env, login, shown):
    from tests.apptest import open_app

    at = open_app({"as_of": "2026-11-20", "lang": "en"}, "pages/data.py", login=login)
    assert not at.exception, [e.value for e in at.exception]
    headers = [h.value for h in at.subheader]
    assert ("Reminders: communes yet to submit" in headers) is shown, headers
