"""Score the curation assistant against the curated figures: recall, precision, misses.

Why: the extractor's rules are tuned on a handful of articles, so every change to them should be
measured on all of them. :func:`evaluate` runs the extractor on each article listed in
``data/sources.csv`` that is present in the seeds folder (``helpers.paths.seeds_dir()``), pairs
candidates with curated figures on value, unit and metric family (each curated figure at most
once, :func:`helpers.extract.matching.match_figures`), and :func:`report` prints recall and
precision per article and overall, then the misses and the false positives. Articles without
curated figures count every candidate as a false positive.

:data:`evaluate_command` is the command line (``scripts/extract_eval.py``, ``tccsd extract-eval``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click

from helpers.errors import ParameterError
from helpers.extract.engine import extract_file
from helpers.extract.files import metric_families, read_csv
from helpers.extract.matching import match_figures
from helpers.extract.records import Candidate, plain
from helpers.paths import DATA_DIR, seeds_dir

__all__ = ["ArticleScore", "evaluate", "evaluate_command", "plain", "plain_value", "report"]


# The honest split (data/curation/README.md): the collected sources whose number is divisible by 3
# are the test part, fixed before any article was curated; no rule is written from them.
def part_of(source_id: str) -> str:
    """seed (S000-S004), test (S005 on, number divisible by 3) or dev (the rest)."""
    number = int(source_id[1:])
    return "seed" if number < 5 else ("test" if number % 3 == 0 else "dev")


ALL_FAMILIES: dict[str, str] = {}  # matching on (value, unit) alone ignores the metric family

#: Metrics, categories and value kinds added to the vocabulary after the real articles were
#: curated (commit 5403ac4, "what the curators could not place"): a candidate in them may be a
#: true statement no curated row holds yet, so the report counts those false positives apart.
LATE_VOCABULARY = {
    "party_members:member_group", "members_admitted:member_group", "cell_in_partial_committee",
    "each_year", "orgs_held_congress", "subordinate_committees", "hamlets_without_cell",
    "places_without_member", "hamlets_with_committee", "members_confirmed", "candidates_trained",
    "orgs_admitting_members", "orgs_founded", "orgs_dissolved", "admission_attainment",
    "org_tier_target", "members_disciplined", "orgs_inspected", "members_inspected",
    "subunit_evaluation", "ratio_to_previous",
}  # fmt: skip
_MEMBER_GROUPS = {"women", "ethnic_minority", "religious", "youth_union", "young", "farmers",
                  "workers", "students", "college_or_higher", "probationary"}  # fmt: skip


def late(cand: Candidate) -> bool:
    """Whether a candidate is in the vocabulary added after curation (:data:`LATE_VOCABULARY`)."""
    grouped = cand.category in _MEMBER_GROUPS
    return grouped or bool({cand.metric, cand.category, cand.value_kind} & LATE_VOCABULARY)


@dataclass
class ArticleScore:
    """Recall and precision of the extractor on one article.

    ``matched`` pairs a candidate with a curated figure on (value, unit); ``metric_right`` counts
    the pairs whose metric is the curated one too.
    """

    source_id: str
    seed_file: str
    curated: int
    candidates: int
    matched: int
    misses: list[dict]
    false_positives: list[Candidate]
    metric_right: int = 0
    part: str = ""
    retrieved: str = ""  # the snapshot's retrieval date (sources.csv), empty for the seeds
    collection: str = ""  # "S138–S329, collected 2026-11-24" (data/curation/collections.csv)

    @property
    def late_false(self) -> int:
        """False positives in the vocabulary added after curation."""
        return sum(1 for c in self.false_positives if late(c))

    @property
    def recall(self) -> float | None:
        return self.matched / self.curated if self.curated else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.candidates if self.candidates else None


def evaluate(
    seeds: Path | str | None = None, data_dir: Path | str = DATA_DIR
) -> list[ArticleScore]:
    """Run the extractor on every article of ``sources.csv`` found in ``seeds``.

    Candidates and curated figures are paired by :func:`match_figures`; articles without
    curated figures count every candidate as a false positive.
    """
    seeds = Path(seeds) if seeds else seeds_dir()
    families = metric_families(data_dir)
    from helpers.data.loading import load_figures

    figures = load_figures(data_dir)
    collections = read_collections(data_dir)
    scores = []
    for source in read_csv(Path(data_dir) / "sources.csv"):
        path = article_path(source, seeds, data_dir)
        if not path.is_file():
            continue
        sid = source["source_id"]
        cands = extract_file(path, sid, data_dir)
        curated = figures[figures["source_id"] == sid].to_dict("records")
        scores.append(_score(source, cands, curated, families, collection_of(sid, collections)))
    return scores


def read_collections(data_dir: Path | str) -> list[tuple[int, int, str]]:
    """The collections of ``data/curation/collections.csv``: (first, last source number, label).

    Why: retrieval days do not separate collections made on one day, and the split of the test
    part is only telling by collection (rules written before a collection never saw it)."""
    path = Path(data_dir) / "curation" / "collections.csv"
    if not path.is_file():
        return []
    return [
        (int(r["first_source"][1:]), int(r["last_source"][1:]),
         f"{r['first_source']}–{r['last_source']}, collected {r['collected']}")
        for r in read_csv(path)
    ]  # fmt: skip


def collection_of(source_id: str, collections: list[tuple[int, int, str]]) -> str:
    """The label of the collection holding ``source_id``, or "" (a seed, or no table)."""
    number = int(source_id[1:]) if source_id[1:].isdigit() else -1
    return next((label for first, last, label in collections if first <= number <= last), "")


def article_path(source: dict[str, str], seeds: Path, data_dir: Path | str) -> Path:
    """A founding article in the seeds folder, a web article's snapshot in ``data/articles``."""
    if source["seed_file"]:
        return seeds / source["seed_file"]
    return Path(data_dir) / "articles" / f"{source['source_id']}.txt"


