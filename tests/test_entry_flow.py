"""Report entry: draft → submit → return → resubmit → approve → locked, and who may do it."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor, account_actor
from data_access.cli import main
from data_access.entry.history import fetch_value_history
from data_access.entry.queries import fetch_entry_form, fetch_entry_periods
from data_access.entry.status import EntryValue
from data_access.entry.workflow import approve, reopen, return_period, save_draft, submit
from data_access.meta import fetch_data_version

TODAY = date(2026, 11, 20)
AS_OF = date(2026, 11, 18)  # the end of a weekly period of stage GD2-2026
STAGE = "GD2-2026"
PERIOD = {"stage_code": STAGE, "as_of": AS_OF}


def _actors(engine) -> tuple[Actor, Actor]:
    return account_actor(engine, "commune.40001"), account_actor(engine, "data.officer")


def _report(engine, commune: str, indicator: str) -> tuple | None:
    r, loc, ind = s.reports, s.localities, s.indicators
    with engine.connect() as connection:
        return connection.execute(
            sa.select(r.c.numerator, r.c.denominator, r.c.note)
            .join(loc, loc.c.id == r.c.locality_id)
            .join(ind, ind.c.id == r.c.indicator_id)
            .where(loc.c.code == commune, ind.c.code == indicator, r.c.as_of == AS_OF)
        ).first()


def _history(engine) -> list[tuple]:
    h = s.entry_history
    with engine.connect() as connection:
        return connection.execute(
            sa.select(h.c.action, h.c.user_name, h.c.old_value, h.c.new_value, h.c.reason).order_by(
                h.c.id
            )
        ).all()


def test_a_period_goes_from_draft_to_approved_and_locked(seeded_copy):
    engine = seeded_copy
    officer, data_officer = _actors(engine)
    form = fetch_entry_form(engine, actor=officer, commune_code="40001", **PERIOD)
    assert form.status == "draft" and "CT01" in set(form.rows["indicator_code"])
    ct01 = form.rows.set_index("indicator_code").loc["CT01"]
    assert (
        ct01["denominator"] == f"{ct01['population']:.0f}"
    )  # prefilled from the registered population
    assert ct01["last_numerator"] > 0  # the last reported value sits beside the field

    wrong = EntryValue("CT01", "700", "600", "")
    saved = save_draft(
        engine, actor=officer, commune_code="40001", values=[wrong], today=TODAY, **PERIOD
    )
    assert saved.ok and saved.by_indicator["CT01"][0].key == "import.numerator_above_denominator"
    refused = submit(engine, actor=officer, commune_code="40001", today=TODAY, **PERIOD)
    assert not refused.ok and refused.by_indicator["CT01"]

    right = EntryValue("CT01", "590", "600", "ghi chú")
    save_draft(engine, actor=officer, commune_code="40001", values=[right], today=TODAY, **PERIOD)
    version = fetch_data_version(engine)
    assert submit(engine, actor=officer, commune_code="40001", today=TODAY, **PERIOD).ok
    assert _report(engine, "40001", "CT01") is None  # dashboards do not show it yet
    assert fetch_data_version(engine) == version

    assert not return_period(
        engine, actor=data_officer, commune_code="40001", comment="  ", **PERIOD
    ).ok
    returned = return_period(
        engine, actor=data_officer, commune_code="40001", comment="Kiểm tra lại CT01", **PERIOD
    )
    assert returned.ok
    form = fetch_entry_form(engine, actor=officer, commune_code="40001", **PERIOD)
    assert (form.status, form.comment) == ("returned", "Kiểm tra lại CT01")

    fixed = EntryValue("CT01", "591", "600", "ghi chú")
    save_draft(engine, actor=officer, commune_code="40001", values=[fixed], today=TODAY, **PERIOD)
    assert submit(engine, actor=officer, commune_code="40001", today=TODAY, **PERIOD).ok
    listed = fetch_entry_periods(engine, actor=data_officer, stage_code=STAGE)
    assert listed.loc[0, ["commune_code", "status"]].tolist() == ["40001", "submitted"]

    approved = approve(engine, actor=data_officer, commune_code="40001", today=TODAY, **PERIOD)
    assert approved.ok and approved.batch_id is not None
    assert _report(engine, "40001", "CT01") == (591.0, 600.0, "ghi chú")
    assert fetch_data_version(engine) > version  # dashboards show it at once

    locked = save_draft(
        engine, actor=officer, commune_code="40001", values=[right], today=TODAY, **PERIOD
    )
    assert not locked.ok and locked.problems[0].key == "entry.locked"
    # The status in words of the reader's language, never its code.
    assert "«Đã duyệt»" in locked.problems[0].message("vi")
    assert "«Approved»" in locked.problems[0].message("en")
    assert "approved" not in locked.problems[0].bilingual()
    assert not reopen(engine, actor=data_officer, commune_code="40001", reason="", **PERIOD).ok
    assert not reopen(engine, actor=officer, commune_code="40001", reason="x", **PERIOD).ok
    assert reopen(
        engine, actor=data_officer, commune_code="40001", reason="Sai mẫu số", **PERIOD
    ).ok
    assert save_draft(
        engine, actor=officer, commune_code="40001", values=[right], today=TODAY, **PERIOD
    ).ok

    actions = [row[0] for row in _history(engine)]
    assert actions == [
        "entered",
        "entered",
        "submitted",
        "returned",
        "entered",
        "submitted",
        "approved",
        "reopened",
        "entered",
    ]
    second = _history(engine)[1]
    assert second[1] == "commune.40001" and '"700"' in second[2] and '"590"' in second[3]
    assert _history(engine)[7][4] == "Sai mẫu số"


@pytest.mark.parametrize("step", ["save", "submit", "form"])
def test_an_officer_cannot_enter_for_another_commune(seeded_copy, step):
    engine = seeded_copy
    officer, _ = _actors(engine)
    value = [EntryValue("CT01", "1", "600", "")]
    if step == "form":
        assert fetch_entry_form(engine, actor=officer, commune_code="40002", **PERIOD) is None
        return
    if step == "save":
        outcome = save_draft(
            engine, actor=officer, commune_code="40002", values=value, today=TODAY, **PERIOD
        )
    else:
        outcome = submit(engine, actor=officer, commune_code="40002", today=TODAY, **PERIOD)
    assert not outcome.ok and outcome.problems[0].key == "import.not_your_commune"
    assert _history(engine) == []


def test_only_a_data_officer_approves_returns_and_reopens(seeded_copy):
    engine = seeded_copy
    officer, _ = _actors(engine)
    committee = account_actor(engine, "committee")
    for actor in (officer, committee):
        assert approve(engine, actor=actor, commune_code="40001", **PERIOD).problems[0].key == (
            "import.not_allowed"
        )
        outcome = return_period(engine, actor=actor, commune_code="40001", comment="x", **PERIOD)
        assert outcome.problems[0].key == "import.not_allowed"
    outcome = save_draft(
        engine, actor=committee, commune_code="40001", values=[], today=TODAY, **PERIOD
    )
    assert outcome.problems[0].key == "import.not_allowed"
    unknown = save_draft(
        engine, actor=Actor(name="cli:t"), commune_code="99999", values=[], **PERIOD
    )
    assert unknown.problems[0].key == "entry.unknown_place"


def test_the_history_command_lists_every_step_of_a_value(seeded_copy, monkeypatch, capsys):
    engine = seeded_copy
    officer, data_officer = _actors(engine)
    for numerator in ("580", "590"):
        value = EntryValue("CT01", numerator, "600", "")
        save_draft(
            engine, actor=officer, commune_code="40001", values=[value], today=TODAY, **PERIOD
        )
    submit(engine, actor=officer, commune_code="40001", today=TODAY, **PERIOD)
    approve(engine, actor=data_officer, commune_code="40001", today=TODAY, **PERIOD)
    reopen(engine, actor=data_officer, commune_code="40001", reason="Sai mẫu số", **PERIOD)
    history = fetch_value_history(engine, commune_code="40001", indicator_code="CT01")
    assert history["action"].tolist() == ["entered", "entered", "submitted", "approved", "reopened"]
    assert fetch_value_history(engine, commune_code="40001", indicator_code="CT02").empty

    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    assert main(["history", "--commune", "40001", "--indicator", "ct01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert "commune.40001" in lines[1] and "580 / 600 → 590 / 600" in lines[1]
    assert "data.officer" in lines[4] and "«Sai mẫu số»" in lines[4]
