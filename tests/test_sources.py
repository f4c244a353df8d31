"""No article reserved for evaluation can enter the curated data, and every web source is whole."""

import csv
import subprocess
import sys

import pytest

from helpers.paths import DATA_DIR, PROJ_ROOT

RESERVED = PROJ_ROOT.parent / "shared" / "reserved" / "reserved.py"


def _sources() -> list[dict]:
    with open(DATA_DIR / "sources.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.skipif(not RESERVED.is_file(), reason=f"no reserved-article list at {RESERVED}")
def test_no_reserved_article_is_a_source():
    run = subprocess.run(
        [sys.executable, str(RESERVED), "--sources", str(DATA_DIR / "sources.csv")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(not RESERVED.is_file(), reason=f"no reserved-article list at {RESERVED}")
def test_the_reserved_check_reads_these_columns():
    """The check reads ``url`` and ``headline``: if sources.csv renamed them, it would pass blind."""
    header = set(_sources()[0])
    assert {"url", "headline"} <= header


def test_every_web_source_has_its_snapshot_and_every_snapshot_a_source():
    web = {row["source_id"] for row in _sources() if row["url"]}
    snapshots = {path.stem for path in (DATA_DIR / "articles").glob("*.txt")}
    assert web <= snapshots, f"web sources without a snapshot: {sorted(web - snapshots)}"
    orphans = snapshots - {row["source_id"] for row in _sources()}
    collected = DATA_DIR / "curation" / "collected.csv"
    with open(collected, encoding="utf-8", newline="") as fh:
        left_out = {row["source_id"] for row in csv.DictReader(fh) if row.get("left_out")}
    assert orphans <= left_out, f"snapshots neither curated nor marked left out: {sorted(orphans)}"
