"""Choosing and labelling figure rows for the reports' tables and charts.

Which rows a chart shows (one province, each unit's latest period, full tier sets only), how a
row is labelled, and the derived good-or-better shares. The findings sentences use these too.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.analysis.rules import NOT_YET_PUBLISHED
from helpers.data.frames import column_values, is_missing, joined, records
from helpers.data.loading import Package
from helpers.report.parts import vn_period, vn_period_in_sentence, vn_value

SUBJECT = {
    "org_classification": "TCCSĐ",
    "member_classification": "đảng viên",
    "political_task_leadership": "TCCSĐ lãnh đạo hoàn thành nhiệm vụ chính trị",
    "subunit_classification": "chi bộ trực thuộc, đảng bộ bộ phận",
    "committee_classification": "tập thể cấp ủy",
}
# Who a classification share counts, before the tier words the article printed.
SHARE_SUBJECT = {
    "org_classification": "TCCSĐ",
    "member_classification": "đảng viên",
    "political_task_leadership": "chi, đảng bộ cơ sở",
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
    """Short row label for charts: "Đắk Nông · Đảng bộ tỉnh Đắk Nông · năm 2017", the period as
    the article printed it when recorded ("từ 2016 đến nay")."""
    parts = [row["province"] if isinstance(row["province"], str) else "Chưa rõ tỉnh"]
    if with_org:
        parts.append(row["organization"])
    parts.append(vn_period_in_sentence(row["period"], row["period_kind"], row.get("period_text")))
    return " · ".join(parts)


def labels(frame: pd.DataFrame, with_org: bool = True) -> list[str]:
    """``label`` of every row of a frame, without a Python loop over rows."""
    if frame.empty:
        return []
    province = frame["province"].astype(object).where(frame["province"].notna(), "Chưa rõ tỉnh")
    periods = [p[:1].lower() + p[1:] for p in period_words(frame)]
    parts = [province.astype(str).tolist()]
    if with_org:
        parts.append(frame["organization"].astype(str).tolist())
    parts.append(periods)
    return [" · ".join(items) for items in zip(*parts, strict=True)]


def source_names(source_ids) -> str:
    """ "S000, S003 — xem danh mục nguồn cuối báo cáo": a chart's source note."""
    ids = sorted(set(source_ids))
    return ", ".join(ids) + " — xem danh mục nguồn cuối báo cáo"


