"""The "Decisions due" board: the last meeting's decisions with their figure then and now.

"Then" is the decision's figure at the meeting's frozen as-of, "now" at the scope's as-of, each
the value of the decision's indicator over its subject's communes (the whole province for an
indicator or province decision), computed by the same indicator boards as every tile.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from data_access.catalog import fetch_agencies, fetch_communes, fetch_stage_indicators
from data_access.meeting_queries import fetch_decisions, fetch_meetings, status_on
from figures.boards import indicator_board
from figures.dates import last_meeting
from figures.reader import Reader, figure
from figures.scope import Scope
from i18n import translate
from i18n.formats import format_date, format_value

# The board's columns, in order (see decisions_due).
BOARD_COLUMNS = (
    "decision_id",
    "subject_kind",
    "commune_codes",
    "subject_name",
    "indicator_code",
    "indicator_name_vi",
    "indicator_name_en",
    "unit",
    "text",
    "responsible_code",
    "responsible_name_vi",
    "responsible_name_en",
    "due_date",
    "status",
    "status_note",
    "meeting_date",
    "meeting_as_of",
    "value_then",
    "value_now",
)


def _visible(codes: tuple[str, ...], scope: Scope) -> bool:
    """A viewer limited to some communes sees only decisions on their own communes."""
    if scope.allowed_communes is None:
        return True
    return bool(codes) and set(codes) <= scope.allowed_communes


def _text(value: object) -> str | None:
    """A code of a row, None for an empty cell (NULL reads as None or NaN)."""
    return value if isinstance(value, str) and value else None


def _value(reader: Reader, scope: Scope, indicator_code: str) -> float | None:
    board = indicator_board(reader, scope)
    row = board[board["code"] == indicator_code]
    if row.empty or pd.isna(row.iloc[0]["value"]):
        return None
    return float(row.iloc[0]["value"])


@figure
def decisions_due(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The decisions of the last meeting before the scope's as-of, by due date: subject,
    indicator, responsible side, status as of now (overdue computed), value_then at the
    meeting's as-of and value_now (NaN without an indicator or data). Columns: BOARD_COLUMNS."""
    meeting = last_meeting(reader, province_code=scope.province_code, as_of=scope.as_of)
    return _board(reader, scope, meeting)


@figure
def decisions_new(reader: Reader, scope: Scope) -> pd.DataFrame:
    """The decisions of the latest meeting frozen at the scope's as-of itself (the meeting
    the brief is for), as decisions_due's columns."""
    meetings = reader.read(fetch_meetings, province_code=scope.province_code)
    held = meetings[meetings["as_of"] == scope.as_of] if not meetings.empty else meetings
    return _board(reader, scope, None if held.empty else held.iloc[0].to_dict())


def _board(reader: Reader, scope: Scope, meeting: dict | None) -> pd.DataFrame:
    """One row per decision of `meeting` the viewer may see (BOARD_COLUMNS), by due date."""
    if meeting is None:
        return pd.DataFrame(columns=list(BOARD_COLUMNS))
    decisions = reader.read(fetch_decisions, meeting_id=int(meeting["meeting_id"]))
    communes = reader.read(fetch_communes, province_code=scope.province_code)
    commune_names = dict(zip(communes["code"], communes["name"], strict=True))
    indicators = reader.read(fetch_stage_indicators, stage_id=scope.stage_id, agency_codes=None)
    indicators = indicators.set_index("code")
    agencies = reader.read(fetch_agencies).set_index("code")
    rows = []
    for _, decision in decisions.iterrows():
        codes = tuple(decision["commune_codes"])
        if not _visible(codes, scope):
            continue
        subject = replace(scope, commune_codes=codes, village_code=None)
        code = _text(decision["indicator_code"])
        known = code is not None and code in indicators.index
        side = _text(decision["agency_code"])
        if side is not None:
            names = (
                (agencies.loc[side, "name_vi"], agencies.loc[side, "name_en"])
                if side in agencies.index
                else (side, side)
            )
        else:
            side = str(_text(decision["responsible_commune_code"]))
            names = (commune_names.get(side, side),) * 2
        rows.append(
            {
                "decision_id": int(decision["decision_id"]),
                "subject_kind": decision["subject_kind"],
                "commune_codes": codes,
                "subject_name": ", ".join(commune_names.get(c, c) for c in codes),
                "indicator_code": code if known else None,
                "indicator_name_vi": indicators.loc[code, "name_vi"] if known else "",
                "indicator_name_en": indicators.loc[code, "name_en"] if known else "",
                "unit": indicators.loc[code, "unit"] if known else "",
                "text": decision["text"],
                "responsible_code": side,
                "responsible_name_vi": names[0],
                "responsible_name_en": names[1],
                "due_date": decision["due_date"],
                "status": status_on(decision["status"], decision["due_date"], scope.as_of),
                "status_note": _text(decision["status_note"]) or "",
                "meeting_date": meeting["meeting_date"],
                "meeting_as_of": meeting["as_of"],
                "value_then": _value(reader, subject.at(meeting["as_of"]), code) if known else None,
                "value_now": _value(reader, subject, code) if known else None,
            }
        )
    board = pd.DataFrame(rows, columns=list(BOARD_COLUMNS))
    return board.sort_values(["due_date", "decision_id"], kind="stable").reset_index(drop=True)


def decision_headline(row: pd.Series, lang: str) -> str:
    """Plain text of one board row: subject — figure then and now, due date — status, e.g.
    "Xã Ea Súp — CT09: 41,0 % khi họp, 58,0 % hiện nay · hạn 30/11/2026 — Đã xong"."""
    subject = row["subject_name"] or translate("decision.province", lang)
    parts = [subject]
    if isinstance(row["indicator_code"], str):
        unit = row["unit"]
        parts.append(
            translate(
                "decision.figure",
                lang,
                indicator=row["indicator_code"],
                then=format_value(_number(row["value_then"]), unit, lang),
                now=format_value(_number(row["value_now"]), unit, lang),
            )
        )
    due = translate("decision.due", lang, date=format_date(row["due_date"], lang))
    status = translate(f"decision.status.{row['status']}", lang)
    return f"{' — '.join(parts)} · {due} — {status}"


def decision_detail(row: pd.Series, lang: str) -> str:
    """Plain text of what was decided and who answers for it."""
    name = row["responsible_name_en" if lang == "en" else "responsible_name_vi"]
    detail = f"{row['text']} · {translate('decision.responsible', lang, name=name)}"
    return f"{detail} · {row['status_note']}" if row["status_note"] else detail


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
