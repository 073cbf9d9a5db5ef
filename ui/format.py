"""Numbers and dates as each language writes them (vi: 1.234,5 and dd/mm/yyyy)."""

from __future__ import annotations

import math
from datetime import date


def format_number(value: float | None, lang: str, *, decimals: int = 0) -> str:
    """`value` with thousands separators in the language's style; "—" when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(value: float | None, lang: str, *, decimals: int = 1) -> str:
    """A percentage (already ×100) such as "87,5%"."""
    text = format_number(value, lang, decimals=decimals)
    return text if text == "—" else f"{text}%"


def format_date(value: date | None, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ISO yyyy-mm-dd in English; "—" when missing."""
    if value is None:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def format_value(value: float | None, unit: str, lang: str) -> str:
    """An indicator value in its unit: percent with one decimal, counts whole."""
    if unit == "percent":
        return format_percent(value, lang)
    return format_number(value, lang)
