"""Derived tables the notebooks share: classification by tier, and recruitment against targets.

Nothing here invents a figure: shares are computed only from a full set of tiers the source gives,
bounds follow the source's own qualifiers ("trên", "gần"), and a missing input stays NaN.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.analysis.rules import STATUS_LABELS, attainment_status, period_elapsed
from helpers.data.frames import joined, records

GROUP = [
    "province",
    "organization",
    "organization_id",
    "source_id",
    "metric",
    "period_kind",
    "period",
    "regime",
]
REGIME_NAMES = {
    "tsvm": "Trong sạch vững mạnh (đến 2017)",
    "htxs": "Hoàn thành xuất sắc (từ 2018; đảng viên sớm hơn)",
}


def _text_key(frame: pd.DataFrame, columns: list[str]) -> list[pd.Series]:
    return [frame[c].astype(object).where(frame[c].notna(), "") for c in columns]


def classification_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares per classification tier, each regime under its own name.

    Shares of single tiers are computed from counts only when the source gives all four tiers of
    a regime; a share the source states (``unit == 'percent'``) is kept as reported. The
    good-or-better category (``htt_or_better``) stands apart and gets ``gap_pp`` to its target.
    """
    rows = figures[
        (figures["family"] == "classification")
        & (figures["metric"] != "org_tier_target")  # a goal, not a result
        & (figures["value_kind"] == "level")
    ].copy()
    rows["count"] = np.where(rows["unit"] == "count", rows["value"], np.nan)
    rows["share"] = np.where(rows["unit"] == "percent", rows["value"], np.nan)
    rows["share_basis"] = np.where(rows["unit"] == "percent", "reported", pd.NA)
    rows["total"] = np.nan
    counted = (rows["unit"] == "count") & rows["regime"].notna() & rows["level"].notna()
    if counted.any():
        keys = [k[counted] for k in _text_key(rows, GROUP)]
        grouped = rows[counted].groupby(keys, sort=False)
        levels, size, total = (
            grouped["level"].transform("nunique"),
            grouped["level"].transform("size"),
            grouped["count"].transform("sum"),
        )
        full = ((levels == 4) & (size == 4)).reindex(rows.index, fill_value=False)
        rows.loc[full, "total"] = total[full[counted]]
        rows.loc[full, "share"] = rows.loc[full, "count"] / rows.loc[full, "total"] * 100
        rows.loc[full, "share_basis"] = "computed"
        rows = _one_share_per_tier(rows)
    rows["regime_name"] = rows["regime"].map(REGIME_NAMES).astype("string")
    rows["gap_pp"] = np.where(rows["unit"] == "percent", rows["share"] - rows["target"], np.nan)
    columns = [
        "province", "organization", "organization_id", "period", "period_kind", "period_text",
        "metric", "metric_label", "regime",
        "regime_name", "category", "category_label", "tier_reported", "level", "count", "total",
        "share", "share_basis", "qualifier", "target", "target_qualifier", "target_basis", "gap_pp",
        "source_id",
        "figure_id", "quote", "conflict",
    ]  # fmt: skip
    order = ["province", "organization", "metric", "period", "regime", "level"]
    return rows.sort_values(
        order, ascending=[True, True, True, True, True, False], na_position="last"
    )[columns].reset_index(drop=True)


