"""Logging for the commands: bare messages on a terminal, timestamps and levels in a log file.

Commands log through ``logging.getLogger("helpers....")``; :func:`setup` is called once by the
command line. Under cron or systemd (stderr is not a terminal) each line carries an ISO timestamp
and a level, so a nightly log can be read after the fact.
"""

from __future__ import annotations

import logging
import sys

PLAIN = "%(command)s: %(message)s"
STAMPED = "%(asctime)s %(levelname)s %(command)s: %(message)s"


class _Formatter(logging.Formatter):
    """Names a line by its command (``render``), not the logger's dotted path."""

    def format(self, record: logging.LogRecord) -> str:
        record.command = record.name.removeprefix("helpers.")
        return super().format(record)


def setup(verbose: bool = False, stream=None) -> None:
    """Send the ``helpers`` loggers to stderr, stamped unless stderr is a terminal."""
    stream = stream or sys.stderr
    handler = logging.StreamHandler(stream)
    tty = hasattr(stream, "isatty") and stream.isatty()
    handler.setFormatter(_Formatter(PLAIN if tty else STAMPED, "%Y-%m-%dT%H:%M:%S%z"))
    root = logging.getLogger("helpers")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


def get(name: str) -> logging.Logger:
    """The logger of one command, printed as its name (``render``, ``validate`` …)."""
    return logging.getLogger(f"helpers.{name}")
