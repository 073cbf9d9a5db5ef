"""Resource limits: the 1.6 KB XLSX that declares A1:XFD2000 is refused by a process that
stays small (it cost 1.2 GB when openpyxl padded rows to the declared width)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from data_access.settings import PROJECT_ROOT
from tests.file_builders import dimension_bomb

# Peak memory the importing process may reach: Python with pandas, SQLAlchemy and openpyxl
# loaded is about 140 MB; the bomb must add little to it.
PEAK_MEMORY_MB = 200
# Runs the command in a child and prints the child's exit code, output and peak memory.
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "out": done.stdout + done.stderr, "peak_kb": peak_kb}))
"""


def _measured(url: str, *args: str) -> dict:
    command = [sys.executable, "-m", "data_access", *args]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=PROJECT_ROOT,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory) -> str:
    from data_access.engine import create_db_engine
    from data_access.migrate import upgrade_to_head

    url = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'empty.db'}"
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    return url


def test_the_bomb_is_small_on_disk():
    assert len(dimension_bomb()) < 1700


@pytest.mark.parametrize(
    ("far_cell", "code", "vi", "en"),
    [
        (True, 1, "có giá trị ở cột XFD", "there is a value in column XFD"),
        # Without the far cell it reads as the two rows it holds (which lack columns).
        (False, 1, "thiếu cột «indicator_code»", "column «indicator_code» is missing"),
    ],
)
def test_a_dimension_bomb_costs_little_memory(sqlite_url, tmp_path, far_cell, code, vi, en):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(dimension_bomb(far_cell=far_cell))
    result = _measured(sqlite_url, "import-reports", str(path), "--dry-run")
    assert result["code"] == code, result["out"]
    assert vi in result["out"] and en in result["out"] and "Traceback" not in result["out"]
    assert result["peak_kb"] / 1024 < PEAK_MEMORY_MB, result["peak_kb"]
