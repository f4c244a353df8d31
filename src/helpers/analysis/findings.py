"""Tables and Vietnamese key findings for the four notebooks, built from the data alone.

The notebooks stay thin narratives: they call these functions and display the result. Every
sentence is generated from the figures it states, so a new article changes the findings without
touching a notebook.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.rules import STATUS_LABELS
from helpers.analysis.selection import (
    SHARE_SUBJECT,
    SUBJECT,
    implied_targets,
    latest,
    merger_coverage,
    period_end,
    printed_tier,
    province_coverage,
)
from helpers.data.loading import Package, conflicts
from helpers.data.numbers import format_vn_number
from helpers.report.parts import (
    in_brackets,
    join_vn,
    vn_date,
    vn_period,
    vn_period_in_sentence,
    vn_pp,
    vn_value,
)

GOOD_OR_BETTER = {
    "org_classification": "TCCSĐ hoàn thành tốt nhiệm vụ trở lên",
    "member_classification": "đảng viên hoàn thành tốt nhiệm vụ trở lên",
    "political_task_leadership": "chi, đảng bộ cơ sở lãnh đạo hoàn thành tốt nhiệm vụ chính trị trở lên",
    "subunit_classification": "chi bộ trực thuộc, đảng bộ bộ phận hoàn thành tốt nhiệm vụ trở lên",
    "committee_classification": "tập thể cấp ủy hoàn thành tốt nhiệm vụ trở lên",
}
PROVINCE_BASIS_WORDS = {"stated": "nêu rõ", "inferred": "suy ra", "unresolved": "chưa xác định"}
MAX_NAMES = 5  # an answer names at most this many units, then says how many more


def printed_share(row: pd.Series) -> str:
    """ "95% TCCSĐ hoàn thành tốt nhiệm vụ": a stated share in the article's words."""
    subject = SHARE_SUBJECT.get(row["metric"], "")
    return (
        f"{vn_value(row['share'], 'percent', row.get('qualifier'))} {subject} {printed_tier(row)}"
    )


def _names(names: list[str]) -> str:
    """At most MAX_NAMES names, then how many more."""
    if len(names) <= MAX_NAMES:
        return join_vn(names)
    return f"{', '.join(names[:MAX_NAMES])} và {len(names) - MAX_NAMES} đơn vị khác"


def when(row: pd.Series) -> str:
    """The period of a row as the article printed it, when recorded ("9 tháng đầu năm 2021")."""
    return vn_period(row["period"], row["period_kind"], row.get("period_text"))


def where_when(row: pd.Series) -> str:
    """ "Đảng bộ huyện X, 9 tháng đầu năm 2021": findings name the organization and period."""
    return f"{row['organization']}, {in_sentence(row)}"


def in_sentence(row: pd.Series) -> str:
    """``when`` for the middle of a sentence ("9 tháng đầu năm 2021", "năm 2017")."""
    return vn_period_in_sentence(row["period"], row["period_kind"], row.get("period_text"))


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
    covered = province_coverage(package, figures)
    units = merger_coverage(covered)
    found.append(
        f"Có số liệu về {int((covered['figures'] > 0).sum())} trên {len(covered)} tỉnh, thành phố "
        f"trước ngày 1/7/2025, thuộc {int((units['with_data'] > 0).sum())} trên {len(units)} "
        "đơn vị hành chính sau sắp xếp."
    )
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
                f"{when(r)}, {r['organization']}: {printed_share(r)}, {direction} chỉ tiêu "
                f"{format_vn_number(r['target'])}% là {vn_pp(r['gap_pp'])}."
            )
    else:
        met = int((good["gap_pp"] >= 0).sum())
        worst = good.loc[good["gap_pp"].idxmin()]
        found.append(
            f"{met} trên {len(good)} tỷ lệ xếp loại có chỉ tiêu đạt hoặc vượt chỉ tiêu; xa chỉ tiêu nhất là "
            f"{worst['organization']} ({in_sentence(worst)}: "
            f"{printed_share(worst)} so với chỉ tiêu {format_vn_number(worst['target'])}%)."
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
        f"{format_vn_number(r['count'])} {printed_tier(r)} ({format_vn_number(r['share'], 1)}%)"
        for _, r in group.sort_values("level", ascending=False).iterrows()
    )
    return (
        f"{when(first)}, {first['organization']} có "
        f"{format_vn_number(first['total'])} {SUBJECT[first['metric']]} được xếp loại: {parts}."
    )