def _printed_half_step(value: float) -> float:
    """Half a unit of the last digit a share was printed with: 18.6 -> 0.05, 71 -> 0.5."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10**-decimals + 1e-9


def _one_share_per_tier(rows: pd.DataFrame) -> pd.DataFrame:
    """A source that prints every tier's count and some tiers' shares too ("11 tổ chức …, đạt
    18,6%") gives a tier two shares; charts and sums need one.

    When each printed share is the computed one rounded as printed, the printed rows go (the
    computed shares say the same, unrounded, and add up to 100). When one disagrees, the
    source's counts and shares do not fit together: its shares stay as printed and none is
    computed for that set, so nothing is drawn from arithmetic the article contradicts.
    """
    key = _text_key(rows, [*GROUP, "level"])
    computed = rows["share_basis"].eq("computed")
    if not computed.any():
        return rows
    by_tier = rows.loc[computed, "share"].groupby([k[computed] for k in key]).first()
    reported = rows["share_basis"].eq("reported") & rows["level"].notna()
    twin = pd.Series(
        [by_tier.get(t) for t in zip(*(k[reported] for k in key), strict=True)],
        index=rows.index[reported], dtype=float,
    )  # fmt: skip
    twin = twin.dropna()
    if twin.empty:
        return rows
    printed = rows.loc[twin.index, "share"].astype(float)
    agrees = (printed - twin).abs() <= printed.map(_printed_half_step)
    group = _text_key(rows, GROUP)
    group_of = pd.Series(list(zip(*group, strict=True)), index=rows.index)
    contradicted = set(group_of[agrees.index[~agrees]])
    undo = computed & group_of.isin(contradicted)
    rows.loc[undo, ["share", "total"]] = np.nan
    rows.loc[undo, "share_basis"] = pd.NA
    return rows.drop(index=agrees.index[agrees & ~group_of[agrees.index].isin(contradicted)])


def term_years(period: str | None, period_kind: str | None) -> float:
    """Years a period covers: 1 for a year, end minus start for a term, NaN otherwise."""
    if period_kind == "year":
        return 1.0
    if period_kind == "term" and isinstance(period, str):
        match = re.fullmatch(r"(\d{4})-(\d{4})", period)
        if match:
            return float(int(match.group(2)) - int(match.group(1)))
    return float("nan")


def attainment_bounds(
    admitted: float, admitted_q: str | None, target: float, target_q: str | None
) -> tuple[float, float, float]:
    """Attainment in percent with its lower and upper bound, from the sources' qualifiers.

    A target "at most" T (from "đạt trên X% chỉ tiêu") makes admitted/T a lower bound; an admitted
    count "more than" N does the same. Unknown bounds are NaN (unbounded).
    """
    if not (target and target > 0) or pd.isna(admitted):
        return (np.nan, np.nan, np.nan)
    point = admitted / target * 100
    low = high = point
    if target_q in ("at_most",) or admitted_q in ("more_than", "at_least"):
        high = np.nan
    if target_q in ("more_than", "at_least") or admitted_q in ("at_most",):
        low = np.nan
    return (point, low, high)


def recruitment_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Members admitted against target, attainment with bounds, per-year rate and intake per 100.

    Only counts of a period's admissions (not a share of membership, a change or a cumulative
    count). ``status`` says exceeded / met / not_met, or in_progress for a part-year flow, whose
    ``elapsed`` share of the year stands beside its attainment.

    Intake per 100 members uses the organization's member counts; when sources disagree on the
    count (a flagged conflict), the intake is given as a range over them.
    """
    admitted = figures[
        (figures["metric"] == "members_admitted")
        & (figures["category"] == "total")
        & (figures["unit"] == "count")
        & (figures["value_kind"] == "level")
    ]
    members = figures[
        (figures["metric"] == "party_members")
        & (figures["category"] == "total")
        & (figures["value_kind"] == "level")
    ]
    counts = _member_counts(admitted, members)
    out = [_recruitment_row(r, c) for r, c in zip(_records(admitted), counts, strict=True)]
    frame = pd.DataFrame(out)
    if frame.empty:
        return frame
    return frame.sort_values(["province", "organization", "period"]).reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts, faster than ``iterrows``; a missing text stays ``pd.NA`` as in the frame."""
    rows = records(frame)
    texts = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    for record in rows:
        for column in texts:
            if record[column] is None:
                record[column] = pd.NA
    return rows


def _member_counts(admitted: pd.DataFrame, members: pd.DataFrame) -> list[tuple]:
    """For each admission row: the lowest and highest member count of its organization and
    the figure ids they come from, from the same period when there is one, else from any."""
    if members.empty:
        return [(np.nan, np.nan, "")] * len(admitted)

    def summary(keys: list[str]) -> dict:
        grouped = members.groupby(keys, dropna=False, sort=False)
        table = pd.DataFrame(
            {
                "low": grouped["value"].min(),
                "high": grouped["value"].max(),
                "ids": joined(grouped, "figure_id", " "),
            }
        )
        return {k: tuple(v) for k, v in zip(table.index, table.to_numpy().tolist(), strict=True)}

    by_org = summary(["organization_id"])
    by_period = summary(["organization_id", "period"])
    none = (np.nan, np.nan, "")
    return [
        by_period.get((org, period), by_org.get(org, none))
        for org, period in zip(admitted["organization_id"], admitted["period"], strict=True)
    ]


def _recruitment_row(r: dict, counts: tuple) -> dict:
    """One admission figure with its attainment, status, per-year rate and intake per 100."""
    point, low, high = attainment_bounds(
        r["value"], r["qualifier"], r["target"], r["target_qualifier"]
    )
    years = term_years(r["period"], r["period_kind"])
    per_year = r["value"] / years if years and not np.isnan(years) else np.nan
    m_low, m_high, ids = counts
    status = attainment_status(
        r["value"], r["target"], r["period"], r["period_kind"], r["qualifier"],
        r["target_qualifier"],
    )  # fmt: skip
    return {
        "province": r["province"],
        "organization": r["organization"],
        "organization_id": r["organization_id"],
        "period": r["period"],
        "period_kind": r["period_kind"],
        "period_text": r["period_text"],
        "elapsed": period_elapsed(r["period"], r["period_kind"]),
        "status": status,
        "status_label": STATUS_LABELS[status],
        "years": years,
        "admitted": r["value"],
        "admitted_qualifier": r["qualifier"],
        "target": r["target"],
        "target_qualifier": r["target_qualifier"],
        "target_basis": r["target_basis"],
        "target_arithmetic": r["target_arithmetic"],
        "attainment_pct": point,
        "attainment_low": low,
        "attainment_high": high,
        "per_year": per_year,
        "members_low": m_low,
        "members_high": m_high,
        "members_source": ids or pd.NA,
        "intake_per_100_low": per_year / m_high * 100 if m_high else np.nan,
        "intake_per_100_high": per_year / m_low * 100 if m_low else np.nan,
        "source_id": r["source_id"],
        "figure_id": r["figure_id"],
        "quote": r["quote"],
    }
