"""`python -m data_access init | seed | summary` on a new SQLite file and a new PostgreSQL DB.

The first test runs `seed` as a real process, as a shell user does, twice (the second refused);
everything else calls the same entry point (data_access.cli.main) in this process, with the same
parser and messages.
"""

from __future__ import annotations

import json

import pytest

from data_access.cli import main
from tests.cli_helpers import run_in_process, run_process


def test_init_seed_summary_and_a_refused_second_seed(database_factory):
    url = database_factory.new_url()
    assert run_in_process(url, "init").returncode == 0
    empty = json.loads(run_in_process(url, "summary").stdout)
    assert empty["communes"] == 0 and empty["reports"] == 0 and empty["latest_as_of"] is None

    seeded = run_process(url, "seed")
    assert seeded.returncode == 0, seeded.stderr
    summary = json.loads(run_in_process(url, "summary").stdout)
    assert summary["provinces"] == 1
    assert summary["communes"] == 102
    assert summary["indicators"] == 10
    assert summary["target_groups"] == 5
    assert summary["villages"] > 300
    assert summary["reports"] > 0
    assert summary["latest_as_of"] == "2026-11-16"

    again = run_process(url, "seed")
    assert again.returncode != 0
    assert "--force" in again.stderr and "Cơ sở dữ liệu đã có dữ liệu" in again.stderr
    assert "Traceback" not in again.stderr
    assert json.loads(run_in_process(url, "summary").stdout) == summary


@pytest.mark.parametrize(
    "command",
    [
        ["summary"],
        ["batches"],
        ["template", "--as-of", "2026-11-16"],
        ["import-reports", "sample_data/agencies.csv"],
        ["import-boundaries", "sample_data/boundaries.geojson"],
        ["rollback", "1"],
    ],
)
def test_an_uninitialised_database_says_to_run_init(database_factory, command, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_factory.new_url())
    assert main(command) == 2
    answer = capsys.readouterr()
    assert "python -m data_access init" in answer.err
    assert "Traceback" not in answer.err + answer.out
