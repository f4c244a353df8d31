"""What a reader sees is Vietnamese, says what the article says, and opens with the answer.

The rendered pages (the founding articles' set, shared with the render tests, and a synthetic
63-province set rendered once here) are read as a reader reads them: the visible text, without
scripts, styles, comments or markup, plus the alt text and labels a screen reader speaks. No
vocabulary code ("at_most", "htt_or_better") and no English word from a list may appear there.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup, Comment

from helpers import analysis, report
from helpers.paths import DATA_DIR, PROJ_ROOT

DATE = "2026-11-22"  # conftest's RENDER_DATE
CROSS_PROVINCE = ("10-data-inventory.html", "20-classification.html", "30-recruitment.html")
# English a reader must never meet: the analysts' words, Python's and pandas' words.
ENGLISH = {
    "exact", "approximately", "estimate", "at_most", "at_least", "more_than", "less_than",
    "reported", "computed", "stated", "inferred", "unresolved", "implied", "note", "notes",
    "reason", "source", "sources", "province", "provinces", "data", "total", "target", "value",
    "period", "year", "term", "since", "undated", "percent", "count", "level", "regime",
    "status", "exceeded", "met", "not_met", "in_progress", "unclear", "no_target", "the", "and",
    "of", "with", "from", "not", "is", "None", "NaN", "nan", "NaT", "True", "False", "null",
    "Traceback", "Error", "Warning", "warning", "Exception", "dtype", "object", "float64",
}  # fmt: skip
WORD = re.compile(r"\w+")


def vocabulary_codes() -> set[str]:
    """Every code of the data's vocabulary: the schema's enums, the metrics and the categories."""
    package = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    codes = set()
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            for value in field.get("constraints", {}).get("enum", []) or []:
                if re.fullmatch(r"[a-z][a-z0-9_]*", str(value)):
                    codes.add(str(value))
    for name, column in (("metrics.csv", "metric"), ("categories.csv", "category")):
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            codes |= {row[column] for row in csv.DictReader(fh)}
    return codes


FORBIDDEN = vocabulary_codes() | ENGLISH


def visible_text(markup: str) -> str:
    """The text a reader sees or hears: no script, style or comment; alt text and labels in."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    spoken = [
        tag.get(attribute, "")
        for attribute in ("alt", "aria-label", "title")
        for tag in soup.find_all(attrs={attribute: True})
    ]
    return " ".join([soup.get_text(" "), *spoken])


def leaks(page: Path, root: Path) -> list[str]:
    """One line per forbidden word on a page: the page, the word and what surrounds it."""
    text = " ".join(visible_text(page.read_text(encoding="utf-8")).split())
    found, seen = [], set()
    for match in WORD.finditer(text):
        word = match.group()
        if word in FORBIDDEN and word not in seen:
            seen.add(word)
            context = text[max(0, match.start() - 60) : match.end() + 60]
            found.append(f"{page.relative_to(root)}: {word!r} in “…{context}…”")
    return found


def pages_of(set_dir: Path) -> list[Path]:
    return sorted(set_dir.rglob("*.html"))


