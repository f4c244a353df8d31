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


def test_format_matches_babel_and_takes_any_finite_size():
    """The exact-decimal formatter gives Babel's digits for ordinary values, and formats huge
    ones Babel's default precision cannot (1e25 made it raise decimal.InvalidOperation)."""
    import random

    from helpers.data.numbers import _format_with_babel

    rng = random.Random(7)
    values = [0, 0.0, -0.0, 2.5, 0.0005, 0.0015, -0.0004, 1395, 97.5, 1234567.891, Decimal("97.50")]
    values += [rng.uniform(-1e7, 1e7) for _ in range(500)]
    values += [round(rng.uniform(0, 1e4), rng.randint(0, 5)) for _ in range(500)]
    for value in values:
        for decimals in (None, 0, 1, 3):
            assert format_vn_number(value, decimals) == _format_with_babel(value, decimals), value
    assert format_vn_number(1e25) == "10.000.000.000.000.000.000.000.000"
    with pytest.raises(VietnameseNumberError, match="non-finite"):
        format_vn_number(float("inf"))


def test_positive_floats_round_half_even_on_their_printed_digits_as_the_exact_path_does():
    """The integer path for positive floats and ints gives _format's digits (Decimal(repr)
    quantized half-even): ties of the printed digits, carries, tiny and huge values."""
    import random

    from helpers.data.numbers import _format

    assert format_vn_number(0.35, 1) == "0,4"  # printed "0.35": a tie, to the even 4
    assert format_vn_number(0.25, 1) == "0,2"
    assert format_vn_number(2.675, 2) == "2,68"
    assert format_vn_number(99.95, 1) == "100,0"  # the carry reaches the whole part
    assert format_vn_number(999999.5, 0) == "1.000.000"
    assert format_vn_number(0.0004, 3) == "0,000"
    rng = random.Random(11)
    values = [0.35, 2.675, 0.05, 12.25, 99.949, 999.95, 0.0005, 5e-324, 1e16, 10**30, 9.9999]
    values += [rng.uniform(0, 1e7) for _ in range(400)]
    values += [round(rng.uniform(0, 1e4), rng.randint(0, 6)) for _ in range(400)]
    values += [rng.randint(0, 2000) / 8 for _ in range(300)]
    for value in (v for v in values if v > 0):
        for decimals in (None, 0, 1, 2, 3, 5):
            assert format_vn_number(value, decimals) == _format(value, decimals), (value, decimals)


def test_printed_in_agrees_with_the_one_pattern_test():
    """printed_in reads number tokens instead of compiling a pattern per value: same answers."""
    import random

    from helpers.data.numbers import _printed_in_by_one_pattern, printed_in

    rng = random.Random(5)
    values = [0, 5, 1, 85, 398, 3600, 97.5, 3.6, 36, 57000, 2500, 1000, 12000, 0.5, 1395, 22728]
    values += [rng.randint(0, 60000) for _ in range(100)] + [
        rng.randint(1, 90) * 100 for _ in range(50)
    ]
    pieces = ["có", "05", "01/85", "3.600", "3600", "97,5%", "3,6", "36", "57 ngàn", "2,5 nghìn",
              "không có tổ chức nào", "1.395", "0,5", "00", "0", "5.", ",5", "12.000", "3.347,5",
              "１２", "100"]  # fmt: skip
    for _ in range(5000):
        words = [rng.choice([*pieces, format_vn_number(rng.choice(values))]) for _ in range(4)]
        quote = rng.choice([" ", "", "/", ".", ","]).join(words)
        value = rng.choice(values)
        assert printed_in(quote, value) == _printed_in_by_one_pattern(quote, value), (quote, value)
