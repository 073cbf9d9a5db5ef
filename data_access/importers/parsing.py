"""Read numbers and dates the way Vietnamese and English spreadsheets write them (vectorised).

Numbers: "1234", "1.234" and "1.234.567" (dot = Vietnamese thousands separator), "1,5" and
"1.234,5" (comma = Vietnamese decimal mark), "1,234,567" and "1,234.5" (English), "1.5"
(a dot not followed by exactly three digits is a decimal point). "1,234" is ambiguous — a
Vietnamese 1.234 or an English 1234 — and is rejected. Spaces inside numbers are ignored.
Dates: YYYY-MM-DD, DD/MM/YYYY (also D/M/YYYY and DD-MM-YYYY), and Excel date cells.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

NOT_A_NUMBER, AMBIGUOUS = "import.not_a_number", "import.ambiguous_number"
# (pattern, characters to delete, decimal mark to turn into "."), tried in this order.
NUMBER_FORMS: tuple[tuple[str, str, str], ...] = (
    (r"-?\d+", "", ""),
    (r"-?\d{1,3}(?:\.\d{3})+", ".", ""),
    (r"-?\d{1,3}(?:,\d{3}){2,}", ",", ""),
    (r"-?\d+\.\d+", "", ""),
    (r"-?\d{1,3}(?:\.\d{3})+,\d+", ".", ","),
    (r"-?\d{1,3}(?:,\d{3})+\.\d+", ",", ""),
    (r"-?\d+,\d+", "", ","),
)
AMBIGUOUS_FORM = r"-?\d{1,3},\d{3}"
# Excel stores dates as days since 1899-12-30; serials in this range are plausible report dates.
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (36526, 73051)  # 2000-01-01 .. 2099-12-31
# Dates a campaign file may hold: a date cell in 1900 (Excel's day 1) or 9999 is a typo or an
# unset cell, never a report, a population count or a stage.
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2099, 12, 31)


def _is_blank(values: pd.Series) -> pd.Series:
    return values.isna() | (values.astype(str).str.strip() == "")


def blank_mask(values: pd.Series) -> pd.Series:
    """True where a cell is empty."""
    return _is_blank(values)


def parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numbers as float, problem key per cell: "" when fine or blank)."""
    result = pd.Series(float("nan"), index=values.index, dtype=float)
    problem = pd.Series("", index=values.index, dtype=object)
    is_number = values.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool))
    finite = is_number & values.map(lambda v: not isinstance(v, float) or math.isfinite(v))
    result[finite] = values[finite].astype(float)
    problem[is_number & ~finite] = NOT_A_NUMBER
    text = (
        values[~is_number & ~_is_blank(values)]
        .astype(str)
        .str.replace(r"[\s\u00a0]", "", regex=True)
    )
    ambiguous = text.str.fullmatch(AMBIGUOUS_FORM).astype(bool)
    problem[text.index[ambiguous]] = AMBIGUOUS
    pending = text[~ambiguous]
    # Each form is tried on the cells no earlier form matched (most files: whole numbers only).
    for pattern, delete, decimal in NUMBER_FORMS:
        if pending.empty:
            break
        match = pending.str.fullmatch(pattern).astype(bool)
        cleaned = pending[match]
        if delete:
            cleaned = cleaned.str.replace(delete, "", regex=False)
        if decimal:
            cleaned = cleaned.str.replace(decimal, ".", regex=False)
        result[cleaned.index] = cleaned.astype(float)
        pending = pending[~match]
    problem[pending.index] = NOT_A_NUMBER
    return result, problem


def _cell_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1] and float(value).is_integer():
            return EXCEL_EPOCH + pd.Timedelta(days=int(value))
    return None


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(dates as `datetime.date` or None, True where a non-blank cell is not a date)."""
    values = values.astype(object)  # a column of only date cells or only serials is typed
    result = pd.Series(None, index=values.index, dtype=object)
    is_text = values.map(lambda v: isinstance(v, str))
    cells = values[~is_text].map(_cell_date)
    result[cells.index] = cells
    text = values[is_text].astype(str).str.strip()
    text = text.str.replace(r"\s+00:00:00$", "", regex=True)
    iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    dmy = pd.to_datetime(
        text.str.replace("-", "/", regex=False), format="%d/%m/%Y", errors="coerce"
    )
    parsed = iso.fillna(dmy)
    good = parsed.notna()
    result[parsed[good].index] = [stamp.date() for stamp in parsed[good]]
    bad = result.isna() & ~_is_blank(values)
    return result, bad


def outside_date_range(dates: pd.Series) -> pd.Series:
    """True where a parsed date lies outside FIRST_DATE..LAST_DATE."""
    return dates.map(lambda d: isinstance(d, date) and not FIRST_DATE <= d <= LAST_DATE)
