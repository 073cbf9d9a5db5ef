"""Presentation mode in AppTest: every slide in both languages and stages, URL parameters,
the buttons that change slides, open the slides and leave them."""

from __future__ import annotations

import pytest

from i18n import translate
from tests.test_app import run_app
from ui.presentation import ADVANCE_MAX_S, ADVANCE_MIN_S, SLIDE_COUNT, parse_advance, parse_slide
from ui.presentation_slides import SLIDE_TITLES

DEMO_INDICATORS = 10  # the demo's stages hold all ten campaign indicators


def _title(at) -> str:
    return at.title[0].value


def _open(slide: int | None = None, **params: str):
    query = {"present": "1", **params}
    if slide is not None:
        query["slide"] = str(slide)
    at = run_app(query)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("text", "index", "bad"),
    [
        (None, 0, False),
        ("", 0, False),
        ("1", 0, False),
        ("5", 4, False),
        (" 3 ", 2, False),
        ("0", 0, True),
        ("6", 0, True),
        ("-1", 0, True),
        ("two", 0, True),
        ("2.5", 0, True),
    ],
)
def test_parse_slide(text, index, bad):
    got, problem = parse_slide(text, "en")
    assert got == index
    assert (problem is not None) == bad
    if bad:
        assert text in problem and str(SLIDE_COUNT) in problem


@pytest.mark.parametrize(
    ("text", "seconds", "bad"),
    [
        (None, None, False),
        ("30", 30, False),
        (str(ADVANCE_MIN_S), ADVANCE_MIN_S, False),
        (str(ADVANCE_MAX_S), ADVANCE_MAX_S, False),
        (str(ADVANCE_MIN_S - 1), None, True),
        (str(ADVANCE_MAX_S + 1), None, True),
        ("fast", None, True),
        ("-10", None, True),
    ],
)
def test_parse_advance(text, seconds, bad):
    got, problem = parse_advance(text, "vi")
    assert got == seconds
    assert (problem is not None) == bad
    if bad:
        assert text in problem


@pytest.mark.parametrize("slide", range(1, SLIDE_COUNT + 1))
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("stage", ["GD1-2025", "GD2-2026"])
def test_every_slide_runs(app_env, slide, lang, stage):
    params = {"stage": stage, **({"lang": "en"} if lang == "en" else {})}
    at = _open(slide, **params)
    expected = translate(SLIDE_TITLES[slide - 1], lang, date="", count=DEMO_INDICATORS)
    assert _title(at).startswith(expected.split("{")[0].strip()[:12])
    assert at.query_params["slide"] == [str(slide)] or at.query_params["slide"] == str(slide)
    facts = " ".join(h.value for h in at.get("html"))
    assert translate("common.as_of", lang, date="").split("{")[0].strip() in facts
    assert translate("present.synthetic", lang) in facts  # the demo province is made up


@pytest.mark.parametrize(
    ("params", "count", "scope"),
    [
        ({}, 10, "Tỉnh Đắk Sơn"),
        ({"agency": "CA"}, 2, "Tỉnh Đắk Sơn · Công an tỉnh — 2 chỉ tiêu"),
        ({"commune": "40001"}, 10, "Phường Buôn Ma Thuột"),
        ({"commune": ["40001", "40015"]}, 10, "2 xã/phường: Phường Buôn Ma Thuột, Xã Ea Kar"),
    ],
)
def test_every_slide_names_its_scope_and_slide_one_counts_its_indicators(
    app_env, params, count, scope
):
    for slide in range(1, SLIDE_COUNT + 1):
        at = _open(slide, stage="GD1-2025", **params)
        if slide == 1:
            assert _title(at) == translate(SLIDE_TITLES[0], count=count)
        lines = [m.value for m in at.markdown if 'class="present-scope"' in m.value]
        assert lines == [f'<p class="present-scope">{scope}</p>'], (slide, lines)


def test_the_as_of_date_is_the_frozen_one(app_env):
    at = _open(3, stage="GD1-2025", as_of="2025-09-03")
    assert "03/09/2025" in " ".join(h.value for h in at.get("html"))


@pytest.mark.parametrize(
    ("params", "fragment"),
    [({"slide": "9"}, "«9»"), ({"slide": "abc"}, "«abc»"), ({"advance": "1"}, "«1»")],
)
def test_wrong_slide_or_timer_gives_a_message(app_env, params, fragment):
    at = _open(**params)
    problems = [m.value for m in at.markdown if 'class="present-problem"' in m.value]
    assert any(fragment in p for p in problems), problems
    assert not at.warning  # one line in the title row, never a box above the slide
    assert _title(at) == translate(SLIDE_TITLES[0], count=DEMO_INDICATORS)
    assert "advance" not in at.query_params


