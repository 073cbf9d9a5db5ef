"""`python -m data_access check`: what a province has and lacks in loading order, and the
empty template of every kind."""

from __future__ import annotations

import io

import openpyxl
import pytest

from data_access.cli import main
from data_access.importers.headers import map_headers
from data_access.importers.reading import FileProblem, read_table
from data_access.importers.template_files import CATALOGUE_TEMPLATES, catalogue_template_bytes
from data_access.settings import PROJECT_ROOT
from data_access.setup_check import MISSING, OPTIONAL, PRESENT, fetch_setup_checklist, is_complete

ORDER = [
    "localities",
    "boundaries",
    "agencies",
    "task_groups",
    "target_groups",
    "campaign",
    "indicators",
    "populations",
    "reports",
]


def _run(engine, monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    capsys.readouterr()
    code = main(list(args))
    return code, capsys.readouterr().out


def test_an_empty_database_lacks_everything_in_loading_order(empty_engine, monkeypatch, capsys):
    items = fetch_setup_checklist(empty_engine)
    assert [i.key for i in items] == ORDER
    assert [i.status for i in items] == [MISSING, OPTIONAL] + [MISSING] * 7
    assert not is_complete(items)
    code, out = _run(empty_engine, monkeypatch, capsys, "check")
    assert code == 1 and "8 items are missing" in out and "Còn thiếu 8 mục" in out
    commands = [line.split("data_access ")[1] for line in out.splitlines() if "data_access" in line]
    assert commands[0] == "import-localities FILE" and commands[-1] == "import-reports FILE"
    assert "templates/campaign.csv" in out


def test_the_seeded_demo_is_complete_and_says_it_is_the_demo(seeded_engine, monkeypatch, capsys):
    items = fetch_setup_checklist(seeded_engine)
    assert all(i.status == PRESENT for i in items) and is_complete(items)
    assert items[0].detail == {"provinces": 1, "communes": 102, "villages": 956}
    code, out = _run(seeded_engine, monkeypatch, capsys, "check")
    assert code == 0 and "synthetic demo" in out and "The province has everything" in out


@pytest.mark.parametrize("kind", list(CATALOGUE_TEMPLATES))
def test_committed_templates_are_the_built_ones(kind):
    folder = PROJECT_ROOT / "templates"
    assert (folder / f"{kind}.csv").read_bytes() == catalogue_template_bytes(kind, "csv")
    committed = openpyxl.load_workbook(folder / f"{kind}.xlsx")
    built = openpyxl.load_workbook(io.BytesIO(catalogue_template_bytes(kind, "xlsx")))
    for mine, theirs in zip(committed.worksheets, built.worksheets, strict=True):
        assert list(mine.values) == list(theirs.values)
    assert committed.worksheets[0].freeze_panes == "A2"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", list(CATALOGUE_TEMPLATES))
def test_every_template_has_the_columns_its_import_reads(kind, fmt):
    spec, required = CATALOGUE_TEMPLATES[kind]
    data = catalogue_template_bytes(kind, fmt)
    with pytest.raises(FileProblem) as empty:
        read_table(data, f"{kind}.{fmt}")
    assert empty.value.problem.key == "import.empty"
    if fmt == "xlsx":
        header = [c.value for c in openpyxl.load_workbook(io.BytesIO(data)).worksheets[0][1]]
    else:
        header = data.decode("utf-8-sig").splitlines()[0].split(",")
    frame = read_table(
        ("\n".join([",".join(header), ",".join(["1"] * len(header))]) + "\n").encode(), "t.csv"
    )
    _, problems = map_headers(frame, spec, required)
    assert problems == [] and header == list(spec)


def test_templates_command_writes_every_kind(tmp_path):
    assert main(["templates", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{kind}.{fmt}" for kind in CATALOGUE_TEMPLATES for fmt in ("csv", "xlsx")
    )
