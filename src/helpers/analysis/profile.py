"""The answer a province profile opens with: one or two Vietnamese sentences from the figures.

The first sentence gives the size (organizations and members) and the latest result (admissions
against target, or classification) of the highest organization reported, naming it and its period
as printed; the second places the province in the map after 1 July 2025. A unit formed by the
merger gets its members and their headline figures, each with its own period, never a sum.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.merger import HEADLINE, years_text
from helpers.analysis.rules import LEVEL_ORDER, STATUS_LABELS
from helpers.analysis.selection import period_end
from helpers.data.numbers import format_vn_number
from helpers.data.provinces import MERGER_DATE_VI, Unit
from helpers.report.parts import in_brackets, join_vn, vn_period, vn_value


def _when(row: pd.Series) -> str:
    text = vn_period(row["period"], row["period_kind"], row.get("period_text"))
    return text[:1].lower() + text[1:]


def _top(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered: highest organization level first, then the newest period."""
    rank = rows["organization_level"].map(
        lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else len(LEVEL_ORDER)
    )
    end = rows["period"].map(period_end)
    return rows.assign(_rank=rank, _end=-end).sort_values(["_rank", "_end", "figure_id"])


def _stock(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    return figures[
        (figures["metric"] == metric)
        & (figures["category"] == "total")
        & (figures["value_kind"] == "level")
        & (figures["unit"] == "count")
    ]


def size_clause(figures: pd.DataFrame) -> str:
    """ "Đảng bộ tỉnh X có 389 tổ chức cơ sở đảng và 22.728 đảng viên (năm 2017)", or ""."""
    candidates = _top(pd.concat([_stock(figures, m) for m in HEADLINE]))
    if candidates.empty:
        return ""
    first = candidates.iloc[0]
    when = (
        candidates["period"].astype(object).fillna("").astype(str)
        + "|"
        + candidates["period_kind"].astype(object).fillna("").astype(str)
    )
    same = candidates[
        (candidates["organization_id"] == first["organization_id"]) & (when == when.iloc[0])
    ].drop_duplicates("metric")
    parts = [
        f"{vn_value(r['value'], 'count', r['qualifier'])} {HEADLINE[r['metric']]}"
        for _, r in same.sort_values("metric", key=lambda s: s.map(list(HEADLINE).index)).iterrows()
    ]
    return f"{first['organization']} có {join_vn(parts)} ({in_brackets(_when(first))})"


def _with_levels(rows: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with the ``organization_level`` of their organization, from the figures."""
    levels = figures.drop_duplicates("organization_id").set_index("organization_id")
    return rows.assign(organization_level=rows["organization_id"].map(levels["organization_level"]))


def result_clause(
    classification: pd.DataFrame, recruitment: pd.DataFrame, figures: pd.DataFrame
) -> str:
    """The latest admissions against target, else the latest classification share, or ""."""
    if not recruitment.empty:
        r = _top(_with_levels(recruitment, figures)).iloc[0]
        admitted = vn_value(r["admitted"], "count", r["admitted_qualifier"])
        text = f"{_when(r)}, {r['organization']} kết nạp {admitted} đảng viên"
        if r["status"] != "no_target":
            text += f", {STATUS_LABELS[r['status']].lower()}"
            if pd.notna(r["attainment_pct"]):
                bound = "trên " if pd.isna(r["attainment_high"]) else ""
                text += f" ({bound}{format_vn_number(r['attainment_pct'], 1)}% chỉ tiêu)"
        return text
    rows = classification[
        (classification["metric"] == "org_classification") & classification["share"].notna()
    ]
    good = rows[rows["category"] == "htt_or_better"]
    pick = good if len(good) else rows[rows["level"] == 4]
    if pick.empty:
        return ""
    r = _top(_with_levels(pick, figures)).iloc[0]
    share = vn_value(r["share"], "percent", r["qualifier"], 1)
    return (
        f"{_when(r)}, {share} tổ chức cơ sở đảng của {r['organization']} "
        f"được xếp loại “{r['category_label'].lower()}”"
    )


def fallback_sentence(figures: pd.DataFrame, name: str) -> str:
    """What the data holds when it has neither size nor result: how many figures, on what."""
    if figures.empty:
        return f"Không có số liệu nào về {name} trong dữ liệu."
    years = years_text(figures)
    topics = figures["metric_label"].value_counts().index[:2]
    when = f", {'năm' if '–' not in years else 'các năm'} {years}" if years else ""
    return (
        f"Dữ liệu có {format_vn_number(len(figures))} số liệu về {name} từ "
        f"{figures['source_id'].nunique()} bài báo{when}, chủ yếu về "
        f"{join_vn(t.lower() for t in topics)}."
    )


def province_answer(
    figures: pd.DataFrame,
    classification: pd.DataFrame,
    recruitment: pd.DataFrame,
    name: str,
    unit: Unit,
) -> list[str]:
    """The answer of a pre-merger province's profile: what its figures say, then its unit."""
    result = result_clause(classification, recruitment, figures)
    clauses = [c for c in (size_clause(figures), result) if c]
    first = ("; ".join(clauses) + ".") if clauses else fallback_sentence(figures, name)
    first = first[:1].upper() + first[1:]
    if unit.merged:
        second = (
            f"Từ ngày {MERGER_DATE_VI}, {name} thuộc đơn vị hành chính {unit.display}, "
            f"hợp nhất từ {join_vn(unit.shown_members)}."
        )
    else:
        second = f"Từ ngày {MERGER_DATE_VI}, {name} giữ nguyên, không sáp nhập với tỉnh nào."
    return [first, second]


def unit_answer(
    figures: pd.DataFrame,
    unit: Unit,
    classification: pd.DataFrame | None = None,
    recruitment: pd.DataFrame | None = None,
) -> list[str]:
    """The answer of a merged unit's profile: which former provinces have figures, and the
    headline figure of the unit's own organizations after the merger, then of each former
    province, each with its own organization and period (never added); without
    any, the latest result (admissions, else classification) of the highest organization."""
    held = [m for m in unit.members if (figures["province"] == m).any()]
    years = years_text(figures)
    first = (
        f"Từ ngày {MERGER_DATE_VI}, {unit.in_sentence} gồm {join_vn(unit.shown_members)}; "
        f"dữ liệu có số liệu của {len(held)} trên {len(unit.members)} tỉnh "
        f"({join_vn(unit.shown(m) for m in held)})"
        + (f", {'năm' if '–' not in years else 'các năm'} {years}." if years else ".")
    )
    first = first[:1].upper() + first[1:]
    heads = [size_clause(figures[figures["province"] == m]) for m in held]
    heads = [h for h in heads if h]
    own = size_clause(figures[figures["province"].isna()])  # the unit's own, after the merger
    if own:
        heads = [own, *heads]
    if not heads and classification is not None and recruitment is not None:
        result = result_clause(classification, recruitment, figures)
        return [first, result[:1].upper() + result[1:] + "."] if result else [first]
    if not heads:
        return [first]
    second = "; ".join(heads) + (
        "; số liệu của từng tỉnh đặt cạnh nhau, không cộng gộp." if len(heads) > 1 else "."
    )
    return [first, second[:1].upper() + second[1:]]


# --------------------------------------------------------------------------- what the page shows

# What a count counts, by metric, then by family: a value is never shown without its unit.
NOUNS = {
    "party_orgs": "tổ chức",
    "party_members": "đảng viên",
    "members_admitted": "đảng viên",
    "admission_target": "đảng viên",
    "members_confirmed": "đảng viên",
    "members_transferred": "đảng viên",
    "members_disciplined": "đảng viên",
    "members_inspected": "đảng viên",
    "candidates_trained": "người",
    "training_attendees": "lượt người",
    "training_classes": "lớp",
    "staff": "người",
    "staff_cuts_proposed": "người",
    "subordinate_committees": "đảng bộ",
    "hamlets_without_cell": "thôn, tổ dân phố",
    "hamlets_with_committee": "thôn, tổ dân phố",
    "places_without_member": "thôn, tổ dân phố",
    "village_cells_without_local_member": "thôn, tổ dân phố",
    "commendations": "lượt",
    "enterprises_surveyed": "doanh nghiệp",
    "communes_surveyed": "xã",
    "districts_surveyed": "huyện",
}
FAMILY_NOUNS = {
    "organizations": "tổ chức",
    "members": "đảng viên",
    "recruitment": "đảng viên",
    "restructuring": "tổ chức",
    "congress": "tổ chức",
    "discipline": "tổ chức",
    "oversight": "tổ chức",
    "training": "lượt",
}


def noun(row: pd.Series) -> str:
    """The unit of a count: "đảng viên", "tổ chức" (by metric, then by family)."""
    if row["metric"] in NOUNS:
        return NOUNS[row["metric"]]
    if row["metric"] in ("member_classification", "member_evaluation"):
        return "đảng viên"
    if str(row["metric"]).endswith(("_classification", "_evaluation", "_leadership")):
        return "tổ chức"
    return FAMILY_NOUNS.get(row.get("family"), "đơn vị")


def shown(frame: pd.DataFrame, unit: Unit | None = None) -> pd.DataFrame:
    """Figure rows with ``shown_value`` (value, qualifier and unit: "trên 90%", "3.600 đảng viên"),
    ``period_shown`` (the period as the article printed it) and ``province_shown`` (its name as
    official usage shows it, "TP. Hồ Chí Minh", when ``unit`` is given)."""
    values = []
    wanted = [c for c in ("unit", "value", "qualifier", "metric", "family") if c in frame.columns]
    for r in frame[wanted].to_dict("records"):  # much faster than iterrows on a long frame
        if r["unit"] == "percent":
            values.append(vn_value(r["value"], "percent", r["qualifier"]))
        else:
            values.append(f"{vn_value(r['value'], 'count', r['qualifier'])} {noun(r)}")
    periods = [
        vn_period(p, k, t)
        for p, k, t in zip(frame["period"], frame["period_kind"], frame["period_text"], strict=True)
    ]
    provinces = frame["province"].map(unit.shown) if unit is not None else frame["province"]
    return frame.assign(shown_value=values, period_shown=periods, province_shown=provinces)


def merger_note(unit: Unit, province: str | None, with_pages: set[str]) -> str:
    """HTML links between the profiles of a unit after 1 July 2025 and its former provinces.

    A pre-merger province links to its merged unit's page and to the other former provinces with
    a page; a unit links to each former province with a page (``with_pages``: the provinces with
    figures, which are the ones that have one). An unchanged unit needs no link: "".
    """
    from helpers.report.parts import esc

    if not unit.merged:
        return ""
    pages = [m for m in unit.members if m in with_pages and m != province]
    links = [f'<a href="{esc(page_of(m))}">{esc(unit.shown(m))}</a>' for m in pages]
    if province is not None and with_pages & set(unit.members):
        shown = esc(f"{unit.display} (từ {MERGER_DATE_VI})")
        links.insert(0, f'<a href="{esc(unit.slug)}.html">{shown}</a>')
    if not links:
        return ""
    what = "Hồ sơ các tỉnh, thành phố trước đây" if province is None else "Xem thêm hồ sơ"
    return f'<p class="merger">{what}: {", ".join(links)}.</p>'


def page_of(province: str) -> str:
    """The file name of a pre-merger province's profile, relative to another profile."""
    from helpers.data.provinces import page_slug

    return f"{page_slug(province)}.html"
