"""The meeting brief: one PDF with the date and filters, indicators, target groups, the map,
the weakest communes and what changed since the last meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import sqlalchemy as sa

from charts.progress import progress_chart
from charts.render import chart_png
from charts.score_map import score_board, score_map_chart
from figures.decisions import decision_detail, decision_headline
from figures.lists import FALLEN_LIST
from figures.reader import PlainReader
from i18n import translate
from i18n.formats import format_date, format_percent
from reports import sections
from reports.content import BriefContent, gather_content, resolve_request
from reports.layout import BriefDocument

# Table column widths in mm; each set adds up to the 180 mm between A4 portrait margins.
INDICATOR_WIDTHS = (12, 62, 20, 19, 20, 16, 31)
GROUP_WIDTHS = (70, 28, 28, 27, 27)
WEAKEST_WIDTHS = (9, 55, 20, 26, 22, 24, 24)
CHANGE_WIDTHS = (12, 62, 22, 31, 22, 31)
FALLEN_WIDTHS = (55, 125)
# Charts are drawn this wide (pixels at scale 1) and placed this wide on the page (mm).
CHART_PX, CHART_MM = 620, 165


def _filter_lines(content: BriefContent) -> list[tuple[str, str]]:
    request, lang = content.request, content.request.lang
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    agency = t("brief.agency_all")
    if request.agency is not None:
        agency = f"{request.agency[f'name_{lang}']} ({request.agency['code']})"
    communes = t("filter.communes_placeholder")
    if not request.communes.empty:
        communes = ", ".join(f"{r.name} ({r.code})" for r in request.communes.itertuples())
    stage = request.stage
    period = t(
        "filter.stage_range",
        start=format_date(stage.start_date, lang),
        deadline=format_date(stage.deadline, lang),
    )
    return [
        (t("filter.as_of"), format_date(request.as_of, lang)),
        (t("brief.province"), f"{request.province_name} ({request.scope.province_code})"),
        (t("filter.stage"), f"{stage.name(lang)} · {period}"),
        (t("common.agency"), agency),
        (t("filter.communes"), communes),
        (t("brief.since"), format_date(request.since, lang)),
    ]


def _indicator_section(doc: BriefDocument, content: BriefContent) -> None:
    lang = content.request.lang
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    doc.heading(t("brief.section.indicators"))
    headers = [
        t("common.code"),
        t("common.indicator"),
        t("common.value"),
        t("common.target"),
        t("common.deadline"),
        t("common.progress"),
        t("common.status"),
    ]
    doc.table_of(
        headers,
        sections.indicator_rows(content),
        widths=INDICATOR_WIDTHS,
        aligns="LLRRCRC",
        status_column=6,
    )
    margin = format_percent(100 * content.request.scope.at_risk_margin, lang, decimals=0)
    doc.paragraph(t("brief.indicators_note", margin=margin))
    chart = progress_chart(content.tiles, lang, width=CHART_PX)
    caption = t("brief.progress_chart", date=format_date(content.request.as_of, lang))
    doc.image_png(chart_png(chart, lang), width_mm=CHART_MM * 0.85, caption=caption)


def _target_group_section(doc: BriefDocument, content: BriefContent) -> None:
    lang = content.request.lang
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    doc.heading(t("brief.section.target_groups"))
    rows = sections.target_group_rows(content)
    if not rows:
        doc.paragraph(t("brief.no_target_groups"), size=10)
        return
    headers = [
        t("brief.col.group"),
        t("brief.col.reached"),
        t("brief.col.population"),
        t("brief.col.percent"),
        t("brief.col.goal"),
    ]
    doc.table_of(headers, rows, widths=GROUP_WIDTHS, aligns="LRRRR")


def _map_and_weakest(doc: BriefDocument, content: BriefContent) -> None:
    lang = content.request.lang
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    if not content.shapes.empty:
        doc.heading(t("brief.section.map"), keep_mm=150)
        board = score_board(content.ranking, content.request.as_of)
        weakest = list(content.weakest["commune_code"])
        chart = score_map_chart(content.shapes, board, weakest, lang, width=CHART_PX)
        doc.image_png(chart_png(chart, lang), width_mm=CHART_MM)
        doc.paragraph(t("brief.map_note"))
    doc.heading(t("brief.section.weakest"), keep_mm=70)
    headers = [
        "#",
        t("common.commune"),
        t("common.kind"),
        t("brief.col.score"),
        t("brief.col.rank"),
        t("brief.col.behind"),
        f"{t('brief.col.rank')} ({format_date(content.request.since, lang)})",
    ]
    rows = sections.weakest_rows(content)
    doc.table_of(headers, rows, widths=WEAKEST_WIDTHS, aligns="RLLRRRR")
    doc.paragraph(t("brief.weakest_note"))


def _changes_section(doc: BriefDocument, content: BriefContent) -> None:
    lang = content.request.lang
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    since = format_date(content.request.since, lang)
    doc.heading(t("brief.section.changes", since=since), keep_mm=60)
    doc.subheading(t("brief.changes.indicators"))
    changed = sections.status_change_rows(content)
    if changed:
        before = f"({since})"
        now = f"({format_date(content.request.as_of, lang)})"
        headers = [
            t("common.code"),
            t("common.indicator"),
            f"{t('common.value')} {before}",
            f"{t('common.status')} {before}",
            f"{t('common.value')} {now}",
            f"{t('common.status')} {now}",
        ]
        doc.table_of(headers, changed, widths=CHANGE_WIDTHS, aligns="LLRCRC", status_column=5)
    else:
        doc.paragraph(t("brief.changes.no_indicators"), size=10)
    fallen = content.fallen
    doc.keep_together(30)
    doc.subheading(t("brief.changes.communes", count=len(fallen)))
    if fallen.empty:
        doc.paragraph(t("brief.changes.no_communes"), size=10)
        return
    headers = [t("common.commune"), t("brief.col.fell_behind")]
    doc.table_of(headers, sections.fallen_rows(content), widths=FALLEN_WIDTHS, aligns="LL")
    hidden = len(fallen) - FALLEN_LIST
    if hidden > 0:
        doc.paragraph(t("brief.changes.more", count=hidden), size=10)


def _decisions_section(doc: BriefDocument, board: pd.DataFrame, heading: str, lang: str) -> None:
    """Each decision of `board` as two lines: subject, figures and status; text and side."""
    if board.empty:
        return
    doc.heading(heading, keep_mm=30)
    for _, row in board.iterrows():
        doc.keep_together(12)
        doc.paragraph(decision_headline(row, lang), size=10)
        doc.paragraph(decision_detail(row, lang))


def render_brief(content: BriefContent) -> bytes:
    """Lay the gathered content out as a PDF and return its bytes."""
    request, lang = content.request, content.request.lang
    footer_date = format_date(request.as_of, lang)
    doc = BriefDocument(
        lambda page, pages: translate(
            "brief.footer", lang, date=footer_date, page=page, pages=pages
        )
    )
    doc.set_title(translate("brief.title", lang))
    doc.set_lang(lang)
    doc.add_page()
    doc.title_block(translate("brief.title", lang), request.stage.campaign_name(lang))
    if request.demo:
        doc.warning(translate("brief.synthetic", lang))
    doc.facts(_filter_lines(content))
    due = content.decisions_due
    if not due.empty:
        held = format_date(due.iloc[0]["meeting_date"], lang)
        heading = translate("brief.section.decisions_due", lang, date=held)
        _decisions_section(doc, due, heading, lang)
    _indicator_section(doc, content)
    _target_group_section(doc, content)
    _map_and_weakest(doc, content)
    _changes_section(doc, content)
    new = translate("brief.section.decisions_new", lang)
    _decisions_section(doc, content.decisions_new, new, lang)
    return bytes(doc.output())


def build_brief_pdf(
    engine: sa.Engine,
    *,
    lang: str = "vi",
    as_of: date | None = None,
    since: date | None = None,
    stage_code: str | None = None,
    agency_code: str | None = None,
    commune_codes: Sequence[str] | None = None,
) -> bytes:
    """The meeting brief as PDF bytes; raises reports.content.BriefInputError on a wrong filter.

    Every figure is read through one snapshot of the database.
    """
    with PlainReader(engine) as reader:
        request = resolve_request(
            reader,
            lang=lang,
            as_of=as_of,
            since=since,
            stage_code=stage_code,
            agency_code=agency_code,
            commune_codes=commune_codes,
        )
        content = gather_content(reader, request)
    return render_brief(content)
