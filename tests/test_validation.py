"""A corpus of malformed data: each kind gives its one-line error, a non-zero exit, no half-load."""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import helpers
from helpers.data.validation import DataValidationError, validate_package


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")


def set_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is ``row_id``; returns its line."""
    import csv
    import io

    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    line = next(n for n, row in enumerate(rows, start=1) if row[0] == row_id)
    rows[line - 1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return line


def expect(data: Path, file: str, line: int, column: str, rule: str, seeds="default") -> None:
    violations = validate_package(data, seeds=seeds)
    lines = [str(v) for v in violations]
    prefix = f"{file}:{line}: column '{column}': value "
    assert any(s.startswith(prefix) and rule in s for s in lines), (
        "\n".join(lines) or "no violation"
    )
    with pytest.raises(DataValidationError) as info:
        helpers.load_package(data, seeds=seeds)
    assert len(info.value.violations) == len(violations)


def test_clean_data_has_no_violation(seeds):
    assert validate_package(helpers.paths.DATA_DIR, seeds=seeds) == []


def test_wrong_type(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-01", "value", "abc")
    expect(data_copy, "figures.csv", line, "value", "type 'number'")


def test_percent_over_100(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-07", "value", "105")
    expect(data_copy, "figures.csv", line, "value", "percent in 0..100")


def test_negative_count(data_copy):
    line = set_cell(data_copy / "figures.csv", "S003-01", "value", "-19")
    expect(data_copy, "figures.csv", line, "value", "type 'number': plain digits")


def test_unknown_province(data_copy):
    line = set_cell(data_copy / "organizations.csv", "daknong", "province", "Đắk Nôngg")
    expect(data_copy, "organizations.csv", line, "province", "foreign-key")


def test_duplicate_id(data_copy):
    line = set_cell(data_copy / "figures.csv", "S003-02", "figure_id", "S003-01")
    expect(data_copy, "figures.csv", line, "figure_id", "primary-key")


def test_dangling_source(data_copy):
    line = set_cell(data_copy / "figures.csv", "S003-01", "source_id", "S999")
    expect(data_copy, "figures.csv", line, "source_id", "foreign-key")


def test_tiers_not_summing_to_stated_total(data_copy):
    path = data_copy / "figures.csv"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(
            "S003-18,S003,daknong,2017,year,,party_orgs,total,,390,count,level,exact,,,,,,,,,,390 TCCS đảng,test\n"
        )
    line = line_of(path, "S003-07,")
    expect(
        data_copy, "figures.csv", line, "value", "parts add up to the stated total 390", seeds=None
    )


def test_org_types_not_summing(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-03", "value", "44")
    expect(
        data_copy, "figures.csv", line, "value", "parts add up to the stated total 94", seeds=None
    )


def test_quote_not_in_article(data_copy, seeds):
    line = set_cell(
        data_copy / "figures.csv", "S003-01", "quote", "tham dự sinh hoạt tại 19 chi bộ ở Hà Nội"
    )
    expect(data_copy, "figures.csv", line, "quote", "verbatim in its article", seeds=seeds)


def test_quote_must_state_its_value(data_copy):
    line = set_cell(data_copy / "figures.csv", "S003-01", "value", "18")
    expect(data_copy, "figures.csv", line, "quote", "quote states the value", seeds=None)


def test_utf8_bom(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    expect(data_copy, "sources.csv", 1, "source_id", "no BOM")


def test_semicolon_separated(data_copy):
    path = data_copy / "metrics.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    expect(data_copy, "metrics.csv", 1, "*", "comma-separated")


def test_crlf(data_copy):
    path = data_copy / "figures.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    expect(data_copy, "figures.csv", 1, "*", "LF line ends")


def test_decimal_comma(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-06", "value", "97,5")
    expect(data_copy, "figures.csv", line, "value", "'.' is the decimal mark")


def test_thousands_mark(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-02", "value", "3.600")
    expect(data_copy, "figures.csv", line, "value", "no thousands marks")


def test_nfd_text(data_copy):
    quote = "hiện có 95 tổ chức cơ sở đảng (TCCSĐ)"
    line = set_cell(
        data_copy / "figures.csv", "S004-01", "quote", unicodedata.normalize("NFD", quote)
    )
    expect(data_copy, "figures.csv", line, "quote", "NFC")


def test_non_breaking_space(data_copy):
    line = set_cell(data_copy / "organizations.csv", "daknong", "name", "Đảng bộ tỉnh\xa0Đắk Nông")
    expect(data_copy, "organizations.csv", line, "name", "non-breaking space")


def test_trailing_blank(data_copy):
    line = set_cell(data_copy / "organizations.csv", "daknong", "name", "Đảng bộ tỉnh Đắk Nông ")
    expect(data_copy, "organizations.csv", line, "name", "leading or trailing blanks")


def test_missing_column(data_copy):
    import csv

    path = data_copy / "categories.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [row[:-1] for row in csv.reader(fh)]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    expect(data_copy, "categories.csv", 1, "example_vi", "column present")


def test_empty_file(data_copy):
    (data_copy / "sources.csv").write_text("", encoding="utf-8")
    expect(data_copy, "sources.csv", 1, "*", "not empty")


def test_missing_file(data_copy):
    (data_copy / "metrics.csv").unlink()
    expect(data_copy, "metrics.csv", 0, "*", "file exists")


def test_wrong_implied_target(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-06", "target", "92")
    expect(data_copy, "figures.csv", line, "target", "implied target arithmetic")


def test_period_does_not_match_kind(data_copy):
    line = set_cell(data_copy / "figures.csv", "S003-01", "period", "2015-2020")
    expect(data_copy, "figures.csv", line, "period", "period matches period_kind year")


def test_category_not_allowed_for_metric(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-01", "category", "tsvm")
    expect(data_copy, "figures.csv", line, "category", "category allowed for metric party_orgs")


def test_regime_outside_its_years(data_copy):
    path = data_copy / "figures.csv"
    for figure_id in ("S003-07", "S003-08", "S003-09", "S003-10"):
        set_cell(path, figure_id, "period", "2019")
    expect(
        data_copy,
        "figures.csv",
        line_of(path, "S003-07,"),
        "category",
        "regime tsvm ends in 2017",
        seeds=None,
    )


def test_bad_enum(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-01", "unit", "people")
    expect(data_copy, "figures.csv", line, "unit", 'constraint "enum"')


def test_an_organization_names_only_a_unit_the_merger_formed(data_copy):
    line = set_cell(data_copy / "organizations.csv", "daknong", "unit_after", "Tỉnh Tây Nguyên")
    expect(data_copy, "organizations.csv", line, "unit_after", 'constraint "enum"')


def test_bad_date(data_copy):
    line = set_cell(data_copy / "sources.csv", "S001", "published", "16/10/2020")
    expect(data_copy, "sources.csv", line, "published", "YYYY-MM-DD")


def test_every_violation_reported_at_once(data_copy):
    figures = data_copy / "figures.csv"
    set_cell(figures, "S000-01", "value", "abc")
    set_cell(figures, "S000-07", "value", "105")
    set_cell(data_copy / "organizations.csv", "daknong", "name", "Đảng bộ tỉnh Đắk Nông ")
    files = {v.file for v in validate_package(data_copy, seeds=None)}
    assert files == {"figures.csv", "organizations.csv"}
    assert len(validate_package(data_copy, seeds=None)) >= 3


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", "validate", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_exit_codes(data_copy):
    clean = run_cli(str(helpers.paths.DATA_DIR))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout == ""
    set_cell(data_copy / "figures.csv", "S000-07", "value", "105")
    path = data_copy / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    broken = run_cli(str(data_copy))
    assert broken.returncode == 3  # DataError.exit_code: the data is invalid
    out = broken.stdout.strip().split("\n")
    assert all(
        re.match(r"^[a-z_]+\.csv:\d+: column '[^']+': value '.*' breaks .+$", line) for line in out
    ), out
    assert any(
        line.startswith("figures.csv:8: column 'value'") and "percent in 0..100" in line
        for line in out
    )
    assert any(
        line.startswith("sources.csv:1: column 'source_id'") and "BOM" in line for line in out
    )


def test_a_package_validated_by_the_parent_loads_without_a_second_check(
    data_copy, seeds, monkeypatch
):
    """The render marks the bytes it validated; its kernels skip the check for those bytes only."""
    from helpers.data import loading as data
    from helpers.data import validation

    monkeypatch.delenv(validation.VALIDATED_ENV, raising=False)
    validation.mark_validated(data_copy, seeds)
    calls = []
    monkeypatch.setattr(data, "validate_package", lambda *a, **k: calls.append(a) or [])
    data._CACHE.clear()
    data.load_package(data_copy, seeds)
    assert calls == []

    # One changed byte after the mark, and the check runs again.
    path = data_copy / "figures.csv"
    text = path.read_text(encoding="utf-8")
    assert "với 3.600 đảng viên" in text
    path.write_text(text.replace("với 3.600 đảng viên", "với 3.601 đảng viên", 1), encoding="utf-8")
    data._CACHE.clear()
    data.load_package(data_copy, seeds)
    assert len(calls) == 1


def test_no_token_means_full_validation(data_copy, seeds, monkeypatch):
    from helpers.data import validation

    monkeypatch.delenv(validation.VALIDATED_ENV, raising=False)
    assert not validation.already_validated(data_copy, seeds)
    monkeypatch.setenv(validation.VALIDATED_ENV, "0" * 64)
    assert not validation.already_validated(data_copy, seeds)


def frictionless_alone(descriptor: Path) -> tuple[bool, list[dict]]:
    """The library's own command line on a descriptor, with none of this project's code."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "frictionless"), "validate", "--json", str(descriptor)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    return report["valid"], report["errors"] + [e for t in report["tasks"] for e in t["errors"]]


