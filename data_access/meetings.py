"""Committee meetings and their decisions: store, list, follow up (no Streamlit).

A meeting freezes the as-of date its figures were shown at; the next meeting compares with it.
Committee members and data officers store meetings and record decisions ("record_decisions");
only the responsible side (the agency's department head, the commune's officer) updates a
decision's status. Every write checks its actor here and fails closed, bumps the data version
and is audited in its own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor, NotAllowed
from data_access.accounts.clock import utc_now
from data_access.accounts.roles import COMMUNE_OFFICER, DEPARTMENT_HEAD
from data_access.engine import write_transaction
from data_access.meeting_queries import OPEN, STORED_STATUSES
from data_access.meta import bump_data_version
from data_access.permissions import audit_write

SUBJECT_KINDS = ("commune", "cluster", "indicator", "province")
RECORD_ACTION = "record_decisions"
# Audit actions of the writes here.
MEETING_CREATED, DECISION_RECORDED, DECISION_UPDATED = (
    "meeting_created",
    "decision_recorded",
    "decision_status",
)
TITLE_MAX, CODE_MAX = 300, 32  # as sized in the schema


class MeetingError(ValueError):
    """A meeting or decision that was refused as given; str() is the bilingual message."""


def _refuse(vi: str, en: str) -> MeetingError:
    return MeetingError(f"{vi} / {en}")


def _require_province(actor: Actor, province_code: str) -> None:
    """Fail closed unless `actor` may record decisions in this province."""
    limits = actor.limits
    if limits is None:
        return
    if not limits.may(RECORD_ACTION):
        raise NotAllowed(f"Không có quyền: {RECORD_ACTION}. / Not allowed: {RECORD_ACTION}.")
    if limits.province_codes is not None and province_code not in limits.province_codes:
        raise NotAllowed(
            f"Không có quyền với tỉnh {province_code}. / Not allowed: {province_code}."
        )


def create_meeting(
    engine: sa.Engine,
    *,
    actor: Actor,
    stage_id: int,
    meeting_date: date,
    as_of: date,
    title: str,
    notes: str = "",
) -> int:
    """Store a meeting of the stage's province, its figures frozen at `as_of`; its id."""
    title = title.strip()
    if not title or len(title) > TITLE_MAX:
        raise _refuse(
            "Tên cuộc họp trống hoặc quá dài.", "The meeting's title is empty or too long."
        )
    if as_of > meeting_date:
        raise _refuse(
            "Ngày số liệu không được sau ngày họp.", "The as-of date may not be after the meeting."
        )
    with write_transaction(engine) as connection:
        province_code = _stage_province(connection, stage_id)
        _require_province(actor, province_code)
        meeting_id = connection.execute(
            s.meetings.insert().returning(s.meetings.c.id),
            {
                "province_code": province_code,
                "meeting_date": meeting_date,
                "stage_id": stage_id,
                "as_of": as_of,
                "title": title,
                "notes": notes.strip(),
                "created_by": actor.name,
                "created_at": utc_now(),
            },
        ).scalar_one()
        bump_data_version(connection)
        audit_write(
            connection, actor, MEETING_CREATED, {"meeting": meeting_id, "as_of": str(as_of)}
        )
    return int(meeting_id)


def _stage_province(connection: sa.Connection, stage_id: int) -> str:
    st, cp, loc = s.stages, s.campaigns, s.localities
    code = connection.execute(
        sa.select(loc.c.code)
        .select_from(st.join(cp, cp.c.id == st.c.campaign_id))
        .join(loc, loc.c.id == cp.c.province_id)
        .where(st.c.id == stage_id)
    ).scalar_one_or_none()
    if code is None:
        raise _refuse(f"Không có giai đoạn {stage_id}.", f"No stage {stage_id}.")
    return str(code)


def _codes(connection: sa.Connection, stmt: sa.Select) -> set[str]:
    return {str(code) for code in connection.execute(stmt).scalars()}


