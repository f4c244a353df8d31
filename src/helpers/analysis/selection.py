"""Choosing and labelling figure rows for the reports' tables and charts.

Which rows a chart shows (one province, each unit's latest period, full tier sets only), how a
row is labelled, and the derived good-or-better shares. The findings sentences use these too.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.rules import NOT_YET_PUBLISHED, tier_composition
from helpers.data.loading import Package
from helpers.report.parts import vn_period

SUBJECT = {
    "org_classification": "TCCSĐ",
    "member_classification": "đảng viên",
    "political_task_leadership": "TCCSĐ lãnh đạo hoàn thành nhiệm vụ chính trị",
    "subunit_classification": "chi bộ trực thuộc, đảng bộ bộ phận",
    "committee_classification": "tập thể cấp ủy",
}
BASIS_WORDS = {
    "stated": "nêu trực tiếp",
    "implied_pp_excess": "suy ra từ “vượt X%” trên một tỷ lệ (điểm phần trăm)",
    "implied_relative_excess": "suy ra từ “vượt X%” trên một số lượng (tương đối)",
    "implied_attainment": "suy ra từ “đạt X% chỉ tiêu”",
    "implied_absolute_excess": "suy ra từ “vượt chỉ tiêu N”",
}


def select(figures: pd.DataFrame, province: str | None) -> pd.DataFrame:
    """Figures of one province, or all when ``province`` is None."""
    return figures if province is None else figures[figures["province"] == province]


def label(row: pd.Series, with_org: bool = True) -> str:
    """Short row label for charts: "Đắk Nông · Đảng bộ tỉnh Đắk Nông · 2017"."""
    parts = [row["province"] if isinstance(row["province"], str) else "Chưa rõ tỉnh"]
    if with_org:
        parts.append(row["organization"])
    parts.append(
        row["period"] if isinstance(row["period"], str) and row["period"] else "không ghi thời điểm"
    )
    return " · ".join(parts)


def source_names(source_ids) -> str:
    """ "S000, S003 — xem danh mục nguồn cuối báo cáo": a chart's source note."""
    ids = sorted(set(source_ids))
    return ", ".join(ids) + " — xem danh mục nguồn cuối báo cáo"


def coverage(figures: pd.DataFrame) -> pd.DataFrame:
    """Which province, organization and period has which metric, with how many figures."""
    frame = figures.assign(
        period_text=[
            vn_period(p, k, t)
            for p, k, t in zip(
                figures["period"], figures["period_kind"], figures["period_text"], strict=True
            )
        ]
    )
    grouped = (
        frame.groupby(["province", "organization", "metric_label", "period_text"], dropna=False)
        .agg(figures=("figure_id", "count"), ids=("figure_id", lambda s: ", ".join(s)))
        .reset_index()
    )
    return grouped.sort_values(["province", "organization", "metric_label"]).reset_index(drop=True)


def province_coverage(package: Package, figures: pd.DataFrame) -> pd.DataFrame:
    """One row per province of the 63, with what the data holds on it (zeros when nothing).

    Years are those a dated figure refers to; the unit after 1 July 2025 comes with each row, so
    coverage can be read in either map.
    """
    dated = figures.assign(year=figures["period"].map(period_end).replace(0, pd.NA))
    per = dated.groupby("province").agg(
        sources=("source_id", "nunique"),
        figures=("figure_id", "count"),
        organizations=("organization_id", "nunique"),
        metrics=("metric", "nunique"),
        first_year=("year", "min"),
        last_year=("year", "max"),
    )
    provinces = package.provinces[["province_code", "province", "name_after"]]
    out = provinces.merge(per, left_on="province", right_index=True, how="left")
    counts = ["sources", "figures", "organizations", "metrics"]
    out[counts] = out[counts].fillna(0).astype(int)
    out["years"] = [
        "" if pd.isna(a) else (f"{int(a)}" if a == b else f"{int(a)}–{int(b)}")
        for a, b in zip(out["first_year"], out["last_year"], strict=True)
    ]
    return out.sort_values("province_code").reset_index(drop=True)


def merger_coverage(coverage: pd.DataFrame) -> pd.DataFrame:
    """The 34 units after 1 July 2025: how many of their pre-merger provinces have figures."""
    grouped = coverage.assign(has=coverage["figures"] > 0).groupby("name_after", sort=False)
    out = grouped.agg(
        provinces=("province", "count"),
        with_data=("has", "sum"),
        figures=("figures", "sum"),
        names=("province", lambda s: ", ".join(s)),
    ).reset_index()
    return out.sort_values(["with_data", "name_after"], ascending=[False, True])


