"""Indicators: one indicator's trend against its pace line, how the communes spread, and the
commune table (choosing a row opens that commune's locality page)."""

import streamlit as st

from campaign.forecast import chart_horizon, compute_forecast, pace_points, stage_points
from charts.distribution import progress_histogram_chart, status_counts_chart
from charts.trend import indicator_trend_chart
from ui.boards import load_commune_board, load_indicator_board, load_stage_indicators
from ui.committee import load_history
from ui.committee_rows import commune_table_rows, status_count_rows, value_text
from ui.committee_view import (
    apply_projector_style,
    as_of_caption,
    url_choice,
    write_page_param,
)
from ui.filters import current_filters
from ui.format import format_date
from ui.indicator_view import (
    render_commune_table,
    render_definition,
    render_headline,
    trend_events,
)
from ui.links import open_locality
from ui.widgets import status_label

INDICATOR_PARAM = "indicator"
INDICATOR_KEY = "committee_indicator"

filters = current_filters()
apply_projector_style()
lang, stage = filters.lang, filters.stage
indicators = load_stage_indicators(filters)
if indicators.empty:
    st.title(filters.t("page.indicators"))
    st.info(filters.t("indicators.none"))
    st.stop()
codes = list(indicators["code"])
names = dict(zip(codes, indicators[f"name_{lang}"], strict=True))
url_choice(
    INDICATOR_PARAM,
    INDICATOR_KEY,
    accept=lambda text: text if text in codes else None,
    problem=lambda text: filters.t("indicators.bad_code", value=text),
)
if st.session_state.get(INDICATOR_KEY) not in codes:
    st.session_state[INDICATOR_KEY] = codes[0]
title, picker = st.columns([3, 2], vertical_alignment="bottom")
title.title(filters.t("page.indicators"))
code = picker.selectbox(
    filters.t("indicators.pick"),
    codes,
    key=INDICATOR_KEY,
    format_func=lambda c: f"{c} · {names[c]}",
    persist_state="session",
)
write_page_param(INDICATOR_PARAM, code)
indicator = indicators.set_index("code").loc[code]
unit = indicator["unit"]
st.caption(as_of_caption(filters))

current = load_indicator_board(filters).set_index("code").loc[code]
points = stage_points(load_history(filters, [code]), start=stage["start_date"])
forecast = compute_forecast(
    points,
    target=indicator["target"],
    deadline=stage["deadline"],
    as_of=filters.as_of,
    direction=indicator["direction"],
)
st.subheader(f"{code} · {names[code]}")
render_headline(current, indicator, forecast, filters)
about, chart_column = st.columns([1, 3], gap="large")
with about:
    render_definition(indicator, filters)
with chart_column:
    finish = forecast.projected_finish
    horizon = chart_horizon(start=stage["start_date"], deadline=stage["deadline"])
    target_text = f"{filters.t('common.target')} {value_text(indicator['target'], unit, filters)}"
    chart = indicator_trend_chart(
        points,
        pace=pace_points(
            start=stage["start_date"],
            deadline=stage["deadline"],
            baseline=indicator["baseline"],
            target=indicator["target"],
        ),
        target=(indicator["target"], target_text),
        events=trend_events(filters, finish=finish, horizon=horizon),
        titles={
            "x": filters.t("indicators.date_axis"),
            "y": filters.t(f"indicators.value_axis_{unit}"),
            "value": filters.t("indicators.value_line"),
            "pace": filters.t("indicators.pace_line"),
        },
        lang=lang,
    )
    st.altair_chart(chart, width="stretch")
    if finish is None:
        st.caption(filters.t("indicators.no_finish"))
    elif finish > horizon:
        st.caption(filters.t("indicators.late_finish", date=format_date(finish, lang)))

board = load_commune_board(filters, commune_codes=filters.commune_filter)
rows = board[board["indicator_code"] == code]
rows = rows.sort_values(["progress", "commune_code"], na_position="last").reset_index(drop=True)
st.subheader(filters.t("indicators.distribution", count=len(rows)))
counts_column, histogram_column = st.columns([2, 3], gap="large")
with counts_column:
    counts = status_count_rows(rows["status"], filters)
    chart = status_counts_chart(counts, title=filters.t("indicators.communes_axis"), lang=lang)
    st.altair_chart(chart, width="stretch")
with histogram_column:
    spread = rows[rows["progress"].notna()]
    spread = spread.assign(status_label=[status_label(s, lang) for s in spread["status"]])
    titles = {
        "x": filters.t("indicators.progress_axis"),
        "y": filters.t("indicators.communes_axis"),
        "legend": filters.t("common.status"),
    }
    st.altair_chart(progress_histogram_chart(spread, titles=titles, lang=lang), width="stretch")

st.subheader(filters.t("indicators.table"))
st.caption(filters.t("committee.table_hint"))
chosen = render_commune_table(commune_table_rows(rows, filters), filters)
if chosen is not None:
    open_locality(filters, chosen)
