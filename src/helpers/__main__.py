"""Command line: ``python -m helpers validate [DATA_DIR]`` checks the data package."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from helpers.paths import DATA_DIR, seeds_dir

EXIT_OK, EXIT_VIOLATIONS = 0, 1


@click.group()
def cli() -> None:
    """Tools for the curated figures on grassroots party organizations."""


@cli.command()
@click.argument("data_dir", required=False, type=click.Path(path_type=Path), default=DATA_DIR)
@click.option(
    "--seeds",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of the source articles (default: ../shared/seeds or $TCCSD_SEEDS_DIR).",
)
def validate(data_dir: Path, seeds: Path | None) -> None:
    """Check every file in DATA_DIR; print each violation on one line; exit 1 on any."""
    from helpers.data.validation import validate_package

    seeds = seeds or seeds_dir()
    if not seeds.is_dir():
        click.echo(
            f"note: no article texts at {seeds}; the verbatim-quote check is skipped", err=True
        )
    violations = validate_package(data_dir, seeds=seeds)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{len(violations)} violation(s) in {data_dir}", err=True)
        sys.exit(EXIT_VIOLATIONS)
    click.echo(f"ok: {data_dir} is valid", err=True)


@cli.command()
def dictionary() -> None:
    """Regenerate data/README.md from data/datapackage.json."""
    from helpers.data.dictionary import write_dictionary

    click.echo(f"wrote {write_dictionary()}")


if __name__ == "__main__":
    cli()
