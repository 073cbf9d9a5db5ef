"""A stored meeting with four decisions, as the board, slide and page tests use it."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from data_access.accounts.actors import Actor
from data_access.catalog import fetch_stages
from data_access.meetings import create_meeting, record_decision, update_decision_status

OPERATOR = Actor(name="cli:tests")
FROZEN, NOW = date(2026, 10, 4), date(2026, 11, 1)
# (subject kind, communes, indicator, agency, commune responsible, due date, done?)
DECISIONS = [
    ("commune", ["40001"], "CT02", "SGDDT", None, date(2026, 10, 30), True),
    ("cluster", ["40001", "40002"], "CT01", None, "40002", date(2026, 10, 15), False),
    ("indicator", [], "CT04", "CA", None, date(2026, 11, 30), False),
    ("province", [], None, "SKHCN", None, date(2026, 12, 15), False),
]


def store_meeting_with_decisions(engine: sa.Engine) -> list[int]:
    """Store a meeting frozen at FROZEN with DECISIONS (the first done); their ids."""
    stage_id = int(fetch_stages(engine).set_index("stage_code").loc["GD2-2026", "stage_id"])
    meeting_id = create_meeting(
        engine,
        actor=OPERATOR,
        stage_id=stage_id,
        meeting_date=FROZEN,
        as_of=FROZEN,
        title="Họp tháng 10",
    )
    ids = []
    for kind, communes, indicator, agency, commune, due, done in DECISIONS:
        decision_id = record_decision(
            engine,
            actor=OPERATOR,
            meeting_id=meeting_id,
            subject_kind=kind,
            commune_codes=communes,
            indicator_code=indicator,
            text=f"Kết luận về {kind}",
            agency_code=agency,
            responsible_commune_code=commune,
            due_date=due,
        )
        if done:
            update_decision_status(engine, actor=OPERATOR, decision_id=decision_id, status="done")
        ids.append(decision_id)
    return ids
