"""Vietnamese number formats ("3.600", "97,5%"), parsed strictly and formatted for reports.

Babel's CLDR data for the ``vi`` locale gives "." as the group mark and "," as the decimal mark.
Parsing is strict: a string that is not a well-formed Vietnamese number is an error, so "97.5"
is rejected instead of being read as 975.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from helpers.errors import DataError

LOCALE = "vi"


class VietnameseNumberError(DataError):
    """A string is not a well-formed number in Vietnamese notation."""


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise VietnameseNumberError(f"expected text, got {type(text).__name__}: {text!r}")
    return text.replace("\xa0", " ").strip()


def parse_vn_number(text: str) -> Decimal:
    """Parse "3.600" -> 3600, "97,5" -> 97.5; reject "97.5", "1.2.3", "", "3 600".

    Raises:
        VietnameseNumberError: with the offending text and Babel's suggestion.
    """
    cleaned = _clean(text)
    if not cleaned or cleaned.startswith(("+", "-")) and not cleaned[1:2].isdigit():
        raise VietnameseNumberError(f"not a Vietnamese number: {text!r}")
    try:
        return parse_decimal(cleaned, locale=LOCALE, strict=True)
    except NumberFormatError as exc:
        raise VietnameseNumberError(f"not a Vietnamese number: {text!r} ({exc})") from None


def parse_vn_percent(text: str) -> Decimal:
    """Parse "97,5%" or "97,5 %" -> 97.5 (percent points, not a fraction)."""
    cleaned = _clean(text)
    if not cleaned.endswith("%"):
        raise VietnameseNumberError(f"not a Vietnamese percentage (no '%'): {text!r}")
    return parse_vn_number(cleaned[:-1])


def _pattern(decimals: int | None) -> str | None:
    if decimals is None:
        return None
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_vn_number(value: float | Decimal, decimals: int | None = None) -> str:
    """Format 1395 -> "1.395", 97.5 -> "97,5"; ``decimals`` fixes the number of decimals.

    Without ``decimals`` the value is shown with up to three decimals and no trailing zeros,
    which is how the articles print their figures.
    """
    return format_decimal(value, format=_pattern(decimals), locale=LOCALE)


def format_vn_percent(value: float | Decimal, decimals: int | None = None) -> str:
    """Format 97.5 -> "97,5%" (the value is in percent points)."""
    return format_vn_number(value, decimals) + "%"


ZERO_IN_WORDS = re.compile(r"\b(không|chưa)\s+có\b|\bkhông\b[^.;:]*\bnào\b", re.IGNORECASE)


def printed_in(quote: str, value: float) -> bool:
    """True when the quote prints the value: as a Vietnamese number with or without its thousands
    mark ("3.347", "3347"), zero-padded ("05", "01/85"), as the X or Y of a fraction "X/Y", in
    thousands ("57 ngàn"), or, for zero, in words ("không có … nào")."""
    forms = {format_vn_number(value), format_vn_number(value).replace(".", "")}  # 3.347 or 3347
    if value >= 1000 and value % 100 == 0:  # "57 ngàn", "2,5 nghìn"
        forms |= {f"{format_vn_number(value / 1000)} {word}" for word in ("ngàn", "nghìn")}
    shown = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    if re.search(rf"(?<![\d.,])0*(?:{shown})(?![\d]|[.,]\d)", quote):
        return True
    return value == 0 and bool(ZERO_IN_WORDS.search(quote))
