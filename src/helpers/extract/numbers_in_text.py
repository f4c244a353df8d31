"""The numbers of an article that may be figures, read the way Vietnamese prose prints them.

A number is a candidate for a figure only when no mask covers it (see
:mod:`helpers.extract.prepare`); the others are kept with the rule that declined them. Values
are parsed with :func:`helpers.data.numbers.parse_vn_number` ("3.600" is three thousand six
hundred, "97,5" is ninety-seven and a half), so the engine only ever sees exact decimals.
"""

from __future__ import annotations

from collections.abc import Sequence

from helpers.data.numbers import VietnameseNumberError, parse_vn_number
from helpers.extract import patterns as P
from helpers.extract.records import Token


def find_numbers(
    text: str, cover: Sequence[str | None]
) -> tuple[list[Token], list[tuple[str, str]]]:
    """Numbers not covered by a mask, and the declined ones with their rule."""
    tokens = _fractions(text, cover)
    taken = {i for tok in tokens for i in range(tok.start, tok.end)}
    numbers, declined = _numbers(text, cover, taken)
    return sorted(tokens + numbers, key=lambda t: t.start), declined


def _rule_over(cover: Sequence[str | None], start: int, end: int) -> str | None:
    """The first mask rule over ``start:end``, or None when the span is not masked."""
    return next((cover[i] for i in range(start, end) if cover[i]), None)


def _fractions(text: str, cover: Sequence[str | None]) -> list[Token]:
    """ "05/85": a part written over its whole, when unmasked and no greater than the whole."""
    tokens: list[Token] = []
    for m in P.FRACTION.finditer(text):
        if _rule_over(cover, m.start(), m.end()):
            continue
        try:
            value, whole = parse_vn_number(m.group("num")), parse_vn_number(m.group("den"))
        except VietnameseNumberError:
            continue
        if whole == 0 or value > whole:
            continue
        tokens.append(Token(m.start(), m.end(), m.end(), m.group(), value, "count", whole))
    return tokens


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
        try:
            value = parse_vn_number(m.group("num"))
        except VietnameseNumberError:
            declined.append((m.group(), "malformed_number"))
            continue
        unit = "percent" if m.group("pct") else "count"
        tokens.append(Token(m.start(), m.end(), m.end("num"), m.group(), value, unit))
    return tokens, declined