def test_frictionless_alone_passes_the_bundled_package():
    valid, errors = frictionless_alone(helpers.paths.DATA_DIR / "datapackage.json")
    assert valid, errors


def test_a_readable_package_is_checked_without_importing_frictionless(seeds):
    """Every table the column-wise path reads skips frictionless's import (most of a second);
    the descriptor frictionless would have checked is the bundled one, which the test above
    passes through frictionless alone."""
    code = (
        "import sys; from helpers.data.validation import validate_package; "
        "print(len(validate_package()), 'frictionless' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_frictionless_alone_catches_an_unknown_metric(data_copy):
    line = set_cell(data_copy / "figures.csv", "S000-01", "metric", "party_orgz")
    valid, errors = frictionless_alone(data_copy / "datapackage.json")
    assert not valid
    assert any(
        e["type"] == "foreign-key" and e["rowNumber"] == line and "party_orgz" in e["note"]
        for e in errors
    ), errors


def test_unknown_category_group(data_copy):
    line = set_cell(data_copy / "categories.csv", "total", "category_group", "totals")
    expect(data_copy, "categories.csv", line, "category_group", 'constraint "enum"')


def _quote_rules(data: Path) -> list[str]:
    return [
        str(v) for v in validate_package(data, seeds=None) if "quote states the value" in v.rule
    ]


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("5", "có 05 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ"),
        ("1", "01/85 tổ chức không hoàn thành nhiệm vụ"),
        ("85", "01/85 tổ chức không hoàn thành nhiệm vụ"),
        ("398", "đã đánh giá 398/412 tổ chức"),
        ("0", "không có tổ chức nào không hoàn thành nhiệm vụ"),
        ("0", "năm nay chưa có đảng viên vi phạm"),
        ("3600", "toàn Đảng bộ có 3.600 đảng viên"),
        ("97.5", "đạt 97,5% kế hoạch"),
    ],
)
def test_quote_check_accepts_how_articles_print_a_value(data_copy, value, quote):
    set_cell(data_copy / "figures.csv", "S003-01", "value", value)
    set_cell(data_copy / "figures.csv", "S003-01", "quote", quote)
    assert _quote_rules(data_copy) == []


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("5", "có 15 tổ chức cơ sở đảng"),  # 5 is part of another number
        ("0", "có 10 tổ chức hoàn thành nhiệm vụ"),  # no zero in words
        ("36", "đạt 3,6% tổng số đảng viên"),  # a decimal is not the count
        ("3.6", "có 36 tổ chức"),
    ],
)
def test_quote_check_still_rejects_a_value_the_quote_does_not_state(data_copy, value, quote):
    set_cell(data_copy / "figures.csv", "S003-01", "value", value)
    set_cell(data_copy / "figures.csv", "S003-01", "quote", quote)
    assert len(_quote_rules(data_copy)) == 1


def test_squash_is_one_space_for_every_run_of_blanks():
    """squash splits on blanks instead of substituting a regex: the same text, every blank
    Python knows (tabs, line breaks, U+1680, U+2000..U+200A, U+3000, ...) included."""
    import random

    from helpers.data.validation.rules import squash

    blanks = re.compile(r"(?:[^\S ]| \s)\s*")  # the substitution squash replaced
    alphabet = [chr(c) for c in range(0x3001) if chr(c).isspace()] + list("aĐ\u0301 e")
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        nfc = unicodedata.normalize("NFC", text).replace("\xa0", " ")
        assert squash(text) == blanks.sub(" ", nfc), repr(text)
