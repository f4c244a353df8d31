"""The CSV files the curation assistant reads (``sources.csv``, ``metrics.csv``) and writes.

These are plain CSV reads, so extracting from an article never imports the validating loader;
only the comparison with curated figures goes through :func:`helpers.data.loading.load_figures`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from helpers.extract.records import COLUMNS, Candidate
from helpers.paths import DATA_DIR


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file as dictionaries of strings."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def infer_source_id(path: Path | str, data_dir: Path | str = DATA_DIR) -> str | None:
    """The source id whose ``seed_file`` in ``sources.csv`` is the article's file name."""
    sources = Path(data_dir) / "sources.csv"
    if not sources.is_file():
        return None
    name = Path(path).name
    return next((r["source_id"] for r in read_csv(sources) if r["seed_file"] == name), None)


def metric_families(data_dir: Path | str = DATA_DIR) -> dict[str, str]:
    """metric -> family, from ``metrics.csv``."""
    return {r["metric"]: r["family"] for r in read_csv(Path(data_dir) / "metrics.csv")}


def write_candidates(candidates: Iterable[Candidate], stream: io.TextIOBase) -> None:
    """Write candidates as CSV (UTF-8 text, LF line ends) in :data:`COLUMNS`."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for cand in candidates:
        writer.writerow(cand.row())
