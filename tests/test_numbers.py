"""Vietnamese number parsing is strict and formatting matches the articles."""

from decimal import Decimal

import pytest

from helpers.data.numbers import (
    VietnameseNumberError,
    format_vn_number,
    format_vn_percent,
    parse_vn_number,
    parse_vn_percent,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.600", Decimal(3600)),
        ("1.395", Decimal(1395)),
        ("22.728", Decimal(22728)),
        ("12.000", Decimal(12000)),
        ("97,5", Decimal("97.5")),
        ("0,5", Decimal("0.5")),
        ("1.000,5", Decimal("1000.5")),
        ("05", Decimal(5)),
        ("901", Decimal(901)),
        ("\xa03.650 ", Decimal(3650)),
    ],
)
def test_parse_accepts_vietnamese_notation(text, expected):
    assert parse_vn_number(text) == expected


@pytest.mark.parametrize(
    "text", ["97.5", "1.2.3", "3.60", "1,395.5", "", "  ", "abc", "3 600", "97,5%"]
)
def test_parse_rejects_malformed_or_english_notation(text):
    with pytest.raises(VietnameseNumberError):
        parse_vn_number(text)


def test_97_point_5_is_never_975():
    with pytest.raises(VietnameseNumberError, match="97.5"):
        parse_vn_number("97.5")


def test_parse_percent():
    assert parse_vn_percent("97,5%") == Decimal("97.5")
    assert parse_vn_percent("124 %") == Decimal(124)
    with pytest.raises(VietnameseNumberError):
        parse_vn_percent("97,5")
    with pytest.raises(VietnameseNumberError):
        parse_vn_percent("97.5%")


def test_format():
    assert format_vn_number(1395) == "1.395"
    assert format_vn_number(22728.0) == "22.728"
    assert format_vn_number(97.5) == "97,5"
    assert format_vn_number(180.2, 1) == "180,2"
    assert format_vn_number(106, 1) == "106,0"
    assert format_vn_percent(97.5) == "97,5%"
    assert format_vn_percent(52.956, 1) == "53,0%"


def test_round_trip():
    for value in (0, 7, 94, 901, 1395, 3600, 22728, 1234567):
        assert parse_vn_number(format_vn_number(value)) == value
