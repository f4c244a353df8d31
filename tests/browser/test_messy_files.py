"""A data file as Excel saves it (BOM, semicolons, CRLF at once) is rejected with clear lines."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

from helpers.paths import PROJ_ROOT


def save_as_excel(path: Path) -> None:
    """Rewrite a CSV the way Excel's "CSV UTF-8" does in a Vietnamese locale."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def test_excel_saved_file_is_rejected_with_one_line_per_rule(data_copy):
    save_as_excel(data_copy / "organizations.csv")
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "validate", str(data_copy)],
        capture_output=True, text=True, timeout=120, check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 3, result.stdout + result.stderr  # invalid data
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.strip().split("\n")
    assert all(
        re.match(r"^organizations\.csv:1: column '[^']+': value '.*' breaks rule .+$", line)
        for line in lines
    ), lines
    for rule in ("'no BOM'", "'comma-separated'", "'LF line ends'"):
        assert sum(rule in line for line in lines) == 1, (rule, lines)
    assert len(lines) == 3, "the file is rejected as a whole, not row by row"
