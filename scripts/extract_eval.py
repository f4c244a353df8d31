"""Score the curation assistant (``helpers.extract``) against the curated figures.

Why: the extractor's rules are tuned on a handful of articles, so every change to them should be
measured on all of them. This script runs the extractor on each article listed in
``data/sources.csv`` that is present in the seeds folder (``helpers.paths.seeds_dir()``), pairs
candidates with curated figures on value, unit and metric family (each curated figure at most
once), and prints recall and precision per article and overall, then the misses and the false
positives. Articles without curated figures count every candidate as a false positive.

Usage::

    python scripts/extract_eval.py [--seeds DIR] [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.extract.engine import ArticleScore, evaluate, plain
from helpers.paths import DATA_DIR, seeds_dir


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def report(scores: list[ArticleScore]) -> str:
    """The score table, misses and false positives as printable text."""
    lines = [
        f"{'source':<8}{'curated':>8}{'cands':>7}{'matched':>9}{'recall':>9}{'precision':>11}",
    ]
    for s in scores:
        lines.append(
            f"{s.source_id:<8}{s.curated:>8}{s.candidates:>7}{s.matched:>9}"
            f"{_pct(s.recall):>9}{_pct(s.precision):>11}"
        )
    curated = sum(s.curated for s in scores)
    cands = sum(s.candidates for s in scores)
    matched = sum(s.matched for s in scores)
    recall = matched / curated if curated else None
    precision = matched / cands if cands else None
    lines.append(
        f"{'overall':<8}{curated:>8}{cands:>7}{matched:>9}{_pct(recall):>9}{_pct(precision):>11}"
    )
    misses = [(s.source_id, f) for s in scores for f in s.misses]
    lines.append("")
    lines.append(f"misses ({len(misses)}):")
    for _sid, fig in misses:
        lines.append(
            f"  {fig['figure_id']}: {fig['metric']} {fig['category']} "
            f"{plain_value(fig['value'])} {fig['unit']} | {fig['quote']}"
        )
    false_positives = [(s.source_id, c) for s in scores for c in s.false_positives]
    lines.append(f"false positives ({len(false_positives)}):")
    for sid, cand in false_positives:
        lines.append(
            f"  {sid} {cand.figure_id}: {cand.metric} {cand.category} {plain(cand.value)} "
            f"{cand.unit} [{cand.pattern}] | {cand.quote[:100]}"
        )
    return "\n".join(lines)


def plain_value(value: float) -> str:
    """97.0 -> "97", 97.5 -> "97.5"."""
    return f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    """Print the scores; exit 2 when the seeds folder is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="folder of the articles")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder")
    args = parser.parse_args(argv)
    seeds = args.seeds or seeds_dir()
    if not seeds.is_dir():
        print(f"no articles at {seeds} (set TCCSD_SEEDS_DIR or pass --seeds)", file=sys.stderr)
        return 2
    print(report(evaluate(seeds, args.data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