def coverage(figures: pd.DataFrame) -> pd.DataFrame:
    """Which province, organization and period has which metric, with how many figures."""
    frame = figures.assign(period_text=period_words(figures))
    groups = frame.groupby(
        ["province", "organization", "metric_label", "period_text"], dropna=False
    )
    grouped = (
        groups.agg(figures=("figure_id", "count"))
        .assign(ids=joined(groups, "figure_id", ", "))
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
    rows["arithmetic_vi"] = rows["target_arithmetic"].map(arithmetic_vi)
    return rows.reset_index(drop=True)


_BOUND = re.compile(r"'([^']+)' makes (\S+?) an? (upper|lower) bound")


def arithmetic_vi(text) -> str | None:
    """A target's arithmetic for readers: the sum itself, with the analysts' English note put in
    Vietnamese ("'trên 124%' makes 1.125 an upper bound" -> "“trên 124%” nên 1.125 là mức tối đa
    của chỉ tiêu"); an English note without a known form is left out, never shown."""
    if not isinstance(text, str) or not text:
        return None
    head, *notes = [part.strip() for part in text.split(";")]
    head = head.replace("(percentage points)", "(điểm phần trăm)")
    head = re.sub(r"\s*\([A-Za-z][A-Za-z ]*\)", "", head)
    shown = [head]
    for note in notes:
        match = _BOUND.search(note)
        if match:
            word = "tối đa" if match.group(3) == "upper" else "tối thiểu"
            shown.append(
                f"bài viết “{match.group(1)}” nên {match.group(2)} là mức {word} của chỉ tiêu"
            )
    return "; ".join(shown)


def unresolved(package: Package, figures: pd.DataFrame) -> pd.DataFrame:
    """What is not known: sources without a province, figures without a period, with the reason."""
    out = []
    for _, s in package.sources.iterrows():
        if s["province_basis"] == "unresolved":
            out.append(
                {
                    "item": s["source_id"],
                    "what": "Tỉnh của bài báo",
                    "reason": "bài không in tên tỉnh, thành phố hay địa danh đủ để xác định",
                }
            )
        if pd.isna(s["published"]):
            out.append({"item": s["source_id"], "what": "Ngày đăng", "reason": "không in trên bài"})
    for _, f in figures[figures["period_kind"] == "undated"].iterrows():
        out.append(
            {
                "item": f["figure_id"],
                "what": f"Thời điểm của số liệu “{f['metric_label']}”",
                "reason": _undated_reason(f),
            }
        )
    return pd.DataFrame(out, columns=["item", "what", "reason"])


def _undated_reason(row: pd.Series) -> str:
    """Why a figure has no period, in words generated from the row (the analysts' English
    ``note`` stays in the data file)."""
    printed = row.get("period_text")
    if isinstance(printed, str) and printed:
        return f"bài chỉ viết “{printed}”, không in năm hay ngày của số liệu"
    return "câu trích không ghi thời điểm của số liệu"


@lru_cache(maxsize=65536)  # long tables repeat a few periods
def period_end(period) -> int:
    """Last year a period covers (0 when undated), to pick each organization's latest figures."""
    years = (
        [int(y) for y in str(period).split("-")[:2] if y.isdigit() and len(y) == 4]
        if isinstance(period, str)
        else []
    )
    return max(years) if years else 0


def latest(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Only the rows of each group's latest period: one bar per unit keeps 63 provinces legible.

    A missing key groups with the empty one. (Worked out in Python, not by a grouped transform:
    a profile calls this a dozen times on a few hundred rows, where pandas' overhead dominates.)
    """
    if rows.empty:
        return rows
    ends = [_period_end(p) for p in column_values(rows["period"])]
    groups = list(zip(*([_key(v) for v in column_values(rows[k])] for k in keys), strict=True))
    best: dict[tuple, int] = {}
    for group, end in zip(groups, ends, strict=True):
        if end > best.get(group, -1):
            best[group] = end
    keep = [end == best[group] for group, end in zip(groups, ends, strict=True)]
    return rows[np.array(keep, dtype=bool)]


def _key(value):
    """A group key as ``latest`` compares them: a missing value is the empty one."""
    return "" if is_missing(value) else value


@lru_cache(maxsize=4096)
def _cached_period_end(period) -> int:
    return period_end(period)


def _period_end(period) -> int:
    """``period_end``, once per distinct period (a missing one is not cached: NaN != NaN)."""
    try:
        return _cached_period_end(period)
    except TypeError:  # unhashable
        return period_end(period)


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
    rows["label"] = labels(rows)
    if rows.empty:
        return rows
    # Each bar (label) keeps its tiers in order; a bar short of its four tiers gets one more
    # segment, "chưa công bố", for the rest of 100% (see rules.tier_composition).
    bar = rows.groupby("label", sort=False)
    rows["complete"] = bar["level"].transform("nunique").eq(4)
    rows["value"], rows["unit"] = rows["share"], "percent"
    for column in IDENTITY:
        if column in rows.columns:
            rows[column] = bar[column].transform("first")
    rows["_bar"] = pd.factorize(rows["label"])[0]
    rows["_tail"] = 0
    short = rows[~rows["complete"]]
    if len(short):
        rest = short.groupby("_bar", sort=False).agg(
            {"label": "first", "share": "sum", **{c: "first" for c in IDENTITY if c in rows}}
        )
        rest["share"] = (100.0 - rest["share"]).clip(lower=0.0)
        rest = rest.assign(
            value=rest["share"], level=0, category="not_published",
            category_label=NOT_YET_PUBLISHED, tier_reported=NOT_YET_PUBLISHED.lower(),
            unit="percent", complete=False, _tail=1,
        ).reset_index()  # fmt: skip
        rows = pd.concat([rows, rest], ignore_index=True)
    rows = rows.sort_values(["_bar", "_tail"], kind="stable")
    return rows.drop(columns=["_bar", "_tail"]).reset_index(drop=True)


GROUPED = ("htt_or_better", "ht_or_better")  # "trở lên" groups: a category of their own
TOP_TWO = "hai mức cao nhất (tính từ số lượng từng mức)"


def good_or_better(table: pd.DataFrame) -> pd.DataFrame:
    """Good-or-better shares: stated ones, plus those computed from full tier sets.

    ``tier_text`` names the group as the article printed it ("hoàn thành tốt nhiệm vụ", with
    "trở lên" only when printed); a computed share is named for what it is: the top two tiers.
    """
    stated = table[table["category"] == "htt_or_better"].copy()
    keys = ["province", "organization", "period", "period_kind", "metric", "regime", "source_id"]
    computed = (
        table[(table["share_basis"] == "computed") & (table["level"] >= 3)]
        .groupby(keys, dropna=False)
        .agg(share=("share", "sum"), period_text=("period_text", "first"))
        .reset_index()
    )
    computed["target"] = float("nan")
    computed["share_basis"] = "computed"
    computed["tier_text"] = TOP_TWO
    computed["qualifier"] = pd.NA
    stated["share_basis"] = "reported"
    stated["tier_text"] = [printed_tier(r) for r in records(stated)]
    cols = [*keys[:5], "regime", "period_text", "tier_text", "share", "qualifier", "target",
            "share_basis", "source_id"]  # fmt: skip
    out = pd.concat([stated[cols], computed[cols]], ignore_index=True)
    out["gap_pp"] = out["share"] - out["target"]
    out["unit_period"] = labels(out)
    out["label"] = out["unit_period"] + " · " + out["metric"].map(SUBJECT)
    out["what"] = [
        f"{SHARE_SUBJECT.get(m, '')} {'ở ' if t == TOP_TWO else ''}{t}"
        for m, t in zip(out["metric"], out["tier_text"], strict=True)
    ]
    return out


def printed_tier(row: pd.Series | dict) -> str:
    """A tier in the article's words: "hoàn thành tốt nhiệm vụ", with "trở lên" only when the
    article prints it (the category's own label says "trở lên" by definition)."""
    printed = row.get("tier_reported")
    if not isinstance(printed, str) or not printed:
        return str(row.get("category_label", "")).lower()
    quote = row.get("quote")
    if isinstance(quote, str) and "trở lên" in quote and "trở lên" not in printed:
        return printed + " trở lên"
    return printed


def share_regime(row: pd.Series | dict) -> str | None:
    """The classification regime a share belongs to: its own when the tiers name it; for a share
    of a "trở lên" group, the regime in force over the whole period (organizations: trong sạch
    vững mạnh to 2017, hoàn thành xuất sắc from 2018; members: hoàn thành xuất sắc), or None
    when the period straddles the change or is not printed: such a share is never ranked."""
    if isinstance(row.get("regime"), str) and row["regime"]:
        return row["regime"]
    if row["metric"] == "member_classification":
        return "htxs"
    period = row.get("period")
    years = (
        [int(y) for y in re.findall(r"(?:19|20)\d{2}", period)] if isinstance(period, str) else []
    )
    if row.get("period_kind") == "since" or not years:
        return None
    if max(years) <= 2017:
        return "tsvm"
    if min(years) >= 2018:
        return "htxs"
    return None


def league(table: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Sorted cross-unit tables of the good-or-better share, one per subject and regime.

    Each unit shows once, at its latest period (a share the article states is preferred to one
    computed from its tiers for the same period). Shares of the two regimes are never ranked
    together; shares whose regime the period cannot tell are left out (see ``unranked``).
    """
    good = good_or_better(table)
    if good.empty:
        return {}
    good = good.assign(
        rank_regime=[share_regime(r) for r in records(good)],
        end=good["period"].map(period_end),
        stated=good["share_basis"] == "reported",
    )
    good = good[good["rank_regime"].notna() & good["share"].notna()]
    out = {}
    for (metric, regime), rows in good.groupby(["metric", "rank_regime"], sort=False):
        rows = rows.sort_values(["end", "stated"], ascending=[False, False], kind="stable")
        rows = rows.drop_duplicates("organization").sort_values(
            ["share", "organization"], ascending=[False, True], kind="stable"
        )
        rows = rows.assign(rank=rows["share"].rank(method="min", ascending=False).astype(int))
        out[(metric, regime)] = rows.reset_index(drop=True)
    order = list(SUBJECT)
    return dict(sorted(out.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1] != "tsvm")))


def unranked(table: pd.DataFrame) -> pd.DataFrame:
    """Good-or-better shares left out of ``league``: their period straddles the 2018 change of
    regime, or is not printed."""
    good = good_or_better(table)
    if good.empty:
        return good
    return good[[share_regime(r) is None for r in records(good)]].reset_index(drop=True)


def period_words(frame: pd.DataFrame) -> list[str]:
    """Each row's period as the article printed it, for a table column ("Năm 2017",
    "9 tháng đầu năm 2021", "Từ năm 2016 đến nay")."""
    texts = frame["period_text"] if "period_text" in frame else pd.Series(pd.NA, index=frame.index)
    words = lru_cache(maxsize=None)(vn_period)  # a long table repeats a few periods: each once
    return [
        words(p, k, t)
        for p, k, t in zip(
            column_values(frame["period"]),
            column_values(frame["period_kind"]),
            column_values(texts),
            strict=True,
        )
    ]


# The noun a count of a metric takes, so a table cell reads "3.600 đảng viên", not "3.600".
COUNT_NOUNS = {
    "party_orgs": "tổ chức",
    "party_members": "đảng viên",
    "members_admitted": "đảng viên",
    "org_classification": "tổ chức",
    "member_classification": "đảng viên",
    "political_task_leadership": "tổ chức",
    "subunit_classification": "chi bộ, đảng bộ bộ phận",
}


def value_words(frame: pd.DataFrame, column: str = "value", qualified: bool = True) -> list[str]:
    """Each row's value with its qualifier and unit: "khoảng 12.000", "3.600 đảng viên", "97,5%"."""
    qualifiers = frame["qualifier"] if qualified and "qualifier" in frame else [None] * len(frame)
    out = []
    for value, unit, metric, qualifier in zip(
        frame[column], frame["unit"], frame["metric"], qualifiers, strict=True
    ):
        text = vn_value(value, unit, qualifier if isinstance(qualifier, str) else None)
        noun = COUNT_NOUNS.get(metric) if unit == "count" and not pd.isna(value) else None
        out.append(f"{text} {noun}" if noun else text)
    return out
