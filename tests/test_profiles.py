"""Province profiles: which are planned, merged units gathered side by side, trends per regime,
the answer first, links between the pages, charts legible on a phone, and saving from Lab."""

import base64
import io
import itertools
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from notebook_runner import execute, problems, visible_text

from helpers.analysis import merger, profile, trends
from helpers.data.provinces import province_index
from helpers.lab import strip_outputs
from helpers.paths import DATA_DIR, NOTEBOOKS_DIR
from helpers.render.plan import NoFiguresError, plan, profiles
from helpers.report import charts, in_brackets

PHONE_PX = 390 - 2 * 16  # a 390-pixel phone less the page's side margins
PROFILE = "40-province-profile.ipynb"


@pytest.fixture(scope="module")
def founding() -> Path:
    return Path(os.environ["TCCSD_TEST_FOUNDING_DATA"])  # conftest: the five founding articles


# --------------------------------------------------------------------------- planning


def test_profiles_only_where_there_are_figures(founding):
    planned = {p.slug: p for p in profiles(founding)}
    # Quảng Trị has a source but no figure, and its unit (with Quảng Bình) has none either
    assert set(planned) == {"dak-nong", "ninh-thuan", "lam-dong-2025", "khanh-hoa-2025"}
    assert planned["lam-dong-2025"].parameters == {"province": "Lâm Đồng", "after_merger": True}
    assert planned["dak-nong"].title == "Hồ sơ tỉnh Đắk Nông (trước 1/7/2025)"
    assert planned["khanh-hoa-2025"].title == "Hồ sơ tỉnh Khánh Hòa (từ 1/7/2025)"


def test_province_option_plans_the_province_and_its_unit(founding):
    jobs = [j for j in plan(founding, "2026-11-22", None, "Dak Nong") if "/" in j.name]
    assert [(j.name, j.html, j.title) for j in jobs] == [
        ("40-province-profile/dak-nong", "provinces/dak-nong.html",
         "Hồ sơ tỉnh Đắk Nông (trước 1/7/2025)"),
        ("40-province-profile/lam-dong-2025", "provinces/lam-dong-2025.html",
         "Hồ sơ tỉnh Lâm Đồng (từ 1/7/2025)"),
    ]  # fmt: skip
    # Khánh Hòa itself has no figure; the unit that bears its name has, through Ninh Thuận
    only_unit = plan(founding, "2026-11-22", "province-profile", "Khánh Hoà")
    assert [j.name for j in only_unit] == ["40-province-profile/khanh-hoa-2025"]


def test_province_option_without_any_figures_is_one_clear_error(founding):
    with pytest.raises(NoFiguresError, match=r"no figures for Quảng Trị .*Quảng Bình, Quảng Trị"):
        profiles(founding, "Quang Tri")


def test_render_option_for_a_province_without_figures_exits_2(founding, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "helpers.render", "--out", str(tmp_path / "reports"), "--data", str(founding),
         "--province", "Quang Tri"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "no figures for Quảng Trị" in result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.rglob("*.html"))


def test_every_spelling_of_a_city_finds_both_vintages():
    for spelling in ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "ho chi minh"):
        slugs = [p.slug for p in profiles(DATA_DIR, spelling)]
        assert slugs == ["ho-chi-minh", "ho-chi-minh-2025"], spelling


def test_unchanged_unit_has_one_page(founding, tmp_path):
    assert [p.slug for p in profiles(DATA_DIR, "Hà Nội")] == ["ha-noi"]


# --------------------------------------------------------------------------- side by side

ORGS = pd.DataFrame(
    [
        {"organization_id": "a", "parent_id": "", "province": "Đắk Nông", "level": "province"},
        {"organization_id": "a1", "parent_id": "a", "province": "Đắk Nông", "level": "district"},
        {"organization_id": "b", "parent_id": "", "province": "Lâm Đồng", "level": "province"},
        {"organization_id": "c", "parent_id": "", "province": "Bình Thuận", "level": "province"},
    ]
)
NAMES = {"a": "Đảng bộ tỉnh Đắk Nông", "a1": "Đảng bộ huyện Đắk Mil", "b": "Đảng bộ tỉnh Lâm Đồng",
         "c": "Đảng bộ tỉnh Bình Thuận"}  # fmt: skip


