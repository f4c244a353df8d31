"""Write data/curation_log.csv: how the assistant did on each real article when it first saw it.

The first-seen candidates (data/curation/first_seen/SNNN.csv) were produced before the article
was curated and before any rule was written from it; this pairs them with the curated figures
on (value, unit), as ``tccsd extract-eval`` does, and records per article how many curated
figures were found, how many with the right metric, and how many candidates were wrong.
Run it again after curating an article; the first-seen files themselves never change.
"""

from __future__ import annotations

import csv
from decimal import Decimal

from helpers.data.loading import load_figures
from helpers.extract.evaluate import ALL_FAMILIES, part_of
from helpers.extract.matching import match_figures
from helpers.extract.records import Candidate
from helpers.paths import DATA_DIR

COLUMNS = ["source_id", "part", "curated", "candidates", "found", "found_metric", "wrong",
           "recall", "precision"]  # fmt: skip


def first_seen(source_id: str) -> list[Candidate]:
    """The candidates the assistant proposed before the article was curated."""
    with open(DATA_DIR / "curation" / "first_seen" / f"{source_id}.csv", encoding="utf-8") as fh:
        return [
            Candidate(metric=r["metric"], category=r["category"], value=Decimal(r["value"]),
                      unit=r["unit"], quote=r["quote"], pattern=r["pattern"], source_id=source_id)
            for r in csv.DictReader(fh)
        ]  # fmt: skip


def main() -> None:
    figures = load_figures()
    rows = []
    for path in sorted((DATA_DIR / "curation" / "first_seen").glob("S*.csv")):
        sid = path.stem
        curated = figures[figures["source_id"] == sid].to_dict("records")
        if not curated:
            continue  # left out (data/curation/collected.csv says why)
        cands = first_seen(sid)
        pairs = match_figures(cands, curated, ALL_FAMILIES)
        found = sum(1 for c, f in pairs if c and f)
        rows.append({
            "source_id": sid, "part": part_of(sid), "curated": len(curated),
            "candidates": len(cands), "found": found,
            "found_metric": sum(1 for c, f in pairs if c and f and c.metric == f["metric"]),
            "wrong": len(cands) - found,
            "recall": f"{found / len(curated):.3f}",
            "precision": f"{found / len(cands):.3f}" if cands else "",
        })  # fmt: skip
    with open(DATA_DIR / "curation_log.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} articles to {DATA_DIR / 'curation_log.csv'}")


if __name__ == "__main__":
    main()