def implied_targets(figures: pd.DataFrame) -> pd.DataFrame:
    """Every target that the source implies rather than states, with its arithmetic."""
    rows = figures[figures["target_basis"].fillna("").str.startswith("implied")].copy()
    rows["basis_text"] = rows["target_basis"].map(BASIS_WORDS)
    return rows.reset_index(drop=True)


def unresolved(package: Package, figures: pd.DataFrame) -> pd.DataFrame:
    """What is not known: sources without a province, figures without a period, with the reason."""
    out = []
    for _, s in package.sources.iterrows():
        if s["province_basis"] == "unresolved":
            out.append(
                {
                    "item": s["source_id"],
                    "what": "Tỉnh của bài báo",
                    "reason": s["province_evidence"],
                }
            )
        if pd.isna(s["published"]):
            out.append({"item": s["source_id"], "what": "Ngày đăng", "reason": "không in trên bài"})
    for _, f in figures[figures["period_kind"] == "undated"].iterrows():
        out.append(
            {
                "item": f["figure_id"],
                "what": f"Thời điểm của số liệu “{f['metric_label']}”",
                "reason": f["note"],
            }
        )
    return pd.DataFrame(out, columns=["item", "what", "reason"])


def period_end(period) -> int:
    """Last year a period covers (0 when undated), to pick each organization's latest figures."""
    years = (
        [int(y) for y in str(period).split("-")[:2] if y.isdigit() and len(y) == 4]
        if isinstance(period, str)
        else []
    )
    return max(years) if years else 0


def latest(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Only the rows of each group's latest period: one bar per unit keeps 63 provinces legible."""
    if rows.empty:
        return rows
    end = rows["period"].map(period_end)
    best = end.groupby([rows[k].astype(object).where(rows[k].notna(), "") for k in keys]).transform(
        "max"
    )
    return rows[end == best]


IDENTITY = ["province", "organization", "period", "period_kind", "metric", "regime", "source_id"]


def tier_chart_rows(
    table: pd.DataFrame, metric: str, regime: str, latest_only: bool = True
) -> pd.DataFrame:
    """Rows for the stacked tier chart of one metric and regime, one bar per unit and period.

    A bar whose source gives only some tiers ends in a grey "chưa công bố" segment for the rest,
    never stretched to 100% from part of the tiers. With ``latest_only`` each organization shows
    its latest period under that regime.
    """
    rows = table[
        (table["metric"] == metric)
        & (table["regime"] == regime)
        & table["share"].notna()
        & table["level"].notna()
    ].copy()
    if latest_only:
        rows = latest(rows, ["organization"])
    rows["label"] = [label(r) for _, r in rows.iterrows()]
    bars = []
    for name, bar in rows.groupby("label", sort=False):
        shares = tier_composition(bar.assign(value=bar["share"], unit="percent"))
        same = {c: bar[c].iloc[0] for c in IDENTITY if c in bar.columns}
        shares["tier_reported"] = shares["tier_reported"].where(
            shares["level"] != 0, NOT_YET_PUBLISHED.lower()
        )
        bars.append(shares.assign(label=name, share=shares["value"], **same))
    return pd.concat(bars, ignore_index=True) if bars else rows


def good_or_better(table: pd.DataFrame) -> pd.DataFrame:
    """Good-or-better shares: stated ones, plus those computed from full tier sets."""
    stated = table[table["category"] == "htt_or_better"].copy()
    computed = (
        table[(table["share_basis"] == "computed") & (table["level"] >= 3)]
        .groupby(
            ["province", "organization", "period", "period_kind", "metric", "regime", "source_id"],
            dropna=False,
        )
        .agg(share=("share", "sum"))
        .reset_index()
    )
    computed["target"] = float("nan")
    computed["share_basis"] = "computed"
    stated["share_basis"] = "reported"
    cols = [
        "province",
        "organization",
        "period",
        "period_kind",
        "metric",
        "regime",
        "share",
        "target",
        "share_basis",
        "source_id",
    ]
    out = pd.concat([stated[cols], computed[cols]], ignore_index=True)
    out["gap_pp"] = out["share"] - out["target"]
    out["label"] = [f"{label(r)} · {SUBJECT[r['metric']]}" for _, r in out.iterrows()]
    return out