def _figure(org: str, value: float, period: str = "2020", **extra) -> dict:
    row = ORGS.set_index("organization_id").loc[org]
    return {
        "figure_id": f"{org}-{value}", "source_id": f"S{org}", "organization_id": org,
        "organization": NAMES[org], "province": row["province"], "organization_level": row["level"],
        "metric": "party_members", "metric_label": "Đảng viên", "family": "members",
        "category": "total", "category_label": "Tổng số", "value": value, "unit": "count",
        "qualifier": "exact", "value_kind": "level", "period": period, "period_kind": "year",
        "period_text": f"năm {period}", **extra,
    }  # fmt: skip


def _unit():
    return province_index(DATA_DIR).unit_of("Lâm Đồng")


def test_side_by_side_keeps_each_province_at_its_highest_level_and_newest_period():
    figures = pd.DataFrame(
        [_figure("a", 22000), _figure("a1", 3000), _figure("a", 21000, "2018"), _figure("b", 9000)]
    )
    rows = merger.side_by_side(figures, "party_members")
    assert list(zip(rows["province"], rows["value"], strict=True)) == [
        ("Đắk Nông", 22000),
        ("Lâm Đồng", 9000),
    ]
    assert list(rows["period_shown"]) == ["Năm 2020", "Năm 2020"]


def test_unit_total_only_when_every_province_reports_the_same_period():
    unit = _unit()
    same = pd.DataFrame([_figure("a", 22000), _figure("b", 9000), _figure("c", 5000)])
    total = merger.unit_total(merger.side_by_side(same, "party_members"), ORGS, unit, "đảng viên")
    assert total.ok and total.value == 36000 and "3 tỉnh cùng kỳ" in total.why
    apart = pd.DataFrame([_figure("a", 22000), _figure("b", 9000, "2019"), _figure("c", 5000)])
    total = merger.unit_total(merger.side_by_side(apart, "party_members"), ORGS, unit, "đảng viên")
    assert not total.ok and total.why == "không cộng được: khác kỳ"
    missing = pd.DataFrame([_figure("a", 22000), _figure("b", 9000)])
    total = merger.unit_total(
        merger.side_by_side(missing, "party_members"), ORGS, unit, "đảng viên"
    )
    assert not total.ok and "chưa có số liệu của Bình Thuận" in total.why
    district = pd.DataFrame([_figure("a1", 3000), _figure("b", 9000), _figure("c", 5000)])
    total = merger.unit_total(merger.side_by_side(district, "party_members"), ORGS, unit, "x")
    assert not total.ok and "đơn vị cấp dưới" in total.why


def test_unit_answer_names_members_and_never_sums():
    figures = pd.DataFrame([_figure("a", 22000), _figure("b", 9000, "2019")])
    text = " ".join(profile.unit_answer(figures, _unit()))
    assert "tỉnh Lâm Đồng gồm Bình Thuận, Đắk Nông và Lâm Đồng" in text
    assert "2 trên 3 tỉnh (Đắk Nông và Lâm Đồng)" in text
    assert "Đảng bộ tỉnh Đắk Nông có 22.000 đảng viên (năm 2020)" in text
    assert "Đảng bộ tỉnh Lâm Đồng có 9.000 đảng viên (năm 2019)" in text
    assert "31.000" not in text and "không cộng gộp" in text


def test_a_printed_period_without_its_year_never_nests_brackets():
    row = _figure("a", 22000, "2025-09-27", period_kind="as_of", period_text="chiều 27/9")
    text = " ".join(profile.unit_answer(pd.DataFrame([row]), _unit()))
    assert "22.000 đảng viên (chiều 27/9, tính đến 27/09/2025)" in text
    assert not re.search(r"\([^()]*\(", text)
    assert in_brackets("Hiện có (tính đến 31/12/2017)") == "Hiện có, tính đến 31/12/2017"