def words_for_codes(data: Path, seeds: Path) -> None:
    """Give the synthetic articles words where the generator wrote codes ("tsvm_yeu_kem" ->
    "yếu kém"), in the figures' quotes and tiers and in the article texts alike, as a real
    article prints them. A no-op once the generator writes words itself."""
    labels = {}
    for name, column in (("metrics.csv", "metric"), ("categories.csv", "category")):
        with open(data / name, encoding="utf-8") as fh:
            labels |= {row[column]: row["label_vi"].lower() for row in csv.DictReader(fh)}
    pattern = re.compile(
        r"\b(" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True)) + r")\b"
    )

    def words(text: str) -> str:
        return pattern.sub(lambda m: labels[m.group()], text)

    figures = pd.read_csv(data / "figures.csv", dtype=str, keep_default_na=False)
    figures["quote"] = figures["quote"].map(words)
    figures["tier_reported"] = figures["tier_reported"].map(lambda t: labels.get(t, t))
    figures.to_csv(data / "figures.csv", index=False, lineterminator="\n")
    for article in seeds.glob("*.txt"):
        article.write_text(words(article.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="module")
def founding_set(rendered) -> Path:
    """The founding articles' set, rendered once per run by conftest (the render tests share it)."""
    out, _ = rendered
    return out / DATE


@pytest.fixture(scope="module")
def synthetic_set(tmp_path_factory) -> Path:
    """The synthetic 63-province package rendered as users run it: the cross-province reports,
    the index and one province's profile (with its merged unit's)."""
    from helpers.data.synthetic import make_synthetic

    root = tmp_path_factory.mktemp("reader-synthetic")
    data, seeds = make_synthetic(root / "data", root / "seeds"), root / "seeds"
    words_for_codes(data, seeds)
    result = subprocess.run(
        [sys.executable, "-m", "helpers.render", "--out", str(root / "reports"), "--date", DATE,
         "--data", str(data), "--province", "Hà Giang", "--jobs", "2"],
        capture_output=True, text=True, timeout=600, check=False, cwd=PROJ_ROOT,
        env={**os.environ, "TCCSD_SEEDS_DIR": str(seeds)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "reports" / DATE


# --------------------------------------------------------------------------- rendered pages


@pytest.mark.parametrize("which", ["founding_set", "synthetic_set"])
def test_no_code_or_english_word_on_any_page(which, request):
    set_dir = request.getfixturevalue(which)
    pages = pages_of(set_dir)
    assert {p.name for p in pages} >= {*CROSS_PROVINCE, "index.html"}
    found = [line for page in pages for line in leaks(page, set_dir)]
    assert not found, f"{len(found)} code(s) or English word(s) a reader sees:\n" + "\n".join(found)


@pytest.mark.parametrize("which", ["founding_set", "synthetic_set"])
def test_each_report_opens_with_its_answer(which, request):
    set_dir = request.getfixturevalue(which)
    for name in CROSS_PROVINCE:
        markup = (set_dir / name).read_text(encoding="utf-8")
        answer = markup.find('<p class="answer">')
        assert answer > 0, f"{name}: no answer"
        question = markup.find("Câu hỏi:")
        later = [markup.find(t, question) for t in ('class="findings"', "<table", "<figure")]
        assert 0 < question < answer < min(i for i in later if i > 0), (
            f"{name}: the answer must come right after the question, before any detail"
        )
        assert "Tham số" not in visible_text(markup), f"{name}: a developer sentence is shown"


@pytest.mark.parametrize("which", ["founding_set", "synthetic_set"])
def test_no_caption_repeats_a_caption_or_heading(which, request):
    set_dir = request.getfixturevalue(which)
    for name in CROSS_PROVINCE:
        soup = BeautifulSoup((set_dir / name).read_text(encoding="utf-8"), "html.parser")
        captions = [
            " ".join(t.get_text(" ").split()).casefold() for t in soup(["caption", "figcaption"])
        ]
        headings = {" ".join(t.get_text(" ").split()).casefold() for t in soup(["h1", "h2", "h3"])}
        repeated = {c for c in captions if captions.count(c) > 1 or c in headings}
        assert not repeated, f"{name}: repeated caption(s) {sorted(repeated)}"


def test_cited_sources_are_marked(founding_set):
    """Every cell under a "Nguồn" header carries data-source="SNNN" (the page frame lists only
    the sources so marked)."""
    for name in CROSS_PROVINCE:
        soup = BeautifulSoup((founding_set / name).read_text(encoding="utf-8"), "html.parser")
        for table in soup("table"):
            headers = [th.get_text(strip=True) for th in table.thead("th")]
            if "Nguồn" not in headers:
                continue
            column = headers.index("Nguồn")
            for row in table.tbody("tr"):
                cell = row("td")[column]
                if cell.get_text(strip=True) != "—":
                    assert re.fullmatch(r"S\d{3}", cell.get("data-source", "")), (name, str(cell))
    marked = set(
        re.findall(r'data-source="(S\d{3})"', (founding_set / "30-recruitment.html").read_text())
    )
    assert marked == {"S000", "S003"}  # the two articles with admissions, and no other


def test_words_as_the_article_printed_them(founding_set):
    text = " ".join(visible_text((founding_set / "20-classification.html").read_text()).split())
    assert "95% TCCSĐ hoàn thành tốt nhiệm vụ, cao hơn chỉ tiêu 90% là 5,0 điểm phần trăm" in text
    assert "TCCSĐ hoàn thành tốt nhiệm vụ trở lên" not in text  # the article has no "trở lên"
    assert "+5,0 điểm phần trăm" in text and "87%" in text  # a gap and a target with their units
    text = " ".join(visible_text((founding_set / "30-recruitment.html").read_text()).split())
    assert "1.395 đảng viên" in text and "trên 124,0%" in text and "Năm 2017" in text
    assert "bài viết “trên 124%” nên 1.125 là mức tối đa của chỉ tiêu" in text


def test_league_tables_keep_the_regimes_apart(synthetic_set):
    soup = BeautifulSoup((synthetic_set / "20-classification.html").read_text(), "html.parser")
    leagues = [t for t in soup("table") if t.caption and "Xếp hạng" in t.caption.get_text()]
    assert len(leagues) >= 2
    regimes = {"trong sạch vững mạnh": range(1990, 2018), "hoàn thành xuất sắc": range(2018, 2100)}
    for table in leagues:
        caption = table.caption.get_text()
        named = [r for r in regimes if f"hệ thang {r}" in caption]
        assert len(named) == 1, caption
        headers = [th.get_text(strip=True) for th in table.thead("th")]
        rows = [[td.get_text(strip=True) for td in tr("td")] for tr in table.tbody("tr")]
        years = {int(y) for r in rows for y in re.findall(r"\d{4}", r[headers.index("Thời kỳ")])}
        assert years and years <= set(regimes[named[0]]), (caption, years)
        shares = [float(r[headers.index("Tỷ lệ")].rstrip("%").replace(",", ".")) for r in rows]
        assert shares == sorted(shares, reverse=True), caption
        assert [int(r[0]) for r in rows] == sorted(int(r[0]) for r in rows)


def test_long_tables_are_summarized_with_their_csv_beside_the_page(synthetic_set):
    summarized = 0
    for name in CROSS_PROVINCE:
        page = synthetic_set / name
        assert page.stat().st_size < 2_000_000, f"{name} is {page.stat().st_size} bytes"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for more in soup("p", class_="more"):
            summarized += 1
            rest = int(re.search(r"và ([\d.]+)", more.get_text()).group(1).replace(".", ""))
            shown = more.find_previous_sibling()
            shown_rows = len(shown("tr")) - 1 if shown.name != "ul" else len(shown("li"))
            assert shown_rows == report.MAX_ROWS
            target = page.parent / more.a["href"]
            with open(target, encoding="utf-8") as fh:
                assert len(list(csv.reader(fh))) - 1 == shown_rows + rest, more.a["href"]
    assert summarized >= 2


# --------------------------------------------------------------------------- the parts


def test_codes_show_as_labels_and_units_always_show():
    frame = pd.DataFrame(
        {"target": [1125.0], "target_qualifier": ["at_most"], "share_basis": ["computed"],
         "share": [100.0], "source_id": ["S003"]}
    )  # fmt: skip
    markup = str(
        report.table(
            frame,
            {"target": "Chỉ tiêu", "target_qualifier": "Độ chính xác", "share_basis": "Cách",
             "share": "Tỷ lệ", "source_id": "Nguồn"},
            formats={"share": report.vn_percent},
        )
    )  # fmt: skip
    text = visible_text(markup)
    assert "tối đa" in text and "tính từ số lượng từng mức" in text and "100%" in text
    assert not {w for w in WORD.findall(text)} & FORBIDDEN
    assert '<td class="txt" data-source="S003">S003</td>' in markup
    assert (
        report.vn_percent(100) == "100%" and report.vn_count(1395, "đảng viên") == "1.395 đảng viên"
    )


def test_periods_as_printed():
    assert report.vn_period("2016", "since") == "Từ năm 2016 đến nay"
    assert report.vn_period("2016", "since", "từ 2016 đến nay") == "Từ 2016 đến nay"
    assert report.vn_period("2021-09-30", "year_to_date", "9 tháng đầu năm 2021") == (
        "9 tháng đầu năm 2021"
    )
    assert report.vn_period("2022-06-30", "as_of") == "Tính đến 30/06/2022"
    assert report.vn_period("2017-12-31", "as_of", "hiện có") == "Hiện có (tính đến 31/12/2017)"
    assert report.vn_period("2018-10-22", "year_to_date") == "Từ đầu năm 2018 đến 22/10/2018"
    assert report.vn_period_in_sentence("2017", "year") == "năm 2017"


def test_a_long_table_carries_its_csv_and_the_render_writes_it(tmp_path):
    frame = pd.DataFrame({"name": [f"Đơn vị {i}" for i in range(250)], "n": range(250)})
    shown = report.table(frame, {"name": "Tên", "n": "Số"}, limit=200)
    assert shown.markup.count("<tr>") == 201 and "… và 50 dòng nữa." in shown.markup
    data, meta = shown._repr_mimebundle_()
    name = meta[report.TABLE_FILE_MIME]["filename"]
    assert f'href="{name}"' in shown.markup and shown.files[name].startswith("Tên,Số\n")
    nb = {"cells": [{"outputs": [{"data": data, "metadata": meta}]}]}
    (written,) = report.write_table_files(nb, tmp_path / "page.html")
    assert written == tmp_path / name and written.read_text() == shown.files[name]
    assert len(written.read_text().splitlines()) == 251
    assert report.table(frame.head(3), {"name": "Tên"})._repr_mimebundle_().keys() == {
        "text/html",
        "text/plain",
    }


def _recruitment(rows: list[tuple]) -> pd.DataFrame:
    columns = ["organization", "period", "period_kind", "period_text", "status"]
    return pd.DataFrame(rows, columns=columns)


def test_recruitment_answer_counts_units_and_names_part_year_ones():
    table = _recruitment(
        [
            ("Đảng bộ A", "2019", "year", None, "not_met"),
            ("Đảng bộ A", "2020", "year", None, "exceeded"),
            ("Đảng bộ B", "2020", "year", None, "not_met"),
            ("Đảng bộ C", "2021-09-30", "year_to_date", "9 tháng đầu năm 2021", "in_progress"),
            ("Đảng bộ D", "2020", "year", None, "no_target"),
        ]
    )
    found = analysis.recruitment_answer(table)
    assert 1 <= len(found) <= 2
    assert found[0] == (
        "Kỳ gần nhất của 3 đơn vị có chỉ tiêu kết nạp đảng viên: 1 vượt chỉ tiêu (Đảng bộ A), "
        "1 chưa đạt chỉ tiêu (Đảng bộ B) và 1 đang thực hiện (số liệu chưa đủ kỳ); 1 đơn vị khác "
        "không nêu chỉ tiêu."
    )
    assert found[1] == "Đang thực hiện, chưa đủ kỳ — Đảng bộ C: 9 tháng đầu năm 2021."
    assert analysis.recruitment_answer(table.iloc[:0]) == [
        "Chưa có số liệu kết nạp đảng viên trong phạm vi đã chọn."
    ]


def _classification(rows: list[dict]) -> pd.DataFrame:
    base = {"province": "P", "period_text": None, "qualifier": "exact", "target": float("nan"),
            "gap_pp": float("nan"), "level": float("nan"), "count": float("nan"),
            "share_basis": "reported", "source_id": "S001", "quote": "", "regime": None}  # fmt: skip
    return pd.DataFrame([{**base, **row} for row in rows])


def _tiers(org: str, year: str, regime: str, shares: list[float]) -> list[dict]:
    names = {"tsvm": ["trong sạch vững mạnh", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ", "yếu kém"],
             "htxs": ["hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ",
                      "không hoàn thành nhiệm vụ"]}  # fmt: skip
    return [
        {"organization": org, "period": year, "period_kind": "year", "metric": "org_classification",
         "regime": regime, "category": f"{regime}_{level}", "category_label": name,
         "tier_reported": name, "level": float(level), "share": share, "share_basis": "computed"}
        for level, name, share in zip((4, 3, 2, 1), names[regime], shares, strict=True)
    ]  # fmt: skip


def test_league_never_ranks_the_two_regimes_together():
    stated = {"metric": "org_classification", "category": "htt_or_better", "period_kind": "year",
              "category_label": "Hoàn thành tốt nhiệm vụ trở lên", "tier_reported": "hoàn thành tốt nhiệm vụ"}  # fmt: skip
    table = _classification(
        [
            *_tiers("Đảng bộ A", "2017", "tsvm", [50, 40, 8, 2]),
            *_tiers("Đảng bộ B", "2019", "htxs", [20, 60, 15, 5]),
            {**stated, "organization": "Đảng bộ C", "period": "2016", "share": 95.0},
            {**stated, "organization": "Đảng bộ D", "period": "2015-2020", "period_kind": "term",
             "share": 99.0},
            {**stated, "organization": "Đảng bộ E", "period": "2020", "share": 85.0,
             "quote": "85% TCCSĐ hoàn thành tốt nhiệm vụ trở lên"},
        ]
    )  # fmt: skip
    ranked = analysis.league(table)
    assert set(ranked) == {("org_classification", "tsvm"), ("org_classification", "htxs")}
    old, new = ranked[("org_classification", "tsvm")], ranked[("org_classification", "htxs")]
    assert list(old["organization"]) == ["Đảng bộ C", "Đảng bộ A"]  # 95 > 90, both to 2017
    assert list(new["organization"]) == ["Đảng bộ E", "Đảng bộ B"]  # 85 > 80, both from 2018
    assert list(old["rank"]) == [1, 2]
    assert list(new["what"]) == [
        "TCCSĐ hoàn thành tốt nhiệm vụ trở lên",  # printed so
        "TCCSĐ ở hai mức cao nhất (tính từ số lượng từng mức)",
    ]
    assert list(analysis.unranked(table)["organization"]) == ["Đảng bộ D"]  # 2015-2020 straddles


def test_classification_answer_in_printed_words():
    table = _classification(
        [
            {"organization": "Đảng bộ A", "period": "2015-2020", "period_kind": "term",
             "metric": "org_classification", "category": "htt_or_better", "share": 95.0,
             "target": 90.0, "gap_pp": 5.0, "tier_reported": "hoàn thành tốt nhiệm vụ"},
            {"organization": "Đảng bộ B", "period": "2020", "period_kind": "year",
             "metric": "member_classification", "category": "htt_or_better", "share": 80.0,
             "target": 85.0, "gap_pp": -5.0, "tier_reported": "hoàn thành tốt nhiệm vụ"},
        ]
    )  # fmt: skip
    expected = (
        "Kỳ gần nhất có chỉ tiêu: 1 trên 2 tỷ lệ xếp loại đạt hoặc vượt chỉ tiêu, 1 chưa đạt "
        "(Đảng bộ B)."
    )
    assert analysis.classification_answer(table) == [expected]
    text = " ".join(analysis.classification_findings(table.assign(category_label="x")))
    assert "95% TCCSĐ hoàn thành tốt nhiệm vụ, cao hơn chỉ tiêu 90%" in text
    assert "trở lên" not in text


def test_reader_reasons_are_vietnamese(founding_data):
    import helpers

    pkg = helpers.load_package(founding_data)
    unresolved = analysis.unresolved(pkg, pkg.figures)
    words = {w for reason in unresolved["reason"] for w in WORD.findall(reason)}
    assert not words & FORBIDDEN and not words & {"printed", "stated", "article", "year"}
    assert analysis.selection.arithmetic_vi("95 − 5 = 90 (percentage points)") == (
        "95 − 5 = 90 (điểm phần trăm)"
    )
    assert analysis.selection.arithmetic_vi("1 / 2 = 3; some other note") == "1 / 2 = 3"


def test_csv_of_a_table_reads_back():
    """The CSV of a long table is plain UTF-8 CSV with the reader's headers (opens in Excel)."""
    frame = pd.DataFrame({"a": ["x, y", "z"]})
    shown = report.table(frame, {"a": "Cột “A”"}, limit=1)
    (text,) = shown.files.values()
    assert list(csv.reader(io.StringIO(text))) == [["Cột “A”"], ["x, y"], ["z"]]


def test_values_carry_their_unit():
    frame = pd.DataFrame(
        {"value": [3600.0, 97.5, 12000.0, 5.0], "unit": ["count", "percent", "count", "count"],
         "metric": ["party_members", "org_classification", "other", "party_orgs"],
         "qualifier": ["exact", "exact", "approximately", "more_than"]}
    )  # fmt: skip
    assert analysis.value_words(frame) == [
        "3.600 đảng viên",
        "97,5%",
        "khoảng 12.000",
        "trên 5 tổ chức",
    ]
