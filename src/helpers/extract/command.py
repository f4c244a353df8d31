"""The ``extract`` command: candidate figures of one article as CSV, or compared with the curated.

Command line::

    python -m helpers.extract ARTICLE.txt [--source-id ID] [--out candidates.csv]
    python -m helpers.extract ARTICLE.txt --compare [--source-id ID] [--data DIR]

Without ``--out`` the candidates are written as CSV to stdout. With ``--compare`` the candidates
are set against the curated figures of the same source and the verdicts (``new``, ``match``,
``disagree``, ``missing``) are written to stdout instead; ``--out`` still saves the candidates.
The same command is ``tccsd extract`` (:mod:`helpers.cli`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from helpers.extract.engine import extract_file
from helpers.extract.files import infer_source_id, metric_families, write_candidates
from helpers.extract.matching import COMPARE_COLUMNS, compare, curated_figures
from helpers.extract.records import Candidate
from helpers.paths import DATA_DIR

_VERDICTS = ("new", "match", "disagree", "missing")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source-id", help="Source id (S000...); inferred from sources.csv by file name.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the candidates CSV here instead of stdout.",
)
@click.option(
    "--compare",
    "do_compare",
    is_flag=True,
    help="Compare with the curated figures of the source; print new/match/disagree/missing.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DATA_DIR,
    show_default=True,
    help="Data folder holding sources.csv, metrics.csv and figures.csv.",
)
def main(
    article: Path, source_id: str | None, out: Path | None, do_compare: bool, data_dir: Path
) -> None:
    """Propose candidate figures from a Vietnamese ARTICLE (UTF-8 text)."""
    if source_id is None:
        source_id = infer_source_id(article, data_dir)
        if source_id is None and do_compare:
            raise click.UsageError(
                f"--compare needs --source-id: {article.name} is no seed_file of "
                f"{Path(data_dir) / 'sources.csv'}"
            )
    candidates = extract_file(article, source_id or "", data_dir)
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as handle:
            write_candidates(candidates, handle)
        click.echo(f"wrote {len(candidates)} candidate(s) to {out}", err=True)
    elif not do_compare:
        buffer = io.StringIO()
        write_candidates(candidates, buffer)
        click.echo(buffer.getvalue(), nl=False)
    if do_compare:
        _print_comparison(candidates, source_id, data_dir)


def _print_comparison(candidates: list[Candidate], source_id: str, data_dir: Path) -> None:
    """The verdict table as CSV on stdout, and the count of each verdict on stderr."""
    families = metric_families(data_dir)
    rows = compare(candidates, curated_figures(source_id, data_dir), families)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COMPARE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)
    counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in _VERDICTS}
    click.echo(f"{source_id}: " + ", ".join(f"{n} {v}" for v, n in counts.items()), err=True)


if __name__ == "__main__":
    main()