def _tier_summary(rows: pd.DataFrame, metric: str) -> str:
    """One sentence for many units: how many, and where the bottom tier's share is highest.

    No count is added across units: their latest periods differ and a unit may contain another.
    """
    units = rows["organization"].nunique()
    bottom = rows[rows["level"] == 1]
    worst = bottom.loc[bottom["share"].idxmax()]
    return (
        f"{units} đơn vị có đủ các mức xếp loại {SUBJECT[metric]} (kỳ gần nhất của mỗi đơn vị); "
        f"tỷ lệ {printed_tier(worst)} cao nhất ở {where_when(worst)} "
        f"({format_vn_number(worst['share'], 1)}%)."
    )


# --------------------------------------------------------------------------- recruitment


def recruitment_findings(table: pd.DataFrame) -> list[str]:
    """Key findings on recruitment against target (a summary when there are many units).

    The summary counts units by status; it adds no admissions across units, since their periods
    differ and a province's figure already holds its districts'.
    """
    if table.empty:
        return ["Không có số liệu kết nạp đảng viên trong phạm vi đã chọn."]
    recent = latest(table, ["organization"])
    if len(recent) <= MAX_DETAIL:
        return [_recruitment_sentence(r) for _, r in recent.iterrows()]
    counts = recent["status"].value_counts()
    judged = ("exceeded", "met", "not_met", "in_progress", "unclear")
    found = [
        f"Kỳ gần nhất của {len(recent)} đơn vị: "
        + join_vn(f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in judged if counts.get(s, 0))
        + (f"; {counts['no_target']} đơn vị không nêu chỉ tiêu" if counts.get("no_target") else "")
        + "."
    ]
    finished = recent[recent["status"].isin(["exceeded", "met", "not_met"])]
    if len(finished) > 1:
        best = finished.loc[finished["attainment_pct"].idxmax()]
        worst = finished.loc[finished["attainment_pct"].idxmin()]
        found.append(
            f"Trong các kỳ đã kết thúc, mức đạt cao nhất ở {where_when(best)} "
            f"({format_vn_number(best['attainment_pct'], 1)}%), thấp nhất ở {where_when(worst)} "
            f"({format_vn_number(worst['attainment_pct'], 1)}%)."
        )
    return found


def _recruitment_sentence(r: pd.Series) -> str:
    admitted = vn_value(r["admitted"], "count", r["admitted_qualifier"])
    sentence = f"{when(r)}, {r['organization']} kết nạp {admitted} đảng viên"
    if pd.notna(r["attainment_pct"]):
        bound = (
            "trên "
            if pd.isna(r["attainment_high"])
            else ("dưới " if pd.isna(r["attainment_low"]) else "")
        )
        target_word = {"at_most": "không quá ", "approximately": "khoảng "}.get(
            r["target_qualifier"], ""
        )
        reached = f"{bound}{format_vn_number(r['attainment_pct'], 1)}%"
        target = f"{target_word}{format_vn_number(r['target'])} đảng viên"
        if r["status"] == "in_progress" and pd.notna(r["elapsed"]):
            elapsed = format_vn_number(r["elapsed"] * 100)
            sentence += (
                f", đang thực hiện: bằng {reached} chỉ tiêu cả năm ({target}) khi đã qua "
                f"{elapsed}% thời gian của năm"
            )
        elif r["status"] == "in_progress":
            sentence += f", đang thực hiện: bằng {reached} chỉ tiêu ({target}), kỳ chưa kết thúc"
        else:
            sentence += f", đạt {reached} chỉ tiêu ({target})"
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

