"""Every kind of file staff send, uploaded through the pages in AppTest: the message shown in
Vietnamese and, after switching the language, in English (naming the file, row or column),
never an exception, and not one table changed.

Every file runs on SQLite; on PostgreSQL, one file per upload box and every file whose check
reads the database (POSTGRES_CASES). The page's path from upload to message is the same code on
both backends; what differs is the database under the checks and the refused write, and the
command-line tests (tests/test_import_bad_files.py) run every file on both.

Report files go through the Data page; register and catalogue files through the province
setup of the Administration page. The files are those of the command-line tests
(tests/test_import_bad_files.py).
"""

from __future__ import annotations

import pytest

from tests.apptest import open_app
from tests.import_helpers import table_snapshot
from tests.page_uploads import no_exception, page_text, upload

# The command-line tests' files and their province (the demo plus a province 98 without a
# campaign) with its rows before any test: module-scoped, so this module has its own copy.
from tests.test_import_bad_files import CASES, before, province  # noqa: F401 (fixtures)

pytestmark = pytest.mark.xdist_group("data-page-bad-files")

# What the page says for each file (Vietnamese, English): file-level problems as a message
# naming the file, row-level ones in the problem table (row ; message ; column ; value ; severity).
PAGE_SAYS = {
    "xlsx-date-cells": ("2 cảnh báo cần xác nhận ở ô bên dưới", "2 warnings need the confirmation"),
    "xlsx-serials": ("; numerator ; 1 ; Cảnh báo", "; numerator ; 1 ; Warning"),
    "partly-filled-template": ("2 dòng để trống", "2 rows left empty"),
    "utf16-bom": ("Chạy thử: hợp lệ; sẽ thêm 1", "Dry run: valid; would add 1"),
    "windows-1258": (
        "Tệp «cp.csv»: dòng 2: tệp không phải UTF-8",
        "File «cp.csv»: row 2: the file is not UTF-8",
    ),
    "duplicate-header": (
        "Tệp «dup.csv»: dòng 1: cột «numerator» có hai lần",
        "File «dup.csv»: row 1: column «numerator» appears twice",
    ),
    # The sheet picker offers the sheet holding the data first: the file is accepted.
    "data-on-second-sheet": ("Chạy thử: hợp lệ; sẽ thêm 1", "Dry run: valid; would add 1"),
    "uncached-formula": ("ô có công thức «=E2-7»", "the formula «=E2-7» without a computed"),
    "inf-number-cell": ("; numerator ; inf ; Lỗi", "; numerator ; inf ; Error"),
    "date-1900": ("; as_of ; 1900-01-01 ; Lỗi", "the date is outside the accepted range"),
    "date-9999": ("; as_of ; 9999-12-31 ; Lỗi", "the date is outside the accepted range"),
    "nul-in-cell": ("ký tự điều khiển (U+0000)", "holds a control character (U+0000)"),
    "control-in-file-name": ("tên tệp có ký tự điều khiển", "the file name holds a control"),
    "dimension-bomb": (
        "Tệp «bomb.xlsx»: dòng 2000: có giá trị ở cột XFD",
        "File «bomb.xlsx»: row 2000: there is a value in column XFD",
    ),
    "above-size-limit": ("Tệp «big.csv»: tệp lớn", "above the limit of 50 bytes"),
    "too-many-rows": ("hơn 2 dòng dữ liệu", "more than 2 data rows"),
    "too-many-cells": ("hơn 3 ô có dữ liệu", "more than 3 non-empty cells"),
    "not-whole-people": ("cần một số nguyên. ; numerator ; 590.5", "a whole number is expected"),
    "more-people-than-registered": ("lớn hơn 100 lần dân số đăng ký", "more than 100 times"),
    "percent-target-above-100": ("tỷ lệ phần trăm vượt 100", "a percentage above 100"),
    "commune-of-another-province": ("tỉnh 98 của xã/phường này", "province 98 of this commune"),
    "name-too-long": ("dài 201 ký tự, tối đa 200", "is 201 characters long, at most 200"),
    "agency-name-too-long": (
        "tối đa 200. ; name_en",
        "is 250 characters long, at most 200. ; name_en",
    ),
}
# Where each command's files are uploaded: (page, setup step, flow of the upload box).
WHERE = {
    "import-reports": ("pages/data.py", None, "reports"),
    "import-localities": ("pages/admin.py", "localities", "setup_localities"),
    "import-agencies": ("pages/admin.py", "agencies", "setup_agencies"),
    "import-populations": ("pages/admin.py", "populations", "setup_populations"),
    "import-targets": ("pages/admin.py", "indicators", "setup_targets"),
}
# The page has no stage option: the command line's --stage case has no page equivalent.
PAGE_CASES = [case for case in CASES if "--stage" not in case[4]]
POSTGRES_CASES = {
    "xlsx-date-cells",  # a report file with warnings to confirm
    "commune-of-another-province",  # checked against the register
    "more-people-than-registered",  # checked against the stored populations
    "name-too-long",  # the register's box
    "agency-name-too-long",  # the agencies' box
    "too-many-cells",  # the populations' box
    "percent-target-above-100",  # the targets' box
}


def _cases(backend: str) -> list:
    """The page's cases run on `backend`: every one on SQLite, POSTGRES_CASES on PostgreSQL."""
    return [
        pytest.param((*c[:4], c[5]), id=c[0])
        for c in PAGE_CASES
        if backend == "sqlite" or c[0] in POSTGRES_CASES
    ]


# The backend is chosen per test function at the session's scope, so the module's province
# (built on it) is made once per backend, not once per case.
ON_SQLITE = pytest.mark.parametrize("database_factory", ["sqlite"], indirect=True, scope="session")
ON_POSTGRES = pytest.mark.parametrize(
    "database_factory",
    [pytest.param("postgres", marks=pytest.mark.postgres)],
    indirect=True,
    scope="session",
)


def test_every_case_has_its_page_message():
    assert {case[0] for case in PAGE_CASES} == set(PAGE_SAYS)
    assert POSTGRES_CASES <= set(PAGE_SAYS)
    assert {case[1] for case in PAGE_CASES if case[0] in POSTGRES_CASES} == set(WHERE)


@ON_SQLITE
@pytest.mark.parametrize("case", _cases("sqlite"))
def test_a_file_uploaded_on_a_page_gets_its_message_and_changes_nothing(
    province,  # noqa: F811 (the fixture imported above)
    before,  # noqa: F811
    monkeypatch,
    case,
):
    _upload_and_check(province, before, monkeypatch, *case)


@ON_POSTGRES
@pytest.mark.parametrize("case", _cases("postgres"))
def test_a_file_uploaded_on_a_page_on_postgresql(province, before, monkeypatch, case):  # noqa: F811
    _upload_and_check(province, before, monkeypatch, *case)


def _upload_and_check(engine, rows_before, monkeypatch, case_id, command, name, build, env):
    """Upload the case's file where its command's files go; check both languages' message
    and that not one row changed."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    for setting, value in env.items():
        monkeypatch.setenv(setting, value)
    page, step, flow = WHERE[command]
    at = open_app({"as_of": "2026-11-20"}, page)
    if step is not None:
        at.selectbox(key="setup_step").set_value(step).run()
    upload(at, flow, name, build())
    no_exception(at)
    vi, en = PAGE_SAYS[case_id]
    assert vi in page_text(at), page_text(at)
    at.toggle(key="f_lang_en").set_value(True).run()
    no_exception(at)
    assert en in page_text(at), page_text(at)
    assert "Traceback" not in page_text(at)
    assert table_snapshot(engine) == rows_before
