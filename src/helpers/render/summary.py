"""The set index's answer first: key numbers and who met the admission target.

Runs once per render in the parent process, only when a set is published (a run with nothing
to do never imports it). Every number follows ``helpers.analysis.rules``: counts of different
periods, or of a unit and its own sub-units, are never added; when a total cannot be given
honestly the card says what is known and why there is no total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Order of the attainment table: who met the target first, then who is still on the way.
STATUS_ORDER = ["exceeded", "met", "not_met", "in_progress", "unclear"]


@dataclass
class Card:
    """One key number: a label, the figure as shown, and a line saying what it covers."""

    label: str
    value: str
    note: str = ""


@dataclass
class Summary:
    cards: list[Card] = field(default_factory=list)
    answer: str = ""
    attainment: list[dict] = field(default_factory=list)
    without_target: int = 0
    source_ids: set[str] = field(default_factory=set)


def set_summary(data_dir: Path | str) -> Summary:
    """Key numbers and the attainment rows of the data in ``data_dir``."""
    from helpers.analysis.findings import latest_per_unit, recruitment_answer
    from helpers.analysis.selection import merger_coverage, province_coverage
    from helpers.analysis.views import recruitment_table
    from helpers.data.loading import load_package

    package = load_package(Path(data_dir))
    figures = package.figures
    coverage = province_coverage(package, figures)
    merged = merger_coverage(coverage)
    summary = Summary()
    summary.cards = [
        _provinces_card(coverage, merged),
        _organizations_card(figures),
        _count_card(package, "party_members", "Đảng viên", "đảng viên"),
        _count_card(package, "party_orgs", "Tổ chức cơ sở đảng", "tổ chức"),
        _period_card(coverage, figures),
        _newest_source_card(package.sources),
    ]
    table = recruitment_table(figures)
    summary.answer = recruitment_answer(table)[0]
    if not table.empty:
        recent = latest_per_unit(table)  # as the recruitment report's answer counts them
        judged = recent[~recent["_untargeted"]]
        summary.without_target = int(recent["_untargeted"].sum())
        summary.attainment = [_attainment_row(r) for _, r in _ordered(judged).iterrows()]
        summary.source_ids = set(judged["source_id"].astype(str))
    return summary


def _vn(value: float, unit: str = "count", qualifier: str | None = None) -> str:
    """A figure in Vietnamese; shares and derived (fractional) counts to one decimal."""
    from helpers.report.parts import vn_value

    whole = unit != "percent" and float(value).is_integer()
    return vn_value(value, unit, qualifier, None if whole else 1)


def _provinces_card(coverage, merged) -> Card:
    held = int((coverage["figures"] > 0).sum())
    units = int((merged["with_data"] > 0).sum())
    return Card(
        "Tỉnh, thành có số liệu",
        f"{held}/{len(coverage)}",
        f"trước sáp nhập; {units}/{len(merged)} tỉnh, thành từ 1/7/2025",
    )


def _organizations_card(figures) -> Card:
    orgs = figures["organization_id"].dropna().nunique()
    provinces = figures["province"].dropna().nunique()
    return Card(
        "Tổ chức đảng có số liệu",
        _vn(orgs),
        f"đảng bộ, chi bộ được nêu tên, ở {provinces} tỉnh, thành",
    )


def _count_card(package, metric: str, label: str, unit_words: str) -> Card:
    """A total only where the rules allow one; otherwise what is known, and why no total."""
    from helpers.analysis.rules import LEVEL_ORDER, Refusal, safe_sum

    figures = package.figures
    rows = figures[
        (figures["metric"] == metric)
        & (figures["category"] == "total")
        & (figures["unit"] == "count")
        & (figures["value_kind"] == "level")
    ]
    if rows.empty:
        return Card(label, "Chưa có số liệu", "chưa bài báo nào nêu tổng số")
    rank = rows["organization_level"].map(
        lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else len(LEVEL_ORDER)
    )
    # Each province's highest level reported: its districts are inside it, never added to it.
    top = rows[rank == rank.groupby(rows["province"]).transform("min")]
    units, provinces = top["organization_id"].nunique(), top["province"].nunique()
    # Sources that disagree on one unit's figure give a range; the unit still counts once.
    low = top.sort_values("value").drop_duplicates("organization_id", keep="first")
    high = top.sort_values("value").drop_duplicates("organization_id", keep="last")
    try:
        total, upper = safe_sum(low, package.organizations), safe_sum(high, package.organizations)
    except Refusal as refusal:
        return Card(
            label,
            "Không cộng gộp",
            f"{units} đơn vị ở {provinces} tỉnh, thành có số; {refusal.reason_vi}",
        )
    qualifiers = set(top["qualifier"].dropna().astype(str)) - {"exact"}
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else None
    shown = _vn(total.value, "count", qualifier)
    if upper.value != total.value:
        shown += f"–{_vn(upper.value)}"
    whose = "số của 1 đơn vị" if units == 1 else f"tổng của {units} đơn vị được báo cáo"
    disagree = "; các nguồn nêu khác nhau" if upper.value != total.value else ""
    return Card(label, f"{shown} {unit_words}", f"{whose}, không phải toàn quốc{disagree}")


def _period_card(coverage, figures) -> Card:
    first, last = coverage["first_year"].dropna(), coverage["last_year"].dropna()
    undated = int((figures["period_kind"] == "undated").sum())
    note = f"{undated} số liệu không ghi thời điểm" if undated else "mọi số liệu đều ghi thời điểm"
    if first.empty:
        return Card("Thời kỳ của số liệu", "Không ghi rõ", note)
    start, end = int(first.min()), int(last.max())
    return Card("Thời kỳ của số liệu", f"{start}–{end}" if start != end else f"{start}", note)


def _newest_source_card(sources) -> Card:
    dated = sources["published"].dropna()
    missing = len(sources) - len(dated)
    note = f"{len(sources)} bài báo" + (f", {missing} bài không ghi ngày" if missing else "")
    if dated.empty:
        return Card("Bài báo mới nhất", "Không ghi ngày", note)
    return Card("Bài báo mới nhất", f"{dated.max():%d/%m/%Y}", f"ngày đăng; {note}")


def _ordered(table):
    rank = table["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    return table.assign(_rank=rank).sort_values(["_rank", "province", "organization", "period"])


def _attainment(r) -> str:
    import pandas as pd

    point, low, high = r["attainment_pct"], r["attainment_low"], r["attainment_high"]
    if pd.isna(point):
        return "—"
    if pd.isna(high) and not pd.isna(low):
        return _vn(point, "percent", "more_than")
    if pd.isna(low) and not pd.isna(high):
        return _vn(point, "percent", "less_than")
    return _vn(point, "percent")


def _attainment_row(r) -> dict:
    import pandas as pd

    from helpers.report.parts import vn_period

    status = str(r["status"])
    label = str(r["status_label"])
    if status == "in_progress" and not pd.isna(r["elapsed"]) and r["elapsed"] < 1:
        label += f" (đã qua {_vn(r['elapsed'] * 100, 'percent', None)} thời gian)"
    return {
        "organization": str(r["organization"]),
        "province": str(r["province"]) if isinstance(r["province"], str) else "",
        "period": vn_period(r["period"], r["period_kind"], r["period_text"]),
        "admitted": f"{_vn(r['admitted'], 'count', r['admitted_qualifier'])}",
        "target": _vn(r["target"], "count", r["target_qualifier"]),
        "attainment": _attainment(r),
        "status": status,
        "status_label": label,
        "source_id": str(r["source_id"]),
    }
