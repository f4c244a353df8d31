"""Fault suite, data side: every unreadable or hostile input is one line naming the file (and the
row, column and rule where there is one), exit 3, never a traceback or a hang.

Most probes call the API (``validate_package``: the lines ``tccsd validate`` prints, exit 3 when
there is any); a few run the command itself, to see the exit code and an empty traceback.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from helpers.data import loading
from helpers.data.numbers import (
    DataNumberError,
    VietnameseNumberError,
    data_number_rule,
    format_vn_number,
    parse_data_number,
)
from helpers.data.validation import DataValidationError, validate_package
from helpers.errors import DataError

ONE_LINE = re.compile(r"^[^:\n]+:\d+: column '[^'\n]*': value '[^\n]*' breaks [^\n]+$")


@pytest.fixture
def data(tmp_path: Path, founding_data: Path) -> Path:
    """A writable copy of the founding package (small, so each probe stays quick)."""
    return Path(shutil.copytree(founding_data, tmp_path / "data"))


def lines(folder: Path) -> list[str]:
    found = [str(v) for v in validate_package(folder, seeds=None)]
    assert all(ONE_LINE.match(line) for line in found), found
    return found


def expect(folder: Path, prefix: str, rule: str, load: bool = False) -> list[str]:
    """The kind of line asked for is there (and with ``load`` the loaders refuse the package)."""
    found = lines(folder)
    assert any(line.startswith(prefix) and rule in line for line in found), "\n".join(found)
    if load:
        loading._CACHE.clear()
        with pytest.raises(DataValidationError) as info:
            loading.load_package(folder, seeds=None)
        assert info.value.exit_code == DataError.exit_code == 3
    return found


def run_validate(folder: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", "validate", "--data", str(folder)],
        capture_output=True, text=True, timeout=timeout, check=False,
        env={**os.environ, "TCCSD_SEEDS_DIR": str(folder / "no-seeds")},
    )  # fmt: skip


def assert_clean_exit_3(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    out = result.stdout.strip().split("\n")
    assert out and all(ONE_LINE.match(line) for line in out), out
    return out


def set_cell(path: Path, row: int, column: str, value: str) -> int:
    """Set one cell of data row ``row`` (1 = first after the header); return its line."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return row + 1


def descriptor(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def write_descriptor(folder: Path, value: object) -> None:
    (folder / "datapackage.json").write_text(json.dumps(value), encoding="utf-8")


def resource(desc: dict, name: str) -> dict:
    return next(r for r in desc["resources"] if r["name"] == name)


# --- unreadable files ------------------------------------------------------------------------


def test_binary_file(data):
    (data / "figures.csv").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    expect(data, "figures.csv:", "rule 'text file': binary content", load=True)


def test_wrong_encoding(data):
    path = data / "organizations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    expect(data, "organizations.csv:1: column '*'", "the file is UTF-16", load=True)
    path.write_bytes(b"organization_id,name\nx,\xe9\n")  # Latin-1 text, no NUL
    expect(data, "organizations.csv:2: column '*'", "byte 0xe9 is not UTF-8")


def test_directory_where_a_csv_should_be(data):
    (data / "metrics.csv").unlink()
    (data / "metrics.csv").mkdir()
    expect(data, "metrics.csv:0: column '*'", "rule 'regular file': it is a directory")


def test_fifo_is_never_opened(data):
    """A FIFO blocks whoever opens it: the command must stat, name it and exit 3 at once."""
    (data / "figures.csv").unlink()
    os.mkfifo(data / "figures.csv")
    expect(data, "figures.csv:0: column '*'", "it is a FIFO", load=True)
    (data / "datapackage.json").unlink()
    os.mkfifo(data / "datapackage.json")
    out = assert_clean_exit_3(run_validate(data, timeout=60))
    assert any(line.startswith("datapackage.json:0:") and "FIFO" in line for line in out), out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_permission_denied(data):
    (data / "sources.csv").chmod(0)
    try:
        expect(data, "sources.csv:0: column '*'", "rule 'readable': permission denied")
    finally:
        (data / "sources.csv").chmod(0o644)


def test_data_folder_missing_or_a_file(tmp_path):
    [line] = [str(v) for v in validate_package(tmp_path / "nope", seeds=None)]
    assert line.startswith("nope:0: column '*'") and line.endswith("rule 'data folder exists'")
    (tmp_path / "file").write_text("x")
    assert "data folder exists" in str(validate_package(tmp_path / "file", seeds=None)[0])


# --- broken or hostile descriptors -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("{", "invalid JSON"),
        ("", "invalid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"resources": "figures.csv"}', "'resources' must be a list"),
        ('{"resources": [1, {"name": []}]}', "each resource is an object with its own name"),
        ("[" * 100000 + "]" * 100000, "datapackage.json:0"),
    ],
)
def test_broken_descriptor(data, text, rule):
    (data / "datapackage.json").write_text(text, encoding="utf-8")
    found = expect(data, "datapackage.json:", rule)
    assert not [line for line in found if not line.startswith("datapackage.json:")], found