def test_the_units_own_organizations_lead_its_page_and_are_never_a_former_province():
    unit = _unit()
    own = {**_figure("a", 124000, "2025-09-30", period_kind="as_of", period_text="ngày 30/9"),
           "organization_id": "u", "organization": "Đảng bộ tỉnh Lâm Đồng (sau hợp nhất năm 2025)",
           "province": None, "name_after": unit.official_name}  # fmt: skip
    elsewhere = {**own, "organization_id": "v", "name_after": "Tỉnh Gia Lai"}
    members = [
        {**_figure(o, v), "name_after": unit.official_name} for o, v in (("a", 22000), ("b", 9000))
    ]
    figures = pd.DataFrame([own, elsewhere, *members])
    mine = merger.unit_figures(figures, unit)
    assert sorted(mine["organization_id"]) == ["a", "b", "u"]
    text = " ".join(profile.unit_answer(mine, unit))
    assert text.index("(sau hợp nhất năm 2025) có 124.000 đảng viên") < text.index("22.000")
    assert "2 trên 3 tỉnh" in text and "155.000" not in text and "146.000" not in text
    side = merger.side_by_side(mine, "party_members")
    assert sorted(side["province"]) == ["Lâm Đồng", "Đắk Nông"]  # never beside or added to them
    assert unit.shown(None) == "Lâm Đồng (từ 1/7/2025)"


def test_merger_note_links_both_ways():
    unit, with_pages = _unit(), {"Đắk Nông", "Lâm Đồng"}
    before = profile.merger_note(unit, "Đắk Nông", with_pages)
    assert '<a href="lam-dong-2025.html">Lâm Đồng (từ 1/7/2025)</a>' in before
    assert '<a href="lam-dong.html">Lâm Đồng</a>' in before and "binh-thuan" not in before
    after = profile.merger_note(unit, None, with_pages)
    assert 'href="dak-nong.html"' in after and 'href="lam-dong.html"' in after
    assert "binh-thuan" not in after  # no figures, so no page to link to
    assert (
        profile.merger_note(province_index(DATA_DIR).unit_of("Hà Nội"), "Hà Nội", {"Hà Nội"}) == ""
    )


# --------------------------------------------------------------------------- trends


def _tiers(org, period, regime, shares, source="S1"):
    labels = {4: "Trong sạch vững mạnh", 3: "Hoàn thành tốt nhiệm vụ", 2: "Hoàn thành nhiệm vụ",
              1: "Yếu kém"}  # fmt: skip
    return [
        {"organization": org, "province": "Đắk Nông", "metric": "org_classification",
         "metric_label": "Xếp loại TCCSĐ", "regime": regime, "period": period, "period_kind": "year",
         "period_text": None, "level": level, "category": f"t{level}", "category_label": labels[level],
         "tier_reported": labels[level].lower(), "share": share, "source_id": source}
        for level, share in zip((4, 3, 2, 1), shares, strict=False)
    ]  # fmt: skip


def test_classification_trend_keeps_regimes_apart():
    table = pd.DataFrame(
        _tiers("Đảng bộ tỉnh", "2016", "tsvm", [50, 30, 15, 5])
        + _tiers("Đảng bộ tỉnh", "2017", "tsvm", [55, 30, 10, 5])
        + _tiers("Đảng bộ tỉnh", "2019", "htxs", [20, 60])  # a partial set of tiers
        + _tiers("Đảng bộ huyện", "2019", "htxs", [20, 60, 15, 5])  # one period: no trend
    )
    series = trends.classification_series(table)
    assert [(s["organization"], s["regime"]) for s in series] == [
        ("Đảng bộ tỉnh", "tsvm"),
        ("Đảng bộ tỉnh", "htxs"),
    ]
    old, new = series[0]["rows"], series[1]["rows"]
    assert list(dict.fromkeys(old["label"])) == ["Năm 2016", "Năm 2017"]
    assert list(dict.fromkeys(new["label"])) == ["Năm 2019"]
    assert new.loc[new["level"] == 0, "share"].tolist() == [20.0]  # "chưa công bố", not 100%


