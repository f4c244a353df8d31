"""Reports rendered from real-looking rows never add across units, periods or levels, never colour
a part-year flow as failing, and never stretch a partial tier set to a 100% bar."""

import base64
import re
import subprocess
import sys

import pytest
from fixtures.real_cases import SUMS_THAT_MUST_NOT_APPEAR, make_real_cases

from helpers.data.validation import validate_package

RED, GREY = "#b2182b", "#d9d9d9"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every page of one render of the real-cases package, by file name."""
    root = tmp_path_factory.mktemp("real-cases")
    data = make_real_cases(root / "data")
    assert validate_package(data, seeds=None) == []
    run = subprocess.run(
        [sys.executable, "-m", "helpers", "render", "--data", str(data), "--out",
         str(root / "reports"), "--date", "2026-11-23", "--jobs", "2"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = root / "reports" / "2026-11-23"
    return {
        p.relative_to(folder).as_posix(): _with_charts(p.read_text("utf-8"))
        for p in folder.rglob("*.html")
    }


def _with_charts(html: str) -> str:
    """The page with each embedded SVG chart decoded after it, so chart text can be searched."""
    charts = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    return html + "".join(base64.b64decode(c).decode("utf-8") for c in charts)


def test_no_total_adds_units_periods_levels_or_units_of_measure(pages):
    for name, html in pages.items():
        for total in SUMS_THAT_MUST_NOT_APPEAR:
            assert f">{total}<" not in html and f" {total} " not in html, (name, total)


def test_a_part_year_flow_is_shown_as_progress_not_failure(pages):
    recruitment = pages["30-recruitment.html"]
    assert "đang thực hiện" in recruitment.lower()
    assert "9 tháng đầu năm 2021" in recruitment
    assert RED not in recruitment  # the only unfinished attainment is never coloured as failing


def test_a_partial_tier_set_keeps_its_gap_visible(pages):
    classification = pages["20-classification.html"]
    assert "Chưa công bố" in classification and GREY in classification


def test_findings_name_the_organization_and_the_period(pages):
    profile = pages["provinces/ha-nam.html"]
    assert "Đảng bộ huyện A (TỔNG HỢP)" in profile and "9 tháng đầu năm 2021" in profile


def test_a_qualifier_travels_with_its_value_in_every_table():
    import pandas as pd

    from helpers.data.numbers import format_vn_number
    from helpers.report import table

    frame = pd.DataFrame(
        {"value": [90.0, 120.0, 640.0], "qualifier": ["more_than", "approximately", "exact"]}
    )
    markup = table(frame, {"value": "Giá trị"}, formats={"value": format_vn_number})._repr_html_()
    assert ">trên 90<" in markup and ">khoảng 120<" in markup and ">640<" in markup
