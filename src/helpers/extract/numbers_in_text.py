"""The numbers of an article that may be figures, read the way Vietnamese prose prints them.

A number is a candidate for a figure only when no mask covers it (see
:mod:`helpers.extract.prepare`); the others are kept with the rule that declined them. Values
are parsed with :func:`helpers.data.numbers.parse_vn_number` ("3.600" is three thousand six
hundred, "97,5" is ninety-seven and a half), so the engine only ever sees exact decimals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from helpers.data.numbers import VietnameseNumberError, parse_vn_number
from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract.records import Token


def find_numbers(
    text: str, cover: Sequence[str | None]
) -> tuple[list[Token], list[tuple[str, str]]]:
    """Numbers not covered by a mask, and the declined ones with their rule."""
    tokens = _fractions(text, cover)
    taken = {i for tok in tokens for i in range(tok.start, tok.end)}
    numbers, declined = _numbers(text, cover, taken)
    numbers += _wholes_after_parts(text, cover, taken)
    numbers += _ranges(text, cover)
    zeros = [
        Token(m.start(), m.end(), m.end(), m.group(), Decimal(0), "count")
        for m in F.ZERO_IN_WORDS.finditer(text)
    ]
    return sorted(tokens + numbers + zeros, key=lambda t: t.start), declined


def _rule_over(cover: Sequence[str | None], start: int, end: int) -> str | None:
    """The first mask rule over ``start:end``, or None when the span is not masked."""
    return next((cover[i] for i in range(start, end) if cover[i]), None)


def _fractions(text: str, cover: Sequence[str | None]) -> list[Token]:
    """ "05/85": a part written over its whole, when unmasked ("8/7", a result over its target,
    is kept for lists; :func:`helpers.extract.candidates.figure` makes no part of it)."""
    tokens: list[Token] = []
    for m in P.FRACTION.finditer(text):
        if _rule_over(cover, m.start(), m.end()):
            continue
        if P.YEAR_WHOLE.fullmatch(m.group("den")):
            continue  # "năm học 2019/2020", "Nghị quyết 15/2021": never a part of a whole
        try:
            value, whole = parse_vn_number(m.group("num")), parse_vn_number(m.group("den"))
        except VietnameseNumberError:
            continue
        if whole == 0:
            continue
        if whole <= 4 and _PROPORTION_AFTER.match(text, m.end()):
            continue  # "hơn 1/3 số đảng viên": a proportion, no count of anything

        tokens.append(Token(m.start(), m.end(), m.end(), m.group(), value, "count", whole))
    return tokens


def _wholes_after_parts(text: str, cover: Sequence[str | None], taken: set[int]) -> list[Token]:
    """ "kết nạp được 121 đảng viên người dân tộc thiểu số/147 đảng viên kết nạp mới": the whole
    after the slash, which :data:`~helpers.extract.patterns.NUMBER` skips (a slash before a
    number is mostly a code's); it is read like any count with its noun."""
    tokens = []
    for m in P.WHOLE_AFTER_PART.finditer(text):
        start, end = m.span("num")
        if start in taken or _rule_over(cover, start, end):
            continue
        try:
            value = parse_vn_number(m.group("num"))
        except VietnameseNumberError:
            continue
        tokens.append(Token(start, end, end, m.group("num"), value, "count"))
    return tokens


#: "từ 3 - 4%", "từ 1.500 đến 1.600 đảng viên": a range, which the masks decline as a number.
_RANGE = re.compile(
    r"\btừ\s+(?P<low>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?:[\-–]|\bđến\b|\btới\b)\s*"
    r"(?P<high>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
    # a share, or a count of people ("từ 18 đến 30 tuổi" is an age, no count)
    r"(?:(?P<pct>\s*%)|(?=\s*(?:[,;.)]|$|(?:đảng viên|đv|quần chúng|đồng chí|người)\b)))",
    re.IGNORECASE,
)


def _ranges(text: str, cover: Sequence[str | None]) -> list[Token]:
    """A range "từ A - B" read as its lower end with its upper end kept: a goal may be printed so
    ("kết nạp đảng viên mới hằng năm từ 3 - 4%"), and the curated rows keep the lower end as an
    inclusive bound; :func:`helpers.extract.candidates.figure` keeps it for goals only."""
    tokens = []
    for m in _RANGE.finditer(text):
        if _rule_over(cover, m.start("low"), m.end("low")) not in ("range", "count_range"):
            continue
        try:
            low, high = parse_vn_number(m.group("low")), parse_vn_number(m.group("high"))
        except VietnameseNumberError:
            continue
        if high <= low:
            continue
        unit = "percent" if m.group("pct") else "count"
        start = m.start("low")
        tokens.append(
            Token(start, m.end(), m.end("low"), text[start : m.end()], low, unit, None, high)
        )
    return tokens


#: "1/3 số đảng viên": a vulgar fraction of a number is a proportion.
_PROPORTION_AFTER = re.compile(r"\s+số\b", re.IGNORECASE)

#: "57 ngàn": a count printed in thousands.
_THOUSANDS = re.compile(r"\s+(?:ngàn|nghìn)\b", re.IGNORECASE)


def _numbers(
    text: str, cover: Sequence[str | None], taken: set[int]
) -> tuple[list[Token], list[tuple[str, str]]]:
    """Plain numbers and shares outside the fractions, and the declined ones with their rule."""
    tokens: list[Token] = []
    declined: list[tuple[str, str]] = []
    for m in P.NUMBER.finditer(text):
        if m.start() in taken:
            continue
        rule = _rule_over(cover, m.start(), m.end("num"))
        if rule:
            declined.append((m.group(), rule))
            continue
        raw = m.group("num")
        if m.group("pct") and re.fullmatch(r"\d{1,3}\.\d{1,2}", raw):
            raw = raw.replace(".", ",")  # "97.5%": a share's decimal point
        try:
            value = parse_vn_number(raw)
        except VietnameseNumberError:
            declined.append((m.group(), "malformed_number"))
            continue
        unit = "percent" if m.group("pct") else "count"
        if unit == "count" and re.fullmatch(r"\d{1,3}(?:,\d{3})", m.group("num")):
            value = value * 1000  # "45,320 đảng viên": a count never has a fraction
        end = m.end()
        thousands = _THOUSANDS.match(text, end) if unit == "count" else None
        if thousands:
            value, end = value * 1000, thousands.end()
        tokens.append(Token(m.start(), end, m.end("num"), text[m.start() : end], value, unit))
    return tokens, declined