def test_a_valid_timer_gives_no_message(app_env):
    at = _open(2, advance="30")
    assert not [m for m in at.markdown if 'class="present-problem"' in m.value]
    assert _title(at) == translate(SLIDE_TITLES[1])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_auto_advance_says_it_is_on_and_pauses_and_resumes(app_env, lang):
    at = _open(2, advance="30", **({"lang": "en"} if lang == "en" else {}))
    facts = lambda: " ".join(h.value for h in at.get("html"))  # noqa: E731
    assert translate("present.auto_on", lang, seconds=30) in facts()
    at.button(key="present-pause").click().run()
    assert translate("present.auto_paused", lang) in facts()
    assert at.button(key="present-pause").label == translate("present.resume", lang)
    at.button(key="present-pause").click().run()
    assert translate("present.auto_on", lang, seconds=30) in facts()
    assert at.button(key="present-pause").label == translate("present.pause", lang)


def test_no_pause_button_without_a_timer(app_env):
    at = _open(2)
    assert not [b for b in at.button if b.key == "present-pause"]


def test_next_and_previous_buttons_walk_the_slides(app_env):
    at = _open(4)
    at.button(key="present-next").click().run()
    assert _title(at).startswith(translate(SLIDE_TITLES[4], date="")[:10])
    at.button(key="present-next").click().run()  # after the last slide comes the first
    assert _title(at) == translate(SLIDE_TITLES[0], count=DEMO_INDICATORS)
    assert at.query_params["slide"] in ("1", ["1"])
    at.button(key="present-previous").click().run()
    assert _title(at).startswith(translate(SLIDE_TITLES[4], date="")[:10])


def test_present_button_opens_and_exit_leaves(app_env):
    at = run_app({"stage": "GD1-2025", "as_of": "2025-09-03"})
    at.button(key="present-open").click().run()
    assert not at.exception
    assert _title(at) == translate(SLIDE_TITLES[0], count=DEMO_INDICATORS)
    at.button(key="present-exit").click().run()
    assert not at.exception
    assert _title(at) == translate("page.overview")
    assert "present" not in at.query_params


# Words that send the hall to another page, which cannot be reached while presenting.
OTHER_PAGE = ("xem trang", "see the", "(see")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_slide_points_to_another_page(app_env, lang):
    for slide in range(1, SLIDE_COUNT + 1):
        at = _open(slide, stage="GD1-2025", **({"lang": "en"} if lang == "en" else {}))
        texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
        for text in texts:
            assert not any(w in text.lower() for w in OTHER_PAGE), (slide, text)


def test_fell_behind_names_each_indicator(app_env):
    at = _open(5, stage="GD1-2025", as_of="2025-09-03")
    names = {
        "CT04": "Tỷ lệ người trưởng thành được xác thực trên VNeID",
        "CT06": "Tỷ lệ thôn, buôn, tổ dân phố có tổ công nghệ số cộng đồng hoạt động",
    }
    text = " ".join(m.value for m in at.markdown)
    for code, name in names.items():
        assert f"**{code} · {name}:**" in text


def test_fallen_lines_group_communes_under_the_indicator():
    import pandas as pd

    from ui.presentation_slides import FALLEN_PER_INDICATOR, fallen_by_indicator_lines

    names = [f"Xã {i}" for i in range(FALLEN_PER_INDICATOR + 2)]
    fallen = pd.DataFrame(
        {"commune_name": names, "indicator_codes": [["CT02"]] * (len(names) - 1) + [["CT01"]]}
    )
    tiles = pd.DataFrame(
        {"code": ["CT01", "CT02", "CT03"], "name_en": ["Officials", "Pupils", "Adults"]}
    )
    lines = fallen_by_indicator_lines(fallen, tiles, "en")
    assert lines[0] == f"**CT01 · Officials:** {names[-1]}"
    assert lines[1].startswith("**CT02 · Pupils:** Xã 0, Xã 1, Xã 2")
    assert lines[1].endswith("and 1 more") and len(lines) == 2


def _charts(at) -> list[str]:
    return [m.value for m in at.markdown if 'class="present-chart"' in m.value]


def test_the_map_numbers_the_weakest_as_the_next_slide_does(app_env):
    import re

    view = {"stage": "GD1-2025", "as_of": "2025-09-03"}
    (svg,) = _charts(_open(2, **view))
    marks = {int(n) for n in re.findall(r">(\d{1,2})</text>", svg)}
    assert set(range(1, 11)) <= marks
    lines = " ".join(m.value for m in _open(4, **view).markdown)
    numbers = [int(n) for n in re.findall(r"(\d+)\\\. \*\*", lines)]
    assert numbers == list(range(1, 11))


def test_a_cluster_of_two_gets_a_map_each_on_the_province_scale(app_env):
    view = {"stage": "GD1-2025", "as_of": "2025-09-03"}
    province = _charts(_open(2, **view))[0]
    charts = _charts(_open(2, commune=["40001", "40015"], **view))
    assert len(charts) == 2
    names = " ".join(m.value for m in _open(2, commune=["40001", "40015"], **view).markdown)
    assert "Phường Buôn Ma Thuột" in names and "Xã Ea Kar" in names

    def legend(svg: str) -> list[str]:
        import re

        return re.findall(r">(\d+%)</text>", svg)

    assert legend(province) and legend(charts[0]) == legend(province) == legend(charts[1])
