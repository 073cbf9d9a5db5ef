"""Presentation mode: the projector slides' URL parameters, chrome, navigation and timer.

The URL holds `present=1`, `slide=N` (1-based) and `advance=N` (seconds) beside the shared
filters, so a link reproduces the slide; the frame rewrites only the shared filters' keys and
reads these with `presentation_params`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import streamlit as st

from figures.dates import comparison_date
from figures.requests import parse_url_date
from i18n import translate
from ui.committee_view import MEETING_PARAM
from ui.data import reader, reading_fragment
from ui.filter_state import Filters
from ui.navigation import page_file

PRESENT_PARAM, SLIDE_PARAM, ADVANCE_PARAM = "present", "slide", "advance"
# Parameters of the presentation kept in the URL beside the shared filters.
KEPT_PARAMS = (PRESENT_PARAM, SLIDE_PARAM, ADVANCE_PARAM, MEETING_PARAM)
SLIDE_COUNT = 5  # indicators, map, target groups, weakest communes, changes
# One more slide first ("Decisions due") when the last stored meeting recorded decisions.
# Auto-advance bounds: below 5 s a slide is gone before it is read (and the map needs a
# second to draw); above 10 minutes nobody waits for it.
ADVANCE_MIN_S, ADVANCE_MAX_S = 5, 600
# A timer tick counts when this share of the interval has passed since the slide was shown,
# so a tick right after a manual change does not skip the slide just chosen.
ADVANCE_TOLERANCE = 0.8
_SLIDE_KEY, _SHOWN_KEY, _PARAMS_KEY = "present_slide", "present_shown_at", "present_params"
_WRITTEN_KEY = "present_written_slide"
_COUNT_KEY = "present_slide_count"
_ADVANCE_KEY, _PAUSED_KEY = "present_advance_s", "present_paused"
PAUSE_SHORTCUT = "P"  # "pause": Streamlit keeps C and R for itself

# Everything in rem scales with the window height (html font-size in vh): a 1280×720 and a
# 1920×1080 screen, both 16:9, show the same layout, so what fits one fits the other. At
# 1080 px a rem is 20 px, readable from the back of a hall. Text is pure black on white and
# bold where it matters, as a washed-out projector first loses grey and thin strokes.
PRESENT_CSS = """
<style>
html { font-size: min(1.85vh, 1.04vw) !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] {
  padding: 1.2vh 2.2vw 0 2.2vw !important; max-width: 100% !important;
}
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
.stApp, .stApp p, .stApp li, .stApp span { color: #000; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * {
  color: #1a1a1a !important; font-size: 1.25rem; line-height: 1.3;
}
[data-testid="stMain"] h1 { font-size: 2.1rem !important; font-weight: 800; padding: 0; }
.st-key-present-body p, .st-key-present-body li { font-size: 1.3rem; line-height: 1.45; }
.st-key-present-list p { font-size: 1.75rem; line-height: 1.75; }
.st-key-present-decisions p { font-size: 1.45rem; line-height: 1.4; }
.st-key-present-body h3 { font-size: 1.55rem !important; font-weight: 800; padding: 0.2rem 0; }
.present-grid { display: grid; gap: 0.7rem; }
.present-tile {
  border: 0.15rem solid; border-left-width: 0.7rem; border-radius: 0.4rem;
  padding: 0.45rem 0.7rem;
}
.st-key-present-body .present-tile p { margin: 0 0 0.3rem 0; }
.st-key-present-body p.present-tile-name { font-size: 1.2rem; line-height: 1.25; }
.st-key-present-body p.present-tile-value { font-size: 2.6rem; font-weight: 800; line-height: 1.1; }
.st-key-present-body p.present-status {
  font-size: 1.75rem; font-weight: 800; line-height: 1.3; display: inline-block;
  padding: 0 0.5rem; border-radius: 0.3rem;
}
.present-bar { height: 0.6rem; background: #e3e3e3; margin: 0 0 0.3rem 0; }
.present-bar div { height: 100%; }
.st-key-present-body p.present-caption { font-size: 1.25rem; line-height: 1.25; color: #1a1a1a; }
.st-key-present-body p.present-deadline { margin: 0.4rem 0 0 0; font-weight: 700; }
.present-scope { font-size: 1.3rem; font-weight: 700; margin: 0; color: #1f3b73; }
.present-facts { font-size: 1.2rem; font-weight: 700; text-align: right; line-height: 1.3; }
.present-facts .demo { background: #ffe08a; padding: 0 0.35rem; }
.present-problem {
  font-size: 1.05rem; margin: 0; color: #000; background: #ffe08a; padding: 0 0.35rem;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.present-chart { display: flex; justify-content: center; }
.present-chart svg { width: auto; height: auto; max-width: 100%; }
.st-key-present-nav button p { font-size: 1.1rem; font-weight: 700; }
</style>
"""


@dataclass(frozen=True)
class SlideChoice:
    """The slide (0-based) and auto-advance seconds the URL asks for, with its problems."""

    index: int
    advance_s: int | None
    problems: tuple[str, ...]


def parse_slide(text: str | None, lang: str, count: int = SLIDE_COUNT) -> tuple[int, str | None]:
    """0-based slide of the URL text "1"…"count", else slide 0 and a message (none if absent)."""
    if text is None or not text.strip():
        return 0, None
    if text.strip().isdigit() and 1 <= int(text) <= count:
        return int(text) - 1, None
    return 0, translate("present.bad_slide", lang, value=text, count=count)


def set_slide_count(count: int) -> None:
    """How many slides this run shows (SLIDE_COUNT, or one more with decisions due)."""
    st.session_state[_COUNT_KEY] = count


def slide_count() -> int:
    """How many slides the presentation has in this session."""
    return int(st.session_state.get(_COUNT_KEY, SLIDE_COUNT))


def parse_advance(text: str | None, lang: str) -> tuple[int | None, str | None]:
    """Auto-advance seconds of the URL text, else None and a message (none if absent)."""
    if text is None or not text.strip():
        return None, None
    if text.strip().isdigit() and ADVANCE_MIN_S <= int(text) <= ADVANCE_MAX_S:
        return int(text), None
    message = translate(
        "present.bad_advance", lang, value=text, low=ADVANCE_MIN_S, high=ADVANCE_MAX_S
    )
    return None, message


def presentation_params(*, force: bool = False) -> dict[str, str]:
    """The presentation's URL parameters when the URL asks for it (`present=1`) or `force`
    says so (a presentation link shows nothing else), else {}.

    Called by the frame on every run; the shared filters leave these parameters in the URL.
    """
    if not force and st.query_params.get(PRESENT_PARAM) != "1":
        return {}
    kept = {key: st.query_params[key] for key in KEPT_PARAMS if key in st.query_params}
    kept[PRESENT_PARAM] = "1"
    st.session_state[_PARAMS_KEY] = kept
    return kept


def hide_app_chrome() -> None:
    """No sidebar, header or toolbar; type sized to the window (see PRESENT_CSS)."""
    st.html(PRESENT_CSS)


def meeting_date(filters: Filters) -> date:
    """The last meeting: `meeting=` of the link when valid (before as-of), else the last
    stored meeting's frozen as-of, else a fortnight before as-of, as on the overview."""
    text = st.session_state.get(_PARAMS_KEY, {}).get(MEETING_PARAM)
    day = parse_url_date(text) if text else None
    if day is not None and day < filters.as_of:
        return day
    return comparison_date(reader(), province_code=filters.province_code, as_of=filters.as_of)


def read_slide_choice(filters: Filters) -> SlideChoice:
    """The slide and timer of this run: the URL's when it names a slide this session has not
    shown yet, else the session's."""
    params = st.session_state.get(_PARAMS_KEY, {})
    slide_text = params.get(SLIDE_PARAM)
    problems = []
    if _SLIDE_KEY not in st.session_state or slide_text != st.session_state.get(_WRITTEN_KEY):
        index, problem = parse_slide(slide_text, filters.lang, slide_count())
        if problem:
            problems.append(problem)
        _show(index)
    advance, problem = parse_advance(params.get(ADVANCE_PARAM), filters.lang)
    if problem:
        problems.append(problem)
        params.pop(ADVANCE_PARAM, None)
        del st.query_params[ADVANCE_PARAM]  # the link left to copy has no broken timer
    return SlideChoice(st.session_state[_SLIDE_KEY], advance, tuple(problems))


def _show(index: int) -> None:
    """Make slide `index` current, restart the timer, and write it in the URL."""
    index %= slide_count()
    st.session_state[_SLIDE_KEY] = index
    st.session_state[_SHOWN_KEY] = time.monotonic()
    text = str(index + 1)
    st.session_state[_WRITTEN_KEY] = text
    st.session_state.setdefault(_PARAMS_KEY, {})[SLIDE_PARAM] = text
    st.query_params[PRESENT_PARAM] = "1"
    st.query_params[SLIDE_PARAM] = text


def _step(delta: int) -> None:
    _show(st.session_state.get(_SLIDE_KEY, 0) + delta)


def _exit_params(filters: Filters) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {
        "stage": str(filters.stage.code),
        "as_of": filters.as_of.isoformat(),
    }
    if "province" in st.query_params:
        params["province"] = filters.province_code
    if filters.commune_codes:
        params["commune"] = list(filters.commune_codes)
    if filters.lang == "en":
        params["lang"] = "en"
    return params


def present_button(filters: Filters) -> None:
    """The overview's "Present" button: opens the slides with the same filters and as-of."""
    if st.button(
        filters.t("present.open"),
        icon=":material/slideshow:",
        help=filters.t("present.open_help"),
        key="present-open",
    ):
        st.switch_page(
            page_file("present"), query_params={**_exit_params(filters), PRESENT_PARAM: "1"}
        )


def navigation_buttons(filters: Filters) -> None:
    """Previous / next (← → keys) and exit; the buttons only change the session's slide."""
    with st.container(key="present-nav", horizontal=True, horizontal_alignment="right"):
        pause_button(filters)
        st.button(
            filters.t("present.previous"),
            shortcut="Left",
            on_click=_step,
            args=(-1,),
            key="present-previous",
        )
        st.button(
            filters.t("present.next"),
            shortcut="Right",
            on_click=_step,
            args=(1,),
            key="present-next",
            type="primary",
        )
        if st.button(filters.t("present.exit"), icon=":material/close:", key="present-exit"):
            for key in (_SLIDE_KEY, _WRITTEN_KEY, _PARAMS_KEY):
                st.session_state.pop(key, None)
            st.switch_page(page_file("overview"), query_params=_exit_params(filters))


def auto_advance() -> tuple[int | None, bool]:
    """The auto-advance seconds of this presentation (None: off) and whether it is paused."""
    return st.session_state.get(_ADVANCE_KEY), bool(st.session_state.get(_PAUSED_KEY))


def auto_advance_text(lang: str) -> str | None:
    """ "tự chuyển 30 giây" or "tự chuyển: tạm dừng", None when auto-advance is off."""
    seconds, paused = auto_advance()
    if seconds is None:
        return None
    if paused:
        return translate("present.auto_paused", lang)
    return translate("present.auto_on", lang, seconds=seconds)


def _toggle_pause() -> None:
    paused = not st.session_state.get(_PAUSED_KEY, False)
    st.session_state[_PAUSED_KEY] = paused
    if not paused:  # resumed: the slide on screen gets a whole interval again
        st.session_state[_SHOWN_KEY] = time.monotonic()


def pause_button(filters: Filters) -> None:
    """Pause or resume auto-advance (key P), shown only when the link turned it on."""
    seconds, paused = auto_advance()
    if seconds is None:
        return
    st.button(
        filters.t("present.resume" if paused else "present.pause"),
        icon=":material/play_arrow:" if paused else ":material/pause:",
        shortcut=PAUSE_SHORTCUT,
        on_click=_toggle_pause,
        key="present-pause",
    )


def run_slides(draw: Callable[[int], None], advance_s: int | None) -> None:
    """Draw the current slide in a fragment; with `advance_s`, the fragment reruns on a timer
    and, unless paused, moves to the next slide once the current one has been shown that
    long."""
    if st.session_state.get(_ADVANCE_KEY) != advance_s:
        st.session_state[_PAUSED_KEY] = False  # a new timer from the link starts running
    st.session_state[_ADVANCE_KEY] = advance_s

    def slide_fragment() -> None:
        shown = st.session_state.get(_SHOWN_KEY, 0.0)
        _, paused = auto_advance()
        due = advance_s and time.monotonic() - shown >= ADVANCE_TOLERANCE * advance_s
        if due and not paused:
            _step(1)
        draw(st.session_state[_SLIDE_KEY])

    reading_fragment(slide_fragment, run_every=advance_s)
