"""The cross-row rules read figures column by column: the same findings as one row at a time."""

import csv
import io
import random
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers.data.numbers import format_vn_number, printed_in, printed_in_all
from helpers.data.synthetic import make_synthetic
from helpers.data.validation import validate_package


def test_printed_in_all_agrees_with_printed_in():
    rng = random.Random(7)
    values = [0, 5, 1, 85, 398, 3600, 97.5, 3.6, 36, 57000, 2500, 1000, 0.5, 1395, 22728]
    values += [rng.randint(0, 60000) for _ in range(60)]
    pieces = ["có", "05", "01/85", "3.600", "3600", "97,5%", "3,6", "57 ngàn", "2,5 nghìn",
              "không có tổ chức nào", "1.395", "0,5", "00", "0", "5.", ",5", "12.000", "１２"]  # fmt: skip
    quotes, chosen = [], []
    for _ in range(3000):
        words = [rng.choice([*pieces, format_vn_number(rng.choice(values))]) for _ in range(3)]
        quotes.append(rng.choice([" ", "", "/", ".", ","]).join(words))
        chosen.append(rng.choice(values))
    assert printed_in_all(quotes, chosen) == [printed_in(q, v) for q, v in zip(quotes, chosen)]
    assert printed_in_all([], []) == []
    # A NUL in a quote (never in a valid one): every pair is tried whole, with the same answers.
    assert printed_in_all(["3\x00600", "36"], [3600, 36]) == [False, True]


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("columns")
    data = make_synthetic(root / "data", root / "seeds", years=range(2016, 2020), rows=2500)
    return data, root / "seeds"


def test_quotes_in_any_order_of_their_article(synthetic):
    """Quotes are looked for after the last one found, then before it: rows in the reverse
    order of their articles are still found, one quote that is not there is named."""
    data, seeds = synthetic
    path, original = data / "figures.csv", (data / "figures.csv").read_text(encoding="utf-8")
    try:
        header, *rows = _rows(path)
        rows.reverse()
        at = header.index("quote")
        rows[7][at] = rows[7][at].replace(" ", "  ", 1)  # squashed to one blank: still verbatim
        rows[9][at] = rows[9][at].replace("[tổng hợp]", "[tổng hợp lại]")
        _write(path, [header, *rows])
        for fast_from in (0, None):
            found = [str(v) for v in validate_package(data, seeds=seeds, fast_from=fast_from)]
            quote = rows[9][at] if len(rows[9][at]) <= 60 else rows[9][at][:59] + "…"
            rule = "rule 'quote is verbatim in its article'"
            assert found == [f"figures.csv:11: column 'quote': value '{quote}' breaks {rule}"]
    finally:
        path.write_text(original, encoding="utf-8", newline="")


def test_rules_by_column_name_each_broken_row(synthetic):
    """Rules worked out once per distinct cells still name every row that breaks them."""
    data, seeds = synthetic
    path, original = data / "figures.csv", (data / "figures.csv").read_text(encoding="utf-8")
    try:
        header, *rows = _rows(path)
        tier = [n for n, r in enumerate(rows) if r[header.index("category")] == "htxs"][:2]
        for n in tier:  # two rows with the same cells for the rule: both named
            rows[n][header.index("tier_reported")] = ""
        _write(path, [header, *rows])
        found = [str(v) for v in validate_package(data, seeds=seeds)]
        assert [line.split(":")[1] for line in found] == [str(n + 2) for n in tier], found
        assert all("rule 'tier as reported'" in line for line in found), found
    finally:
        path.write_text(original, encoding="utf-8", newline="")


def test_blanks_but_space_are_every_blank_but_space():
    """The class the column-wise checks scan for is exactly what \\s and str.isspace() match."""
    import re
    import sys

    from helpers.data.validation.structure import BLANKS_BUT_SPACE

    listed, blank = re.compile(BLANKS_BUT_SPACE), re.compile(r"\s")
    chars = map(chr, range(sys.maxunicode + 1))
    for char in (c for c in chars if c.isspace() or blank.match(c) or listed.match(c)):
        assert char == " " or char.isspace() and blank.match(char) and listed.match(char), hex(
            ord(char)
        )


# --- the figures' rules run ahead in a forked child: the same lines, or the child is set aside ---


@pytest.fixture
def recorded(monkeypatch):
    """Every RulesAhead made, to see whether its child's findings were taken."""
    from helpers.data.validation import ahead

    made = []

    class Recorded(ahead.RulesAhead):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(ahead, "RulesAhead", Recorded)
    return made