def test_classification_series_bars_are_each_bars_tier_composition():
    """All bars of a series are built at once; each is what ``rules.tier_composition`` gives for
    its own rows: oldest first, two sources of a period apart, a short bar ending in its rest."""
    from helpers.analysis.rules import tier_composition

    rows = (
        _tiers("A", "2017", "tsvm", [55.5, 30, 10, 4.5])
        + _tiers("A", "2017", "tsvm", [50.25, 30.5], source="S2")  # the same year, told short
        + _tiers("A", "2015", "tsvm", [40, 35, 20])
        + [{**r, "period": None, "period_kind": "undated", "period_text": "Hằng năm"}
           for r in _tiers("A", "", "tsvm", [60, 25])]
    )  # fmt: skip
    table = pd.DataFrame(rows).sample(frac=1.0, random_state=3).reset_index(drop=True)
    (series,) = trends.classification_series(table)
    bars = series["rows"]
    in_2017 = list(dict.fromkeys(table.loc[table["period"] == "2017", "source_id"]))
    assert list(dict.fromkeys(bars["label"])) == [
        "Năm 2015 (S1)",
        *[f"Năm 2017 ({s})" for s in in_2017],
        "Hằng năm (S1)",
    ]  # fmt: skip (two sources of a year: in the order the rows give them)
    for label, bar in bars.groupby("label", sort=False):
        period, source = bar["period"].iloc[0], bar["source_id"].iloc[0]
        same = table[
            (table["period"] == period if isinstance(period, str) else table["period"].isna())
            & (table["source_id"] == source)
        ]
        expected = tier_composition(same.assign(value=same["share"], unit="percent"))
        for column in ("level", "category", "value", "complete"):
            assert bar[column].tolist() == expected[column].tolist(), (label, column)
    runs = bars["label"].ne(bars["label"].shift()).sum()
    assert runs == bars["label"].nunique()  # each bar's rows together, in chart order
    assert all(bar["level"].iloc[:-1].ne(0).all() for _, bar in bars.groupby("label"))
    rest = bars[bars["level"] == 0]
    assert rest["share"].tolist() == [5.0, 19.25, 15.0]  # the short bars' rest of 100%
    assert set(rest["tier_reported"]) == {"chưa công bố"}


def test_classification_series_leave_out_rows_without_organization_or_share():
    rows = (
        _tiers("A", "2016", "tsvm", [50, 30, 15, 5]) + _tiers("A", "2017", "tsvm", [50, 30, 15, 5])
        + [{**r, "organization": None} for r in _tiers("B", "2016", "tsvm", [50, 30, 15, 5])
           + _tiers("B", "2017", "tsvm", [50, 30, 15, 5])]
        + [{**r, "share": np.nan} for r in _tiers("C", "2016", "tsvm", [50, 30, 15, 5])]
        + _tiers("C", "2017", "tsvm", [50, 30, 15, 5])
    )  # fmt: skip
    table = pd.DataFrame(rows).astype({"organization": "string"})
    series = trends.classification_series(table)
    assert [(s["organization"], s["periods"]) for s in series] == [("A", 2)]
    assert trends.count_classification_series(table) == 1


def test_classification_trends_build_only_the_longest_series_and_count_all():
    table = pd.DataFrame(
        [
            row
            for org, years in (("A", 2), ("B", 4), ("C", 3), ("D", 4))
            for year in range(2010, 2010 + years)
            for row in _tiers(f"Đảng bộ {org}", str(year), "tsvm", [50, 30, 15, 5])
        ]
        + _tiers("Đảng bộ E", "2019", "tsvm", [50, 30, 15, 5])  # one period: no series
        + [{**r, "period": None, "period_kind": "undated"}  # an undated period counts as one
           for r in _tiers("Đảng bộ A", "", "tsvm", [50, 30, 15, 5])]
    )  # fmt: skip
    every = trends.classification_series(table)
    assert [(s["organization"], s["periods"]) for s in every] == [
        ("Đảng bộ A", 3), ("Đảng bộ B", 4), ("Đảng bộ C", 3), ("Đảng bộ D", 4),
    ]  # fmt: skip
    built, total = trends.classification_trends(table, 3)
    assert total == 4 == trends.count_classification_series(table)
    # the most periods first chosen, ties in order (A before C), shown in their own order
    assert [s["organization"] for s in built] == ["Đảng bộ A", "Đảng bộ B", "Đảng bộ D"]
    for kept in built:
        (same,) = [s for s in every if s["organization"] == kept["organization"]]
        pd.testing.assert_frame_equal(kept["rows"], same["rows"])
    for two in (
        trends.classification_series(table, limit=2),
        trends.classification_trends(table, 2)[0],
    ):
        assert [s["organization"] for s in two] == ["Đảng bộ B", "Đảng bộ D"]
    # a series with more bars than a chart can show is counted, never drawn
    short, total = trends.classification_trends(table, 3, max_bars=3)
    assert [s["organization"] for s in short] == ["Đảng bộ A", "Đảng bộ C"] and total == 4


