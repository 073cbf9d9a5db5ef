"""Settings are declared once: the README's configuration table lists exactly SETTINGS."""

from __future__ import annotations

import re
from pathlib import Path

from data_access.settings import SETTINGS, load_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def _configuration_rows() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z_]+)` \| (?:`([^`]*)`|\(empty\)) \|", section, re.M)
    return {name: default for name, default in rows}


def test_readme_configuration_table_lists_exactly_the_settings():
    assert _configuration_rows() == {name: default for name, default, _ in SETTINGS}


def test_every_setting_has_help_and_parses_its_default():
    assert all(help_text.strip() for _, _, help_text in SETTINGS)
    settings = load_settings({})
    assert settings.import_max_rows == 200_000 and settings.max_percent_target == 100


def test_limits_come_from_the_environment():
    settings = load_settings({"DASHBOARD_IMPORT_MAX_ROWS": "10", "DASHBOARD_MAX_PER_PERSON": "3"})
    assert settings.import_max_rows == 10 and settings.max_per_person == 3