def _check_decision(
    connection: sa.Connection,
    *,
    province_code: str,
    subject_kind: str,
    commune_codes: Sequence[str],
    indicator_code: str | None,
    agency_code: str | None,
    responsible_commune_code: str | None,
) -> None:
    """Raise MeetingError unless the subject and the responsible side name what exists."""
    counts = {"commune": (1, 1), "cluster": (2, None), "indicator": (0, 0), "province": (0, 0)}
    if subject_kind not in counts:
        raise _refuse(
            f"Loại đối tượng không hợp lệ: {subject_kind}.", f"Bad subject: {subject_kind}."
        )
    low, high = counts[subject_kind]
    if len(commune_codes) < low or (high is not None and len(commune_codes) > high):
        raise _refuse("Số xã không khớp loại đối tượng.", "The communes do not fit the subject.")
    if subject_kind == "indicator" and not indicator_code:
        raise _refuse("Cần chọn chỉ tiêu.", "An indicator decision needs its indicator.")
    if (agency_code is None) == (responsible_commune_code is None):
        raise _refuse(
            "Cần đúng một bên chịu trách nhiệm: sở, ngành hoặc xã.",
            "Name exactly one responsible side: an agency or a commune.",
        )
    loc, parent = s.localities, s.localities.alias("parent")
    wanted = set(commune_codes) | ({responsible_commune_code} - {None})
    if wanted:
        known = _codes(
            connection,
            sa.select(loc.c.code)
            .join(parent, parent.c.id == loc.c.parent_id)
            .where(loc.c.code.in_(sorted(wanted)), parent.c.code == province_code),
        )
        if wanted - known:
            missing = ", ".join(sorted(wanted - known))
            raise _refuse(f"Không có xã {missing} trong tỉnh.", f"No commune {missing} here.")
    if indicator_code and not _codes(
        connection, sa.select(s.indicators.c.code).where(s.indicators.c.code == indicator_code)
    ):
        raise _refuse(f"Không có chỉ tiêu {indicator_code}.", f"No indicator {indicator_code}.")
    if agency_code and not _codes(
        connection, sa.select(s.agencies.c.code).where(s.agencies.c.code == agency_code)
    ):
        raise _refuse(f"Không có sở, ngành {agency_code}.", f"No agency {agency_code}.")


def record_decision(
    engine: sa.Engine,
    *,
    actor: Actor,
    meeting_id: int,
    subject_kind: str,
    text: str,
    due_date: date,
    commune_codes: Sequence[str] = (),
    indicator_code: str | None = None,
    agency_code: str | None = None,
    responsible_commune_code: str | None = None,
) -> int:
    """Record one decision of a meeting, open until the responsible side marks it done."""
    text = text.strip()
    if not text:
        raise _refuse("Nội dung kết luận trống.", "The decision's text is empty.")
    codes = sorted(set(commune_codes))
    with write_transaction(engine) as connection:
        meeting = connection.execute(
            sa.select(s.meetings.c.province_code, s.meetings.c.meeting_date).where(
                s.meetings.c.id == meeting_id
            )
        ).one_or_none()
        if meeting is None:
            raise _refuse(f"Không có cuộc họp {meeting_id}.", f"No meeting {meeting_id}.")
        _require_province(actor, meeting.province_code)
        _check_decision(
            connection,
            province_code=meeting.province_code,
            subject_kind=subject_kind,
            commune_codes=codes,
            indicator_code=indicator_code or None,
            agency_code=agency_code or None,
            responsible_commune_code=responsible_commune_code or None,
        )
        decision_id = connection.execute(
            s.decisions.insert().returning(s.decisions.c.id),
            {
                "meeting_id": meeting_id,
                "subject_kind": subject_kind,
                "commune_codes": ",".join(codes),
                "indicator_code": indicator_code or None,
                "text": text,
                "agency_code": agency_code or None,
                "responsible_commune_code": responsible_commune_code or None,
                "due_date": due_date,
                "status": OPEN,
                "created_by": actor.name,
                "created_at": utc_now(),
            },
        ).scalar_one()
        bump_data_version(connection)
        audit_write(connection, actor, DECISION_RECORDED, {"decision": decision_id})
    return int(decision_id)


def may_update_status(actor: Actor, *, agency_code: str | None, commune_code: str | None) -> bool:
    """True when `actor` is the decision's responsible side (or an operator)."""
    limits = actor.limits
    if limits is None:
        return True
    if agency_code and DEPARTMENT_HEAD in limits.roles and limits.agency_codes is not None:
        return agency_code in limits.agency_codes
    if commune_code and COMMUNE_OFFICER in limits.roles:
        return commune_code in limits.upload_commune_codes
    return False


def update_decision_status(
    engine: sa.Engine, *, actor: Actor, decision_id: int, status: str, note: str = ""
) -> None:
    """Set a decision's status (open or done) with a note; the change is kept in its history."""
    if status not in STORED_STATUSES:
        raise _refuse(f"Trạng thái không hợp lệ: {status}.", f"Bad status: {status}.")
    d = s.decisions
    with write_transaction(engine) as connection:
        row = connection.execute(
            sa.select(d.c.agency_code, d.c.responsible_commune_code).where(d.c.id == decision_id)
        ).one_or_none()
        if row is None:
            raise _refuse(f"Không có kết luận {decision_id}.", f"No decision {decision_id}.")
        if not may_update_status(
            actor, agency_code=row.agency_code, commune_code=row.responsible_commune_code
        ):
            raise NotAllowed("Chỉ bên chịu trách nhiệm cập nhật. / Only the responsible side.")
        now, note = utc_now(), note.strip()
        connection.execute(
            d.update()
            .where(d.c.id == decision_id)
            .values(
                status=status, status_note=note, status_updated_by=actor.name, status_updated_at=now
            )
        )
        connection.execute(
            s.decision_updates.insert(),
            {
                "decision_id": decision_id,
                "at": now,
                "actor": actor.name,
                "status": status,
                "note": note,
            },
        )
        bump_data_version(connection)
        audit_write(
            connection, actor, DECISION_UPDATED, {"decision": decision_id, "status": status}
        )
