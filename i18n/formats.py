"""The one formatter of numbers, dates and signed changes, as each language writes them.

Vietnamese: 1.234,5 · 83,9 % · dd/mm/yyyy; English: 1,234.5 · 83.9% · yyyy-mm-dd. Screens,
tables, chart labels, the PDF brief and messages all format through here.
"""

from __future__ import annotations

import math
from datetime import date

from i18n import translate

# A signed change is written with the true minus sign (U+2212), the way print sets it; an
# unchanged value is "±0" so it is never read as a rise.
MINUS, PLUS, UNCHANGED = "\u2212", "+", "±"


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' missing markers."""
    if value is None:
        return True
    try:
        return bool(math.isnan(float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) in ("NaT", "<NA>", "nan")


def format_number(value: float | None, lang: str, *, decimals: int = 0) -> str:
    """`value` with thousands separators in the language's style; "—" when missing."""
    if is_missing(value):
        return "—"
    text = f"{float(value):,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":  # -0.0 rounds to "0", never "-0"
        text = text.lstrip("-")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text.replace("-", MINUS)


def format_percent(value: float | None, lang: str, *, decimals: int = 1) -> str:
    """A percentage (already ×100): "87,5 %" in Vietnamese, "87.5%" in English."""
    text = format_number(value, lang, decimals=decimals)
    if text == "—":
        return text
    return f"{text}\u00a0%" if lang == "vi" else f"{text}%"


def format_date(value: date | None, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ISO yyyy-mm-dd in English; "—" when missing."""
    if is_missing(value) or not hasattr(value, "strftime"):
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def format_value(value: float | None, unit: str, lang: str) -> str:
    """An indicator value in its unit: percent with one decimal, counts whole."""
    if unit == "percent":
        return format_percent(value, lang)
    return format_number(value, lang)


def format_signed(value: float | None, lang: str, *, decimals: int = 0) -> str | None:
    """A signed number: "+1,2", "−1,2", "±0" (zero at the shown precision); None if missing."""
    if is_missing(value):
        return None
    shown = round(float(value), decimals)
    if shown == 0:
        return UNCHANGED + format_number(0, lang, decimals=decimals)
    sign = PLUS if shown > 0 else MINUS
    return sign + format_number(abs(shown), lang, decimals=decimals)


def format_change(change: float | None, unit: str, lang: str) -> str | None:
    """A change in an indicator's unit: "+4,3 điểm %" for percents, "−1.234" for counts."""
    if unit == "percent":
        text = format_signed(change, lang, decimals=1)
        return None if text is None else f"{text} {translate('tile.points', lang)}"
    return format_signed(change, lang)


def change_direction(change: float | None, *, decimals: int = 1) -> str:
    """ "up", "down" or "off" (no change at the shown precision, or unknown)."""
    if is_missing(change) or round(float(change), decimals) == 0:
        return "off"
    return "up" if change > 0 else "down"


def change_colour(change: float | None, direction: str, *, decimals: int = 1) -> str:
    """ "green" for a change the right way, "red" for the wrong way, "gray" for none.

    `direction` is the indicator's: "higher" (a rise is good) or "lower" (a fall is good).
    """
    moved = change_direction(change, decimals=decimals)
    if moved == "off":
        return "gray"
    good = (moved == "up") == (direction != "lower")
    return "green" if good else "red"


# A symbol beside every status word, so status never rests on colour alone (colour-blind eyes,
# washed-out projectors); every common font has these (⏱ is missing in many, hence ◷).
STATUS_SYMBOLS = {
    "on_track": "✔",
    "at_risk": "▲",
    "behind": "✖",
    "stale": "◷",
    "no_data": "∅",
}


def status_word(status: object, lang: str) -> str:
    """The catalogue word of a status key ("—" when missing)."""
    return translate(f"status.{status}", lang) if isinstance(status, str) else "—"


def status_label(status: object, lang: str) -> str:
    """A status as its symbol and word, e.g. "✔ Đúng tiến độ" ("—" when missing)."""
    if not isinstance(status, str):
        return "—"
    return f"{STATUS_SYMBOLS[status]} {status_word(status, lang)}"
