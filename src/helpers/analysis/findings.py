"""Tables and Vietnamese key findings for the four notebooks, built from the data alone.

The notebooks stay thin narratives: they call these functions and display the result. Every
sentence is generated from the figures it states, so a new article changes the findings without
touching a notebook.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.selection import (
    SUBJECT,
    implied_targets,
    latest,
)
from helpers.data.loading import Package, conflicts
from helpers.data.numbers import format_vn_number
from helpers.report.parts import join_vn, vn_period, vn_pp, vn_value

GOOD_OR_BETTER = {
    "org_classification": "TCCSĐ hoàn thành tốt nhiệm vụ trở lên",
    "member_classification": "đảng viên hoàn thành tốt nhiệm vụ trở lên",
    "political_task_leadership": "chi, đảng bộ cơ sở lãnh đạo hoàn thành tốt nhiệm vụ chính trị trở lên",
}
PROVINCE_BASIS_WORDS = {"stated": "nêu rõ", "inferred": "suy ra", "unresolved": "chưa xác định"}


# --------------------------------------------------------------------------- inventory


def inventory_findings(package: Package, figures: pd.DataFrame) -> list[str]:
    """Key findings of the data inventory."""
    if figures.empty:
        return ["Không có số liệu nào trong phạm vi đã chọn."]
    sources = package.sources
    provinces = sorted(figures["province"].dropna().unique())
    with_figures = figures["source_id"].nunique()
    found = [
        (
            f"Dữ liệu có {format_vn_number(len(figures))} số liệu từ {with_figures} trên {len(sources)} bài báo, "
            f"về {len(provinces)} tỉnh: {join_vn(provinces)}."
        )
    ]
    basis = sources["province_basis"].value_counts()
    found.append(
        "Tỉnh của bài báo: "
        + join_vn(
            f"{basis.get(k, 0)} bài {w}" for k, w in PROVINCE_BASIS_WORDS.items() if basis.get(k, 0)
        )
        + "."
    )
    clash = conflicts(figures)
    if len(clash):
        pairs = []
        for _, group in clash.groupby(
            ["organization_id", "metric", "category", "period_kind"], dropna=False
        ):
            values = join_vn(
                f"{vn_value(v, u)} ({s})"
                for v, u, s in zip(group["value"], group["unit"], group["source_id"], strict=True)
            )
            pairs.append(f"{group['metric_label'].iloc[0].lower()}: {values}")
        found.append(
            f"{len(pairs)} số liệu có nguồn mâu thuẫn, được giữ cả hai và đánh dấu — {'; '.join(pairs)}."
        )
    implied = implied_targets(figures)
    if len(implied):
        found.append(
            f"{len(implied)} chỉ tiêu không được nêu trực tiếp mà suy ra từ cách nói “vượt”, “đạt … chỉ tiêu”; phép tính đi kèm từng chỉ tiêu."
        )
    undated = int((figures["period_kind"] == "undated").sum())
    if undated:
        found.append(
            f"{undated} số liệu không ghi rõ thời điểm; lý do được ghi lại, không có thời điểm nào được đoán."
        )
    return found


# --------------------------------------------------------------------------- classification


MAX_DETAIL = 4  # more units than this, and findings summarize instead of listing each one


def classification_findings(table: pd.DataFrame) -> list[str]:
    """Key findings on classification: tier shares and good-or-better against target."""
    if table.empty:
        return ["Không có số liệu xếp loại trong phạm vi đã chọn."]
    found = []
    counted = table[table["share_basis"] == "computed"]
    for metric in SUBJECT:
        for regime in ("tsvm", "htxs"):
            rows = latest(
                counted[(counted["metric"] == metric) & (counted["regime"] == regime)],
                ["organization"],
            )
            units = rows.groupby(["organization", "period"], sort=False)
            if units.ngroups == 0:
                continue
            if units.ngroups <= MAX_DETAIL:
                found += [_tier_sentence(group) for _, group in units]
            else:
                found.append(_tier_summary(rows, metric))
    good = table[(table["category"] == "htt_or_better") & table["target"].notna()]
    good = good.assign(order=good["metric"].map(list(SUBJECT).index)).sort_values(
        ["order", "period"], kind="stable"
    )
    if len(good) <= MAX_DETAIL:
        for _, r in good.iterrows():
            direction = "cao hơn" if r["gap_pp"] >= 0 else "thấp hơn"
            found.append(
                f"{vn_period(r['period'], r['period_kind'])}, {r['organization']}: {format_vn_number(r['share'])}% "
                f"{GOOD_OR_BETTER[r['metric']]}, {direction} chỉ tiêu {format_vn_number(r['target'])}% là {vn_pp(r['gap_pp'])}."
            )
    else:
        met = int((good["gap_pp"] >= 0).sum())
        worst = good.loc[good["gap_pp"].idxmin()]
        found.append(
            f"{met} trên {len(good)} chỉ số hoàn thành tốt nhiệm vụ trở lên đạt hoặc vượt chỉ tiêu; xa chỉ tiêu nhất là "
            f"{worst['organization']} ({vn_period(worst['period'], worst['period_kind']).lower()}: "
            f"{format_vn_number(worst['share'])}% so với {format_vn_number(worst['target'])}%)."
        )
    regimes = set(table["regime"].dropna())
    if len(regimes) > 1:
        found.append(
            "Hai hệ thang xếp loại (trước và từ 2018) chỉ so sánh được theo thứ bậc trên thang chung 4 mức, không đồng nhất về tiêu chí."
        )
    return found


def _tier_sentence(group: pd.DataFrame) -> str:
    first = group.iloc[0]
    parts = join_vn(
        f"{format_vn_number(r['count'])} {r['category_label'].lower()} ({format_vn_number(r['share'], 1)}%)"
        for _, r in group.sort_values("level", ascending=False).iterrows()
    )
    return (
        f"{vn_period(first['period'], first['period_kind'])}, {first['organization']} có "
        f"{format_vn_number(first['total'])} {SUBJECT[first['metric']]} được xếp loại: {parts}."
    )


def _tier_summary(rows: pd.DataFrame, metric: str) -> str:
    """One sentence for many units: totals over their latest periods, and the extremes."""
    units = rows["organization"].nunique()
    by_level = rows.groupby(["level", "category_label"])["count"].sum().sort_index(ascending=False)
    total = by_level.sum()
    parts = join_vn(
        f"{format_vn_number(c)} {lab.lower()} ({format_vn_number(c / total * 100, 1)}%)"
        for (_, lab), c in by_level.items()
    )
    bottom = rows[rows["level"] == 1]
    worst = bottom.loc[bottom["share"].idxmax()]
    periods = sorted(set(rows["period"].dropna()))
    when = f"năm {periods[0]}" if len(periods) == 1 else "kỳ gần nhất của mỗi đơn vị"
    return (
        f"Trong {when}, {units} đơn vị có tổng cộng {format_vn_number(total)} {SUBJECT[metric]} được xếp loại: {parts}; "
        f"tỷ lệ {worst['category_label'].lower()} cao nhất ở {worst['province']} ({format_vn_number(worst['share'], 1)}%)."
    )


# --------------------------------------------------------------------------- recruitment


def recruitment_findings(table: pd.DataFrame) -> list[str]:
    """Key findings on recruitment against target (a summary when there are many units)."""
    if table.empty:
        return ["Không có số liệu kết nạp đảng viên trong phạm vi đã chọn."]
    recent = latest(table, ["organization"])
    if len(recent) > MAX_DETAIL:
        measured = recent[recent["attainment_pct"].notna()]
        met = int((measured["attainment_pct"] >= 100).sum())
        best = measured.loc[measured["attainment_pct"].idxmax()]
        worst = measured.loc[measured["attainment_pct"].idxmin()]
        return [
            (
                f"Kỳ gần nhất của {len(recent)} đơn vị: kết nạp tổng cộng {format_vn_number(recent['admitted'].sum())} đảng viên; "
                f"{met} trên {len(measured)} đơn vị có chỉ tiêu đạt từ 100% trở lên."
            ),
            (
                f"Mức đạt cao nhất ở {best['province']} ({format_vn_number(best['attainment_pct'], 1)}%), "
                f"thấp nhất ở {worst['province']} ({format_vn_number(worst['attainment_pct'], 1)}%)."
            ),
        ]
    return [_recruitment_sentence(r) for _, r in recent.iterrows()]


def _recruitment_sentence(r: pd.Series) -> str:
    sentence = f"{vn_period(r['period'], r['period_kind'])}, {r['organization']} kết nạp {vn_value(r['admitted'], 'count', r['admitted_qualifier'])} đảng viên"
    if pd.notna(r["attainment_pct"]):
        bound = (
            "trên "
            if pd.isna(r["attainment_high"])
            else ("dưới " if pd.isna(r["attainment_low"]) else "")
        )
        target_word = {"at_most": "không quá ", "approximately": "khoảng "}.get(
            r["target_qualifier"], ""
        )
        sentence += f", đạt {bound}{format_vn_number(r['attainment_pct'], 1)}% chỉ tiêu ({target_word}{format_vn_number(r['target'])} đảng viên)"
    else:
        sentence += " (không có chỉ tiêu)"
    if pd.notna(r["per_year"]) and r["years"] > 1:
        sentence += f", bình quân {format_vn_number(r['per_year'], 1)} đảng viên mỗi năm"
    if pd.notna(r["intake_per_100_low"]):
        low, high = (
            format_vn_number(r["intake_per_100_low"], 1),
            format_vn_number(r["intake_per_100_high"], 1),
        )
        per = low if low == high else f"{low}–{high}"
        sentence += f", tương đương {per} đảng viên mới mỗi năm trên 100 đảng viên"
    return sentence + "."


# --------------------------------------------------------------------------- province profile


def profile_findings(
    figures: pd.DataFrame,
    classification: pd.DataFrame,
    recruitment: pd.DataFrame,
    province: str,
    merger_unit: str,
) -> list[str]:
    """Key findings on one province, from its figures and their two derived tables.

    The tables come in ready-made because the profile shows them too: built once per report.
    """
    merger = f"Từ ngày 1/7/2025, {province} thuộc đơn vị hành chính {merger_unit}."
    if figures.empty:
        return [f"Không có số liệu nào về {province} trong dữ liệu.", merger]
    orgs = figures["organization"].nunique()
    found = []
    found.append(
        f"Dữ liệu có {len(figures)} số liệu về {orgs} tổ chức đảng của {province}, từ {figures['source_id'].nunique()} bài báo."
    )
    for metric, word in (("party_orgs", "tổ chức cơ sở đảng"), ("party_members", "đảng viên")):
        rows = latest(
            figures[(figures["metric"] == metric) & (figures["category"] == "total")],
            ["organization"],
        )
        for _, r in rows.iterrows():
            flag = " (mâu thuẫn với nguồn khác)" if r["conflict"] else ""
            found.append(
                f"{r['organization']} có {vn_value(r['value'], r['unit'], r['qualifier'])} {word} ({vn_period(r['period'], r['period_kind']).lower()}; {r['source_id']}){flag}."
            )
    found += [
        s
        for s in classification_findings(classification)
        if not s.startswith("Không có") and not s.startswith("Hai hệ")
    ]
    found += [s for s in recruitment_findings(recruitment) if not s.startswith("Không có")]
    return found + [merger]
