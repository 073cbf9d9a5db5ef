"""The projector slides, drawn from the committee screens' builders: five, and "Decisions due"
first when the last stored meeting recorded decisions.

Charts are drawn to SVG on the server (vl-convert) and shown scaled to the window, so text in
them grows with the screen like the rest of the slide and nothing needs the mouse.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from charts.bars import reach_bars_chart
from charts.render import chart_svg
from charts.rows import group_bar_rows
from charts.score_map import score_board, score_domain, score_map_chart
from charts.spec import spec_of
from figures import committee
from figures.boards import stage_indicators
from figures.decisions import decision_detail, decision_headline, decisions_due
from figures.maps import commune_shapes
from i18n import translate
from i18n.formats import format_change, format_date, status_label
from ui.committee_view import ranked_list
from ui.data import reader
from ui.filter_state import Filters
from ui.presentation import auto_advance_text, navigation_buttons, slide_count
from ui.presentation_tiles import tiles_html
from ui.scope_view import scope_label
from ui.text import md

# Communes named under each indicator on the changes slide before "and N more".
FALLEN_PER_INDICATOR = 3
# Decisions on one slide before "and N more": two lines each still fit 1080 pixels.
DECISIONS_PER_SLIDE = 6
# Intrinsic chart sizes in SVG pixels. Charts are scaled up to the slide, so a small intrinsic
# size means large text: the builders' 14-15 px fonts reach about 2.5 % of the screen height.
MAP_SIZE_PX = (560, 330)
BARS_WIDTH_PX = 640
# Up to this many communes, each is drawn in its own panel of the map slide.
CLUSTER_PANELS = 4
# Share of the window height a chart may take under the slide's title row.
CHART_MAX_VH = 78
SLIDE_TITLES = (
    "present.slide.indicators",
    "present.slide.map",
    "present.slide.groups",
    "present.slide.weakest",
    "present.slide.changes",
)


@st.cache_data(max_entries=32, show_spinner=False)
def _svg_markup(spec_json: str, lang: str, max_height_vh: int) -> str:
    return chart_svg(json.loads(spec_json), lang, max_height_vh=max_height_vh)


def show_chart(chart: alt.TopLevelMixin, lang: str, *, max_height_vh: int = CHART_MAX_VH) -> None:
    """Show an Altair chart as an SVG picture scaled to the slide."""
    markup = _svg_markup(json.dumps(spec_of(chart), sort_keys=True), lang, max_height_vh)
    # st.html drops inline SVG; Markdown with HTML allowed keeps it (the markup is ours).
    st.markdown(f'<div class="present-chart">{markup}</div>', unsafe_allow_html=True)


def _facts(index: int, filters: Filters) -> str:
    """The right of the title row: as-of date, demo-data note and slide number."""
    lines = [filters.t("common.as_of", date=format_date(filters.as_of, filters.lang))]
    if filters.demo:
        lines.append(f'<span class="demo">{filters.t("present.synthetic")}</span>')
    counter = filters.t("present.counter", number=index + 1, count=slide_count())
    auto = auto_advance_text(filters.lang)
    lines.append(f"{counter} · {auto}" if auto else counter)
    return '<div class="present-facts">' + "<br>".join(lines) + "</div>"


def has_decisions_due(filters: Filters) -> bool:
    """True when the last stored meeting before as-of recorded decisions the viewer may see."""
    return not decisions_due(reader(), filters.scope).empty


def draw_slide(
    index: int,
    filters: Filters,
    meeting: date,
    *,
    decisions: bool = False,
    problems: tuple[str, ...] = (),
) -> None:
    """The title row (title, as-of, slide number, buttons, a bad link's `problems` in one
    line each) and the body of slide `index` (with `decisions`, slide 0 is "Decisions due"
    and the five follow)."""
    titles, slides = SLIDE_TITLES, SLIDES
    if decisions:
        titles, slides = (DECISIONS_TITLE, *SLIDE_TITLES), (_decisions, *SLIDES)
    held = meeting
    if decisions and index == 0:
        held = decisions_due(reader(), filters.scope).iloc[0]["meeting_date"]
    count = len(stage_indicators(reader(), filters.scope))
    title = filters.t(titles[index], date=format_date(held, filters.lang), count=count)
    heading, facts, buttons = st.columns([4.4, 1.7, 3.4], vertical_alignment="center")
    heading.title(title, anchor=False)
    # Whose figures the slide shows: a hall must never read a commune's as the province's.
    heading.markdown(
        f'<p class="present-scope">{html.escape(scope_label(filters))}</p>',
        unsafe_allow_html=True,
    )
    for problem in problems:  # one line under the scope: the slide keeps its place
        text = html.escape(f"⚠ {problem}")
        heading.markdown(
            f'<p class="present-problem" title="{text}">{text}</p>', unsafe_allow_html=True
        )
    facts.html(_facts(index, filters))
    with buttons:
        navigation_buttons(filters)
    with st.container(key="present-body"):
        slides[index](filters, meeting)


def _indicators(filters: Filters, meeting: date) -> None:
    tiles = committee.tiles(reader(), filters.scope, meeting)
    with st.container(key="present-tiles"):
        st.html(tiles_html(tiles, filters.stage.deadline, filters.lang))


def _weakest(filters: Filters, meeting: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    ranking = committee.ranking(reader(), filters.scope, meeting)
    return ranking, committee.weakest(ranking)


def _map(filters: Filters, meeting: date) -> None:
    shapes = commune_shapes(reader(), filters.scope)
    if shapes["boundary"].isna().all():
        st.info(filters.t("present.no_shapes"))
        return
    ranking, weakest = _weakest(filters, meeting)
    board, codes = score_board(ranking, filters.as_of), list(weakest["commune_code"])
    domain = None
    if filters.scope.commune_codes:  # a few communes keep the province's colours
        whole = committee.ranking(reader(), filters.scope.whole_province(), meeting)
        domain = score_domain(score_board(whole, filters.as_of)["value"])
    width, height = MAP_SIZE_PX
    chosen = shapes[shapes["code"].isin(filters.scope.commune_codes)]
    if 1 < len(chosen) <= CLUSTER_PANELS:
        # Communes far apart would be specks on one map: each gets its own, same colours.
        for column, i in zip(st.columns(len(chosen)), range(len(chosen)), strict=True):
            with column:
                panel = score_map_chart(
                    chosen.iloc[[i]],
                    board,
                    codes,
                    filters.lang,
                    width=width // len(chosen),
                    height=height,
                    domain=domain,
                )
                show_chart(panel, filters.lang, max_height_vh=CHART_MAX_VH - 6)
                st.markdown(f"**{md(chosen.iloc[i]['name'])}**", text_alignment="center")
        st.caption(filters.t("present.map_note", count=len(weakest)))
        return
    chart = score_map_chart(
        shapes, board, codes, filters.lang, width=width, height=height, domain=domain
    )
    show_chart(chart, filters.lang, max_height_vh=CHART_MAX_VH)
    st.caption(filters.t("present.map_note", count=len(weakest)))


def _groups(filters: Filters, meeting: date) -> None:
    del meeting  # target groups are shown as of the frozen date only
    groups = committee.group_reach(reader(), filters.scope)
    bars = group_bar_rows(groups, filters.lang, one_line=True)  # short rows: larger text
    chart = reach_bars_chart(bars, x_title=filters.t("committee.reach_axis"), lang=filters.lang)
    show_chart(chart.properties(width=BARS_WIDTH_PX), filters.lang, max_height_vh=CHART_MAX_VH - 4)
    st.caption(filters.t("committee.bars_legend"))


def _weakest_slide(filters: Filters, meeting: date) -> None:
    ranking, weakest = _weakest(filters, meeting)
    if filters.scope.commune_codes:  # ranks are places in the province: count all of it
        ranking = committee.ranking(reader(), filters.scope.whole_province(), meeting)
    ranked = int(ranking["rank"].notna().sum())
    with st.container(key="present-list"):
        # Numbered 1…10 like the map's marks on the slide before, the rank beside the score.
        ranked_list(weakest, filters, empty=filters.t("committee.no_ranked"), rank_of=ranked)
    st.caption(filters.t("present.score_note"))


def indicator_change_lines(tiles: pd.DataFrame, filters: Filters) -> list[str]:
    """ "CT01 · name: +1,2 điểm %" for every indicator, with "▲ → ✔" where its status changed."""
    lang, lines = filters.lang, []
    for _, row in tiles.iterrows():
        change = format_change(row["change_meeting"], row["unit"], lang) or filters.t("common.none")
        line = f"**{md(row['code'])}** · {md(row['name_' + lang])}: **{change}**"
        if row["status_meeting"] != row["status"]:
            was, now = (status_label(row[c], lang) for c in ("status_meeting", "status"))
            line += f" · {was} → **{now}**"
        lines.append(line)
    return lines


def _changes(filters: Filters, meeting: date) -> None:
    status_column, fallen_column = st.columns([3, 2], gap="large")
    with status_column:
        st.subheader(filters.t("present.indicator_changes"), anchor=False)
        tiles = committee.tiles(reader(), filters.scope, meeting)
        st.markdown("  \n".join(indicator_change_lines(tiles, filters)))
    with fallen_column:
        fallen = committee.fallen_behind(reader(), filters.scope, meeting)
        st.subheader(filters.t("committee.fell_behind", count=len(fallen)), anchor=False)
        lines = fallen_by_indicator_lines(fallen, tiles, filters.lang)
        st.markdown("  \n".join(lines) if lines else filters.t("committee.none_fell_behind"))


def fallen_by_indicator_lines(fallen: pd.DataFrame, tiles: pd.DataFrame, lang: str) -> list[str]:
    """ "CT04 · name: Xã A, Xã B … and 3 more" for each indicator communes fell behind on,
    in the tiles' order: the hall reads what each code means without another page."""
    communes: dict[str, list[str]] = {}
    for _, row in fallen.iterrows():
        for code in row["indicator_codes"]:
            communes.setdefault(code, []).append(str(row["commune_name"]))
    lines = []
    for _, tile in tiles.iterrows():
        names = communes.get(tile["code"])
        if not names:
            continue
        shown = ", ".join(md(name) for name in names[:FALLEN_PER_INDICATOR])
        if len(names) > FALLEN_PER_INDICATOR:
            more = len(names) - FALLEN_PER_INDICATOR
            shown += " " + translate("present.and_more", lang, count=more)
        lines.append(f"**{md(tile['code'])} · {md(tile['name_' + lang])}:** {shown}")
    return lines


DECISIONS_TITLE = "present.slide.decisions"


def _decisions(filters: Filters, meeting: date) -> None:
    del meeting  # the board compares with the last stored meeting itself
    board = decisions_due(reader(), filters.scope)
    lang, lines = filters.lang, []
    for _, row in board.head(DECISIONS_PER_SLIDE).iterrows():
        lines.append(f"**{md(decision_headline(row, lang))}**  \n{md(decision_detail(row, lang))}")
    if len(board) > DECISIONS_PER_SLIDE:
        lines.append(filters.t("decision.and_more", count=len(board) - DECISIONS_PER_SLIDE))
    with st.container(key="present-decisions"):
        st.markdown("\n\n".join(lines))


SLIDES: tuple[Callable[[Filters, date], None], ...] = (
    _indicators,
    _map,
    _groups,
    _weakest_slide,
    _changes,
)