@pytest.mark.parametrize(
    "path", ["../../etc/passwd", "/etc/passwd", "https://example.org/figures.csv", "figures.csv/"]
)
def test_hostile_paths_are_never_read(data, path):
    desc = descriptor(data)
    resource(desc, "figures")["path"] = path
    write_descriptor(data, desc)
    expect(data, "datapackage.json:0: column 'figures.path'", "'path' must be \"figures.csv\"")


def test_wrong_types_in_the_schema(data):
    desc = descriptor(data)
    resource(desc, "figures")["schema"]["fields"][0] = "figure_id"
    resource(desc, "sources")["schema"] = []
    resource(desc, "metrics")["schema"]["fields"][0]["constraints"] = "none"
    write_descriptor(data, desc)
    found = expect(data, "datapackage.json:0: column 'figures.figure_id'", "is missing")
    assert any("sources.schema" in line for line in found), found
    assert any("metrics.metric" in line and "'constraints'" in line for line in found), found


def test_huge_descriptor(data):
    desc = descriptor(data)
    desc["description"] = "x" * (2 << 20)
    write_descriptor(data, desc)
    expect(data, "datapackage.json:0: column '*'", "rule 'size'")


def test_dropped_resource(data):
    desc = descriptor(data)
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "figures"]
    write_descriptor(data, desc)
    expect(data, "datapackage.json:0: column 'figures'", "resource 'figures' is missing", True)


def test_dropped_field_and_extra_resource(data):
    desc = descriptor(data)
    fields = resource(desc, "figures")["schema"]["fields"]
    fields[:] = [f for f in fields if f["name"] != "quote"]
    desc["resources"].append({"name": "extra", "path": "/etc/passwd"})
    write_descriptor(data, desc)
    found = expect(data, "datapackage.json:0: column 'figures.quote'", "field 'quote' is missing")
    assert any("resource 'extra' is not in the bundled package" in line for line in found)


def test_loosened_constraint(data):
    desc = descriptor(data)
    value = next(f for f in resource(desc, "figures")["schema"]["fields"] if f["name"] == "value")
    value["constraints"].pop("minimum")
    value["type"] = "any"
    write_descriptor(data, desc)
    found = expect(data, "datapackage.json:0: column 'figures.value'", "'constraints' must be")
    assert any("'type' must be \"number\"" in line for line in found), found


def test_the_bundled_schema_is_what_the_files_are_read_with(data):
    """Loosening the local descriptor does not let a negative count through."""
    desc = descriptor(data)
    value = next(f for f in resource(desc, "figures")["schema"]["fields"] if f["name"] == "value")
    value["constraints"] = {}
    write_descriptor(data, desc)
    line = set_cell(data / "figures.csv", 1, "value", "-5")
    expect(data, f"figures.csv:{line}: column 'value': value '-5'", "type 'number'")


def test_the_command_exits_3_on_a_hostile_descriptor(data):
    desc = descriptor(data)
    resource(desc, "figures")["path"] = "../../etc/passwd"
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "metrics"]
    write_descriptor(data, desc)
    out = assert_clean_exit_3(run_validate(data))
    assert any("resource 'metrics' is missing" in line for line in out), out
    assert any("figures.path" in line for line in out), out


# --- numbers ---------------------------------------------------------------------------------

BAD_NUMBERS = [
    "inf",
    "nan",
    "NaN",
    "-inf",
    "1e309",
    "1e3",
    "4_5",
    "４５",
    "٤٥",
    "+5",
    "-5",
    ".5",
    "5.",
]