def _score(
    source: dict[str, str],
    cands: list[Candidate],
    curated: list[dict],
    families: dict[str, str],
    collection: str = "",
) -> ArticleScore:
    """The score of one article from its candidates and curated figures, on (value, unit)."""
    pairs = match_figures(cands, curated, ALL_FAMILIES)
    return ArticleScore(
        source_id=source["source_id"],
        seed_file=source["seed_file"],
        curated=len(curated),
        candidates=len(cands),
        matched=sum(1 for c, f in pairs if c is not None and f is not None),
        misses=[f for c, f in pairs if c is None],
        false_positives=[c for c, f in pairs if f is None],
        metric_right=sum(1 for c, f in pairs if c and f and c.metric == f["metric"]),
        part=part_of(source["source_id"]),
        retrieved=source.get("retrieved", ""),
        collection=collection,
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def plain_value(value: float) -> str:
    """97.0 -> "97", 97.5 -> "97.5"."""
    return f"{value:g}"


def report(
    scores: list[ArticleScore], first_seen: list[dict] | None = None, detail: str | None = None
) -> str:
    """The parts (seeds, development, test, first seen); with ``detail`` ("seed" or "dev"), that
    part alone, then its articles, misses and false positives. The test part is only ever an
    aggregate, printed only when no part is asked for: its details are never needed to write a
    rule, and a glance at its totals while working on a rule would spoil the split."""
    if detail not in DETAIL_PARTS:
        return "\n".join(_parts(scores, first_seen or []))
    shown = [s for s in scores if s.part == detail]
    seen = [r for r in first_seen or [] if r["part"] == detail]
    return "\n".join(
        [*_parts(shown, seen), "", *_score_table(shown), "", *_misses(shown),
         *_false_positives(shown)]
    )  # fmt: skip


DETAIL_PARTS = ("seed", "dev")  # the parts whose details may be printed
PARTS = {"seed": "the five founding articles", "dev": "development part (rules written from it)",
         "test": "test part (no rule written from it: the number that counts)"}  # fmt: skip


def _line(name: str, curated: int, cands: int, matched: int, right: int) -> str:
    recall = matched / curated if curated else None
    precision = matched / cands if cands else None
    metric = right / curated if curated else None
    return (
        f"{name:<58}{curated:>8}{cands:>7}{_pct(recall):>9}{_pct(precision):>11}{_pct(metric):>9}"
    )


def _parts(scores: list[ArticleScore], first_seen: list[dict]) -> list[str]:
    """Recall and precision by (value, unit), and recall with the right metric, per part; then
    the first-seen numbers recorded in ``data/curation_log.csv`` before any rule changed."""
    head = f"{'part':<58}{'curated':>8}{'cands':>7}{'recall':>9}{'precision':>11}{'metric':>9}"
    lines = [head]
    for part, name in PARTS.items():
        some = [s for s in scores if s.part == part]
        if some:
            lines.append(_line(name, *_totals(some)))
        if part == "test":
            lines += _by_collection(some)
    lines += _late_lines(scores)
    for part in ("dev", "test"):
        rows = [r for r in first_seen if r["part"] == part]
        if rows:
            totals = (sum(int(r[c]) for r in rows) for c in
                      ("curated", "candidates", "found", "found_metric"))  # fmt: skip
            lines.append(_line(f"first seen, {part} part (curation_log.csv)", *totals))
    return lines


def _totals(scores: list[ArticleScore]) -> tuple[int, ...]:
    return tuple(sum(getattr(s, a) for s in scores)
                 for a in ("curated", "candidates", "matched", "metric_right"))  # fmt: skip


def _by_collection(scores: list[ArticleScore]) -> list[str]:
    """The test part by collection (``collections.csv``; without it, by retrieval day), when its
    articles came in more than one: a later collection was never in front of anyone writing the
    earlier rules, so a reader can see whether the part's number holds on it (aggregates only,
    like the part)."""
    labels = [s.collection or (f"retrieved {s.retrieved}" if s.retrieved else "") for s in scores]
    first: dict[str, int] = {}  # each group's label -> its lowest source number, for the order
    for label, s in zip(labels, scores, strict=True):
        if label:
            first[label] = min(first.get(label, 10**9), int(s.source_id[1:]))
    if len(first) < 2:
        return []
    lines = []
    for label in sorted(first, key=first.get):
        some = [s for own, s in zip(labels, scores, strict=True) if own == label]
        articles = f"{len(some)} article" + ("s" if len(some) != 1 else "")
        lines.append(_line(f"  of which {label} ({articles})", *_totals(some)))
    return lines


def _late_lines(scores: list[ArticleScore]) -> list[str]:
    """Per part: the false positives in vocabulary added after curation, and the precision
    without them (an estimate for when those statements are curated; the target stays raw)."""
    lines = []
    for part in ("dev", "test"):
        some = [s for s in scores if s.part == part]
        cands = sum(s.candidates for s in some)
        late_false = sum(s.late_false for s in some)
        if some and cands:
            matched = sum(s.matched for s in some)
            rest = cands - late_false
            lines.append(
                f"  {part}: {late_false} of {cands} candidates are unmatched in vocabulary added "
                f"after curation; precision without them {_pct(matched / rest if rest else None)}"
            )
    return lines


def _score_table(scores: list[ArticleScore]) -> list[str]:
    """One line per article and one overall: curated, candidates, matched, recall, precision."""
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
    return lines


def _misses(scores: list[ArticleScore]) -> list[str]:
    """The curated figures no candidate was paired with."""
    misses = [f for s in scores for f in s.misses]
    lines = [f"misses ({len(misses)}):"]
    for fig in misses:
        lines.append(
            f"  {fig['figure_id']}: {fig['metric']} {fig['category']} "
            f"{plain_value(fig['value'])} {fig['unit']} | {fig['quote']}"
        )
    return lines


def _false_positives(scores: list[ArticleScore]) -> list[str]:
    """The candidates no curated figure was paired with."""
    false_positives = [(s.source_id, c) for s in scores for c in s.false_positives]
    lines = [f"false positives ({len(false_positives)}):"]
    for sid, cand in false_positives:
        lines.append(
            f"  {sid} {cand.figure_id}: {cand.metric} {cand.category} {plain(cand.value)} "
            f"{cand.unit} [{cand.pattern}] | {cand.quote[:100]}"
        )
    return lines


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--seeds",
    type=click.Path(path_type=Path),
    default=None,
    help="folder of the articles",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=DATA_DIR,
    help="data folder",
)
@click.option(
    "--part",
    type=click.Choice(list(DETAIL_PARTS)),
    default=None,
    help="Show this part alone, with its articles, misses and false positives (never the test part).",
)
def evaluate_command(seeds: Path | None, data_dir: Path, part: str | None) -> None:
    """Score the curation assistant (helpers.extract) against the curated figures.

    Prints recall and precision per part; with ``--part seed|dev``, that part alone, with its
    articles, misses and false positives. Stops with exit code 2 when the seeds folder is absent.
    """
    seeds = seeds or seeds_dir()
    if not seeds.is_dir():
        raise ParameterError(f"no articles at {seeds} (set TCCSD_SEEDS_DIR or pass --seeds)")
    log = Path(data_dir) / "curation_log.csv"
    click.echo(report(evaluate(seeds, data_dir), read_csv(log) if log.is_file() else [], part))
