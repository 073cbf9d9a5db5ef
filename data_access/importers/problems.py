"""Problems found in an imported file: which row, column and value, and what is wrong."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from i18n import translate

ERROR, WARNING = "error", "warning"
# Control characters are shown as U+FFFD in messages, so a NUL or an escape in a cell cannot
# garble the terminal or the page that shows the message.
SHOWN_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def message_text(key: str, lang: str, **values: object) -> str:
    """The importer message `key` in `lang` ("vi" or "en") with its placeholders filled."""
    return translate(key, lang, **values)


@dataclass(frozen=True)
class Problem:
    """One problem: `row` is the row number a spreadsheet shows (the header is row 1);
    `file` names the file when the problem is about the file as a whole."""

    key: str
    severity: str = ERROR
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    file: str | None = None

    def message(self, lang: str) -> str:
        """What is wrong, without the row prefix."""
        return message_text(self.key, lang, **self.params)

    def text(self, lang: str) -> str:
        """The message in one language, prefixed by row, column and value when known."""
        body = message_text(self.key, lang, **self.params)
        if self.file is not None:
            prefix = message_text("import.file_named_prefix", lang, file=self.file)
            if self.row is not None:
                prefix += message_text("import.line_prefix", lang, row=self.row)
        elif self.row is not None:
            prefix = message_text(
                "import.row_prefix", lang, row=self.row, column=self.column, value=self.value
            )
        elif self.key.startswith("import."):
            prefix = message_text("import.file_prefix", lang)
        else:
            prefix = ""
        return prefix + body

    def bilingual(self) -> str:
        """Vietnamese first, then English."""
        return f"{self.text('vi')} / {self.text('en')}"


def display_value(value: object) -> str:
    """A cell value as the user typed it (dates of Excel cells as YYYY-MM-DD)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return SHOWN_CONTROLS.sub("\ufffd", str(value))


def problems_where(
    frame: pd.DataFrame,
    mask: pd.Series,
    key: str,
    column: str,
    *,
    severity: str = ERROR,
    label: str | None = None,
    params: Mapping[str, object] | None = None,
) -> list[Problem]:
    """One problem per row where `mask` holds; params may be Series aligned with `frame`."""
    flagged = frame.index[mask.fillna(False).to_numpy(dtype=bool)]
    problems = []
    for index in flagged:
        values = {
            name: (value.loc[index] if isinstance(value, pd.Series) else value)
            for name, value in (params or {}).items()
        }
        problems.append(
            Problem(
                key=key,
                severity=severity,
                row=int(frame.at[index, "row"]),
                column=label or frame.attrs.get("headers", {}).get(column, column),
                value=display_value(frame.at[index, column]),
                params=values,
            )
        )
    return problems


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors and warnings in file order: by row, then column."""
    return sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.key))


def without_repeats(first: list[Problem], rest: list[Problem]) -> list[Problem]:
    """`first` plus the problems of `rest` about a cell `first` does not already explain."""
    explained = {(p.row, p.column) for p in first}
    return [*first, *(p for p in rest if (p.row, p.column) not in explained)]