@pytest.mark.parametrize("text", BAD_NUMBERS)
def test_number_that_is_not_a_plain_decimal(data, text):
    line = set_cell(data / "figures.csv", 1, "value", text)
    found = expect(
        data, f"figures.csv:{line}: column 'value': value '{text}'", "type 'number'", load=True
    )
    assert len([x for x in found if x.startswith(f"figures.csv:{line}:")]) == 1, found


def test_number_out_of_range(data):
    line = set_cell(data / "figures.csv", 1, "target", "1000000000")
    expect(data, f"figures.csv:{line}: column 'target'", "range '0..999999999'")


@pytest.mark.parametrize("text", [*BAD_NUMBERS, "1000000000", "3.600,5", "", " 5", "0x10"])
def test_validation_and_loaders_share_one_parser(text):
    """Whatever validation refuses, the loaders' parser refuses with the same rule."""
    rule = data_number_rule(text)
    assert rule is not None
    with pytest.raises(DataNumberError, match=re.escape(rule)):
        parse_data_number(text)


@pytest.mark.parametrize("text", ["0", "7", "97.5", "999999999", "0012", "3.600"])
def test_plain_decimals_parse_exactly(text):
    assert data_number_rule(text) is None
    assert parse_data_number(text) == Decimal(text)


def test_huge_values_format_or_fail_clearly():
    assert format_vn_number(1e25) == "10.000.000.000.000.000.000.000.000"
    assert format_vn_number(Decimal("1e40"), 1) == "10" + ".000" * 13 + ",0"
    for bad in (float("inf"), float("nan"), Decimal("-Infinity"), "abc"):
        with pytest.raises(VietnameseNumberError, match="number"):
            format_vn_number(bad)


# --- text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000 NULL"),
        ("\x07", "U+0007 CONTROL CHARACTER"),
        ("\t", "U+0009 CHARACTER TABULATION"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u2060", "U+2060 WORD JOINER"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_invisible_and_control_characters(data, char, name):
    line = set_cell(data / "organizations.csv", 1, "name", f"Đảng bộ{char} tỉnh")
    found = expect(data, f"organizations.csv:{line}: column 'name'", name)
    shown = next(x for x in found if x.startswith(f"organizations.csv:{line}: column 'name'"))
    assert char not in shown and ("\\u" in shown or "\\t" in shown)  # shown as an escape


def test_province_name_too_long(data):
    line = set_cell(data / "provinces.csv", 1, "province", "Đắk" * 100)
    expect(data, f"provinces.csv:{line}: column 'province'", 'constraint "maxLength" is "60"')


def test_two_spellings_on_one_slug(data):
    path = data / "provinces.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    taken = {r["province_code"] for r in rows}
    first = rows[0]
    code = next(f"{n:02d}" for n in range(100) if f"{n:02d}" not in taken)
    twin = {**first, "province_code": code, "province": first["province"].upper() + "!",
            "official_name": first["official_name"] + " (bản sao)"}  # fmt: skip
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(first), lineterminator="\n").writerow(twin)
    found = expect(data, f"provinces.csv:{len(rows) + 2}: column 'province'", "'unique slug'")
    line = next(x for x in found if "'unique slug'" in x)
    assert f"'{first['province']}' (line 2)" in line, line


def test_the_command_prints_one_line_per_probe(data):
    """One run over several probes at once: exit 3, one line each, no traceback."""
    set_cell(data / "figures.csv", 1, "value", "1e309")
    set_cell(data / "figures.csv", 2, "value", "４５")
    set_cell(data / "organizations.csv", 1, "name", "Đảng bộ\u202e tỉnh")
    (data / "metrics.csv").unlink()
    (data / "metrics.csv").mkdir()
    out = assert_clean_exit_3(run_validate(data))
    assert any("'1e309' breaks type 'number'" in line for line in out), out
    assert any("U+202E RIGHT-TO-LEFT OVERRIDE" in line for line in out), out
    assert any(line.startswith("metrics.csv:0:") and "directory" in line for line in out), out
    assert "\u202e" not in "".join(out)


# --- the column-wise path for large tables gives the frictionless path's findings -------------

