"""Reading the shared filters from the URL: good values taken, wrong ones reported, never raised."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from figures.requests import default_as_of, default_stage_id, read_url_choice, read_url_village

STAGES = pd.DataFrame(
    {
        "stage_id": [1, 2, 3],
        "stage_code": ["GD1-2025", "GD2-2026", "GD1-2025-12"],
        "province_code": ["99", "99", "12"],
        "start_date": [date(2025, 7, 15), date(2026, 1, 1), date(2025, 7, 15)],
        "deadline": [date(2025, 10, 25), date(2026, 12, 31), date(2025, 10, 25)],
    }
)
KNOWN = {"99": {"40001", "40002"}, "12": {"12001"}}
LATEST = date(2026, 11, 16)


def choose(**params: list[str]):
    return read_url_choice(params, stages=STAGES, known_communes=KNOWN, latest_report=LATEST)


@pytest.mark.parametrize(
    ("params", "stage_id", "as_of", "communes", "problem_keys"),
    [
        ({}, 2, None, [], []),
        ({"stage": ["GD1-2025"]}, 1, None, [], []),
        ({"stage": ["1"]}, 1, None, [], []),
        ({"stage": ["nope"]}, 2, None, [], ["url.unknown_stage"]),
        ({"as_of": ["2025-09-01"]}, 2, date(2025, 9, 1), [], []),
        ({"as_of": ["01/09/2025"]}, 2, None, [], ["url.bad_date"]),
        ({"as_of": ["2025-02-30"]}, 2, None, [], ["url.bad_date"]),
        ({"commune": ["40001", "40002"]}, 2, None, ["40001", "40002"], []),
        ({"commune": ["40001", "40001"]}, 2, None, ["40001"], []),
        ({"commune": ["4000"]}, 2, None, [], ["url.bad_commune"]),
        ({"commune": ["abcde"]}, 2, None, [], ["url.bad_commune"]),
        ({"commune": ["49999", "40001"]}, 2, None, ["40001"], ["url.unknown_commune"]),
        ({"commune": ["12001"]}, 2, None, [], ["url.unknown_commune"]),
        ({"province": ["12"]}, 3, None, [], []),
        ({"province": ["12"], "commune": ["12001"]}, 3, None, ["12001"], []),
        ({"province": ["77"]}, 2, None, [], ["url.unknown_province"]),
    ],
)
def test_read_url_choice(params, stage_id, as_of, communes, problem_keys):
    choice = choose(**params)
    assert choice.stage_id == stage_id
    assert choice.as_of == as_of
    assert choice.commune_codes == communes
    assert [key for key, _ in choice.problems] == problem_keys


@pytest.mark.parametrize(("lang", "expected"), [(["en"], "en"), (["vi"], "vi"), (["xx"], "vi")])
def test_language(lang, expected):
    assert choose(lang=lang).lang == expected


@pytest.mark.parametrize(
    ("latest", "expected_stage", "expected_as_of"),
    [
        (date(2026, 11, 16), 2, date(2026, 11, 16)),
        (date(2025, 9, 1), 1, date(2025, 9, 1)),
        (date(2025, 12, 1), 2, date(2026, 1, 1)),  # between stages: the later stage, at its start
        (None, 2, date(2026, 1, 1)),
    ],
)
def test_defaults(latest, expected_stage, expected_as_of):
    in_99 = STAGES[STAGES["province_code"] == "99"]
    stage_id = default_stage_id(in_99, latest)
    assert stage_id == expected_stage
    stage = STAGES.set_index("stage_id").loc[stage_id].copy()
    stage["stage_id"] = stage_id
    assert default_as_of(stage, latest) == expected_as_of


PARENTS = {"40001005": "40001", "40002001": "40002"}


@pytest.mark.parametrize(
    ("village", "communes", "expected_village", "expected_communes", "problem_keys"),
    [
        ([], ["40001"], None, ["40001"], []),
        (["40001005"], ["40001"], "40001005", ["40001"], []),
        (["40001005"], [], "40001005", ["40001"], []),  # the village picks its commune
        (["4000100"], ["40001"], None, ["40001"], ["url.bad_village"]),
        (["thon-1"], ["40001"], None, ["40001"], ["url.bad_village"]),
        (["40001999"], ["40001"], None, ["40001"], ["url.unknown_village"]),
        (["40002001"], ["40001"], None, ["40001"], ["url.village_elsewhere"]),
        (["40001005"], ["40001", "40002"], None, ["40001", "40002"], ["url.village_elsewhere"]),
    ],
)
def test_read_url_village(village, communes, expected_village, expected_communes, problem_keys):
    choice = read_url_village({"village": village}, commune_codes=communes, village_parents=PARENTS)
    assert choice.village_code == expected_village
    assert choice.commune_codes == expected_communes
    assert [key for key, _ in choice.problems] == problem_keys
