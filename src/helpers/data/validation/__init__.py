"""Validate the curated data package and report every violation, one line each (the public API).

frictionless checks the structure (``structure``), plain code the rules across rows (``rules``);
both record through :meth:`Findings.add`: ``file:line: column 'x': value 'v' breaks <rule>``.
"""

import hashlib
import os
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
        text = str(value).replace("\n", "\\n").replace("\r", "\\r")
        text = text if len(text) <= 60 else text[:59] + "…"
        self.append(Violation(file, line, column, text, rule))


class DataValidationError(DataError):
    """The data package breaks rules; ``violations`` holds every one of them."""

    def __init__(self, violations: list[Violation]):
        self.violations, more = violations, len(violations) - 20
        shown = [str(v) for v in violations[:20]] + [f"... and {more} more"] * (more > 0)
        super().__init__(f"{len(violations)} data violation(s):\n" + "\n".join(shown))


def validate_package(data_dir: Where = DATA_DIR, seeds: Where = "default") -> list[Violation]:
    """Check every file of the package in ``data_dir`` (and quotes against the article texts in
    ``seeds``); return every violation, sorted."""
    from helpers.data.validation.rules import check_rules  # imported here, so that loading bytes
    from helpers.data.validation.structure import check_structure  # already validated is quick

    descriptor, out = Path(data_dir) / "datapackage.json", Findings()
    seeds = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    if not descriptor.is_file():
        out.add(descriptor.name, 0, "*", "", f"rule 'descriptor exists' in {data_dir}")
    else:
        check_rules(check_structure(descriptor, out), seeds, out, Path(data_dir) / "articles")
    return sorted(set(out))


def package_digest(data_dir: Path | str, seeds: Where = "default") -> str:
    """SHA-256 of every file validation reads: the package and the article texts."""
    seeds = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    data_dir, seeds_path = Path(data_dir).resolve(), seeds.resolve() if seeds else None
    digest = hashlib.sha256(str(data_dir).encode() + b"\0" + str(seeds_path).encode() + b"\0")
    for root in (r for r in (data_dir, seeds_path) if r is not None and r.is_dir()):
        hash_files(digest, list(root.rglob("*")), root)
    return digest.hexdigest()


def mark_validated(data_dir: Path | str, seeds: Where = "default") -> None:
    """Record that the package's current bytes passed validation, for child processes."""
    os.environ[VALIDATED_ENV] = package_digest(data_dir, seeds)


def already_validated(data_dir: Path | str, seeds: Where = "default") -> bool:
    """True when a parent process validated exactly these bytes (see :func:`mark_validated`)."""
    return bool(token := os.environ.get(VALIDATED_ENV)) and token == package_digest(data_dir, seeds)
