"""The curation assistant (helpers.extract) finds the curated figures and declines the traps.

Unit tests run on short Vietnamese snippets, one per construction the rules must understand and
one per kind of number that is not a figure; the score on the five source articles is asserted
when the articles are present (the ``seeds`` fixture skips otherwise).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import unicodedata
from decimal import Decimal

import pytest
from click.testing import CliRunner

from helpers.extract.command import main
from helpers.extract.engine import explain_numbers, extract
from helpers.extract.evaluate import evaluate
from helpers.extract.matching import COMPARE_COLUMNS, compare
from helpers.extract.prepare import normalize_text
from helpers.extract.records import COLUMNS, Candidate
from helpers.paths import DATA_DIR, PROJ_ROOT


def rows(text: str) -> list[dict[str, str]]:
    return [c.row() for c in extract(text, "S999")]


def one(text: str) -> dict[str, str]:
    found = rows(text)
    assert len(found) == 1, found
    return found[0]


def verdicts(text: str) -> dict[str, str]:
    return dict(explain_numbers(text))


# --------------------------------------------------------------------------- numbers, qualifiers


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Đảng bộ hiện có 1.395 đảng viên.", "1395", "count"),
        ("Hiện có 3.600 đảng viên.", "3600", "count"),
        ("Có 97,5% TCCSĐ hoàn thành tốt nhiệm vụ.", "97.5", "percent"),
        ("Có 97,5 % TCCSĐ hoàn thành tốt nhiệm vụ.", "97.5", "percent"),
        ("Toàn tỉnh có 12.000 đảng viên.", "12000", "count"),
    ],
)
def test_vietnamese_number_formats(text, value, unit):
    row = one(text)
    assert (row["value"], row["unit"]) == (value, unit)


def test_slash_part_of_whole_gives_part_and_whole():
    part, whole = rows("Năm 2019 kết nạp 05/85 đảng viên.")
    assert (part["metric"], part["value"]) == ("members_admitted", "5")
    assert "of 85" in part["note"]
    assert (whole["metric"], whole["category"], whole["value"]) == ("party_members", "total", "85")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Khối có gần 12.000 cán bộ, công chức.", "approximately"),
        ("Đảng bộ có khoảng 3.600 đảng viên.", "approximately"),
        ("Dự ước kết nạp 450 đảng viên.", "approximately"),
        ("Toàn tỉnh có trên 700 tổ chức cơ sở đảng.", "more_than"),
        ("Toàn tỉnh có hơn 20.000 đảng viên.", "more_than"),
        ("Toàn tỉnh có 700 tổ chức cơ sở đảng.", "exact"),
    ],
)
def test_qualifiers(text, qualifier):
    assert one(text)["qualifier"] == qualifier


def test_qualifier_of_dự_ước_before_the_verb():
    assert one("Năm 2020, dự ước kết nạp khoảng 450 đảng viên.")["qualifier"] == "approximately"


# --------------------------------------------------------------------------- targets


def test_excess_on_a_share_is_percentage_points_and_not_a_row():
    row = one("Năm 2019, có 97,5% chi, đảng bộ cơ sở lãnh đạo hoàn thành tốt nhiệm vụ, vượt 4,5%.")
    assert row["value"] == "97.5" and row["target_basis"] == "implied_pp_excess"
    assert (row["target"], row["target_input"]) == ("93", "4.5")
    assert row["target_arithmetic"] == "97,5 − 4,5 = 93 (percentage points)"
    assert row["target_qualifier"] == "exact"


def test_excess_on_a_count_is_relative():
    row = one("Kết nạp 901 đảng viên mới, vượt 6% so với chỉ tiêu giao.")
    assert (row["metric"], row["target_basis"]) == ("members_admitted", "implied_relative_excess")
    assert (row["target"], row["target_input"]) == ("850", "6")
    assert row["target_arithmetic"] == "901 / 1,06 = 850"


def test_absolute_excess():
    row = one("Năm 2017 kết nạp 412 đảng viên, vượt chỉ tiêu 9 đảng viên.")
    assert (row["target_basis"], row["target"], row["target_input"]) == (
        "implied_absolute_excess",
        "403",
        "9",
    )


def test_attainment():
    row = one("Năm 2019, kết nạp 620 đảng viên, đạt 124% chỉ tiêu.")
    assert (row["target_basis"], row["target"], row["target_qualifier"]) == (
        "implied_attainment",
        "500",
        "exact",
    )


def test_attainment_above_gives_an_upper_bound():
    row = one("Trong năm 2017, toàn tỉnh đã kết nạp được 1.395 đảng viên, đạt trên 124% chỉ tiêu.")
    assert (row["target"], row["target_qualifier"], row["target_input"]) == (
        "1125",
        "at_most",
        "124",
    )
    assert row["target_arithmetic"].startswith("1.395 / 1,24 = 1.125")
    assert row["pattern"] == "members_admitted+implied_attainment"


# --------------------------------------------------------------------------- tiers, nesting


def test_tsvm_tiers_of_organizations():
    found = rows(
        "Kết quả phân loại năm 2017 có 206 TCCS đảng đạt trong sạch vững mạnh; 134 TCCS đảng "
        "hoàn thành tốt nhiệm vụ; 43 TCCS đảng hoàn thành nhiệm vụ và chỉ có 6 TCCS đảng yếu kém."
    )
    assert [(r["metric"], r["category"], r["value"]) for r in found] == [
        ("org_classification", "tsvm", "206"),
        ("org_classification", "tsvm_httnv", "134"),
        ("org_classification", "tsvm_htnv", "43"),
        ("org_classification", "tsvm_yeu_kem", "6"),
    ]
    assert found[1]["tier_reported"] == "hoàn thành tốt nhiệm vụ"
    assert {r["period"] for r in found} == {"2017"}


def test_htxs_tiers_of_members():
    found = rows(
        "Về đảng viên có 2.491 đảng viên hoàn thành xuất sắc nhiệm vụ; 18.358 đảng viên hoàn "
        "thành tốt nhiệm vụ; 1.607 đảng viên hoàn thành nhiệm vụ và 272 đảng viên không hoàn "
        "thành nhiệm vụ."
    )
    assert [(r["metric"], r["category"]) for r in found] == [
        ("member_classification", "htxs"),
        ("member_classification", "htxs_htt"),
        ("member_classification", "htxs_ht"),
        ("member_classification", "htxs_kht"),
    ]


def test_htxs_tiers_of_organizations_from_2018():
    found = rows("Năm 2019 có 30 TCCSĐ hoàn thành tốt nhiệm vụ và 10 TCCSĐ hoàn thành nhiệm vụ.")
    assert [r["category"] for r in found] == ["htxs_htt", "htxs_ht"]


def test_good_or_better():
    row = one("Năm 2019 có 98% TCCSĐ hoàn thành tốt nhiệm vụ trở lên.")
    assert (row["metric"], row["category"], row["denominator"]) == (
        "org_classification",
        "htt_or_better",
        "party_orgs",
    )
    assert row["tier_reported"] == "hoàn thành tốt nhiệm vụ trở lên"


def test_share_named_before_with_tỷ_lệ():
    row = one("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên đạt 96,8%.")
    assert (row["metric"], row["category"], row["denominator"]) == (
        "member_classification",
        "htt_or_better",
        "party_members",
    )


def test_nesting_with_trong_đó():
    total, committees, cells = rows(
        "Đảng bộ Khối hiện có 95 tổ chức cơ sở đảng (TCCSĐ), trong đó có 35 đảng bộ cơ sở và "
        "60 chi bộ cơ sở."
    )
    assert (total["metric"], total["category"]) == ("party_orgs", "total")
    assert (committees["category"], cells["category"]) == (
        "grassroots_committee",
        "grassroots_cell",
    )
    assert "part of 95" in committees["note"] and "part of 95" in cells["note"]


def test_labels_before_numbers_in_a_trong_đó_sentence():
    found = rows(
        "Đảng bộ hiện có 94 tổ chức cơ sở đảng. Trong đó, loại hình hành chính 45; sự nghiệp 14 "
        "và doanh nghiệp 35."
    )
    assert [(r["category"], r["value"]) for r in found] == [
        ("total", "94"),
        ("administrative", "45"),
        ("public_service", "14"),
        ("enterprise", "35"),
    ]
    assert all("part of 94" in r["note"] for r in found[1:])


def test_part_of_a_printed_whole():
    part, whole = rows(
        "Năm 2020 có 662 trong tổng số 686 TCCSĐ được xếp loại hoàn thành tốt nhiệm vụ trở lên."
    )
    assert (part["metric"], part["category"], part["value"]) == (
        "org_classification",
        "htt_or_better",
        "662",
    )
    assert "662 of 686" in part["note"]
    assert (whole["metric"], whole["category"], whole["value"]) == ("party_orgs", "total", "686")
    assert whole["pattern"] == "of_total_whole"


def test_share_in_brackets_beside_a_count():
    found = rows(
        "Kết quả xếp loại năm 2019: có 85 TCCSĐ (chiếm 15,2%) hoàn thành xuất sắc nhiệm vụ; "
        "400 TCCSĐ (chiếm 71,4%) hoàn thành tốt nhiệm vụ."
    )
    assert [(r["category"], r["value"], r["unit"], r["denominator"]) for r in found] == [
        ("htxs", "85", "count", ""),
        ("htxs", "15.2", "percent", "party_orgs"),
        ("htxs_htt", "400", "count", ""),
        ("htxs_htt", "71.4", "percent", "party_orgs"),
    ]
    assert found[1]["pattern"] == "share_in_brackets"


# --------------------------------------------------------------------------- other figure kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2017, Ban Tổ chức đã tham dự sinh hoạt tại 19 chi bộ.", [("cells_visited", "total")]),
        (
            "Hiện nay chỉ còn 3 chi bộ thôn chưa có đảng viên là người tại chỗ.",
            [("village_cells_without_local_member", "total")],
        ),
        ("Tiến hành khảo sát tại 17 doanh nghiệp tư nhân.", [("enterprises_surveyed", "total")]),
        (
            "Khảo sát tại 16 xã, phường, thị trấn trên địa bàn 8 huyện, thị xã.",
            [("communes_surveyed", "total"), ("districts_surveyed", "total")],
        ),
        (
            "Đã chuyển 10 tổ chức đảng và 200 đảng viên về huyện.",
            [("orgs_transferred", "total"), ("members_transferred", "total")],
        ),
        ("Hoàn thiện hồ sơ đề nghị tinh giản 20 biên chế.", [("staff_cuts_proposed", "total")]),
        (
            "Quán triệt được 4 lớp cho 1.356 cán bộ chủ chốt và 6 lớp cho 2.216 đảng viên.",
            [
                ("training_classes", "key_cadres"),
                ("training_attendees", "key_cadres"),
                ("training_classes", "members"),
                ("training_attendees", "members"),
            ],
        ),
        (
            "Biểu dương khen thưởng 243 tập thể và 711 cá nhân.",
            [("commendations", "collective"), ("commendations", "individual")],
        ),
        (
            "100% chi, đảng bộ cơ sở đã triển khai chuyên đề toàn khóa.",
            [("orgs_deploying_study_topics", "total")],
        ),
        (
            "Có 97,5% chi, đảng bộ cơ sở đã lãnh đạo hoàn thành tốt nhiệm vụ chính trị.",
            [("political_task_leadership", "htt_or_better")],
        ),
        ("Khối có gần 12.000 cán bộ, công chức, viên chức.", [("staff", "total")]),
        ("Năm 2020, 40 đảng viên đã được kết nạp.", [("members_admitted", "total")]),
    ],
)
def test_other_figure_kinds(text, expected):
    assert [(r["metric"], r["category"]) for r in rows(text)] == expected


def test_discipline_of_members_is_no_figure_of_the_vocabulary():
    assert rows("Năm 2017, có 12 đảng viên bị xử lý kỷ luật.") == []


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("text", "period", "kind"),
    [
        ("Năm 2017, toàn tỉnh kết nạp 1.395 đảng viên.", "2017", "year"),
        ("Trong giai đoạn 2015-2020, kết nạp 901 đảng viên.", "2015-2020", "term"),
        ("Nhiệm kỳ 2015 - 2020, kết nạp 901 đảng viên.", "2015-2020", "term"),
        ("Qua 5 năm (2016 - 2020), đã khen thưởng 243 tập thể.", "2016-2020", "term"),
        ("Từ năm 2016 đến nay, đã tổ chức 4 lớp cho 1.356 cán bộ chủ chốt.", "2016", "since"),
        ("Tính đến ngày 31/12/2019, toàn tỉnh có 3.600 đảng viên.", "2019-12-31", "as_of"),
        ("Kết nạp 450 đảng viên trong năm 2019.", "2019", "year"),
        ("Hiện có 94 tổ chức cơ sở đảng.", "", "undated"),
    ],
)
def test_periods(text, period, kind):
    row = rows(text)[0]
    assert (row["period"], row["period_kind"]) == (period, kind)
    if kind == "undated":
        assert row["note"]


def test_a_continuing_sentence_takes_the_previous_period():
    found = rows("Kết quả phân loại năm 2017 có 6 TCCS đảng yếu kém. Về đảng viên có 272 đảng viên "
                 "không hoàn thành nhiệm vụ.")  # fmt: skip
    assert [r["period"] for r in found] == ["2017", "2017"]
    assert "previous sentence" in found[1]["note"]


def test_a_document_date_is_not_a_period():
    row = one("Thực hiện Kết luận số 80, ngày 29-7-2010, đã khảo sát tại 17 doanh nghiệp.")
    assert row["period_kind"] == "undated"


# --------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    ("text", "number", "rule"),
    [
        ("Ngày cập nhật: 16/10/2020 07:25:24", "16/10/2020", "date"),
        ("Ngày cập nhật: 16/10/2020 07:25:24", "07:25:24", "time"),
        ("Ban hành Kế hoạch số 23 ngày 22-8-2007.", "22-8-2007", "date"),
        ("Thực hiện Kết luận số 80, ngày 29-7-2010 của Ban Bí thư.", "29-7-2010", "date"),
        ("Ban hành Kế hoạch số 23 ngày 22-8-2007.", "23", "document_number"),
        ("Thực hiện Nghị quyết số 39 của Bộ Chính trị.", "39", "document_number"),
        ("Thực hiện Kết luận số 80 của Ban Bí thư.", "80", "document_number"),
        ("Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.", "05", "document_number"),
        ("Nghị quyết số 22-NQ/TW của Trung ương.", "22", "document_number"),
        ("Theo Hướng dẫn 05 của Ban Tổ chức Trung ương.", "05", "document_number"),
        ("Thực hiện Nghị quyết Trung ương 4 (khóa XII).", "4", "ordinal"),
        ("Triển khai các nghị quyết của Hội nghị Trung ương 6 (khóa XII).", "6", "ordinal"),
        ("Đại hội lần thứ 14 của Đảng bộ tỉnh.", "14", "ordinal"),
        ("Chuyên đề năm 2017 đã được triển khai.", "2017", "year"),
        ("Tỉnh phấn đấu hết quý I-2018 sẽ hoàn thành rà soát.", "2018", "quarter"),
        ("Qua 5 năm, Đảng bộ đã nỗ lực.", "5", "duration"),
        ("Cam kết không vi phạm 27 biểu hiện suy thoái.", "27", "fixed_list"),
        ("Thực hiện 3 nhiệm vụ trọng tâm của nhiệm kỳ mới.", "3", "fixed_list"),
        ("Trong bối cảnh dịch bệnh Covid-19 kéo dài.", "19", "code"),
        ("Trực tuyến hôm nay 97993158 lượt truy cập.", "97993158", "long_number"),
        ("Nhiệm kỳ 2020 - 2025 của Đảng bộ.", "2020", "year_range"),
    ],
)
def test_traps_are_declined_by_their_rule(text, number, rule):
    assert verdicts(text)[number] == rule
    assert rows(text) == []


def test_a_trap_next_to_a_figure_leaves_only_the_figure():
    found = rows(
        "Thực hiện Nghị quyết số 39 ngày 7-4-2015 và Chỉ thị 05-CT/TW, năm 2017 toàn tỉnh có "
        "1.395 đảng viên."
    )
    assert [(r["metric"], r["value"], r["period"]) for r in found] == [
        ("party_members", "1395", "2017")
    ]


def test_page_debris_is_dropped():
    text = (
        "Đảng bộ hiện có 94 tổ chức cơ sở đảng.\n\n"
        "Liên hệ - Góp ý Quay lại!\n"
        "CÁC TIN KHÁC\n"
        "Học tập tấm gương của 12 đảng viên (24/10/2020)\n"
        "75 năm thành lập LHQ (21/10/2020)\n"
        "Trực tuyến\n\n97993158\n"
    )
    assert [r["value"] for r in rows(text)] == ["94"]
    assert "97993158" not in normalize_text(text)
    assert "75 năm" not in normalize_text(text)


def test_a_link_list_line_and_a_bare_counter_are_dropped_anywhere():
    text = "Học tập tấm gương 12 đảng viên (24/10/2020)\n97993158\nHiện có 3.600 đảng viên.\n"
    assert [r["value"] for r in rows(text)] == ["3600"]


def test_any_normalization_form_and_non_breaking_spaces():
    nfc = "Đảng bộ hiện có 94 tổ chức cơ sở đảng với 3.600\xa0đảng viên."
    nfd = unicodedata.normalize("NFD", nfc)
    assert rows(nfd) == rows(nfc)
    assert [r["value"] for r in rows(nfd)] == ["94", "3600"]
    assert "\xa0" not in rows(nfd)[1]["quote"]
    assert unicodedata.is_normalized("NFC", rows(nfd)[0]["quote"])


def test_candidates_are_numbered_and_marked():
    found = rows("Hiện có 94 tổ chức cơ sở đảng với 3.600 đảng viên.")
    assert [r["figure_id"] for r in found] == ["CAND-001", "CAND-002"]
    assert {r["status"] for r in found} == {"candidate"}
    assert {r["source_id"] for r in found} == {"S999"}
    assert all(r["organization_id"] == "" for r in found)
    assert found[0]["quote"] == "Hiện có 94 tổ chức cơ sở đảng với 3.600 đảng viên"


# --------------------------------------------------------------------------- compare


FAMILIES = {"party_orgs": "organizations", "party_members": "members", "staff": "members"}


def _curated(figure_id, metric, value, unit="count", period=None, period_kind="undated"):
    return {
        "figure_id": figure_id, "metric": metric, "category": "total", "value": float(value),
        "unit": unit, "period": period, "period_kind": period_kind, "qualifier": "exact",
        "target": None, "target_qualifier": None, "target_basis": None, "quote": "...",
    }  # fmt: skip


def test_compare_lists_match_disagree_new_and_missing():
    candidates = extract("Hiện có 94 tổ chức cơ sở đảng với 3.600 đảng viên và 12 đảng viên mới.")
    curated = [
        _curated("S999-01", "party_orgs", 94),
        _curated("S999-02", "party_members", 3600, period="2017", period_kind="year"),
        _curated("S999-03", "party_orgs", 7),
    ]
    verdict = {r["verdict"]: r for r in compare(candidates, curated, FAMILIES)}
    assert verdict["match"]["figure_id"] == "S999-01"
    assert verdict["disagree"]["figure_id"] == "S999-02"
    assert "period: '' vs curated '2017'" in verdict["disagree"]["differences"]
    assert verdict["new"]["value"] == "12"
    assert verdict["missing"]["figure_id"] == "S999-03"


def test_compare_pairs_each_curated_figure_once_and_needs_the_family():
    candidates = [
        Candidate("party_orgs", "total", Decimal(94), "count", "q", "p", figure_id="CAND-001"),
        Candidate("party_orgs", "total", Decimal(94), "count", "q", "p", figure_id="CAND-002"),
        Candidate("party_members", "total", Decimal(7), "count", "q", "p", figure_id="CAND-003"),
    ]
    curated = [_curated("S999-01", "party_orgs", 94), _curated("S999-02", "party_orgs", 7)]
    verdicts_ = [(r["verdict"], r["candidate_id"]) for r in compare(candidates, curated, FAMILIES)]
    assert verdicts_ == [("match", "CAND-001"), ("new", "CAND-002"), ("new", "CAND-003"),
                         ("missing", "")]  # fmt: skip


def test_cli_compare_on_a_seed_infers_the_source(seeds):
    result = CliRunner().invoke(main, [str(seeds / "000_a1b4536d5dec096f.txt"), "--compare"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(table[0]) == COMPARE_COLUMNS
    assert {r["verdict"] for r in table} == {"match"}
    assert len(table) == 9
    assert "S000: 0 new, 9 match, 0 disagree, 0 missing" in result.stderr


def test_cli_compare_without_a_known_source_is_a_usage_error(tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text("Hiện có 94 tổ chức cơ sở đảng.", encoding="utf-8")
    result = CliRunner().invoke(main, [str(article), "--compare"])
    assert result.exit_code == 2
    assert "--source-id" in result.output


def test_cli_writes_csv_to_stdout(tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text("Hiện có 94 tổ chức cơ sở đảng.", encoding="utf-8")
    result = CliRunner().invoke(main, [str(article), "--source-id", "S999"])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert (row["source_id"], row["metric"], row["pattern"]) == ("S999", "party_orgs", "orgs_count")


def test_cli_subprocess_writes_the_candidates_file(tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text(
        "Năm 2017, toàn tỉnh đã kết nạp được 1.395 đảng viên, đạt trên 124% chỉ tiêu.\n",
        encoding="utf-8",
    )
    out = tmp_path / "candidates.csv"
    done = subprocess.run(
        [sys.executable, "-m", "helpers.extract", str(article), "--out", str(out),
         "--source-id", "S003"],
        capture_output=True, text=True, cwd=PROJ_ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        (row,) = list(reader)
    assert (row["metric"], row["value"], row["target"]) == ("members_admitted", "1395", "1125")
    assert "wrote 1 candidate" in done.stderr


# --------------------------------------------------------------------------- the five articles


@pytest.fixture(scope="module")
def scores(seeds):
    """Scores on the five founding articles (the real-article parts are scored by extract_eval)."""
    return {s.source_id: s for s in evaluate(seeds, DATA_DIR) if s.part == "seed"}


def test_recall_and_precision_on_the_articles(scores):
    curated = sum(s.curated for s in scores.values())
    candidates = sum(s.candidates for s in scores.values())
    matched = sum(s.matched for s in scores.values())
    misses = [f["figure_id"] for s in scores.values() for f in s.misses]
    extra = [(sid, c.quote) for sid, s in scores.items() for c in s.false_positives]
    assert matched / curated >= 0.95, f"recall {matched}/{curated}; misses {misses}"
    assert matched / candidates >= 0.85, f"precision {matched}/{candidates}; extra {extra}"


def test_articles_without_figures_give_no_candidates(scores):
    assert scores["S001"].candidates == 0
    assert scores["S002"].candidates == 0


def test_ratios_are_targets_not_rows(scores):
    values = {(c.value, c.unit) for s in scores.values() for c in s.false_positives}
    assert (Decimal("4.5"), "percent") not in values
    assert (Decimal(124), "percent") not in values
