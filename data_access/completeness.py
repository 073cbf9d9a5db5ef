"""Reporting completeness: which communes reported which indicators in each reporting period.

A commune is current for an indicator when its latest report on or before the as-of date is
less than one reporting period (stage.period_days) old — the rule behind "N/102 reported" and
the "stale" status. It is late by the days beyond that period. An indicator it never reported
was due at the end of the stage's first period, so it is late by the days since then. A
commune that never reported any indicator of the stage is "never"; one that reported some is
"late" (on those it reports late or never reported).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access import schema as s
from data_access.entry.status import APPROVED, SUBMITTED
from data_access.frames import Bind, read_frame
from data_access.scopes import commune_scope, latest_report_dates, stage_indicator_ids

# Reporting periods shown on the Data page: about a quarter of weekly periods.
RECENT_PERIODS = 12
# What a commune's row says about its reporting this period (column `status`).
COMPLETE, LATE, NEVER = "complete", "late", "never"


def fetch_commune_completeness(
    bind: Bind, *, stage_id: int, as_of: date, period_days: int
) -> pd.DataFrame:
    """One row per commune of the stage's province, most overdue first.

    Columns: commune_code, commune_name, indicators_total, indicators_reported (ever),
    indicators_current (within the period), last_report, oldest_report (the most overdue
    reported indicator's latest report), days_late (days beyond the period of the most overdue
    indicator, a never-reported one counting from the stage's start; NaN when the commune
    never reported anything), status (COMPLETE, LATE or NEVER).
    """
    period = period_days
    period_start = as_of - timedelta(days=period)
    latest = latest_report_dates(
        stage_id, as_of, commune_scope(stage_id, None).with_only_columns(s.localities.c.id)
    )
    scope = commune_scope(stage_id, None).subquery("scope")
    loc = s.localities
    total = sa.select(sa.func.count()).select_from(stage_indicator_ids(stage_id).subquery())
    stmt = (
        sa.select(
            loc.c.code.label("commune_code"),
            loc.c.name.label("commune_name"),
            total.scalar_subquery().label("indicators_total"),
            sa.func.count(latest.c.indicator_id).label("indicators_reported"),
            sa.func.sum(sa.case((latest.c.report_date > period_start, 1), else_=0)).label(
                "indicators_current"
            ),
            sa.func.max(latest.c.report_date).label("last_report"),
            sa.func.min(latest.c.report_date).label("oldest_report"),
        )
        .select_from(scope)
        .join(loc, loc.c.id == scope.c.id)
        .outerjoin(latest, latest.c.locality_id == loc.c.id)
        .group_by(loc.c.code, loc.c.name)
        .order_by(loc.c.code)
    )
    frame = read_frame(bind, stmt, date_columns=("last_report", "oldest_report"))
    for column in ("indicators_total", "indicators_reported", "indicators_current"):
        frame[column] = frame[column].fillna(0).astype(int)
    age = frame["oldest_report"].map(lambda d: (as_of - d).days if d is not None else None)
    days_late = pd.to_numeric(age, errors="coerce").sub(period).clip(lower=0)
    # An indicator never reported was due at the end of the stage's first period.
    missing = frame["indicators_reported"] < frame["indicators_total"]
    since_start = max(0, (as_of - _stage_start(bind, stage_id)).days - period)
    frame["days_late"] = days_late.where(~missing, days_late.fillna(0).clip(lower=since_start))
    frame["status"] = compute_status(frame)
    frame.loc[frame["status"] == NEVER, "days_late"] = float("nan")
    order = frame.assign(_never=frame["status"] == NEVER).sort_values(
        ["_never", "days_late", "commune_code"], ascending=[False, False, True]
    )
    return order.drop(columns="_never").reset_index(drop=True)


def _stage_start(bind: Bind, stage_id: int) -> date:
    frame = read_frame(
        bind,
        sa.select(s.stages.c.start_date).where(s.stages.c.id == stage_id),
        date_columns=("start_date",),
    )
    return frame["start_date"].iloc[0]


def compute_status(frame: pd.DataFrame) -> pd.Series:
    """COMPLETE when every indicator is current, NEVER when none was ever reported, else LATE."""
    status = pd.Series(LATE, index=frame.index)
    status[frame["indicators_current"] >= frame["indicators_total"]] = COMPLETE
    never = (frame["indicators_reported"] == 0) & (frame["indicators_total"] > 0)
    status[never] = NEVER
    return status


def reporting_periods(start: date, as_of: date, period_days: int) -> list[tuple[date, date]]:
    """The stage's reporting periods from `start` up to the one containing `as_of`."""
    periods = []
    first = start
    while first <= as_of:
        periods.append((first, first + timedelta(days=period_days - 1)))
        first += timedelta(days=period_days)
    return periods[-RECENT_PERIODS:]


