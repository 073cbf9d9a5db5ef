"""Indicators: one indicator's trend against its pace line, how the communes spread, and the
commune table (choosing a row opens that commune's locality page)."""

import streamlit as st

from charts.distribution import progress_histogram_chart, status_counts_chart
from charts.rows import status_count_rows
from charts.trend import indicator_trend_chart
from figures import indicator as indicator_figures
from figures.boards import stage_indicators
from i18n.formats import format_date, status_label
from ui.charts import show_chart
from ui.committee_rows import commune_table_rows, value_text
from ui.committee_view import (
    apply_projector_style,
    as_of_caption,
    url_choice,
    write_page_param,
)
from ui.data import reader
from ui.filter_state import current_filters
from ui.indicator_view import (
    render_commune_table,
    render_definition,
    render_headline,
    trend_events,
)
from ui.links import INDICATOR_KEY, INDICATOR_PARAM, open_locality
from ui.scope_view import render_scope_line, scope_title

filters = current_filters("indicators")
apply_projector_style()
lang = filters.lang
indicators = stage_indicators(reader(), filters.scope)
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
title.title(scope_title(filters, "page.indicators"), anchor=False)
render_scope_line(filters)
code = picker.selectbox(
    filters.t("indicators.pick"),
    codes,
    key=INDICATOR_KEY,
    format_func=lambda c: f"{c} · {names[c]}",
    persist_state="session",
)
write_page_param(INDICATOR_PARAM, code)
st.caption(as_of_caption(filters))

view = indicator_figures.indicator_view(reader(), filters.scope, code)
# The indicator with the baseline and target that apply to the chosen communes.
indicator, points, forecast = view.current, view.points, view.forecast
unit = indicator["unit"]
st.subheader(f"{code} · {names[code]}")
render_headline(indicator, indicator, forecast, filters)
about, chart_column = st.columns([1, 3], gap="large")
with about:
    render_definition(indicator, filters)
with chart_column:
    finish = forecast.projected_finish
    horizon = view.horizon
    target_text = f"{filters.t('common.target')} {value_text(indicator['target'], unit, filters)}"
    show_chart(
        "indicator_trend",
        (filters.scope, lang, code),
        lambda: indicator_trend_chart(
            points,
            pace=view.pace,
            target=(indicator["target"], target_text),
            events=trend_events(filters, finish=finish, horizon=horizon),
            titles={
                "x": filters.t("indicators.date_axis"),
                "y": filters.t(f"indicators.value_axis_{unit}"),
                "value": filters.t("indicators.value_line"),
                "pace": filters.t("indicators.pace_line"),
            },
            lang=lang,
        ),
        width="stretch",
    )
    if finish is None:
        st.caption(filters.t("indicators.no_finish"))
    elif finish > horizon:
        st.caption(filters.t("indicators.late_finish", date=format_date(finish, lang)))

rows = view.communes
st.subheader(filters.t("indicators.distribution", count=len(rows)))
counts_column, histogram_column = st.columns([2, 3], gap="large")
with counts_column:
    show_chart(
        "indicator_statuses",
        (filters.scope, lang, code),
        lambda: status_counts_chart(
            status_count_rows(rows["status"], lang),
            title=filters.t("indicators.communes_axis"),
            lang=lang,
        ),
        width="stretch",
    )
with histogram_column:
    spread = rows[rows["progress"].notna()]
    titles = {
        "x": filters.t("indicators.progress_axis"),
        "y": filters.t("indicators.communes_axis"),
        "legend": filters.t("common.status"),
    }
    show_chart(
        "indicator_spread",
        (filters.scope, lang, code),
        lambda: progress_histogram_chart(
            spread.assign(status_label=[status_label(s, lang) for s in spread["status"]]),
            titles=titles,
            lang=lang,
        ),
        width="stretch",
    )

st.subheader(filters.t("indicators.table"))
st.caption(filters.t("committee.table_hint"))
chosen = render_commune_table(commune_table_rows(rows, filters), unit, filters)
if chosen is not None:
    open_locality(filters, chosen)
