""" "Since the last meeting" compares with the last stored meeting; 14 days only without one."""

from __future__ import annotations

from datetime import date, timedelta

from data_access.accounts.actors import Actor
from data_access.catalog import fetch_stages
from data_access.meetings import create_meeting
from figures.dates import comparison_date
from figures.lists import DEFAULT_MEETING_GAP_DAYS
from figures.reader import PlainReader
from reports.content import resolve_request

OPERATOR = Actor(name="cli:tests")
AS_OF = date(2026, 11, 1)


def _compare(engine, as_of: date = AS_OF) -> date:
    with PlainReader(engine) as reader:
        return comparison_date(reader, province_code="99", as_of=as_of)


def _since(engine) -> date:
    with PlainReader(engine) as reader:
        return resolve_request(reader, as_of=AS_OF).since


def test_without_a_stored_meeting_the_comparison_is_a_fortnight_back(seeded_copy):
    expected = AS_OF - timedelta(days=DEFAULT_MEETING_GAP_DAYS)
    assert _compare(seeded_copy) == expected
    assert _since(seeded_copy) == expected


def test_the_last_stored_meeting_frozen_before_the_as_of_is_compared_with(seeded_copy):
    stages = fetch_stages(seeded_copy).set_index("stage_code")
    stage_id = int(stages.loc["GD2-2026", "stage_id"])
    for meeting_day, frozen in [
        (date(2026, 9, 2), date(2026, 9, 1)),
        (date(2026, 10, 3), date(2026, 9, 27)),
    ]:
        create_meeting(
            seeded_copy,
            actor=OPERATOR,
            stage_id=stage_id,
            meeting_date=meeting_day,
            as_of=frozen,
            title=f"Họp {meeting_day}",
        )
    assert _compare(seeded_copy) == date(2026, 9, 27)
    assert _since(seeded_copy) == date(2026, 9, 27)
    # Viewed as of the second meeting's own date, the first one is "the last meeting".
    assert _compare(seeded_copy, date(2026, 9, 27)) == date(2026, 9, 1)
    # Before any stored meeting, the fortnight default is back.
    assert _compare(seeded_copy, date(2026, 9, 1)) == date(2026, 8, 18)
