"""Pair candidates with curated figures, and say where they agree: ``--compare`` and scoring.

A candidate and a curated figure are the same statement when they print the same value in the
same unit about the same family of metrics (``metrics.csv``); whether the metric, category,
period and target also agree decides between ``match`` and ``disagree``. Both the command's
``--compare`` table and :mod:`helpers.extract.evaluate` rest on :func:`match_figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from helpers.extract.records import Candidate, plain
from helpers.paths import DATA_DIR

COMPARE_COLUMNS = [
    "verdict", "candidate_id", "figure_id", "family", "metric", "category", "value", "unit",
    "period", "differences", "quote",
]  # fmt: skip
#: Fields that must also agree for a keyed pair to be a ``match`` rather than a ``disagree``.
COMPARED_FIELDS = [
    "metric", "category", "period", "period_kind", "qualifier", "target", "target_qualifier",
    "target_basis",
]  # fmt: skip
_VERDICT_ORDER = {"match": 0, "disagree": 1, "new": 2, "missing": 3}


def cell_text(value: object) -> str:
    """A cell of the curated frame as text ('' for missing, 97.0 -> '97')."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return plain(Decimal(repr(value)))
    return str(value)


def _key(value: object, unit: str, family: str) -> tuple[str, str, str]:
    return (plain(Decimal(cell_text(value) or "0")), unit, family)


def match_figures(
    candidates: Sequence[Candidate],
    curated: Sequence[dict],
    families: dict[str, str],
) -> list[tuple[Candidate | None, dict | None]]:
    """Pair candidates with curated figures on value, unit and metric family.

    Each curated figure is paired at most once; pairs that also agree on metric and category are
    made first. Unpaired candidates come back as ``(candidate, None)``, unpaired curated figures
    as ``(None, figure)``.
    """
    free = list(range(len(curated)))
    pairs: dict[int, int] = {}
    keys = [
        _key(f["value"], cell_text(f["unit"]), families.get(cell_text(f["metric"]), ""))
        for f in curated
    ]
    for strict in (True, False):
        for i, cand in enumerate(candidates):
            if i in pairs:
                continue
            key = _key(cand.value, cand.unit, families.get(cand.metric, ""))
            for j in free:
                fig = curated[j]
                same = (
                    cell_text(fig["metric"]) == cand.metric
                    and cell_text(fig["category"]) == cand.category
                )
                if keys[j] == key and (same or not strict):
                    pairs[i] = j
                    free.remove(j)
                    break
    out: list[tuple[Candidate | None, dict | None]] = [
        (cand, curated[pairs[i]] if i in pairs else None) for i, cand in enumerate(candidates)
    ]
    out += [(None, curated[j]) for j in free]
    return out


def _differences(cand: Candidate, fig: dict) -> list[str]:
    row = cand.row()
    diffs = []
    for name in COMPARED_FIELDS:
        mine, theirs = row[name], cell_text(fig.get(name))
        if name == "target" and mine and theirs and abs(float(mine) - float(theirs)) <= 0.5:
            continue
        if mine != theirs:
            diffs.append(f"{name}: '{mine}' vs curated '{theirs}'")
    return diffs


def compare(
    candidates: Sequence[Candidate], curated: Sequence[dict], families: dict[str, str]
) -> list[dict[str, str]]:
    """Verdict rows: ``match``, ``disagree`` (paired, other fields differ), ``new``, ``missing``."""
    rows = [
        _candidate_row(cand, fig, families) if cand is not None else _missing_row(fig, families)
        for cand, fig in match_figures(candidates, curated, families)
    ]
    return sorted(rows, key=lambda r: _VERDICT_ORDER[r["verdict"]])


def _candidate_row(cand: Candidate, fig: dict | None, families: dict[str, str]) -> dict[str, str]:
    """The verdict on a candidate: ``new`` when unpaired, else ``match`` or ``disagree``."""
    diffs = _differences(cand, fig) if fig is not None else []
    verdict = "new" if fig is None else ("disagree" if diffs else "match")
    return {
        "verdict": verdict,
        "candidate_id": cand.figure_id,
        "figure_id": cell_text(fig["figure_id"]) if fig is not None else "",
        "family": families.get(cand.metric, ""),
        "metric": cand.metric,
        "category": cand.category,
        "value": plain(cand.value),
        "unit": cand.unit,
        "period": cand.period,
        "differences": "; ".join(diffs),
        "quote": cand.quote,
    }


def _missing_row(fig: dict, families: dict[str, str]) -> dict[str, str]:
    """A curated figure no candidate was paired with."""
    return {
        "verdict": "missing",
        "candidate_id": "",
        "figure_id": cell_text(fig["figure_id"]),
        "family": families.get(cell_text(fig["metric"]), ""),
        "metric": cell_text(fig["metric"]),
        "category": cell_text(fig["category"]),
        "value": cell_text(fig["value"]),
        "unit": cell_text(fig["unit"]),
        "period": cell_text(fig["period"]),
        "differences": "not proposed by the extractor",
        "quote": cell_text(fig["quote"]),
    }


def curated_figures(source_id: str, data_dir: Path | str = DATA_DIR) -> list[dict]:
    """The curated figures of one source, via the validating loader."""
    from helpers.data.loading import load_figures

    figures = load_figures(data_dir)
    return figures[figures["source_id"] == source_id].to_dict("records")