# What a profile checks it has, so it can say what it does not cover.
CORE = {
    "tổng số tổ chức cơ sở đảng": lambda f: f["metric"] == "party_orgs",
    "tổng số đảng viên": lambda f: f["metric"] == "party_members",
    "xếp loại tổ chức cơ sở đảng": lambda f: f["metric"] == "org_classification",
    "xếp loại đảng viên": lambda f: f["metric"] == "member_classification",
    "kết nạp đảng viên": lambda f: f["metric"] == "members_admitted",
    "chỉ tiêu kết nạp": lambda f: f["target"].notna() | (f["metric"] == "admission_target"),
}


def _covers(figures: pd.DataFrame) -> str:
    """What the data on one area covers (years, subjects) and which core subjects it lacks."""
    years = sorted({period_end(p) for p in figures["period"]} - {0})
    span = f"các năm {years[0]}–{years[-1]}" if len(years) > 1 else (
        f"năm {years[0]}" if years else "không ghi năm"
    )  # fmt: skip
    held = [name for name, test in CORE.items() if test(figures).any()]
    lacking = [name for name in CORE if name not in held]
    sentence = f"Số liệu thuộc {span}, về: {join_vn(held) or 'các chỉ số khác'}"
    return sentence + (f"; chưa có số liệu về {join_vn(lacking)}." if lacking else ".")


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
    found.append(_covers(figures))
    for metric, word in (("party_orgs", "tổ chức cơ sở đảng"), ("party_members", "đảng viên")):
        rows = latest(
            figures[(figures["metric"] == metric) & (figures["category"] == "total")],
            ["organization"],
        )
        for _, r in rows.iterrows():
            flag = " (mâu thuẫn với nguồn khác)" if r["conflict"] else ""
            found.append(
                f"{r['organization']} có {vn_value(r['value'], r['unit'], r['qualifier'])} {word} ({in_brackets(in_sentence(r))}; {r['source_id']}){flag}."
            )
    found += [
        s
        for s in classification_findings(classification)
        if not s.startswith("Không có") and not s.startswith("Hai hệ")
    ]
    found += [s for s in recruitment_findings(recruitment) if not s.startswith("Không có")]
    return found + [merger]


# --------------------------------------------------------------------------- answers
# Each cross-province report opens with its answer in one or two sentences, right under its
# question. They count units; they add no figure across units, periods or organizations.


def inventory_answer(package: Package, figures: pd.DataFrame) -> list[str]:
    """What the data covers: figures, articles, provinces of the 63 and units of the 34, years."""
    if figures.empty:
        return ["Chưa có số liệu nào trong phạm vi đã chọn."]
    covered = province_coverage(package, figures)
    units = merger_coverage(covered)
    years = sorted({period_end(p) for p in figures["period"]} - {0})
    span = (
        f"năm {years[0]}" if len(years) == 1 else f"các năm {years[0]}–{years[-1]}"
    ) if years else "không ghi năm"  # fmt: skip
    used = package.sources[package.sources["source_id"].isin(figures["source_id"])]
    newest = used["published"].dropna().max() if "published" in used else pd.NaT
    first = (
        f"Dữ liệu có {format_vn_number(len(figures))} số liệu từ "
        f"{format_vn_number(figures['source_id'].nunique())} bài báo, về "
        f"{int((covered['figures'] > 0).sum())} trên {len(covered)} tỉnh, thành phố trước ngày "
        f"1/7/2025 ({int((units['with_data'] > 0).sum())} trên {len(units)} đơn vị sau sắp xếp)."
    )
    second = f"Số liệu thuộc {span}"
    if pd.notna(newest):
        second += f"; bài mới nhất đăng ngày {vn_date(newest.date())}"
    return [first, second + "."]


