"""Imports run one way: pages → ui → figures / charts / reports → campaign / data_access → i18n.

Each package may import only the packages below it (and itself); figures/ never imports
Streamlit, and nothing in charts/ or reports/ imports ui/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from data_access.settings import PROJECT_ROOT

ALLOWED = {
    "pages": {"ui", "figures", "charts", "i18n"},
    "app": {"ui", "data_access", "i18n"},
    "server": {"signin", "data_access"},
    "signin": {"data_access", "i18n"},
    "ui": {"figures", "charts", "reports", "campaign", "data_access", "i18n", "signin"},
    "figures": {"campaign", "data_access", "i18n"},
    "charts": {"campaign", "i18n"},
    "reports": {"figures", "charts", "campaign", "data_access", "i18n"},
    "data_access": {"campaign", "i18n"},
    "campaign": set(),
    "i18n": set(),
    # Processes and configuration only: it runs the app and data_access as commands.
    "deploy": set(),
}
OURS = set(ALLOWED) | {"sample_data", "benchmarks", "tests"}
STREAMLIT_FREE = (
    "figures",
    "charts",
    "reports",
    "campaign",
    "data_access",
    "i18n",
    "signin",
    "deploy",
)


def _package(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).parts[0].removesuffix(".py")


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


FILES = sorted(
    path
    for package in ALLOWED
    for path in (
        [PROJECT_ROOT / f"{package}.py"]
        if (PROJECT_ROOT / f"{package}.py").exists()
        else (PROJECT_ROOT / package).rglob("*.py")
    )
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_imports_run_one_way(path):
    package = _package(path)
    ours = _imported(path) & OURS
    assert ours - ALLOWED[package] - {package} == set()
    if package in STREAMLIT_FREE:
        assert "streamlit" not in _imported(path)