def test_admission_trend_compares_only_like_periods():
    rec = pd.DataFrame(
        [
            {"organization": "Đảng bộ tỉnh", "province": "Đắk Nông", "period": p, "period_kind": k,
             "period_text": t, "admitted": a, "target": np.nan, "source_id": "S1",
             "status_label": "Không có chỉ tiêu"}
            for p, k, t, a in [
                ("2016", "year", None, 1200), ("2017", "year", None, 1395),
                ("2018-09-30", "year_to_date", "9 tháng đầu năm 2018", 800),
            ]
        ]
    )  # fmt: skip
    (series,) = trends.admission_series(rec)
    assert list(series["table"]["period_shown"]) == ["Năm 2016", "Năm 2017", "9 tháng đầu năm 2018"]
    (chart,) = series["charts"]
    assert list(chart["label"]) == ["Năm 2016", "Năm 2017"]  # the part-year count is not drawn


def test_admission_series_of_many_organizations_are_each_its_own():
    """Built for all organizations at once, each series is what its own rows alone give: rows
    of other organizations, interleaved and out of order, change nothing (order, province)."""
    rows = [
        ("B", "Bình Phước", "2019", "year", 30), ("A", "An Giang", "2017", "year", 10),
        ("B", "Bình Phước", "2016-2020", "term", 90), ("A", "An Giang", "2015", "year", 12),
        ("B", "Bình Phước", "2018", "year", 25), ("A", "An Giang", "2015", "year", 11),
        ("C", "Cà Mau", "2018", "year", 5), ("B", None, "2011-2015", "term", 80),
        ("A", "An Giang", None, "year", 9), (None, "Đắk Nông", "2016", "year", 1),
    ]  # fmt: skip
    rec = pd.DataFrame(
        [{"organization": o, "province": p, "period": per, "period_kind": k, "period_text": None,
          "admitted": float(a), "target": np.nan, "source_id": f"S{i}"}
         for i, (o, p, per, k, a) in enumerate(rows)]
    ).astype({"organization": "str", "province": "str", "period": "str", "period_text": "str"})  # fmt: skip
    every = trends.admission_series(rec)
    assert [s["organization"] for s in every] == ["A", "B"]  # C has one period; no organization
    for series in every:
        (alone,) = trends.admission_series(rec[rec["organization"] == series["organization"]])
        assert series["province"] == alone["province"]
        pd.testing.assert_frame_equal(series["table"], alone["table"])
        assert len(series["charts"]) == len(alone["charts"])
        for chart, own in zip(series["charts"], alone["charts"], strict=True):
            pd.testing.assert_frame_equal(chart, own)
    a, b = every
    assert list(a["table"]["period"].fillna("?")) == ["2015", "2015", "2017", "?"]
    assert list(a["table"]["source_id"][:2]) == ["S3", "S5"]  # ties keep the rows' order
    assert [list(c["period"]) for c in b["charts"]] == [
        ["2018", "2019"],
        ["2011-2015", "2016-2020"],
    ]
    assert b["province"] == "Bình Phước"  # its first row's, not its oldest period's (no province)
    assert pd.isna(b["table"]["province"][0])


# --------------------------------------------------------------------------- charts on a phone


