"""Commune map: a choropleth of one indicator's progress or status; a click opens the commune."""

import pandas as pd
import streamlit as st

from charts.map import (
    SELECTION_NAME,
    commune_map_chart,
    compute_map_rows,
    legend_scale,
    village_map_chart,
)
from figures.boards import stage_indicators
from figures.maps import commune_shapes, indicator_map_board, village_shapes
from ui.charts import kept, show_chart
from ui.committee_view import as_of_caption, url_choice, write_page_param
from ui.data import reader
from ui.export import table_downloads
from ui.filter_state import current_filters
from ui.links import INDICATOR_PARAM, open_locality
from ui.scope_view import render_scope_line, scope_title
from ui.tables import show_table
from ui.text import md

# Fits 1920×1080 under the title and the controls without scrolling.
MAP_HEIGHT = 660
# The map's own URL parameters (the indicator's is the indicator page's too) and widgets.
COLOUR_PARAM, INDICATOR_KEY, COLOUR_KEY = "colour", "map_indicator", "map_colour_by"
COLOURINGS = ["progress", "status"]
# Names listed in the "no boundary" note before "…".
MISSING_LISTED = 8


def _summary(rows: list[dict], colour_by: str) -> None:
    """Count of communes per legend class, with the class colour."""
    counts = pd.Series([row["class"] for row in rows]).value_counts()
    st.markdown(f"**{filters.t('map.summary')}**")
    lines = []
    for label, colour in zip(*legend_scale(colour_by, filters.lang), strict=True):
        swatch = (
            f"<span style='display:inline-block;width:1.1em;height:1.1em;background:{colour};"
            "border:1px solid #999;vertical-align:middle;margin-right:.4em'></span>"
        )
        count = filters.t("map.count", count=int(counts.get(label, 0)))
        lines.append(f"{swatch}{label}: **{count}**")
    st.markdown("<br>".join(lines), unsafe_allow_html=True)


def _villages(code: str) -> None:
    """The chosen commune's villages: on a map where they have shapes, else as a table."""
    name = filters.communes.set_index("code")["name"].get(code, code)
    st.markdown(f"**{filters.t('map.villages', name=md(name))}**")
    villages = village_shapes(reader(), filters.scope, code)
    if villages.empty:
        st.caption(filters.t("map.villages_none"))
        return
    with_shape = villages[villages["boundary"].notna()]
    if not with_shape.empty:
        rows = compute_map_rows(with_shape, pd.DataFrame(), colour_by="status", lang=filters.lang)
        st.altair_chart(village_map_chart(rows, lang=filters.lang), width="stretch")
    without = villages[villages["boundary"].isna()]
    if not without.empty:
        st.caption(filters.t("map.villages_no_shapes", count=len(without)))
        table = without.assign(kind=[filters.t(f"kind.{k}") for k in without["kind"]])
        shown = table[["code", "name", "kind"]].rename(
            columns={
                "code": filters.t("common.code"),
                "name": filters.t("map.village_name"),
                "kind": filters.t("common.kind"),
            }
        )
        show_table(
            shown,
            filters.lang,
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * len(without), 330),
        )
        table_downloads(shown, name="villages", lang=filters.lang, key="export_map_villages")


filters = current_filters("map")
st.title(scope_title(filters, "page.map"), anchor=False)
render_scope_line(filters)
indicators = stage_indicators(reader(), filters.scope)
if indicators.empty:
    st.info(filters.t("map.no_indicator"))
    st.stop()
shapes = commune_shapes(reader(), filters.scope)
if shapes["boundary"].isna().all():
    st.info(filters.t("map.no_shapes"))
    st.stop()

names = dict(zip(indicators["code"], indicators[f"name_{filters.lang}"], strict=True))
# The indicator and the colouring live in the URL: "the map of CT08 by status" is a link.
url_choice(
    INDICATOR_PARAM,
    INDICATOR_KEY,
    accept=lambda text: text if text in names else None,
    problem=lambda text: filters.t("indicators.bad_code", value=text),
)
url_choice(
    COLOUR_PARAM,
    COLOUR_KEY,
    accept=lambda text: text if text in COLOURINGS else None,
    problem=lambda text: filters.t("map.bad_colour", value=text),
)
if st.session_state.get(INDICATOR_KEY) not in names:
    st.session_state[INDICATOR_KEY] = next(iter(names))
pick, colour, label = st.columns([3, 2, 2], vertical_alignment="bottom")
indicator = pick.selectbox(
    filters.t("map.indicator"),
    list(names),
    format_func=lambda code: f"{code} · {names[code]}",
    key=INDICATOR_KEY,
)
colour_by = (
    colour.segmented_control(
        filters.t("map.colour_by"),
        COLOURINGS,
        default=COLOURINGS[0],
        format_func=lambda choice: filters.t(f"map.by_{choice}"),
        key=COLOUR_KEY,
    )
    or COLOURINGS[0]
)
write_page_param(INDICATOR_PARAM, indicator)
write_page_param(COLOUR_PARAM, colour_by)
labels = label.toggle(filters.t("map.labels"), key="map_labels")

view = (filters.scope, filters.lang, indicator, colour_by)
rows = kept(
    "map_rows",
    view,
    lambda: compute_map_rows(
        shapes,
        indicator_map_board(reader(), filters.scope, indicator),
        colour_by=colour_by,
        lang=filters.lang,
    ),
)
st.caption(as_of_caption(filters) + " · " + filters.t("map.click_hint"))
map_column, side = st.columns([4, 1])
with map_column:
    event = show_chart(
        "commune_map",
        (*view, labels),
        lambda: commune_map_chart(
            rows,
            colour_by=colour_by,
            lang=filters.lang,
            chosen_codes=filters.commune_codes,
            labels=labels,
            height=MAP_HEIGHT,
        ),
        on_select="rerun",
        selection_mode=SELECTION_NAME,
        key="commune_map",
        width="stretch",
    )
picked = event.selection.get(SELECTION_NAME) or []
if picked and picked[0].get("code"):
    open_locality(filters, str(picked[0]["code"]))
with side:
    _summary(rows, colour_by)
    missing = shapes.loc[shapes["boundary"].isna(), "name"].tolist()
    if missing:
        listed = ", ".join(md(name) for name in missing[:MISSING_LISTED]) + (
            " …" if len(missing) > MISSING_LISTED else ""
        )
        st.caption(filters.t("map.missing_shapes", count=len(missing), names=listed))
    if len(filters.commune_codes) == 1:
        _villages(filters.commune_codes[0])
