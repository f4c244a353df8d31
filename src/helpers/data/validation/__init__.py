"""Validate the curated data package and report every violation, one line each (the public API).

The structure is checked with frictionless's rules (``structure``: column by column in ``fast``,
row by row by frictionless itself in ``by_row``), plain code the rules across rows (``rules``,
started ahead in a second process for the figures by ``ahead``); all record through
:meth:`Findings.add`: ``file:line: column 'x': value 'v' breaks <rule>``.
"""

import gc
import hashlib
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import DataError
from helpers.paths import DATA_DIR, hash_files, seeds_dir

Where = Path | str | None  # a folder; for seeds also "default" (seeds_dir()) or None (skip them)
# The render validates once and records here the digest of what it checked; its kernels then skip.
VALIDATED_ENV = "TCCSD_VALIDATED_DIGEST"


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule at one place; ``str()`` gives the one-line report."""

    file: str
    line: int
    column: str
    value: str
    rule: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: column '{self.column}'"
        return f"{where}: value '{self.value}' breaks {self.rule}"


class Findings(list):
    """The violations found so far; every check, frictionless or plain code, records by ``add``."""

    def add(self, file: str, line: int, column: str, value: object, rule: str) -> None:
        text = str(value)
        text = text if len(text) <= 60 else text[:59] + "…"
        self.append(Violation(file, line, visible(column), visible(text), rule))


def visible(text: str) -> str:
    """Text safe to print on one line: line breaks, control, bidirectional and zero-width
    characters written as escapes (``\\n``, ``\\u202e``), so a report line shows what is there."""
    return UNSEEN.sub(lambda m: ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)


UNSEEN = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class DataValidationError(DataError):
    """The data package breaks rules; ``violations`` holds every one of them."""

    def __init__(self, violations: list[Violation]):
        self.violations, more = violations, len(violations) - 20
        shown = [str(v) for v in violations[:20]] + [f"... and {more} more"] * (more > 0)
        super().__init__(f"{len(violations)} data violation(s):\n" + "\n".join(shown))


def validate_package(
    data_dir: Where = DATA_DIR,
    seeds: Where = "default",
    *,
    fast_from: int | None = -1,
    ahead: bool | None = None,
) -> list[Violation]:
    """Check every file of the package in ``data_dir`` (and quotes against the article texts in
    ``seeds``) against the bundled schema; return every violation, sorted.

    It never raises: a file that cannot be read (a folder, a FIFO, binary, not UTF-8, permission
    denied) or a descriptor that is broken or differs from the bundled one is a violation too.
    ``fast_from``: the row count from which a table is checked column by column (-1: the
    default, ``structure.FAST_FROM``; None: never), with the same findings either way.
    ``ahead``: whether the figures' rules may run in a forked child meanwhile (None: when this
    process has no other thread; see ``ahead.RulesAhead``), with the same findings either way.
    """
    out = Findings()
    try:
        with _no_cycle_collection():
            _validate(Path(data_dir or DATA_DIR), seeds, out, fast_from, ahead)
    except RecursionError:
        out.add(Path(str(data_dir)).name, 0, "*", "", "rule 'readable package': nested too deep")
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        rule = f"rule 'readable package': {type(exc).__name__}: {str(exc)[:200]}"
        out.add(Path(str(data_dir)).name, 0, "*", "", rule)
    return sorted(set(out))


@contextmanager
def _no_cycle_collection():
    """Validation builds millions of short-lived containers and no cycles worth collecting: the
    cyclic collector, run again and again on them, cost a fifth of the time at 200,000 rows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate(
    data_dir: Path, seeds: Where, out: Findings, fast_from: int | None, ahead: bool | None
) -> None:
    from helpers.data.validation import descriptor  # imported here, so that loading bytes
    from helpers.data.validation.ahead import RulesAhead  # already validated is quick
    from helpers.data.validation.rules import AHEAD, EVERY, check_rules
    from helpers.data.validation.structure import FAST_FROM, check_structure

    if not data_dir.is_dir():
        out.add(data_dir.name, 0, "*", str(data_dir), "rule 'data folder exists'")
        return
    seeds = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    bundled = descriptor.bundled_descriptor()
    local = descriptor.read_local(data_dir, out)
    if local is not None:
        descriptor.compare(local, bundled, out)
    unreadable = descriptor.check_files(data_dir, bundled, out)
    fast_from = FAST_FROM if fast_from == -1 else fast_from
    articles = data_dir / "articles"
    rules = RulesAhead(seeds, articles, ahead)
    try:
        tables = check_structure(bundled, data_dir, out, unreadable, fast_from, rules.start)
        holds = rules.holds(tables)  # the child does the AHEAD part meanwhile; here the rest
        check_rules(tables, seeds, out, articles, EVERY - AHEAD if holds else EVERY)
        found = rules.findings() if holds else None
        if holds and found is None:  # the child failed: its part here
            check_rules(tables, seeds, out, articles, AHEAD)
        for cells in found or ():
            out.add(*cells)
    finally:
        rules.cancel()


def package_digest(data_dir: Path | str, seeds: Where = "default") -> str:
    """SHA-256 of every file validation reads: the package and the article texts."""
    seeds = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    data_dir, seeds_path = Path(data_dir).resolve(), seeds.resolve() if seeds else None
    digest = hashlib.sha256(str(data_dir).encode() + b"\0" + str(seeds_path).encode() + b"\0")
    try:
        for root in (r for r in (data_dir, seeds_path) if r is not None and r.is_dir()):
            hash_files(digest, list(root.rglob("*")), root)
    except OSError:  # an unreadable file: no digest can match, so validation runs and names it
        return "unreadable:" + digest.hexdigest()
    return digest.hexdigest()


def mark_validated(data_dir: Path | str, seeds: Where = "default") -> None:
    """Record that the package's current bytes passed validation, for child processes."""
    os.environ[VALIDATED_ENV] = package_digest(data_dir, seeds)


def already_validated(data_dir: Path | str, seeds: Where = "default") -> bool:
    """True when a parent process validated exactly these bytes (see :func:`mark_validated`)."""
    return bool(token := os.environ.get(VALIDATED_ENV)) and token == package_digest(data_dir, seeds)