FIGURE_PROBES = [
    ("value", "abc"), ("value", "105"), ("value", "-19"), ("value", "97,5"), ("value", "3.600"),
    ("value", "inf"), ("value", "1e309"), ("value", "4_5"), ("value", "４５"), ("value", " 5"),
    ("value", "1000000000"), ("value", "999999999.5"), ("value", ""), ("value", "12.5"),
    ("unit", "people"), ("unit", "percent"), ("unit", ""), ("figure_id", "S003-01"),
    ("figure_id", "S0031"), ("figure_id", ""), ("source_id", "S999"), ("metric", "party_orgz"),
    ("category", "tsvm"), ("denominator", "nope"), ("period", "2015/20"), ("period", "20x5"),
    ("period_kind", "month"), ("target", "92"), ("target_basis", "stated"), ("target", "abc"),
    ("threshold", "5"), ("value", "nan"), ("target", "NaN"),
    ("quote", "hiện có 95 tổ chức cơ sở đảng\u202e"),
    ("quote", "tab\there"), ("quote", "Ho\u0300a"), ("quote", "a\xa0b"), ("quote", " lead"),
    ("quote", "two\nlines"), ("note", "zero\u200bwidth"), ("qualifier", "roughly"),
]  # fmt: skip


def _mutate_all(folder: Path) -> None:
    """Every probe at once, each on its own row: the findings must not depend on the path."""
    path = folder / "figures.csv"
    for row, (column, value) in enumerate(FIGURE_PROBES, start=1):
        set_cell(path, row, column, value)
    set_cell(folder / "organizations.csv", 1, "province", "Đắk Nôngg")
    set_cell(folder / "organizations.csv", 2, "parent_id", "nobody")
    set_cell(folder / "organizations.csv", 3, "name", "Đảng bộ\u2066 tỉnh ")


def _twice(folder: Path) -> tuple[list[str], list[str]]:
    slow = [str(v) for v in validate_package(folder, seeds=None, fast_from=None)]
    fast = [str(v) for v in validate_package(folder, seeds=None, fast_from=0)]
    return slow, fast


def test_column_wise_path_gives_the_same_lines(data):
    assert _twice(data) == ([], [])
    _mutate_all(data)
    slow, fast = _twice(data)
    assert len(slow) >= len(FIGURE_PROBES)
    assert fast == slow, "\n".join(sorted(set(fast) ^ set(slow)))


@pytest.mark.parametrize(("column", "value"), FIGURE_PROBES)
def test_column_wise_path_one_probe_at_a_time(data, column, value):
    set_cell(data / "figures.csv", 3, column, value)
    slow, fast = _twice(data)
    assert slow and fast == slow, "\n".join(sorted(set(fast) ^ set(slow)))


# Dates and integers are read as frictionless reads them ("2025-1-5" is a date to strptime).
OTHER_PROBES = [
    ("sources.csv", "published", "2025-13-01"), ("sources.csv", "published", "2025-02-30"),
    ("sources.csv", "published", "01/02/2025"), ("sources.csv", "published", " 2025-01-05"),
    ("sources.csv", "published", "2025-1-5"), ("sources.csv", "retrieved", "hôm nay"),
    ("sources.csv", "retrieved", "2025-01-05T10:00"), ("sources.csv", "published", ""),
    ("categories.csv", "level", "1.0"), ("categories.csv", "level", "abc"),
    ("categories.csv", "level", "-1"), ("categories.csv", "level", "99"),
    ("categories.csv", "level", " 2"), ("categories.csv", "level", "1_0"),
    ("categories.csv", "level", "+1"), ("categories.csv", "level", "٣"),
    ("categories.csv", "level", "007"),
]  # fmt: skip


@pytest.mark.parametrize(("table", "column", "value"), OTHER_PROBES)
def test_column_wise_path_reads_dates_and_integers_alike(data, table, column, value):
    rows = list(csv.DictReader(io.StringIO((data / table).read_text(encoding="utf-8"))))
    needs = "published" if table == "sources.csv" else "level"  # a dated source; a tier
    row = next(n for n, r in enumerate(rows, start=1) if r[needs])
    set_cell(data / table, row, column, value)
    slow, fast = _twice(data)
    assert fast == slow, "\n".join(sorted(set(fast) ^ set(slow)))
    assert slow or value in ("2025-1-5", "007", ""), "a probe that breaks no rule"
