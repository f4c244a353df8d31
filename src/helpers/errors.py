"""The errors the project raises on purpose, under one base, so a command prints them as one line.

Every subclass names what went wrong in its message; ``exit_code`` is what a command exits with
when it stops on one (the README's exit-code table).
"""

from __future__ import annotations


class TccsdError(Exception):
    """Base of every deliberate error: caught at the command line and printed as one line."""

    exit_code = 1


class DataError(TccsdError, ValueError):
    """The data package breaks a rule: a file, line, column and rule are named."""

    exit_code = 3


class ParameterError(TccsdError, ValueError):
    """A command option or notebook parameter is unusable (a bad date, an unknown province)."""

    exit_code = 2


class RenderError(TccsdError):
    """A report could not be executed or published."""

    exit_code = 1


class LockError(TccsdError):
    """Another render holds the lock on the output folder."""

    exit_code = 75
