"""A unit after 1 July 2025 seen through its pre-merger provinces, side by side, never summed blind.

The 34 units hold the figures their former provinces reported, each for its own period and
organization. :func:`members_overview` says which former province has what; :func:`side_by_side`
puts one headline figure of each former province in one table; :func:`unit_total` adds them only
when ``helpers.analysis.rules`` allows it (same metric, period, kind and value kind, disjoint
organizations) and every former province reports one, and otherwise says why not.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis.rules import LEVEL_ORDER, Refusal, area_total, check_addable
from helpers.analysis.selection import latest, period_end
from helpers.data.numbers import format_vn_number
from helpers.data.provinces import Unit, page_slug
from helpers.report.parts import join_vn, vn_period

# Headline figures a unit's profile puts side by side: metric -> noun of its count.
HEADLINE = {"party_orgs": "tổ chức cơ sở đảng", "party_members": "đảng viên"}


def unit_figures(figures: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """The figures of every province that forms ``unit``, and those of the unit's own
    organizations after the merger (province empty, ``name_after`` the unit's)."""
    own = figures["province"].isna() & (figures["name_after"] == unit.official_name)
    return figures[figures["province"].isin(unit.members) | own]


def years_text(figures: pd.DataFrame) -> str:
    """ "2015–2022", "2019", or "" when no figure is dated."""
    years = sorted({period_end(p) for p in figures["period"]} - {0})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def members_overview(figures: pd.DataFrame, unit: Unit, with_pages: set[str]) -> pd.DataFrame:
    """One row per former province of ``unit``: figures, sources, years, and its page if any.

    ``with_pages`` are the provinces that have a profile page (those with figures).
    """
    rows = []
    for name in unit.members:
        own = figures[figures["province"] == name]
        rows.append(
            {
                "province": name,
                "figures": len(own),
                "sources": own["source_id"].nunique(),
                "years": years_text(own),
                "href": f"{page_slug(name)}.html" if name in with_pages else "",
            }
        )
    return pd.DataFrame(rows)


def _rank(level) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def side_by_side(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Each former province's latest area figure for ``metric`` (category total, a stock), one
    row per province: the highest organization level it reports, as ``rules.area_total`` does.

    Rows keep their own period, organization and source: they are shown next to each other,
    not added.
    """
    rows = figures[
        (figures["metric"] == metric)
        & (figures["category"] == "total")
        & (figures["value_kind"] == "level")
        & (figures["unit"] == "count")
    ]
    out = []
    for _, own in rows.groupby("province", sort=False):
        top = own[
            own["organization_level"].map(_rank) == own["organization_level"].map(_rank).min()
        ]
        newest = latest(top, ["province"])
        out.append(newest.sort_values(["organization", "source_id"]))
    if not out:
        return rows.iloc[0:0]
    frame = pd.concat(out, ignore_index=True)
    frame["period_shown"] = [
        vn_period(p, k, t)
        for p, k, t in zip(frame["period"], frame["period_kind"], frame["period_text"], strict=True)
    ]
    return frame


@dataclass
class UnitTotal:
    """A unit's total when it may be printed (``value``), else the reason it is not (``why``)."""

    value: float | None
    why: str

    @property
    def ok(self) -> bool:
        return self.value is not None


def unit_total(rows: pd.DataFrame, organizations: pd.DataFrame, unit: Unit, noun: str) -> UnitTotal:
    """The sum of ``side_by_side`` rows when every former province reports one at province level,
    for the same period, and the arithmetic rules allow it; otherwise why the figures stay apart.
    """
    if rows.empty:
        return UnitTotal(None, "không có số liệu để đặt cạnh nhau")
    missing = [m for m in unit.members if m not in set(rows["province"])]
    if missing:
        return UnitTotal(
            None,
            f"không cộng: chưa có số liệu của {join_vn(unit.shown(m) for m in missing)}, "
            "tổng sẽ thiếu",
        )
    if rows.groupby("province").size().max() > 1:
        return UnitTotal(None, "không cộng: một tỉnh có nhiều hơn một số liệu cùng kỳ")
    if set(rows["organization_level"]) != {"province"}:
        return UnitTotal(None, "không cộng: có tỉnh chỉ có số liệu của đơn vị cấp dưới")
    try:
        check_addable(rows, organizations)
        total = area_total(rows, organizations)
    except Refusal as refusal:
        return UnitTotal(None, refusal.reason_vi)
    return UnitTotal(
        total.value,
        f"cộng {format_vn_number(total.value)} {noun}, tính từ số của {len(rows)} tỉnh cùng kỳ",
    )
