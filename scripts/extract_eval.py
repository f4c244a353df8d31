"""Score the curation assistant (``helpers.extract``) against the curated figures.

Why: other documents name this script. The scoring, its report and its options live in
:mod:`helpers.extract.evaluate` (also ``tccsd extract-eval``); this wrapper only runs that
command and prints a deliberate error as one line on stderr with its exit code.

Usage::

    python scripts/extract_eval.py [--seeds DIR] [--data DIR] [--part seed|dev]

Rules are written from the development part only: run with ``--part dev`` (or ``seed``) to see
per-article misses and false positives. The test part is printed as its aggregate line alone.
"""

from __future__ import annotations

import sys

import click

from helpers.errors import TccsdError
from helpers.extract.evaluate import evaluate_command


def main(argv: list[str] | None = None) -> int:
    """Print the scores; exit 2 when the seeds folder is absent."""
    try:
        code = evaluate_command.main(argv, prog_name="extract_eval.py", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except TccsdError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
