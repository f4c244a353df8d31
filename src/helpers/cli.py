"""One command line for the project: ``tccsd validate | render | extract | dictionary | bench``.

Installed as the ``tccsd`` console script; ``python -m helpers`` is the same group. Subcommands
are imported only when called, so ``tccsd render`` with nothing to do stays fast. A deliberate
error (:class:`helpers.errors.TccsdError`) is printed as one line and exits with its own code.
"""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

import click

from helpers import logs
from helpers.errors import DataError, TccsdError
from helpers.paths import DATA_DIR, seeds_dir

EXIT_OK, EXIT_VIOLATIONS = 0, DataError.exit_code  # 3: the data is invalid

# name -> "module:attribute" of a click command, imported on first use
LAZY = {
    "render": "helpers.render.command:main",
    "extract": "helpers.extract.command:main",
    "extract-eval": "helpers.extract.evaluate:evaluate_command",
    "bench": "helpers.render.bench:main",
}


class LazyGroup(click.Group):
    """A click group whose heavy subcommands load only when they are run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY:
            module, attribute = LAZY[name].split(":")
            return getattr(import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages too.")
def cli(verbose: bool) -> None:
    """Curated figures on Vietnam's grassroots party organizations: check, render, extract."""
    logs.setup(verbose)


@cli.command()
@click.argument("data_dir", required=False, type=click.Path(path_type=Path), default=None)
@click.option(
    "--data",
    "data_option",
    type=click.Path(path_type=Path),
    default=None,
    help="The data folder (the same as DATA_DIR; default: the bundled data/).",
)
@click.option(
    "--seeds",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of the source articles (default: ../shared/seeds or $TCCSD_SEEDS_DIR).",
)
def validate(data_dir: Path | None, data_option: Path | None, seeds: Path | None) -> None:
    """Check every file in DATA_DIR; print each violation on one line; exit 3 on any."""
    from helpers.data.validation import validate_package

    if data_dir and data_option and data_dir != data_option:
        raise click.UsageError("give the data folder once: DATA_DIR or --data")
    data_dir = data_dir or data_option or DATA_DIR
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


def main() -> None:
    """Entry point of the ``tccsd`` script: deliberate errors become one line and an exit code."""
    try:
        code = cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except TccsdError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
