"""Derive data/provinces.csv (canonical short names) from the verbatim 2025 merger reference."""

import csv
import re

from helpers.paths import DATA_DIR

PREFIX = re.compile(r"^(Tỉnh|Thành phố) ")


def main() -> None:
    # Load inputs.
    with open(
        DATA_DIR / "reference" / "provinces_2025_merger.csv", encoding="utf-8", newline=""
    ) as fh:
        rows = list(csv.DictReader(fh))
    # Process data.
    out = [
        {
            "province_code": r["code_before"],
            "province": PREFIX.sub("", r["name_before"]),
            "official_name": r["name_before"],
            "type": r["type_before"],
            "code_after": r["code_after"],
            "name_after": r["name_after"],
        }
        for r in rows
    ]
    # Save outputs.
    with open(DATA_DIR / "provinces.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)


if __name__ == "__main__":
    main()
