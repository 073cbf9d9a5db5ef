"""Every kind of file commune staff really send, through the command line on SQLite and
PostgreSQL: a message in Vietnamese and English naming the file, row or column, the right exit
code, never a traceback, and not one table changed."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from data_access.accounts.actors import Actor
from data_access.cli import main
from data_access.importers.register import import_localities
from tests.cli_helpers import run_process
from tests.file_builders import FIRST_SHEET, dimension_bomb, patch_member, xlsx_bytes
from tests.import_helpers import csv_bytes, table_snapshot

pytestmark = pytest.mark.xdist_group("import-bad-files")

REPORT_HEADER = ["commune_code", "indicator_code", "as_of", "numerator", "denominator", "note"]
GOOD_ROW = ["40001", "CT01", dt.datetime(2026, 11, 18), 590, 597, ""]


def _xlsx(*rows, sheets=None) -> bytes:
    return xlsx_bytes(*(sheets or [("bao_cao", [REPORT_HEADER, *rows])]))


def _dates_only() -> bytes:
    return _xlsx(GOOD_ROW, ["40002", "CT01", dt.datetime(2026, 11, 18), 1, 2, ""])


def _serials_only() -> bytes:
    return _xlsx(["40001", "CT01", 46344, 590, 597, ""], ["40002", "CT01", 46344, 1, 2, ""])


def _formula() -> bytes:
    return _xlsx(["40001", "CT01", dt.datetime(2026, 11, 18), "=E2-7", 597, ""])


def _inf_cell() -> bytes:
    data = _xlsx(["40001", "CT01", dt.datetime(2026, 11, 18), 590.5, 597, ""])
    return patch_member(data, FIRST_SHEET, b"<v>590.5</v>", b"<v>inf</v>")


def _old_date() -> bytes:
    return _xlsx(["40001", "CT01", dt.datetime(1900, 1, 1), 590, 597, ""])


def _far_date() -> bytes:
    return _xlsx(["40001", "CT01", dt.datetime(9999, 12, 31), 590, 597, ""])


def _second_sheet() -> bytes:
    return xlsx_bytes(("Trang 1", []), ("Số liệu", [REPORT_HEADER, GOOD_ROW]))


def _partly_filled() -> bytes:
    return csv_bytes(
        "40001,CT01,2026-11-18,590,597,", "40002,CT01,2026-11-18,,,", "40003,CT01,2026-11-18,,,"
    )


def _cp1258() -> bytes:
    return csv_bytes("40001,CT01,2026-11-18,590,597,Đông Hòa").decode().encode("cp1258", "replace")


def _utf16() -> bytes:
    return codecs.BOM_UTF16_LE + csv_bytes("40001,CT01,2026-11-18,590,597,").decode().replace(
        ",", "\t"
    ).encode("utf-16-le")


CASES = [
    # (id, command, file name, bytes, extra args, env, exit code, Vietnamese, English)
    (
        "xlsx-date-cells",
        "import-reports",
        "d.xlsx",
        _dates_only,
        ["--dry-run", "--allow-decrease"],
        {},
        0,
        "Chạy thử: hợp lệ; sẽ thêm 2",
        "Dry run: valid; would add 2",
    ),
    (
        "xlsx-serials",
        "import-reports",
        "s.xlsx",
        _serials_only,
        ["--dry-run", "--allow-decrease"],
        {},
        0,
        "Chạy thử: hợp lệ; sẽ thêm 2",
        "Dry run: valid; would add 2",
    ),
    (
        "partly-filled-template",
        "import-reports",
        "t.csv",
        _partly_filled,
        ["--dry-run", "--allow-decrease"],
        {},
        0,
        "2 dòng để trống",
        "2 rows left empty",
    ),
    (
        "utf16-bom",
        "import-reports",
        "u.txt",
        _utf16,
        ["--dry-run", "--allow-decrease"],
        {},
        0,
        "sẽ thêm 1",
        "would add 1",
    ),
    (
        "windows-1258",
        "import-reports",
        "cp.csv",
        _cp1258,
        [],
        {},
        1,
        "Tệp «cp.csv»: dòng 2: tệp không phải UTF-8",
        "File «cp.csv»: row 2: the file is not UTF-8",
    ),
    (
        "duplicate-header",
        "import-reports",
        "dup.csv",
        lambda: csv_bytes(
            "40001,CT01,2026-11-18,1,2,,3", header=",".join([*REPORT_HEADER, "numerator"])
        ),
        [],
        {},
        1,
        "cột «numerator» có hai lần",
        "column «numerator» appears twice",
    ),
    (
        "data-on-second-sheet",
        "import-reports",
        "two.xlsx",
        _second_sheet,
        [],
        {},
        1,
        "«Trang 1», «Số liệu»",
        "Choose one with --sheet NAME",
    ),
    (
        "uncached-formula",
        "import-reports",
        "f.xlsx",
        _formula,
        [],
        {},
        1,
        "công thức «=E2-7»",
        "the formula «=E2-7» without a computed value",
    ),
    (
        "inf-number-cell",
        "import-reports",
        "inf.xlsx",
        _inf_cell,
        [],
        {},
        1,
        "Dòng 2, cột «numerator», giá trị «inf»",
        "the cell cannot be read as a number",
    ),
    (
        "date-1900",
        "import-reports",
        "old.xlsx",
        _old_date,
        [],
        {},
        1,
        "ngày nằm ngoài khoảng cho phép",
        "the date is outside the accepted range",
    ),
    (
        "date-9999",
        "import-reports",
        "far.xlsx",
        _far_date,
        [],
        {},
        1,
        "giá trị «9999-12-31»",
        "the date is outside the accepted range",
    ),
    (
        "nul-in-cell",
        "import-reports",
        "nul.csv",
        lambda: csv_bytes("40001,CT01,2026-11-18,590,597,a\x00b"),
        [],
        {},
        1,
        "ký tự điều khiển (U+0000)",
        "holds a control character (U+0000)",
    ),
    (
        "control-in-file-name",
        "import-reports",
        "bao\x1bcao.csv",
        lambda: csv_bytes("40001,CT01,2026-11-18,590,597,"),
        [],
        {},
        1,
        "tên tệp có ký tự điều khiển",
        "the file name holds a control character",
    ),
    (
        "name-too-long",
        "import-localities",
        "dm.csv",
        lambda: csv_bytes("40001," + "X" * 201 + ",xa,99", header="code,name,kind,parent_code"),
        [],
        {},
        1,
        "dài 201 ký tự, tối đa 200",
        "is 201 characters long, at most 200",
    ),
    (
        "agency-name-too-long",
        "import-agencies",
        "ag.csv",
        lambda: csv_bytes("SKHCN,Sở," + "E" * 250, header="code,name_vi,name_en"),
        [],
        {},
        1,
        "Dòng 2, cột «name_en»",
        "is 250 characters long, at most 200",
    ),
    (
        "dimension-bomb",
        "import-reports",
        "bomb.xlsx",
        dimension_bomb,
        [],
        {},
        1,
        "có giá trị ở cột XFD",
        "there is a value in column XFD",
    ),
    (
        "above-size-limit",
        "import-reports",
        "big.csv",
        _partly_filled,
        [],
        {"DASHBOARD_IMPORT_MAX_BYTES": "50"},
        1,
        "vượt giới hạn 50 byte",
        "above the limit of 50 bytes",
    ),
    (
        "too-many-rows",
        "import-reports",
        "rows.csv",
        _partly_filled,
        [],
        {"DASHBOARD_IMPORT_MAX_ROWS": "2"},
        1,
        "hơn 2 dòng dữ liệu",
        "more than 2 data rows",
    ),
    (
        "too-many-cells",
        "import-populations",
        "cells.csv",
        lambda: csv_bytes("40001,CBCCVC,2026-01-01,600", header="ma_xa,ma_nhom,ngay,dan_so"),
        [],
        {"DASHBOARD_IMPORT_MAX_CELLS": "3"},
        1,
        "hơn 3 ô có dữ liệu",
        "more than 3 non-empty cells",
    ),
    (
        "not-whole-people",
        "import-reports",
        "half.csv",
        lambda: csv_bytes("40001,CT01,2026-11-18,590.5,597,"),
        [],
        {},
        1,
        "cần một số nguyên",
        "a whole number is expected",
    ),
    (
        "more-people-than-registered",
        "import-reports",
        "many.csv",
        lambda: csv_bytes("40001,CT07,2026-11-18,5000000,,"),
        [],
        {},
        1,
        "lớn hơn 100 lần dân số đăng ký",
        "more than 100 times the registered population",
    ),
    (
        "percent-target-above-100",
        "import-targets",
        "tg.csv",
        lambda: csv_bytes(
            "CT01,GD2-2026,,95,120",
            header="indicator_code,stage_code,locality_code,baseline,target",
        ),
        [],
        {},
        1,
        "tỷ lệ phần trăm vượt 100",
        "a percentage above 100",
    ),
    (
        "commune-of-another-province",
        "import-reports",
        "other.csv",
        lambda: csv_bytes("98001,CT01,2026-11-18,5,9,"),
        [],
        {},
        1,
        "tỉnh 98 của xã/phường này chưa có chiến dịch",
        "province 98 of this commune has no campaign",
    ),
    (
        "outside-the-stage-province",
        "import-reports",
        "other.csv",
        lambda: csv_bytes("98001,CT01,2026-11-18,5,9,"),
        ["--stage", "GD2-2026"],
        {},
        1,
        "thuộc tỉnh 98, không thuộc tỉnh của chiến dịch (99)",
        "not to the campaign's province (99)",
    ),
]


@pytest.fixture(scope="module")
def province(database_factory, demo_data):
    """The demo province plus a second province (98) without a campaign; shared, read only."""
    engine = database_factory.new_seeded_engine(demo_data)
    register = csv_bytes(
        "98,Tỉnh Khác,tinh,", "98001,Xã Khác,xa,98", header="code,name,kind,parent_code"
    )
    assert (
        import_localities(engine, register, "dm.csv", actor=Actor(name="setup")).status
        == "committed"
    )
    return engine


@pytest.fixture(scope="module")
def before(province):
    """Every row of `province` before any test here ran: each test leaves it so."""
    return table_snapshot(province)


def _cli(engine, monkeypatch, capsys, args, env) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    ("command", "name", "build", "extra", "env", "exit_code", "vi", "en"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_a_file_as_staff_send_it_gets_a_message_and_changes_nothing(
    province,
    before,
    monkeypatch,
    capsys,
    tmp_path,
    command,
    name,
    build,
    extra,
    env,
    exit_code,
    vi,
    en,
):
    path = tmp_path / name
    path.write_bytes(build())
    code, output = _cli(province, monkeypatch, capsys, [command, str(path), *extra], env)
    assert code == exit_code, output
    assert vi in output and en in output, output
    assert "Traceback" not in output
    assert table_snapshot(province) == before


@pytest.mark.parametrize(
    ("target", "key_vi", "key_en"),
    [
        ("missing.csv", "không tìm thấy tệp", "the file does not exist"),
        (".", "đây là một thư mục", "this is a folder, not a file"),
    ],
)
def test_a_missing_file_or_a_folder_exits_2_with_a_message(
    province, before, monkeypatch, capsys, tmp_path, target, key_vi, key_en
):
    code, output = _cli(
        province, monkeypatch, capsys, ["import-reports", str(tmp_path / target)], {}
    )
    assert code == 2 and key_vi in output and key_en in output
    assert table_snapshot(province) == before


def test_no_traceback_reaches_the_terminal(province, tmp_path):
    """The same through a real process, for the two errors a shell user meets first."""
    url = province.url.render_as_string(hide_password=False)
    for target in (tmp_path / "nowhere.csv", tmp_path):
        done = run_process(url, "import-populations", str(target))
        assert done.returncode == 2 and "Traceback" not in done.stderr + done.stdout
        assert " / File «" in done.stderr
