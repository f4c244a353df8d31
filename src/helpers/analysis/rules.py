"""Arithmetic that cannot mislead: when figures may be added, compared or judged against a target.

Party reports mix units, periods and levels in one paragraph. A wrong sum is worse than no sum,
so every rule here either gives the right result or a :class:`Refusal` that says, in Vietnamese
for readers and in English for analysts, why the figures cannot be combined:

- a percentage never enters a count, and figures of different units, periods, period kinds or
  value kinds (a change against last year, a multi-year cumulative count) are never added;
- an organization is never added to its own descendants (a province total already holds its
  districts); an area's total uses the highest level reported and says which;
- a "trở lên" group (``htt_or_better``) is never added to the tiers it contains;
- a flow reported part-way through its period (9 tháng, quý I, tính đến 30/6) is progress, never
  a failure to meet an annual or term target;
- a partial set of tiers keeps its gap visible as "chưa công bố", never a 100% bar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

# Columns that must agree before two figures may be added.
SAME = {
    "unit": "khác đơn vị",
    "metric": "khác chỉ tiêu thống kê",
    "category": "khác loại",
    "period_kind": "khác loại kỳ",
    "period": "khác kỳ",
    "value_kind": "khác loại giá trị (số thay đổi, số cộng dồn, số hiện có)",
}
# Organization levels from the top; a total for an area uses the first one reported.
LEVEL_ORDER = [
    "province",
    "bloc",
    "police",
    "military",
    "border_guard",
    "district",
    "commune",
    "grassroots",
]
NOT_YET_PUBLISHED = "Chưa công bố"
# Value kinds that compare a period with another: never a stock, never added up.
NOT_STOCK = ("increase", "decrease", "ratio_to_previous")
STATUS_LABELS = {
    "exceeded": "Vượt chỉ tiêu",
    "met": "Đạt chỉ tiêu",
    "not_met": "Chưa đạt chỉ tiêu",
    "in_progress": "Đang thực hiện",
    "unclear": "Chưa xác định được",
    "no_target": "Không có chỉ tiêu",
}


class Refusal(ValueError):
    """Figures that must not be combined; ``reason_vi`` is what a reader is told."""

    def __init__(self, reason: str, reason_vi: str):
        super().__init__(reason)
        self.reason_vi = reason_vi


@dataclass
class Total:
    """A sum that is safe to print, with what it covers."""

    value: float
    unit: str
    figure_ids: list[str]
    organizations: list[str] = field(default_factory=list)
    level: str | None = None
    note_vi: str = ""


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def ancestors(organization_id: str, organizations: pd.DataFrame) -> set[str]:
    """Every organization that contains this one: its parent chain, and its province's committee.

    A province's own committee (level ``province``) contains every organization of that province
    even when no parent is recorded, so a province total is never added to a district's figure.
    """
    orgs = organizations.set_index("organization_id")
    found: set[str] = set()
    current = organization_id
    while current in orgs.index:
        parent = _text(orgs.at[current, "parent_id"]) if "parent_id" in orgs.columns else ""
        if not parent or parent in found:
            break
        found.add(parent)
        current = parent
    if organization_id in orgs.index:
        province = _text(orgs.at[organization_id, "province"])
        tops = orgs[(orgs["level"] == "province") & (orgs["province"] == province)].index
        found |= {t for t in tops if t != organization_id and province}
    return found


def check_addable(rows: pd.DataFrame, organizations: pd.DataFrame) -> None:
    """Raise :class:`Refusal` unless every row may be added to every other."""
    if rows.empty:
        raise Refusal("nothing to add", "không có số liệu để cộng")
    if (rows["unit"] == "percent").any():
        raise Refusal(
            "a percentage is never added to anything", "tỷ lệ phần trăm không được cộng dồn"
        )
    for column, words in SAME.items():
        if column in rows.columns and rows[column].map(_text).nunique() > 1:
            raise Refusal(f"figures differ in {column}", f"không cộng được: {words}")
    if "value_kind" in rows.columns and (rows["value_kind"].map(_text).isin(NOT_STOCK)).any():
        raise Refusal(
            "a change against another period is not a stock",
            "số tăng, giảm so với kỳ trước không phải là số hiện có",
        )
    ids = list(rows["organization_id"])
    for org in ids:
        nested = ancestors(org, organizations) & set(ids)
        if nested:
            raise Refusal(
                f"{org} lies inside {min(nested)}",
                "không cộng đơn vị cấp trên với đơn vị trực thuộc của chính nó",
            )
    if "figure_id" in rows.columns and len(set(ids)) < len(ids):
        raise Refusal(
            "one organization twice (two sources of one figure)",
            "một đơn vị có hai số liệu cùng kỳ: chỉ chọn một nguồn",
        )


def safe_sum(rows: pd.DataFrame, organizations: pd.DataFrame) -> Total:
    """The sum of disjoint figures of one unit, metric, category, period and value kind."""
    check_addable(rows, organizations)
    return Total(
        value=float(rows["value"].sum()),
        unit=str(rows["unit"].iloc[0]),
        figure_ids=list(rows["figure_id"]),
        organizations=list(rows["organization_id"]),
    )


def area_total(rows: pd.DataFrame, organizations: pd.DataFrame) -> Total:
    """One area's figure for one metric and period: the highest level reported, and which it is.

    Rows at lower levels are dropped when a higher level is present (the province total already
    holds its districts); several rows at the top level are added only when they are disjoint,
    and the note says the sum covers just the units reported.
    """
    if rows.empty:
        raise Refusal("nothing to add", "không có số liệu")
    rank = rows["organization_level"].map(
        lambda lv: LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else len(LEVEL_ORDER)
    )
    top = rows[rank == rank.min()]
    level = _text(top["organization_level"].iloc[0])
    if len(top) == 1:
        only = top.iloc[0]
        return Total(
            float(only["value"]),
            str(only["unit"]),
            [only["figure_id"]],
            [only["organization_id"]],
            level,
            f"số của {only['organization']}",
        )
    total = safe_sum(top, organizations)
    total.level = level
    total.note_vi = f"tổng của {len(top)} đơn vị được báo cáo, không phải toàn bộ địa bàn"
    return total


def period_elapsed(period: str, period_kind: str) -> float | None:
    """Share of the period a figure covers: 1 for a whole year or term, 0.75 for nine months.

    A part-year flow (``year_to_date``) is recorded with the last day it counts (2021-09-30).
    """
    if period_kind in ("year", "term"):
        return 1.0
    if period_kind == "year_to_date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", _text(period)):
        end = dt.date.fromisoformat(period)
        start = dt.date(end.year, 1, 1)
        days = (dt.date(end.year, 12, 31) - start).days + 1
        return round(((end - start).days + 1) / days, 2)
    return None


def attainment_status(
    admitted: float,
    target: float,
    period: str,
    period_kind: str,
    admitted_qualifier: str = "exact",
    target_qualifier: str = "exact",
) -> str:
    """exceeded, met, not_met, in_progress (the period is not over), unclear, or no_target.

    A qualifier that leaves the answer open ("trên", "gần", a target "trên N") is judged only
    where every reading agrees; a flow whose period is not over, or not printed, is never called a
    failure. Admissions already past the target are "exceeded" whatever the period.
    """
    if pd.isna(target) or not target:
        return "no_target"
    ratio = admitted / target
    qualifiers = {admitted_qualifier or "exact", target_qualifier or "exact"}
    at_least = admitted_qualifier in ("more_than", "at_least") or target_qualifier in (
        "at_most",
        "less_than",
    )
    at_most = admitted_qualifier in ("at_most", "less_than") or target_qualifier in (
        "more_than",
        "at_least",
    )
    rough = bool({"approximately", "estimate"} & qualifiers)
    if ratio > 1 and not at_most and not (rough and ratio < 1.05):
        return "exceeded"  # already past the target, however much of the period is left
    elapsed = period_elapsed(period, period_kind)
    if period_kind in ("since", "as_of", "month") or (elapsed is not None and elapsed < 1):
        return "in_progress"
    if period_kind == "undated":
        return "unclear"  # the period may not be over: never called a failure
    if ratio == 1 and qualifiers == {"exact"}:
        return "met"
    if ratio < 1 and not at_least and not (rough and ratio > 0.95):
        return "not_met"
    return "unclear"


def tier_composition(rows: pd.DataFrame) -> pd.DataFrame:
    """The tiers reported, plus an explicit "chưa công bố" remainder when some are missing.

    ``rows`` are one unit's classification rows of one regime and period, with ``level``,
    ``category``, ``category_label``, ``unit`` and ``value``; grouped categories ("trở lên",
    no level) are left out, since they contain the single tiers. Shares come from a stated
    total when there is one. A complete set of four tiers gets no remainder.
    """
    tiers = rows[rows["level"].notna()].copy()
    levels = set(tiers["level"].astype(int))
    complete = levels == {1, 2, 3, 4}
    tiers["complete"] = complete
    if complete or tiers.empty:
        return tiers
    unit = tiers["unit"].iloc[0]
    rest = tiers["value"].sum() if unit == "percent" else float("nan")
    return pd.concat([tiers, pd.DataFrame([remainder(unit, rest)])], ignore_index=True)


def remainder(unit: str, reported: float) -> dict:
    """The "chưa công bố" row of a unit short of its four tiers: in percent, what the tiers
    reported (``reported``, their sum) leave of 100; in any other unit, unknown."""
    return {
        "level": 0,
        "category": "not_published",
        "category_label": NOT_YET_PUBLISHED,
        "unit": unit,
        "value": max(100.0 - reported, 0.0) if unit == "percent" else float("nan"),
        "complete": False,
    }
