"""The history of one commune's values of one indicator: every step, old → new, by whom."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.accounts.actors import Actor
from data_access.frames import Bind, connected, read_frame
from data_access.permissions import refused_communes


def fetch_value_history(bind: Bind, *, commune_code: str, indicator_code: str) -> pd.DataFrame:
    """Every entry step of the commune's periods that touched the indicator, oldest first:
    its own value changes and the steps of the whole period (submit, return, approve, reopen).

    Columns: at, as_of, stage_code, action, user_name, old_value, new_value, reason
    (old_value/new_value are JSON of numerator, denominator and note; NULL for a period step).
    """
    h, p, loc, ind, st = s.entry_history, s.entry_periods, s.localities, s.indicators, s.stages
    indicator_id = sa.select(ind.c.id).where(ind.c.code == indicator_code).scalar_subquery()
    entered = sa.select(s.entry_values.c.period_id).where(
        s.entry_values.c.indicator_id == indicator_id
    )
    stmt = (
        sa.select(
            h.c.at,
            p.c.as_of,
            st.c.code.label("stage_code"),
            h.c.action,
            h.c.user_name,
            h.c.old_value,
            h.c.new_value,
            h.c.reason,
        )
        .join(p, p.c.id == h.c.period_id)
        .join(loc, loc.c.id == p.c.locality_id)
        .join(st, st.c.id == p.c.stage_id)
        .where(loc.c.code == commune_code)
        .where(
            sa.or_(
                h.c.indicator_id == indicator_id,
                sa.and_(h.c.indicator_id.is_(None), h.c.period_id.in_(entered)),
            )
        )
        .order_by(h.c.at, h.c.id)
    )
    frame = read_frame(bind, stmt, date_columns=["as_of"])
    for column in ("old_value", "new_value", "reason"):  # None, never NaN, for a missing text
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def describe_value(encoded: str | None) -> str:
    """A stored value as one short text: "590 / 600 (note)"; "—" for none."""
    if not encoded:
        return "—"
    value = json.loads(encoded)
    text = value.get("numerator") or "—"
    if value.get("denominator"):
        text += f" / {value['denominator']}"
    if value.get("note"):
        text += f" ({value['note']})"
    return text


def fetch_visible_value_history(
    bind: Bind, *, actor: Actor, commune_code: str, indicator_code: str
) -> pd.DataFrame | None:
    """fetch_value_history for a data officer (or the command line) whose communes include
    `commune_code`; None for anyone else, so the history is refused where it is read."""
    if actor.limits is not None and not actor.limits.may("import_reports"):
        return None
    with connected(bind) as connection:
        if refused_communes(connection, actor, [commune_code]):
            return None
        return fetch_value_history(
            connection, commune_code=commune_code, indicator_code=indicator_code
        )
