"""Unit tests of what the notebooks share: parameter checks, findings, escaping, charts."""

import datetime as dt
import warnings

import pandas as pd
import pytest

import helpers
from helpers import analysis, report
from helpers.paths import DATA_DIR
from helpers.report import charts


def test_check_date():
    assert report.check_date("2026-11-22") == dt.date(2026, 11, 22)
    assert report.check_date("") == dt.date.today()
    for bad in ("22/11/2026", "2026-13-01", "2026-1-1", "yesterday"):
        with pytest.raises(report.ParameterError, match="YYYY-MM-DD"):
            report.check_date(bad)


def test_check_province(founding_data):
    assert report.check_province("Dak Nong", founding_data) == "Đắk Nông"
    assert report.check_province("", founding_data) is None
    with pytest.raises(
        report.ParameterError, match="provinces with data: Ninh Thuận, Quảng Trị, Đắk Nông"
    ):
        report.check_province("", founding_data, required=True)
    with pytest.raises(report.ParameterError, match="closest matches: Ninh Thuận"):
        report.check_province("Ninh Thun", founding_data)


def test_check_data_dir(tmp_path):
    assert report.check_data_dir("") == DATA_DIR
    with pytest.raises(report.ParameterError, match="no datapackage.json"):
        report.check_data_dir(tmp_path)


def test_vietnamese_words():
    assert report.vn_value(12000, "count", "approximately") == "khoảng 12.000"
    assert report.vn_value(97.5, "percent") == "97,5%"
    assert report.vn_value(float("nan"), "count") == "—"
    assert report.vn_period("2015-2020", "term") == "Giai đoạn 2015-2020"
    assert report.vn_period(None, "undated") == "Thời điểm không ghi rõ"
    assert report.vn_pp(-4.5) == "4,5 điểm phần trăm"
    assert report.join_vn(["a", "b", "c"]) == "a, b và c"


def test_markup_in_data_is_escaped():
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    frame = pd.DataFrame({"name": [hostile], "value": [1.0]})
    markup = str(report.table(frame, {"name": "Tên", "value": "Giá trị"}))
    assert "<script>" not in markup and "<img" not in markup and "&lt;script&gt;" in markup
    assert "<script>" not in str(report.findings([hostile]))
    quotes = pd.DataFrame({"quote": [hostile], "figure_id": ["X"], "source_id": ["S000"]})
    sources = pd.DataFrame({"source_id": ["S000"], "headline": [hostile]})
    assert "<script>" not in str(report.quote_list(quotes, sources))


def test_empty_selection_says_no_data():
    assert "Không có dữ liệu" in str(report.table(pd.DataFrame(), {"a": "A"}, caption="x"))
    assert "Không có" in str(report.findings([]))
    assert analysis.classification_findings(pd.DataFrame()) == [
        "Không có số liệu xếp loại trong phạm vi đã chọn."
    ]


def test_chart_is_embedded_deterministic_and_has_every_glyph():
    pkg = helpers.load_package()
    rows = analysis.tier_chart_rows(
        helpers.classification_table(pkg.figures), "org_classification", "tsvm"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = str(
            report.figure_html(
                charts.tier_share_chart(rows, "Xếp loại — Đắk Nông", "S003"), alt="Biểu đồ"
            )
        )
        second = str(
            report.figure_html(
                charts.tier_share_chart(rows, "Xếp loại — Đắk Nông", "S003"), alt="Biểu đồ"
            )
        )
    assert first == second
    assert (
        first.startswith('<figure><img src="data:image/svg+xml;base64,')
        and 'alt="Biểu đồ"' in first
    )


def test_latest_keeps_each_units_latest_period():
    frame = pd.DataFrame(
        {"organization": ["a", "a", "b", "b"], "period": ["2017", "2015-2020", "2016", None]}
    )
    assert list(analysis.latest(frame, ["organization"]).index) == [1, 2]
    assert analysis.period_end("2015-2020") == 2020 and analysis.period_end(None) == 0


def test_latest_groups_a_missing_key_with_the_empty_one_and_keeps_ties():
    frame = pd.DataFrame(
        {
            "organization": pd.array(["", None, "a", "a", "a", None], dtype="string"),
            "metric": ["x", "x", "x", "x", "y", "x"],
            "period": pd.array(["2019", "2018", "2020", "2020", "2016", pd.NA], dtype="string"),
        },
        index=[10, 11, 12, 13, 14, 15],
    )
    assert list(analysis.latest(frame, ["organization"]).index) == [10, 12, 13]
    assert list(analysis.latest(frame, ["organization", "metric"]).index) == [10, 12, 13, 14]
    undated = frame[frame["period"].isna()]
    assert list(analysis.latest(undated, ["organization"]).index) == [15]  # undated is latest


def test_inventory_findings_on_real_data(founding_data):
    pkg = helpers.load_package(founding_data)
    text = " ".join(analysis.inventory_findings(pkg, pkg.figures))
    assert (
        "41 số liệu" in text
        and "3.600 (S000) và 3.650 (S004)" in text
        and "94 (S000) và 95 (S004)" in text
    )
    unresolved = analysis.unresolved(pkg, pkg.figures)
    assert "S002" in set(unresolved["item"])


def test_profile_findings_for_a_province_without_figures(founding_data):
    pkg = helpers.load_package(founding_data)
    figures = analysis.select(pkg.figures, "Quảng Trị")
    found = analysis.profile_findings(
        figures,
        helpers.classification_table(figures),
        helpers.recruitment_table(figures),
        "Quảng Trị",
        "Quảng Trị",
    )
    assert found[0] == "Không có số liệu nào về Quảng Trị trong dữ liệu."


def test_html_plain_text_is_its_text_not_an_address():
    """The executed notebook's text/plain output must be the same on every run."""
    shown = report.findings(["Tỷ lệ 97,5% <cao> & đạt"])
    assert repr(shown) == "Phát hiện chính Tỷ lệ 97,5% <cao> & đạt"
    assert "0x" not in repr(report.Html("<p>" + "x " * 400 + "</p>"))
    assert len(repr(report.Html("<p>" + "x " * 400 + "</p>"))) == 300
