"""Trends in one place: classification shares and admissions of an organization over its periods.

A trend is drawn only where one organization reports two or more periods. Classification shares
stay inside their regime (the "trong sạch vững mạnh" scale to 2017, the "hoàn thành xuất sắc"
scale from 2018): each regime gets its own chart, never one axis. Admissions are compared only
between periods of one kind (years with years, terms with terms); a part-year count stays in the
table, never drawn beside a whole year as if it were one.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

from helpers.analysis.rules import NOT_YET_PUBLISHED, remainder
from helpers.analysis.selection import period_end
from helpers.data.frames import column_values, is_missing
from helpers.report.parts import vn_period

# Admission periods that may share an axis with another period of the same kind.
COMPARABLE_KINDS = ("year", "term")


def _ordered(rows: pd.DataFrame) -> pd.DataFrame:
    """Oldest period first; undated last."""
    return rows.assign(_end=rows["period"].map(period_end).replace(0, 9999)).sort_values(
        ["_end", "period"], kind="stable"
    )


def _classification_candidates(table: pd.DataFrame) -> list[dict]:
    """The (organization, metric, regime) series with two or more periods, without chart rows:
    ``part()`` gives the series' own rows.

    Worked out in Python over the columns' values (a profile's table has a few thousand rows,
    where a dozen grouped pandas steps cost more than the loops): a missing period, kind or
    source counts as one value, "<NA>", and rows without an organization or metric are in no
    series, as a grouping leaves them out.
    """
    at = {
        name: column_values(table[name])
        for name in ("share", "level", "regime", "organization", "metric", "period",
                     "period_kind", "source_id", "province", "metric_label")
    }  # fmt: skip
    shares = [
        i
        for i, (share, level, regime, org, metric) in enumerate(
            zip(*(at[n] for n in ("share", "level", "regime", "organization", "metric")))
        )
        if not (is_missing(share) or is_missing(level) or is_missing(regime))
        and not (is_missing(org) or is_missing(metric))
    ]
    periods: dict[tuple, set] = {}  # (organization, metric): the periods, "period|kind" as text
    bars: dict[tuple, set] = {}  # (organization, metric, regime): its bars (period, kind, source)
    for i in shares:
        unit, when = (
            (at["organization"][i], at["metric"][i]),
            (_text(at["period"][i]), _text(at["period_kind"][i])),
        )
        periods.setdefault(unit, set()).add(when)
        bars.setdefault((*unit, at["regime"][i]), set()).add((*when, _text(at["source_id"][i])))
    within: dict[tuple, list[int]] = {}
    for i in shares:
        unit = (at["organization"][i], at["metric"][i])
        if len(periods[unit]) >= 2:
            within.setdefault(unit, []).append(i)
    out = []
    # Positions, not frames: only the few series drawn are ever taken out of ``table``.
    for org, metric in sorted(within):
        own = within[(org, metric)]
        for regime in ("tsvm", "htxs"):
            part = [p for p in own if at["regime"][p] == regime]
            if not part:
                continue
            out.append(
                {
                    "organization": org,
                    "province": at["province"][own[0]],
                    "metric": metric,
                    "metric_label": at["metric_label"][own[0]],
                    "regime": regime,
                    "periods": len(periods[(org, metric)]),
                    "bars": len(bars[(org, metric, regime)]),
                    "part": partial(table.take, part),
                }
            )
    return out


def most_periods(series: list[dict], limit: int | None, size) -> list[dict]:
    """The ``limit`` series with the most periods (all when ``limit`` is None), in their order."""
    if limit is None or len(series) <= limit:
        return series
    ranked = sorted(range(len(series)), key=lambda i: -size(series[i]))  # stable: ties keep order
    keep = set(ranked[:limit])
    return [s for i, s in enumerate(series) if i in keep]


def count_classification_series(table: pd.DataFrame) -> int:
    """How many series :func:`classification_series` returns without a limit."""
    return len(_classification_candidates(table))


def classification_trends(
    table: pd.DataFrame, limit: int, max_bars: int | None = None
) -> tuple[list[dict], int]:
    """The series to draw and how many series there are in all: of the series with at most
    ``max_bars`` bars (all when None), the ``limit`` with the most periods, built as
    :func:`classification_series` builds them."""
    candidates = _classification_candidates(table)
    drawable = [c for c in candidates if max_bars is None or c["bars"] <= max_bars]
    return _build(most_periods(drawable, limit, lambda s: s["periods"])), len(candidates)


def classification_series(table: pd.DataFrame, limit: int | None = None) -> list[dict]:
    """Every (organization, metric) with tier shares in two or more periods, split by regime.

    Returns dicts with ``organization``, ``province``, ``metric``, ``metric_label``, ``regime``,
    ``periods`` (how many periods this organization reports for the metric, all regimes) and
    ``rows``: chart rows (``label`` = the period as printed, ``level``, ``category_label``,
    ``share``, ``source_id``), a bar whose source gives only some tiers ending in "chưa công bố".
    With ``limit``, only that many series are built: those with the most periods (ties: the
    first in order); :func:`count_classification_series` tells how many there are in all.
    """
    return _build(most_periods(_classification_candidates(table), limit, lambda s: s["periods"]))


def _build(chosen: list[dict]) -> list[dict]:
    """Chart rows for each chosen candidate series (see :func:`classification_series`).

    Each bar is one (period, kind, source) of the series, oldest first, its tiers as
    :func:`rules.tier_composition` gives them (a bar short of its four tiers ends in "chưa công
    bố"). The bars of a series are worked out together, not one frame per bar.
    """
    out = []
    keys = ["period", "period_kind", "source_id"]
    for candidate in chosen:
        candidate = dict(candidate)
        part = candidate.pop("part")()
        del candidate["bars"]
        # two sources of one period: the bar's label names its source
        two_sources = (
            part.groupby(["period", "period_kind"], dropna=False).ngroups
            < part.groupby(keys, dropna=False).ngroups
        )
        out.append({**candidate, "rows": _bars(_ordered(part), keys, two_sources)})
    return out


def _bars(ordered: pd.DataFrame, keys: list[str], two_sources: bool) -> pd.DataFrame:
    """The chart rows of one series' rows (oldest first): bars in order of first appearance,
    each bar's tiers in the rows' order, then its remainder, if any: what
    :func:`rules.tier_composition` gives for each bar, for all bars at once."""
    number = ordered.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    by_bar = np.argsort(number, kind="stable")
    at = {name: column_values(ordered[name]) for name in [*keys, "period_text"]}
    first = {}  # each bar's first row, which names it
    for k in by_bar.tolist():
        first.setdefault(number[k], k)
    labels = {}
    for n, k in first.items():
        label = vn_period(at["period"][k], at["period_kind"][k], at["period_text"][k])
        labels[n] = f"{label} ({at['source_id'][k]})" if two_sources else label
    tiers = ordered.assign(value=ordered["share"], unit="percent").take(by_bar)
    kept = tiers["level"].notna().to_numpy()
    tiers, bar = tiers[kept], number[by_bar][kept]
    starts = np.flatnonzero(np.r_[True, bar[1:] != bar[:-1]]) if len(bar) else bar
    ends = np.r_[starts[1:], len(bar)].astype(int)
    levels = tiers["level"].astype(int).to_numpy()
    values = np.nan_to_num(tiers["value"].to_numpy(dtype=float), nan=0.0)
    whole = [set(levels[a:b].tolist()) == {1, 2, 3, 4} for a, b in zip(starts, ends, strict=True)]
    tiers["complete"] = np.repeat(np.array(whole, dtype=bool), ends - starts)
    short = [(bar[a], a, b) for a, b, done in zip(starts, ends, whole, strict=True) if not done]
    order, tail = bar, np.zeros(len(bar), dtype=int)
    if short:
        rests = pd.DataFrame([remainder("percent", values[a:b].sum()) for _, a, b in short])
        tiers = pd.concat([tiers, rests], ignore_index=True)
        order = np.r_[bar, [n for n, _, _ in short]]
        tail = np.r_[tail, np.ones(len(short), dtype=int)]
    sequence = np.lexsort((tail, order))
    tiers, order = tiers.take(sequence).reset_index(drop=True), order[sequence].tolist()
    tiers["tier_reported"] = tiers["tier_reported"].where(
        tiers["level"] != 0, NOT_YET_PUBLISHED.lower()
    )
    return tiers.assign(
        label=[labels[n] for n in order],
        share=tiers["value"],
        **{name: _as_assigned([at[name][first[n]] for n in order], tiers.index) for name in keys},
    )


def _as_assigned(values: list, index: pd.Index) -> list | pd.Series:
    """A column of the values each bar's own ``assign`` gave, once the bars are concatenated:
    text (all text), float (all NaN) or, when they mix, object."""
    if all(type(v) is str for v in values):
        return values
    if all(isinstance(v, float) and v != v for v in values):  # noqa: PLR0124 - NaN
        return pd.Series(values, index=index, dtype=float)
    return pd.Series(values, index=index, dtype=object)


def admission_series(recruitment: pd.DataFrame) -> list[dict]:
    """Every organization with admissions in two or more periods.

    Returns dicts with ``organization``, ``province``, ``table`` (every period, oldest first,
    with ``period_shown``) and ``charts``: one frame per period kind of ``COMPARABLE_KINDS``
    that has two or more periods, with ``label``, ``actual`` (admitted) and ``target``.

    The rows are ordered and their periods worked out once for all organizations; each
    organization's frames are then taken out by position (a stable order of the whole is each
    organization's own order).
    """
    if recruitment.empty:
        return []
    ordered = _ordered(recruitment).drop(columns="_end")
    periods, kinds = column_values(ordered["period"]), column_values(ordered["period_kind"])
    texts = column_values(ordered["period_text"])
    ordered = ordered.assign(period_shown=list(map(vn_period, periods, kinds, texts)))
    # a period as a distinct value: a missing period or kind counts as one value, "<NA>"
    when = [(_text(p), _text(k)) for p, k in zip(periods, kinds, strict=True)]
    kind_shown = [k if isinstance(k, str) and k in COMPARABLE_KINDS else "" for k in kinds]
    drawn = ordered.assign(  # a chart's rows: its kind's rows only, so "kind" is that kind
        label=ordered["period_shown"], actual=ordered["admitted"], kind=kind_shown
    )
    first_row = recruitment.groupby("organization", sort=True).indices  # in the rows' order
    provinces = column_values(recruitment["province"])
    out = []
    for org, own in ordered.groupby("organization", sort=True).indices.items():
        if len({when[i] for i in own}) < 2:
            continue
        charts = []
        for kind in COMPARABLE_KINDS:
            part = [i for i in own if isinstance(kinds[i], str) and kinds[i] == kind]
            if len({periods[i] for i in part if not pd.isna(periods[i])}) >= 2:
                charts.append(drawn.take(part).reset_index(drop=True))
        out.append(
            {
                "organization": org,
                "province": provinces[first_row[org][0]],
                "table": ordered.take(own).reset_index(drop=True),
                "charts": charts,
            }
        )
    return out


def _text(value) -> str:
    """A cell as ``astype(str)`` after ``fillna("<NA>")`` shows it."""
    return "<NA>" if is_missing(value) else str(value)
