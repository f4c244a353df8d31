"""Vietnamese number formats ("3.600", "97,5%"), parsed strictly and formatted for reports.

Babel's CLDR data for the ``vi`` locale gives "." as the group mark and "," as the decimal mark.
Parsing is strict: a string that is not a well-formed Vietnamese number is an error, so "97.5"
is rejected instead of being read as 975.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from functools import cache, lru_cache

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


# A number in a data file: ASCII digits with an optional "." and decimals, nothing else (no sign,
# exponent, underscore, inf, nan, grouping or non-ASCII digit), at most DATA_NUMBER_MAX.
DATA_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
DATA_NUMBER_MAX = 999_999_999  # counts of organizations and members stay far below a billion
DATA_NUMBER_RULE = (
    "type '{kind}': plain digits 0-9 with an optional '.' and decimals"
    " (no sign, exponent, '_', inf, nan or non-ASCII digit)"
)
DATA_NUMBER_RANGE = f"range '0..{DATA_NUMBER_MAX}'"


# Two ways a number is written in prose that a data file must not use (each has its own rule).
GROUPED = re.compile(r"\d{1,3}(\.\d{3})+").fullmatch  # 3.600: a thousands mark
COMMA_DECIMAL = re.compile(r"-?\d+,\d+").fullmatch  # 97,5: a decimal comma


class DataNumberError(DataError):
    """A cell of a number column that is not a plain decimal in range; the message is the rule."""


def data_number_rule(text: str, kind: str = "number") -> str | None:
    """The rule a number cell of a data file breaks, or None: the one test that validation and
    the loaders share (so a loader can never accept what validation refuses)."""
    if not isinstance(text, str) or DATA_NUMBER.fullmatch(text) is None:
        return DATA_NUMBER_RULE.format(kind=kind)
    whole = text.partition(".")[0].lstrip("0")
    if len(whole) > len(str(DATA_NUMBER_MAX)) or Decimal(text) > DATA_NUMBER_MAX:
        return DATA_NUMBER_RANGE
    return None


def parse_data_number(text: str, kind: str = "number") -> Decimal:
    """Parse a number cell of a data file ("3600", "97.5") exactly.

    Raises:
        DataNumberError: naming the rule the text breaks (see :func:`data_number_rule`).
    """
    rule = data_number_rule(text, kind)
    if rule is not None:
        raise DataNumberError(f"value {str(text)[:60]!r} breaks {rule}")
    return Decimal(text)


def _pattern(decimals: int | None) -> str | None:
    if decimals is None:
        return None
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def format_vn_number(value: float | Decimal, decimals: int | None = None) -> str:
    """Format 1395 -> "1.395", 97.5 -> "97,5"; ``decimals`` fixes the number of decimals.

    Without ``decimals`` the value is shown with up to three decimals and no trailing zeros,
    which is how the articles print their figures. The digits are Babel's ``vi`` pattern
    (``#,##0.###``, half-even rounding) worked out here with exact decimals, so any finite value
    formats, however large; a non-finite one raises :class:`VietnameseNumberError`.
    """
    if type(value) in (int, float) and value > 0:  # no -0.0 here: it prints as "-0"
        return _format_positive(value, decimals)
    return _format(value, decimals)


@lru_cache(maxsize=65536)
def _format_positive(value: float, decimals: int | None) -> str:
    shown = repr(value)
    if "e" in shown or "n" in shown:  # an exponent, inf or nan: the exact-decimal path says
        return _format(value, decimals)
    whole, _, fraction = shown.partition(".")
    if decimals is None:
        if len(fraction) > 3:
            return _format(value, decimals)
        fraction = fraction.rstrip("0")  # exact as printed (at most three decimals)
    elif decimals >= 0:
        # Half-even on the printed digits, as _format's Decimal(repr) quantize does, in integers:
        # shares take this path thousands of times a report, each value distinct.
        fraction = fraction.ljust(decimals, "0")
        kept, tail = int(whole + fraction[:decimals]), fraction[decimals:]
        if tail and (tail[0] > "5" or (tail[0] == "5" and (tail[1:].strip("0") or kept % 2))):
            kept += 1
        digits = str(kept).rjust(decimals + 1, "0")
        whole, fraction = digits[: len(digits) - decimals], digits[len(digits) - decimals :]
    else:
        return _format(value, decimals)  # the error of a negative number of decimals
    groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)][::-1]
    return ".".join(groups) + ("," + fraction if fraction else "")


_CONTEXT = Context(prec=28)


@cache
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def _format(value: float | Decimal, decimals: int | None = None) -> str:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise VietnameseNumberError(f"not a number to format: {value!r}") from None
    if not number.is_finite():
        raise VietnameseNumberError(f"cannot format a non-finite number: {value!r}")
    places = 3 if decimals is None else decimals
    if places < 0:
        raise VietnameseNumberError(f"decimals must be 0 or more, got {decimals!r}")
    precision = number.adjusted() + places + 2
    # a context of its own only for huge values: entering one costs more than the rounding
    context = _CONTEXT if precision <= _CONTEXT.prec else Context(prec=precision)
    rounded = number.quantize(_quantum(places), rounding=ROUND_HALF_EVEN, context=context)
    rounded = rounded.copy_abs()  # abs() would round again, to the thread's precision
    whole, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0") if decimals is None else fraction
    groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)][::-1]
    return "-" * number.is_signed() + ".".join(groups) + ("," + fraction if fraction else "")


def _format_with_babel(value: float | Decimal, decimals: int | None = None) -> str:
    """Babel's own formatting of a (small, finite) value: what format_vn_number must match."""
    return format_decimal(value, format=_pattern(decimals), locale=LOCALE)


def format_vn_percent(value: float | Decimal, decimals: int | None = None) -> str:
    """Format 97.5 -> "97,5%" (the value is in percent points)."""
    return format_vn_number(value, decimals) + "%"


ZERO_IN_WORDS = re.compile(r"\b(không|chưa)\s+có\b|\bkhông\b[^.;:]*\bnào\b", re.IGNORECASE)


# A number as printed: a digit not preceded by a digit or a mark, then digits, and "." or ","
# followed by a digit. A printed form of a value can only ever match one such token whole.
# (Written as a digit, then the test of the character before it: a pattern that starts with a
# digit lets the regex engine skip to the next digit, several times faster over long texts.)
NUMBER_TOKEN = re.compile(r"\d(?<![\d.,].)(?:\d|[.,](?=\d))*")
TOKEN_OR_NUL = re.compile(r"\0|" + NUMBER_TOKEN.pattern)


def printed_in(quote: str, value: float) -> bool:
    """True when the quote prints the value: as a Vietnamese number with or without its thousands
    mark ("3.347", "3347"), zero-padded ("05", "01/85"), as the X or Y of a fraction "X/Y", in
    thousands ("57 ngàn"), or, for zero, in words ("không có … nào")."""
    forms = _forms(value) if type(value) in (int, float) and value > 0 else _forms_of(value)
    tokens = NUMBER_TOKEN.findall(quote)  # each number printed, zero-padded or not
    if not forms.isdisjoint(tokens):
        return True  # a token without padding prints the value only when it is a form of it
    for token in (t for t in tokens if t[0] == "0"):
        if any(token.endswith(f) and not token[: -len(f)].strip("0") for f in forms):
            return True
    if value >= 1000 and value % 100 == 0 and _in_thousands(value).search(quote):
        return True
    return value == 0 and bool(ZERO_IN_WORDS.search(quote))


def printed_in_all(quotes: list[str], values: list[float]) -> list[bool]:
    """:func:`printed_in` of each (quote, value) pair: the number tokens of all the quotes are
    read in one pass, and only a quote none of whose plain tokens prints its value is tried
    whole (a zero-padded form, thousands, zero in words, or not printed at all)."""
    joined = "\0".join(quotes)  # no token runs across a NUL, as none runs across a quote's end
    hit = [False] * len(quotes)
    if joined.count("\0") == max(len(quotes) - 1, 0):
        forms = [_forms(v) if type(v) in (int, float) and v > 0 else _forms_of(v) for v in values]
        k = 0
        for token in TOKEN_OR_NUL.findall(joined):
            if token == "\0":
                k += 1
            elif token in forms[k]:
                hit[k] = True
    return [h or printed_in(q, v) for h, q, v in zip(hit, quotes, values, strict=True)]


def _forms_of(value: float) -> frozenset[str]:
    """The printed forms of a value: as formatted and without its thousands mark."""
    shown = format_vn_number(value)
    return frozenset((shown, shown.replace(".", "")))  # 3.347 or 3347


_forms = lru_cache(maxsize=65536)(_forms_of)  # for positive floats and ints only (no -0.0)


@lru_cache(maxsize=4096)
def _in_thousands(value: float) -> re.Pattern:
    """The pattern of a value printed in thousands: "57 ngàn", "2,5 nghìn"."""
    forms = {f"{format_vn_number(value / 1000)} {word}" for word in ("ngàn", "nghìn")}
    shown = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,])0*(?:{shown})(?![\d]|[.,]\d)")


def _printed_in_by_one_pattern(quote: str, value: float) -> bool:
    """The reference :func:`printed_in` must agree with (one pattern per value; slow)."""
    forms = {format_vn_number(value), format_vn_number(value).replace(".", "")}
    if value >= 1000 and value % 100 == 0:
        forms |= {f"{format_vn_number(value / 1000)} {word}" for word in ("ngàn", "nghìn")}
    shown = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    if re.search(rf"(?<![\d.,])0*(?:{shown})(?![\d]|[.,]\d)", quote):
        return True
    return value == 0 and bool(ZERO_IN_WORDS.search(quote))