def classification_answer(table: pd.DataFrame) -> list[str]:
    """How the classification shares stand against their targets, and where the bottom tier is
    highest, each unit at its latest period."""
    if table.empty:
        return ["Chưa có số liệu xếp loại trong phạm vi đã chọn."]
    found = []
    good = table[table["category"].isin(["htt_or_better"]) & table["target"].notna()]
    good = latest(good, ["organization", "metric"])
    if len(good):
        met = good[good["gap_pp"] >= 0]
        below = good[good["gap_pp"] < 0]
        sentence = (
            f"Kỳ gần nhất có chỉ tiêu: {len(met)} trên {len(good)} tỷ lệ xếp loại đạt hoặc vượt "
            "chỉ tiêu"
        )
        if len(below):
            sentence += f", {len(below)} chưa đạt ({_names(sorted(set(below['organization'])))})"
        elif len(set(good["organization"])) <= MAX_NAMES:
            sentence += f" ({_names(sorted(set(good['organization'])))})"
        found.append(sentence + ".")
    counted = table[(table["share_basis"] == "computed") & (table["level"] == 1)]
    if len(counted):
        counted = latest(counted, ["organization", "metric"])
        worst = counted.loc[counted["share"].idxmax()]
        bottom = (
            f"{format_vn_number(worst['share'], 1)}% "
            f"{SHARE_SUBJECT.get(worst['metric'], '')} {printed_tier(worst)}"
        )
        units = counted["organization"].nunique()
        if units == 1:
            found.append(f"{where_when(worst)} có đủ bốn mức xếp loại; mức thấp nhất: {bottom}.")
        else:
            found.append(
                f"{units} đơn vị có đủ bốn mức xếp loại; tỷ lệ ở mức thấp nhất cao nhất là "
                f"{where_when(worst)}: {bottom}."
            )
    return found or [
        "Chưa có tỷ lệ xếp loại nào kèm chỉ tiêu hoặc đủ các mức trong phạm vi đã chọn."
    ]


def latest_per_unit(table: pd.DataFrame) -> pd.DataFrame:
    """One row per unit of a recruitment table: its latest period, and when that period has
    several figures, one with a target (``_untargeted`` says which rows have none)."""
    recent = latest(table, ["organization"])
    return (
        recent.assign(_untargeted=recent["status"] == "no_target")
        .sort_values(["_untargeted", "organization"], kind="stable")
        .drop_duplicates("organization")
    )


def recruitment_answer(table: pd.DataFrame) -> list[str]:
    """Who met, exceeded or did not meet the admission target (each unit's latest period), and
    which are part-year figures still in progress."""
    if table.empty:
        return ["Chưa có số liệu kết nạp đảng viên trong phạm vi đã chọn."]
    recent = latest_per_unit(table)
    with_target = recent[~recent["_untargeted"]]
    untargeted = int(recent["_untargeted"].sum())
    if with_target.empty:
        return [
            (
                f"{untargeted} đơn vị có số liệu kết nạp đảng viên nhưng không nêu chỉ tiêu, nên chưa "
                "đánh giá được mức đạt."
            )
        ]
    words = {
        "exceeded": "vượt chỉ tiêu",
        "met": "đạt chỉ tiêu",
        "not_met": "chưa đạt chỉ tiêu",
        "in_progress": "đang thực hiện (số liệu chưa đủ kỳ)",
        "unclear": "chưa xác định được mức đạt",
    }
    parts = []
    for status, word in words.items():
        units = sorted(set(with_target.loc[with_target["status"] == status, "organization"]))
        if units and status != "in_progress":
            named = f" ({_names(units)})" if len(with_target) <= MAX_NAMES else ""
            parts.append(f"{len(units)} {word}{named}")
        elif units:
            parts.append(f"{len(units)} {word}")
    first = (
        f"Kỳ gần nhất của {len(with_target)} đơn vị có chỉ tiêu kết nạp đảng viên: {join_vn(parts)}"
    )
    if untargeted:
        first += f"; {untargeted} đơn vị khác không nêu chỉ tiêu"
    found = [first + "."]
    progress = with_target[with_target["status"] == "in_progress"]
    if len(progress):
        periods = [
            f"{r['organization']}: {in_sentence(r)}"
            for _, r in progress.sort_values("organization").iterrows()
        ]
        shown = "; ".join(periods[:MAX_NAMES])
        if len(periods) > MAX_NAMES:
            shown += f"; và {len(periods) - MAX_NAMES} đơn vị khác"
        found.append(f"Đang thực hiện, chưa đủ kỳ — {shown}.")
    return found
