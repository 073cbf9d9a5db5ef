"""Meetings and decisions on both databases: stored, listed, followed up; refusals fail closed."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from data_access import schema as s
from data_access.accounts.actors import Actor, NotAllowed
from data_access.accounts.roles import (
    ADMIN,
    COMMITTEE,
    COMMUNE_OFFICER,
    DATA_OFFICER,
    DEPARTMENT_HEAD,
    Grant,
    compute_limits,
)
from data_access.catalog import fetch_stages
from data_access.meeting_queries import (
    fetch_decision_updates,
    fetch_decisions,
    fetch_last_meeting,
    fetch_meetings,
    status_on,
)
from data_access.meetings import (
    MeetingError,
    create_meeting,
    record_decision,
    update_decision_status,
)
from data_access.meta import fetch_data_version

MEETING_TABLE_NAMES = {table.name for table in s.MEETING_TABLES}


def actor(*grants: Grant) -> Actor:
    """A signed-in user holding `grants`."""
    return Actor(name="someone", limits=compute_limits(grants))


COMMITTEE_MEMBER = actor(Grant(COMMITTEE, "99"))
DATA_OFFICER_99 = actor(Grant(DATA_OFFICER, "99"))
OTHER_PROVINCE = actor(Grant(COMMITTEE, "01"))
HEAD_SGDDT = actor(Grant(DEPARTMENT_HEAD, "99", agency_code="SGDDT"))
HEAD_CA = actor(Grant(DEPARTMENT_HEAD, "99", agency_code="CA"))
OFFICER_40001 = actor(Grant(COMMUNE_OFFICER, "99", commune_code="40001"))
OFFICER_40002 = actor(Grant(COMMUNE_OFFICER, "99", commune_code="40002"))
ADMINISTRATOR = actor(Grant(ADMIN, "99"))


def stage_2(engine: sa.Engine) -> int:
    stages = fetch_stages(engine)
    return int(stages.set_index("stage_code").loc["GD2-2026", "stage_id"])


def test_migration_makes_the_meeting_tables_as_declared(empty_engine):
    with empty_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            difference
            for difference in compare_metadata(context, s.metadata)
            if MEETING_TABLE_NAMES & set(re.findall(r"'(\w+)'", repr(difference)))
        ]
    assert differences == []


def test_meetings_are_listed_newest_first_and_the_last_one_is_before_the_as_of(seeded_copy):
    stage_id = stage_2(seeded_copy)
    assert fetch_last_meeting(seeded_copy, province_code="99", before=date(2026, 11, 1)) is None
    version = fetch_data_version(seeded_copy)
    first = create_meeting(
        seeded_copy,
        actor=COMMITTEE_MEMBER,
        stage_id=stage_id,
        meeting_date=date(2026, 10, 5),
        as_of=date(2026, 10, 4),
        title="Họp Ban Chỉ đạo tháng 10 — Đắk Sơn",
        notes="Ghi chú",
    )
    second = create_meeting(
        seeded_copy,
        actor=DATA_OFFICER_99,
        stage_id=stage_id,
        meeting_date=date(2026, 10, 20),
        as_of=date(2026, 10, 18),
        title="Họp lần 2",
    )
    assert fetch_data_version(seeded_copy) == version + 2
    meetings = fetch_meetings(seeded_copy, province_code="99")
    assert list(meetings["meeting_id"]) == [second, first]
    assert meetings.iloc[1]["title"] == "Họp Ban Chỉ đạo tháng 10 — Đắk Sơn"
    assert meetings.iloc[1]["as_of"] == date(2026, 10, 4)
    assert fetch_meetings(seeded_copy, province_code="01").empty
    last = fetch_last_meeting(seeded_copy, province_code="99", before=date(2026, 11, 1))
    assert last["meeting_id"] == second and last["as_of"] == date(2026, 10, 18)
    # A view as of the second meeting's own as-of compares with the meeting before it.
    last = fetch_last_meeting(seeded_copy, province_code="99", before=date(2026, 10, 18))
    assert last["meeting_id"] == first
    assert fetch_last_meeting(seeded_copy, province_code="99", before=date(2026, 10, 4)) is None


@pytest.mark.parametrize("who", [OTHER_PROVINCE, HEAD_SGDDT, OFFICER_40001, ADMINISTRATOR])
def test_only_committee_members_and_data_officers_of_the_province_store_meetings(seeded_copy, who):
    version = fetch_data_version(seeded_copy)
    with pytest.raises(NotAllowed):
        create_meeting(
            seeded_copy,
            actor=who,
            stage_id=stage_2(seeded_copy),
            meeting_date=date(2026, 10, 5),
            as_of=date(2026, 10, 4),
            title="Họp",
        )
    assert fetch_meetings(seeded_copy, province_code="99").empty
    assert fetch_data_version(seeded_copy) == version


def _meeting(engine: sa.Engine) -> int:
    return create_meeting(
        engine,
        actor=COMMITTEE_MEMBER,
        stage_id=stage_2(engine),
        meeting_date=date(2026, 10, 5),
        as_of=date(2026, 10, 4),
        title="Họp",
    )


def test_decisions_are_recorded_and_the_responsible_side_updates_them(seeded_copy):
    meeting_id = _meeting(seeded_copy)
    on_commune = record_decision(
        seeded_copy,
        actor=COMMITTEE_MEMBER,
        meeting_id=meeting_id,
        subject_kind="commune",
        commune_codes=["40001"],
        indicator_code="CT02",
        text="Đẩy nhanh trang bị kiến thức số cho học sinh",
        agency_code="SGDDT",
        due_date=date(2026, 11, 30),
    )
    on_cluster = record_decision(
        seeded_copy,
        actor=DATA_OFFICER_99,
        meeting_id=meeting_id,
        subject_kind="cluster",
        commune_codes=["40002", "40001"],
        indicator_code="CT01",
        text="Rà soát số liệu",
        responsible_commune_code="40002",
        due_date=date(2026, 10, 15),
    )
    decisions = fetch_decisions(seeded_copy, meeting_id=meeting_id)
    assert list(decisions["decision_id"]) == [on_commune, on_cluster]
    assert decisions.iloc[1]["commune_codes"] == ("40001", "40002")
    assert decisions.iloc[0]["meeting_as_of"] == date(2026, 10, 4)
    assert set(decisions["status"]) == {"open"}

    for who, decision in [
        (HEAD_CA, on_commune),
        (OFFICER_40001, on_cluster),
        (COMMITTEE_MEMBER, on_commune),
    ]:
        with pytest.raises(NotAllowed):
            update_decision_status(seeded_copy, actor=who, decision_id=decision, status="done")
    version = fetch_data_version(seeded_copy)
    update_decision_status(
        seeded_copy, actor=HEAD_SGDDT, decision_id=on_commune, status="done", note="Đã xong"
    )
    update_decision_status(
        seeded_copy, actor=OFFICER_40002, decision_id=on_cluster, status="done", note="a"
    )
    update_decision_status(
        seeded_copy, actor=OFFICER_40002, decision_id=on_cluster, status="open", note="chưa đủ"
    )
    assert fetch_data_version(seeded_copy) == version + 3
    decisions = fetch_decisions(seeded_copy, meeting_id=meeting_id).set_index("decision_id")
    assert decisions.loc[on_commune, "status"] == "done"
    assert decisions.loc[on_commune, "status_note"] == "Đã xong"
    assert decisions.loc[on_cluster, "status"] == "open"
    history = fetch_decision_updates(seeded_copy, decision_id=on_cluster)
    assert list(zip(history["status"], history["note"], strict=True)) == [
        ("done", "a"),
        ("open", "chưa đủ"),
    ]
    with pytest.raises(MeetingError):
        update_decision_status(
            seeded_copy, actor=OFFICER_40002, decision_id=on_cluster, status="overdue"
        )


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"actor": HEAD_SGDDT}, NotAllowed),
        ({"actor": OFFICER_40001}, NotAllowed),
        ({"actor": OTHER_PROVINCE}, NotAllowed),
        ({"subject_kind": "village"}, MeetingError),
        ({"subject_kind": "cluster"}, MeetingError),  # one commune is not a cluster
        ({"commune_codes": ["99999"]}, MeetingError),
        ({"indicator_code": "CT99"}, MeetingError),
        ({"agency_code": None}, MeetingError),  # nobody responsible
        ({"responsible_commune_code": "40001"}, MeetingError),  # two sides responsible
        ({"text": "  "}, MeetingError),
    ],
)
def test_bad_or_unauthorised_decisions_change_nothing(seeded_copy, changes, error):
    meeting_id = _meeting(seeded_copy)
    version = fetch_data_version(seeded_copy)
    given = {
        "actor": COMMITTEE_MEMBER,
        "meeting_id": meeting_id,
        "subject_kind": "commune",
        "commune_codes": ["40001"],
        "indicator_code": "CT02",
        "text": "Kết luận",
        "agency_code": "SGDDT",
        "due_date": date(2026, 11, 30),
    } | changes
    with pytest.raises(error):
        record_decision(seeded_copy, **given)
    assert fetch_decisions(seeded_copy, meeting_id=meeting_id).empty
    assert fetch_data_version(seeded_copy) == version


@pytest.mark.parametrize(
    ("status", "due", "on", "shown"),
    [
        ("open", date(2026, 11, 30), date(2026, 11, 30), "open"),
        ("open", date(2026, 11, 30), date(2026, 12, 1), "overdue"),
        ("done", date(2026, 11, 30), date(2026, 12, 1), "done"),
    ],
)
def test_an_open_decision_past_its_due_date_is_overdue(status, due, on, shown):
    assert status_on(status, due, on) == shown
