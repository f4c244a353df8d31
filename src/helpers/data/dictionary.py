"""Render the human data dictionary (data/README.md) from datapackage.json, so the two never drift.

Run ``python -m helpers dictionary`` after changing the schema; a test fails when it is stale.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers.paths import DATA_DIR

INTRO = """# Data dictionary

Generated from `datapackage.json` by `python -m helpers dictionary`; edit the schema, not this file.

Every CSV here is UTF-8 without BOM, NFC, LF line ends, comma-separated, with `.` as the decimal
mark and no thousands marks. `python -m helpers validate` checks all of it, and every loader in
`helpers` validates the whole package before it returns anything.

Reading conventions:
- **Unknown stays empty, with the reason in `note`.** A period the article does not print is
  `period_kind = undated`; a province the text does not establish is empty with
  `province_basis = unresolved` and the evidence that was looked at.
- **A day printed without its year** ("Sáng 30/9", "chiều nay (2/7)") is dated (`as_of`) only
  when the article itself gives the year, on its snapshot's date line (" date 2025-09"), in its
  address (".../202008/...") or in the text, and nothing in it contradicts that (a congress's
  term, a merger's date); the note says where the year was read. A term alone ("nhiệm kỳ
  2020-2025") is not a year: the row stays `undated`.
- **Targets.** `target_basis` says whether a target is stated or implied, and how:
  `implied_pp_excess` ("vượt 4,5%" on a share: 97,5 − 4,5 = 93 percentage points),
  `implied_relative_excess` ("vượt 6%" on a count: 901 / 1,06 = 850),
  `implied_attainment` ("đạt trên 124% chỉ tiêu": 1.395 / 1,24 = 1.125, an upper bound, so
  `target_qualifier = at_most`), `implied_absolute_excess` ("vượt chỉ tiêu 9 đảng viên": N − 9).
  The ratio the article prints is `target_input`; the excess or attainment is not a row of its own.
- **Classification tiers.** `tier_reported` keeps the article's words. Categories map both regimes
  to one 4-level ordinal scale (`level`: 4 top … 1 bottom): regime `tsvm` (organizations to 2017:
  trong sạch vững mạnh / hoàn thành tốt nhiệm vụ / hoàn thành nhiệm vụ / yếu kém) and regime
  `htxs` (organizations from 2018, members: hoàn thành xuất sắc / hoàn thành tốt / hoàn thành /
  không hoàn thành nhiệm vụ). The levels are comparable in rank only: "trong sạch vững mạnh" and
  "hoàn thành xuất sắc" have different criteria (the latter is capped at a share of the former
  tier), so a level-4 share must never be compared across regimes without that caveat.
  `htt_or_better` ("hoàn thành tốt nhiệm vụ trở lên") is a category of its own and is never summed
  with single tiers.
- **Real text.** The quote check accepts a value printed zero-padded ("05", "01/85"), as either
  side of a fraction ("398/412"), without its thousands mark ("3347"), in thousands ("57 ngàn"),
  and zero in words ("không có tổ chức nào…"). What the article
  printed is the value; anything computed is marked computed and never replaces a printed number.
- **Conflicts.** Two sources that give different values for the same organization, metric,
  category and period are both kept; the loaders flag them (`conflict`, `conflict_with`).
"""


# Codes readers and analysts meet in figures.csv and organizations.csv, each with an example of
# the words that call for it (phrases written for this dictionary, not quoted from a source).
CODES = {
    "qualifier": [
        ("exact", "kết nạp 640 đảng viên"),
        ("approximately", "gần 120 tổ chức; khoảng 3.000 đảng viên"),
        ("estimate", "dự ước cả năm kết nạp 700 đảng viên; ước đạt 105% chỉ tiêu"),
        ("more_than", "trên 90% tổ chức; hơn 2.000 đảng viên"),
        ("at_least", "từ 80% trở lên; ít nhất 500 đảng viên (an inclusive lower bound)"),
        ("at_most", "tối đa 20% được xếp loại hoàn thành xuất sắc"),
        ("less_than", "dưới 2% không hoàn thành nhiệm vụ"),
    ],
    "value_kind": [
        ("level", "hiện có 412 tổ chức cơ sở đảng; năm 2020 kết nạp 640 đảng viên"),
        ("increase", "tăng 11 tổ chức so với năm trước (never a stock)"),
        ("decrease", "giảm 47 tổ chức cơ sở đảng do sắp xếp (never a stock)"),
        ("ratio_to_previous", "kết nạp 1.198 đảng viên, bằng 59,1% so với cùng kỳ (a ratio)"),
        ("cumulative", "5 năm có 1.050 lượt tổ chức hoàn thành xuất sắc nhiệm vụ (never a stock)"),
    ],
    "period_kind": [
        ("year", "năm 2019"),
        ("month", "trong tháng 5 năm 2018 (period 2018-05)"),
        ("term", "nhiệm kỳ 2015 - 2020"),
        ("as_of", "tính đến ngày 30/6/2022, toàn Đảng bộ có 21.350 đảng viên (a stock on a date)"),
        ("since", "từ năm 2016 đến nay kết nạp 3.100 đảng viên"),
        ("year_to_date", "9 tháng đầu năm 2021 kết nạp 480 đảng viên (period 2021-09-30)"),
        ("undated", "hiện nay có 412 tổ chức (no date printed: the reason goes in note)"),
    ],
    "organization level": [
        ("province", "Đảng bộ tỉnh; Đảng bộ thành phố trực thuộc Trung ương"),
        ("bloc", "Đảng bộ Khối các cơ quan tỉnh; Đảng bộ Khối Doanh nghiệp"),
        ("police", "Đảng ủy Công an tỉnh"),
        ("military", "Đảng ủy Quân sự tỉnh"),
        ("border_guard", "Đảng ủy Bộ đội Biên phòng tỉnh"),
        ("district", "Đảng bộ huyện; Đảng bộ thị xã; Đảng bộ thành phố thuộc tỉnh"),
        ("commune", "Đảng bộ xã; Đảng bộ phường; Đảng bộ thị trấn"),
        ("grassroots", "one TCCSĐ: Đảng bộ cơ sở Bệnh viện tỉnh"),
    ],
}
# The rules of arithmetic every report follows (helpers.analysis.rules), with the trap each avoids.
ARITHMETIC = [
    ("a percentage never enters a count", "“412 tổ chức, đạt 97,5%”: 97,5 is not added to 412"),
    ("different periods or period kinds are never added", "năm 2020 and 9 tháng đầu năm 2021"),
    (
        (
            "an organization is never added to its own descendants; an area's total uses the "
            "highest level reported and says which"
        ),
        "Đảng bộ tỉnh 21.350 đảng viên and Đảng bộ huyện A 1.200",
    ),
    (
        "a part-year flow is progress, never a failure against an annual or term target",
        "9 tháng đầu năm kết nạp 480/700 đảng viên: “đang thực hiện”, 75% of the year elapsed",
    ),
    (
        "a partial set of tiers shows a “chưa công bố” remainder, never a 100% bar",
        "15% hoàn thành xuất sắc, 72% hoàn thành tốt (the other tiers not printed)",
    ),
    (
        "a “trở lên” group is never added to its own tiers; shown only where the article says it",
        "87% hoàn thành tốt nhiệm vụ trở lên beside 15% hoàn thành xuất sắc",
    ),
    (
        "a change, a ratio to the previous period or a cumulative count is never read as a stock",
        "tăng 11 so với năm trước; bằng 59,1% so với cùng kỳ",
    ),
    ("a qualifier travels with its value", "“trên 90%”, “gần 120” are printed as such"),
]


def _vocabulary(data_dir: Path) -> str:
    """Every metric and category with its Vietnamese label, meaning and an example phrase."""
    parts = ["\n## Vocabulary\n"]
    for name, key in (("metrics", "metric"), ("categories", "category")):
        with open(Path(data_dir) / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        parts.append(f"\n### {name.capitalize()}\n\n| {key} | label | meaning | example |\n")
        parts.append("|---|---|---|---|\n")
        parts += [
            f"| `{r[key]}` | {r['label_vi']} | {r['description']} | “{r['example_vi']}” |\n"
            for r in rows
        ]
    for code, examples in CODES.items():
        parts.append(
            f"\n### {code.replace('_', ' ').capitalize()}\n\n| code | example |\n|---|---|\n"
        )
        parts += [f"| `{c}` | {example} |\n" for c, example in examples]
    parts.append("\n### Arithmetic in every report\n\n| rule | example |\n|---|---|\n")
    parts += [f"| {rule} | {example} |\n" for rule, example in ARITHMETIC]
    return "".join(parts)


def _checks() -> str:
    """The single-row rules the validator applies beyond the schema, by name."""
    from helpers.data.validation.structure import ROW_RULES

    lines = ["\n## Rules checked on each row\n\n| file | column | rule |\n|---|---|---|\n"]
    lines += [f"| `{t}.csv` | `{c}` | {rule} |\n" for t, c, _, rule in ROW_RULES]
    return "".join(lines)


def render_dictionary(data_dir: Path = DATA_DIR) -> str:
    """The Markdown dictionary: one `Header | Definition` table per CSV."""
    descriptor = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    parts = [INTRO]
    for res in descriptor["resources"]:
        schema = res["schema"]
        parts.append(f"\n## `{res['path']}`\n\n{res['title']}.\n")
        keys = [f"primary key: {', '.join(schema['primaryKey'])}"]
        keys += [
            f"`{', '.join(fk['fields'])}` → `{fk['reference']['resource']}.{', '.join(fk['reference']['fields'])}`"
            for fk in schema.get("foreignKeys", [])
        ]
        parts.append("Keys: " + "; ".join(keys) + ".\n")
        parts.append("\n| Header | Type | Definition | Rules |\n|---|---|---|---|\n")
        for field in schema["fields"]:
            rules = []
            for name, value in field.get("constraints", {}).items():
                if name == "enum":
                    rules.append("one of " + ", ".join(f"`{v}`" for v in value))
                elif value is True:
                    rules.append(name)
                else:
                    rules.append(f"{name} `{value}`")
            parts.append(
                f"| `{field['name']}` | {field['type']} | {field['description']} | {'; '.join(rules)} |\n"
            )
    return "".join(parts) + _vocabulary(data_dir) + _checks()


def write_dictionary(data_dir: Path = DATA_DIR) -> Path:
    """Write data/README.md and return its path."""
    path = Path(data_dir) / "README.md"
    path.write_text(render_dictionary(data_dir), encoding="utf-8")
    return path