def _both_ways(data: Path, seeds: Path) -> tuple[list[str], list[str]]:
    ahead = [str(v) for v in validate_package(data, seeds=seeds, ahead=True)]
    here = [str(v) for v in validate_package(data, seeds=seeds, ahead=False)]
    return ahead, here


@contextmanager
def _broken(data: Path, cells: dict[tuple[int, str], str]):
    """figures.csv with these (row, column) cells changed, restored afterwards."""
    path = data / "figures.csv"
    original = path.read_text(encoding="utf-8")
    header, *rows = _rows(path)
    for (row, column), value in cells.items():
        rows[row][header.index(column)] = value
    _write(path, [header, *rows])
    try:
        yield
    finally:
        path.write_text(original, encoding="utf-8", newline="")


def test_rules_ahead_give_the_same_lines(synthetic, recorded):
    """Rows sound in structure: the child's findings are taken, and they are the rules' own."""
    data, seeds = synthetic
    with _broken(data, {(4, "quote"): "không có trong bài", (9, "tier_reported"): ""}):
        ahead, here = _both_ways(data, seeds)
        assert len(here) == 3 and ahead == here, "\n".join(sorted(set(ahead) ^ set(here)))
        assert [r.used for r in recorded] == [True, False]


def test_rules_ahead_are_set_aside_when_a_row_is_unsound(synthetic, recorded):
    """A row broken in structure leaves the rules; the child saw it, so its answer is dropped."""
    data, seeds = synthetic
    with _broken(data, {(4, "quote"): "không có trong bài", (6, "value"): "abc"}):
        ahead, here = _both_ways(data, seeds)
        assert len(here) == 3 and ahead == here, "\n".join(sorted(set(ahead) ^ set(here)))
        assert [r.used for r in recorded] == [False, False]
        assert recorded[0].pid is None  # the child was stopped and reaped


def test_a_failing_child_leaves_the_rules_to_the_parent(synthetic, recorded, monkeypatch):
    import os

    from helpers.data.validation import ahead

    data, seeds = synthetic
    parent, rules = os.getpid(), ahead.check_rules

    def fails_in_the_child(*args):
        if os.getpid() != parent:
            raise RuntimeError("the child breaks")
        return rules(*args)

    monkeypatch.setattr(ahead, "check_rules", fails_in_the_child)
    with _broken(data, {(4, "quote"): "không có trong bài"}):
        ahead_lines, here = _both_ways(data, seeds)
        assert len(here) == 2 and ahead_lines == here
        assert [r.used for r in recorded] == [False, False]


def test_plain_number_columns_as_one_pattern_found_them():
    """The two-scan test of a number column agrees with the one pattern it replaced (cells of
    digits, dots, blanks, signs, letters and non-ASCII digits, in every arrangement)."""
    import re

    from helpers.data.validation.fast import SEP, _plain_numbers

    plain = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?)?(?:\0(?:[0-9]+(?:\.[0-9]+)?)?)*")
    grouped = re.compile(r"(?:^|\0)\d{1,3}(?:\.\d{3})+(?:\0|$)")

    def one_pattern(joined: str) -> bool:
        return bool(plain.fullmatch(joined)) and not (
            re.search(r"[0-9]{9}", joined) or grouped.search(joined)
        )

    rng = random.Random(11)
    pieces = ["1", "0", "9", "12", "600", "3", ".", ".", "", " ", "a", "-", "e", "１", "٣"]
    pieces += ["123456789", "3.600", "1.234.567", "97.5", "12.345", "1234.567", "0.125"]
    for _ in range(60_000):
        cells = [
            "".join(rng.choices(pieces, k=rng.randint(0, 3))) for _ in range(rng.randint(1, 4))
        ]
        joined = SEP.join(cells)
        assert _plain_numbers(cells, joined) == one_pattern(joined), cells


def test_the_child_keeps_no_inherited_descriptor(synthetic, monkeypatch, tmp_path):
    """A lock file the parent holds (the render's, by flock) is not held by the child too."""
    import fcntl
    import os

    from helpers.data.validation import ahead

    data, seeds = synthetic
    lock = open(tmp_path / "lock", "w")  # noqa: SIM115 - held open across the validation
    fcntl.flock(lock, fcntl.LOCK_EX)
    held = str(lock.fileno())

    def open_descriptors(tables, seeds, out, articles, parts):
        fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
        out.add("fds", 0, "*", " ".join(map(str, fds)), "open")

    monkeypatch.setattr(ahead, "check_rules", open_descriptors)
    try:
        found = validate_package(data, seeds=seeds, ahead=True)
    finally:
        lock.close()
    (fds,) = [v.value.split() for v in found if v.file == "fds"]
    assert held not in fds and len(fds) <= 5, fds  # 0, 1, 2, the pipe, listdir's
