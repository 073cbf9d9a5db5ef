"""Pieces of the indicators page: headline, definition, trend marks and the commune table."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from campaign.forecast import Forecast
from i18n.formats import format_date
from ui.committee_rows import rate_text, value_text
from ui.committee_view import choosable_table
from ui.filter_state import Filters
from ui.tables import in_unit, percent_bar
from ui.widgets import status_badge

TABLE_HEIGHT = 420  # about twelve rows: the table scrolls, the page does not grow with it


def render_headline(
    current: pd.Series, indicator: pd.Series, forecast: Forecast, filters: Filters
) -> None:
    """Status, value, target, deadline, recent and required rate on one line."""
    t, unit = filters.t, indicator["unit"]
    parts = [
        f"{status_badge(current['status'], filters.lang)} &nbsp; "
        f"**{value_text(current['value'], unit, filters)}**",
        f"{t('common.target')}: **{value_text(indicator['target'], unit, filters)}**",
        f"{t('common.deadline')}: {format_date(filters.stage.deadline, filters.lang)}",
        f"{t('indicators.rate')}: **{rate_text(forecast.rate, unit, filters)}**",
        f"{t('indicators.required')}: **{rate_text(forecast.required_rate, unit, filters)}**",
    ]
    st.markdown(" · ".join(parts))


def render_definition(indicator: pd.Series, filters: Filters) -> None:
    """Responsible agency, task group, numerator / denominator and the pace line's ends."""
    t, lang, unit, stage = filters.t, filters.lang, indicator["unit"], filters.stage
    lines = [
        f"**{t('common.agency')}:** {indicator[f'agency_name_{lang}']}",
        f"**{t('indicators.task_group')}:** {indicator[f'task_group_name_{lang}']}",
        f"**{t('indicators.numerator')}:** {indicator[f'numerator_{lang}']}",
        f"**{t('indicators.denominator')}:** {indicator[f'denominator_{lang}']}"
        if unit == "percent"
        else f"**{t('indicators.count_unit')}**",
        f"**{t('indicators.pace')}:** "
        f"{value_text(indicator['baseline'], unit, filters)} "
        f"({format_date(stage.start_date, lang)}) → "
        f"{value_text(indicator['target'], unit, filters)} "
        f"({format_date(stage.deadline, lang)})",
    ]
    st.markdown("  \n".join(lines))


def trend_events(filters: Filters, *, finish: date | None, horizon: date) -> pd.DataFrame:
    """Labelled vertical marks of the trend chart: deadline, as-of and (when drawn) the
    projected finish. Columns: kind, date, text."""
    marks = [
        ("deadline", filters.stage.deadline, "indicators.deadline_mark"),
        ("as_of", filters.as_of, "indicators.as_of_mark"),
    ]
    if finish is not None and finish <= horizon:
        marks.append(("projected", finish, "indicators.projected_mark"))
    return pd.DataFrame(
        [
            {
                "kind": kind,
                "date": day,
                "text": f"{filters.t(key)} {format_date(day, filters.lang)}",
            }
            for kind, day, key in marks
        ]
    )


def render_commune_table(table: pd.DataFrame, unit: str, filters: Filters) -> str | None:
    """The sortable commune table of an indicator in `unit`; returns the code of the commune
    whose row was chosen."""
    t, config = filters.t, st.column_config
    return choosable_table(
        table,
        filters,
        key="committee_indicator_table",
        height=TABLE_HEIGHT,
        columns={
            "value": config.NumberColumn(t("common.value")),
            # Neutral blue: the status column, not the bar, carries the judgement.
            "progress": percent_bar(t("common.progress"), filters.lang, color="blue"),
            "status": config.TextColumn(t("common.status")),
            "last_report": config.DateColumn(
                t("common.last_report"),
                format="DD/MM/YYYY" if filters.lang == "vi" else "YYYY-MM-DD",
            ),
        },
        formats={"value": in_unit(unit, filters.lang), "progress": None},
    )