def fetch_period_completeness(
    bind: Bind, *, stage_id: int, as_of: date, start_date: date, deadline: date, period_days: int
) -> pd.DataFrame:
    """Communes that sent a report per period and indicator (recent periods of the stage).

    Columns: period_start, period_end, indicator_code, communes_reported, communes_total.
    """
    # Periods end with the stage: a stage looked at after its deadline shows its last periods.
    as_of = min(as_of, deadline)
    periods = reporting_periods(start_date, as_of, period_days)
    columns = ["period_start", "period_end", "indicator_code", "communes_reported"]
    if not periods:
        return pd.DataFrame(columns=[*columns, "communes_total"])
    r, ind = s.reports, s.indicators
    bucket = sa.case(
        *((r.c.as_of.between(a, b), i) for i, (a, b) in enumerate(periods)), else_=None
    ).label("period")
    scope = commune_scope(stage_id, None).with_only_columns(s.localities.c.id)
    counted = (
        sa.select(
            bucket,
            r.c.indicator_id,
            sa.func.count(sa.distinct(r.c.locality_id)).label("communes_reported"),
        )
        .where(
            r.c.as_of.between(periods[0][0], min(periods[-1][1], as_of)),
            r.c.locality_id.in_(scope),
            r.c.indicator_id.in_(stage_indicator_ids(stage_id)),
        )
        .group_by(bucket, r.c.indicator_id)
        .subquery()
    )
    stmt = sa.select(
        counted.c.period, ind.c.code.label("indicator_code"), counted.c.communes_reported
    ).join(ind, ind.c.id == counted.c.indicator_id)
    frame = read_frame(bind, stmt)
    frame["period_start"] = frame["period"].map(lambda i: periods[int(i)][0])
    frame["period_end"] = frame["period"].map(lambda i: periods[int(i)][1])
    total = read_frame(
        bind, sa.select(sa.func.count()).select_from(commune_scope(stage_id, None).subquery())
    )
    frame["communes_total"] = int(total.iloc[0, 0])
    frame["communes_reported"] = frame["communes_reported"].astype(int)
    return (
        frame[[*columns, "communes_total"]]
        .sort_values(["period_start", "indicator_code"])
        .reset_index(drop=True)
    )


# A commune's state in a reporting period (column `state` of fetch_submission_completeness).
APPROVED_STATE, SUBMITTED_STATE, MISSING_STATE = APPROVED, SUBMITTED, "missing"
SUBMISSION_STATES = (APPROVED_STATE, SUBMITTED_STATE, MISSING_STATE)


def fetch_submission_completeness(
    bind: Bind, *, stage_id: int, as_of: date, start_date: date, deadline: date, period_days: int
) -> pd.DataFrame:
    """Each commune's state in each recent reporting period of the stage, newest period first.

    APPROVED_STATE: the dashboards hold a report of the commune dated in the period (a data
    officer's import or an approved entry) or its entered period is approved; else
    SUBMITTED_STATE: its entered period awaits approval; else MISSING_STATE (nothing, a draft,
    or a period returned or reopened and not yet submitted again).
    Columns: commune_code, commune_name, period_start, period_end, state.
    """
    columns = ["commune_code", "commune_name", "period_start", "period_end", "state"]
    periods = reporting_periods(start_date, min(as_of, deadline), period_days)
    if not periods:
        return pd.DataFrame(columns=columns)
    r, p, loc = s.reports, s.entry_periods, s.localities
    last = min(periods[-1][1], as_of)
    scope = commune_scope(stage_id, None).with_only_columns(loc.c.id)
    bucket = sa.case(
        *((r.c.as_of.between(a, b), i) for i, (a, b) in enumerate(periods)), else_=None
    ).label("period")
    reported = read_frame(
        bind,
        sa.select(bucket, r.c.locality_id)
        .where(
            r.c.as_of.between(periods[0][0], last),
            r.c.locality_id.in_(scope),
            r.c.indicator_id.in_(stage_indicator_ids(stage_id)),
        )
        .distinct(),
    )
    entered = read_frame(
        bind,
        sa.select(p.c.locality_id, p.c.as_of, p.c.status).where(
            p.c.stage_id == stage_id, p.c.as_of.between(periods[0][0], last)
        ),
        date_columns=("as_of",),
    )
    communes = read_frame(
        bind,
        sa.select(loc.c.id, loc.c.code, loc.c.name).where(loc.c.id.in_(scope)).order_by(loc.c.code),
    )
    done = {
        (int(i), int(c)) for i, c in zip(reported["period"], reported["locality_id"], strict=True)
    }
    statuses = {}
    for locality_id, day, status in entered.itertuples(index=False):
        for i, (a, b) in enumerate(periods):
            if a <= day <= b:
                statuses[(i, int(locality_id))] = status
    rows = []
    for i in reversed(range(len(periods))):
        for locality_id, code, name in communes.itertuples(index=False):
            key = (i, int(locality_id))
            status = statuses.get(key)
            if key in done or status == APPROVED:
                state = APPROVED_STATE
            elif status == SUBMITTED:
                state = SUBMITTED_STATE
            else:
                state = MISSING_STATE
            rows.append((code, name, periods[i][0], periods[i][1], state))
    return pd.DataFrame(rows, columns=columns)