def _svg(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _chart_cases():
    long = "Đảng bộ Khối Các cơ quan - Doanh nghiệp tỉnh Bà Rịa - Vũng Tàu · 9 tháng đầu năm 2021"
    tiers = pd.DataFrame(
        [{"label": f"{long} {i}", "level": lv, "category_label": f"Mức {lv}", "share": sh}
         for i in range(25) for lv, sh in ((4, 40.0), (3, 40.0), (2, 15.0), (1, 5.0))]
    )  # fmt: skip
    dots = pd.DataFrame(
        {"label": ["Năm 2016", long], "actual": [1200, 1395], "target": [1100, np.nan]}
    )
    bars = pd.DataFrame({"label": [long, "Năm 2017"], "attainment_pct": [124.0, 74.9],
                         "attainment_high": [np.nan, 74.9], "status": ["exceeded", "in_progress"],
                         "elapsed": [1.0, 0.75]})  # fmt: skip
    names = pd.read_csv(DATA_DIR / "provinces.csv")["province"]
    tiles = pd.DataFrame({"province": names, "sources": np.arange(len(names)) % 3})
    title = "Xếp loại tổ chức cơ sở đảng, hệ thang Trong sạch vững mạnh (đến 2017)"
    return {
        "tiers": lambda: charts.tier_share_chart(tiers, title, "S000, S003"),
        "dots": lambda: charts.actual_vs_target_chart(dots, title, "Số đảng viên", "S003", unit=""),
        "bars": lambda: charts.attainment_chart(bars, title, "S003"),
        "tiles": lambda: charts.coverage_tiles(tiles, title, "danh mục nguồn"),
    }


@pytest.mark.parametrize("name", list(_chart_cases()))
def test_chart_text_is_at_least_11_px_on_a_phone(name):
    svg = _svg(_chart_cases()[name]())
    width_pt = float(re.search(rb'width="([0-9.]+)pt"', svg).group(1))
    assert width_pt <= charts.WIDTH * 72 + 0.5, "shown no wider than drawn: never scaled up"
    assert charts.smallest_text_px(svg, PHONE_PX) >= 11


@pytest.mark.parametrize("name", list(_chart_cases()))
def test_chart_is_well_formed_svg_and_the_same_twice(name, tmp_path):
    """The bytes a report embeds are the bytes ``savefig`` writes, parse as SVG, and do not
    change from one drawing to the next (a report's key and its diff rely on it)."""
    cases = _chart_cases()
    svg = charts.svg_bytes(cases[name]())
    assert svg == charts.svg_bytes(cases[name]()) == _svg(cases[name]())
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    cases[name]().savefig(tmp_path / "chart.svg")
    assert (tmp_path / "chart.svg").read_bytes() == svg
    with pytest.raises(ValueError, match="SVG only"):
        cases[name]().savefig(tmp_path / "chart.png")


def _texts(svg: bytes) -> list[str]:
    return [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


def test_chart_text_is_escaped_and_kept_whole():
    hostile = '<script>alert(1)</script> & Đảng bộ "A"'
    rows = pd.DataFrame(
        [{"label": hostile, "level": lv, "category_label": f"Mức {lv} <b>", "share": 25.0}
         for lv in (4, 3, 2, 1)]
    )  # fmt: skip
    svg = charts.svg_bytes(charts.tier_share_chart(rows, f"Xếp loại {hostile}", "S003 & S004"))
    assert b"<script>" not in svg and b"<b>" not in svg
    texts = _texts(svg)
    assert " ".join(texts).count(hostile) == 2, "the label (on two lines) and the title"
    assert "Mức 4 <b>" in texts
    assert "Nguồn: S003 & S004" in texts


def _bars(svg: bytes) -> list[tuple[float, float, float, str]]:
    """(x, y, width, fill) of each bar segment: the rectangles under the title."""
    return [
        (float(r.get("x")), float(r.get("y")), float(r.get("width")), r.get("fill"))
        for r in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}rect")
        if r.get("stroke") == "#ffffff" and float(r.get("height")) == charts.BAR
    ]


def test_tier_bars_are_drawn_to_scale_with_values_only_on_short_charts():
    def rows(n):
        return pd.DataFrame(
            [{"label": f"Năm {2010 + i}", "level": lv, "category_label": f"Mức {lv}", "share": sh}
             for i in range(n) for lv, sh in ((4, 40.0), (3, 40.0), (2, 15.0), (1, 5.0))]
        )  # fmt: skip

    svg = charts.svg_bytes(charts.tier_share_chart(rows(2), "Xếp loại", "S003"))
    bars = _bars(svg)
    assert len(bars) == 8
    first = sorted(b for b in bars if b[1] == min(b[1] for b in bars))
    full = charts.RIGHT - charts.LEFT
    assert [round(b[2] / full * 100, 6) for b in first] == [40.0, 40.0, 15.0, 5.0]
    assert first[0][0] == pytest.approx(charts.LEFT) and first[0][3] == charts.LEVEL_COLOURS[4]
    assert all(a[0] + a[2] == pytest.approx(b[0]) for a, b in itertools.pairwise(first))
    texts = _texts(svg)
    assert texts.count("40,0") == 4 and texts.count("15,0") == 2, "12% and more are labelled"
    assert "5,0" not in texts, "a thin segment has no room for its value"
    assert ["0%", "25%", "50%", "75%", "100%"] == [t for t in texts if t.endswith("%")]
    long = _texts(charts.svg_bytes(charts.tier_share_chart(rows(9), "Xếp loại", "S003")))
    assert "40,0" not in long, "no values inside the bars of a long chart"


def test_dot_and_attainment_charts_place_values_on_their_axis():
    dots = pd.DataFrame({"label": ["Năm 2016", "Năm 2017"], "actual": [1200.0, 1395.0],
                         "target": [1100.0, np.nan]})  # fmt: skip
    svg = charts.svg_bytes(
        charts.actual_vs_target_chart(dots, "Kết nạp", "Số đảng viên", "S003", unit="")
    )
    ticks = [t for t in _texts(svg) if re.fullmatch(r"[0-9.]+", t)]
    assert ticks == ["1.100", "1.200", "1.300", "1.400"], "as matplotlib picks them in 1.085–1.410"
    root = ET.fromstring(svg)
    dots_x = [float(c.get("cx")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    assert dots_x[0] < dots_x[1] <= charts.RIGHT and dots_x[0] > charts.LEFT
    assert len(list(root.iter("{http://www.w3.org/2000/svg}polygon"))) == 2, "one target, legend"
    bars = pd.DataFrame({"label": ["Năm 2016", "Năm 2017"], "attainment_pct": [124.0, 50.0],
                         "attainment_high": [np.nan, 50.0], "status": ["exceeded", "not_met"]})  # fmt: skip
    svg = charts.svg_bytes(charts.attainment_chart(bars, "Mức đạt", "S003"))
    root = ET.fromstring(svg)
    fills = {
        r.get("fill"): float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect")
    }
    top = 124.0 * 1.1
    full = charts.RIGHT - charts.LEFT
    assert fills[charts.STATUS_COLOURS["exceeded"]] == pytest.approx(full * 124 / top, abs=0.01)
    assert fills[charts.STATUS_COLOURS["not_met"]] == pytest.approx(full * 50 / top, abs=0.01)
    (hundred,) = [
        l for l in root.iter("{http://www.w3.org/2000/svg}line") if l.get("stroke-dasharray")
    ]
    assert float(hundred.get("x1")) == pytest.approx(charts.LEFT + full * 100 / top, abs=0.01)
    texts = _texts(svg)
    assert "Năm 2016: trên 124,0%" in texts and "100% chỉ tiêu" in texts
    assert len(list(root.iter("{http://www.w3.org/2000/svg}polyline"))) == 1, "one arrow: 'trên'"


def test_a_missing_actual_value_is_not_drawn():
    dots = pd.DataFrame({"label": ["Năm 2016", "Năm 2017"], "actual": [np.nan, 1395.0],
                         "target": [1100.0, np.nan]})  # fmt: skip
    svg = charts.svg_bytes(charts.actual_vs_target_chart(dots, "Kết nạp", "Số", "S003", unit=""))
    assert b"nan" not in svg.lower()
    root = ET.fromstring(svg)
    assert len(list(root.iter("{http://www.w3.org/2000/svg}circle"))) == 2, "1395 and the legend"
    assert "Năm 2016" in _texts(svg), "the row keeps its label and its target"


def test_figure_html_embeds_an_analysts_own_matplotlib_figure():
    from matplotlib.figure import Figure

    from helpers import report

    fig = Figure(figsize=(3, 2))
    fig.text(0.1, 0.5, "Kết nạp đảng viên")
    markup = str(report.figure_html(fig, alt="Biểu đồ riêng"))
    svg = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", markup).group(1))
    assert b"K\xe1\xba\xbft n\xe1\xba\xa1p" in svg and b"Date" not in svg
    assert markup == str(report.figure_html(fig, alt="Biểu đồ riêng"))


def test_tier_chart_names_each_tier_once_in_level_order():
    rows = pd.DataFrame(
        [{"label": f"Năm {y}", "level": lv, "category_label": f"Mức {lv}", "share": 25.0}
         for y in (2016, 2017) for lv in (2, 4, 1, 3)]
    )  # fmt: skip
    svg = charts.svg_bytes(charts.tier_share_chart(rows, "Xếp loại", "S003")).decode("utf-8")
    found = [m.group(1) for m in re.finditer(r">(Mức \d)<", svg)]
    assert found == ["Mức 4", "Mức 3", "Mức 2", "Mức 1"]
    with pytest.raises(ValueError, match="two shares"):
        charts.tier_share_chart(pd.concat([rows, rows.head(1)]), "Xếp loại", "S003")


def test_smallest_text_px_reads_the_smallest_font():
    svg = '<svg viewBox="0 0 324 200"><text style="font: 12px \'DejaVu Sans\'"/><text style="font: 9px \'DejaVu Sans\'"/></svg>'
    assert charts.smallest_text_px(svg, 648) == 18.0


# --------------------------------------------------------------------------- saving from Lab


@pytest.mark.parametrize("name", sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb")))
def test_save_hook_strips_outputs_and_keeps_the_committed_bytes(name):
    committed = (NOTEBOOKS_DIR / name).read_text(encoding="utf-8")
    nb = nbformat.reads(committed, as_version=nbformat.NO_CONVERT)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1.395")]
    code.execution_count = 7
    code.metadata["execution"] = {"iopub.status.busy": "2026-11-23T07:00:00Z"}
    nb.metadata["language_info"] = {
        "name": "python",
        "version": "3.11.2",
        "mimetype": "text/x-python",
    }
    model = {"type": "notebook", "content": json.loads(nbformat.writes(nb))}
    strip_outputs(model=model, path=name, contents_manager=None)
    content = model["content"]
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in content["cells"] if c["cell_type"] == "code")  # fmt: skip
    saved = nbformat.writes(nbformat.from_dict(content), version=nbformat.NO_CONVERT) + "\n"
    assert saved == committed, "a save from Lab changes the cache key, and so re-renders"


def test_save_hook_leaves_other_files_alone():
    model = {"type": "file", "content": "a,b\n"}
    strip_outputs(model=model, path="x.csv", contents_manager=None)
    assert model == {"type": "file", "content": "a,b\n"}


# --------------------------------------------------------------------------- the notebook

ENGLISH = re.compile(r"\b(exact|at_most|at_least|reported|computed|tsvm|htxs|year_to_date|"
                     r"undated|percent|count|None|nan|the|and|of)\b")  # fmt: skip


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory, notebook_kernel):
    return tmp_path_factory.mktemp("profiles")


def _html(nb) -> str:
    return " ".join(
        out.get("data", {}).get("text/html", "") for c in nb.cells for out in c.get("outputs", [])
    )


def test_pre_merger_profile_answers_first_and_links_its_unit(out_dir, founding):
    nb = execute(PROFILE, out_dir, data_dir=str(founding), province="Đăk Nông",
                 report_date="2026-11-22")  # fmt: skip
    assert problems(nb) == []
    markup = _html(nb)
    assert markup.lstrip().startswith('<p class="answer">'), "the answer comes first"
    answer = re.search(r'<p class="answer">(.*?)</p>', markup).group(1)
    assert "Năm 2017, Đảng bộ tỉnh Đắk Nông kết nạp 1.395 đảng viên, vượt chỉ tiêu" in answer
    assert 'href="lam-dong-2025.html"' in markup
    assert set(re.findall(r'data-source="(S\d+)"', markup)) == {"S003"}, "only what it cites"
    text = visible_text(nb)
    assert not ENGLISH.findall(text), ENGLISH.findall(text)
    assert "Tham số" not in text and "100 " not in text


def test_merged_unit_profile_gathers_its_provinces(out_dir, founding):
    nb = execute(PROFILE, out_dir, data_dir=str(founding), province="TP. Hồ Chí Minh",
                 after_merger=True, report_date="2026-11-22")  # fmt: skip
    assert problems(nb) == []
    text = visible_text(nb)
    assert "TP. Hồ Chí Minh gồm Bình Dương, Bà Rịa - Vũng Tàu và TP. Hồ Chí Minh" in text
    nb = execute(PROFILE, out_dir, data_dir=str(founding), province="Lâm Đồng", after_merger=True,
                 report_date="2026-11-22")  # fmt: skip
    assert problems(nb) == []
    markup, text = _html(nb), visible_text(nb)
    assert "tỉnh Lâm Đồng gồm Bình Thuận, Đắk Nông và Lâm Đồng" in text
    assert 'href="dak-nong.html"' in markup and "binh-thuan.html" not in markup
    assert "Xếp loại" in text and not ENGLISH.findall(text), ENGLISH.findall(text)


def test_rendered_profiles_link_to_each_other(rendered):
    out, _ = rendered
    folder = out / "2026-11-22" / "provinces"
    pages = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.html")}
    assert 'href="lam-dong-2025.html"' in pages["dak-nong.html"]
    assert 'href="dak-nong.html"' in pages["lam-dong-2025.html"]
    for name, markup in pages.items():
        for href in re.findall(r'href="([a-z0-9-]+\.html)"', markup):
            assert href in pages, f"{name} links to a missing profile {href}"
