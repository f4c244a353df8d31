"""Render the human data dictionary (data/README.md) from datapackage.json, so the two never drift.

Run ``python -m helpers dictionary`` after changing the schema; a test fails when it is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.paths import DATA_DIR

INTRO = """# Data dictionary

Generated from `datapackage.json` by `python -m helpers dictionary`; edit the schema, not this file.

Every CSV here is UTF-8 without BOM, NFC, LF line ends, comma-separated, with `.` as the decimal
mark and no thousands marks. `python -m helpers validate` checks all of it, and every loader in
`helpers` validates the whole package before it returns anything.

Reading conventions:
- **Unknown stays empty, with the reason in `note`.** A period the article does not print is
  `period_kind = undated`; a province the text does not establish is empty with
  `province_basis = unresolved` and the evidence that was looked at.
- **Targets.** `target_basis` says whether a target is stated or implied, and how:
  `implied_pp_excess` ("vượt 4,5%" on a share: 97,5 − 4,5 = 93 percentage points),
  `implied_relative_excess` ("vượt 6%" on a count: 901 / 1,06 = 850),
  `implied_attainment` ("đạt trên 124% chỉ tiêu": 1.395 / 1,24 = 1.125, an upper bound, so
  `target_qualifier = at_most`), `implied_absolute_excess` ("vượt chỉ tiêu 9 đảng viên": N − 9).
  The ratio the article prints is `target_input`; the excess or attainment is not a row of its own.
- **Classification tiers.** `tier_reported` keeps the article's words. Categories map both regimes
  to one 4-level ordinal scale (`level`: 4 top … 1 bottom): regime `tsvm` (organizations to 2017:
  trong sạch vững mạnh / hoàn thành tốt nhiệm vụ / hoàn thành nhiệm vụ / yếu kém) and regime
  `htxs` (organizations from 2018, members: hoàn thành xuất sắc / hoàn thành tốt / hoàn thành /
  không hoàn thành nhiệm vụ). The levels are comparable in rank only: "trong sạch vững mạnh" and
  "hoàn thành xuất sắc" have different criteria (the latter is capped at a share of the former
  tier), so a level-4 share must never be compared across regimes without that caveat.
  `htt_or_better` ("hoàn thành tốt nhiệm vụ trở lên") is a category of its own and is never summed
  with single tiers.
- **Conflicts.** Two sources that give different values for the same organization, metric,
  category and period are both kept; the loaders flag them (`conflict`, `conflict_with`).
"""


def render_dictionary(data_dir: Path = DATA_DIR) -> str:
    """The Markdown dictionary: one `Header | Definition` table per CSV."""
    descriptor = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    parts = [INTRO]
    for res in descriptor["resources"]:
        schema = res["schema"]
        parts.append(f"\n## `{res['path']}`\n\n{res['title']}.\n")
        keys = [f"primary key: {', '.join(schema['primaryKey'])}"]
        keys += [
            f"`{', '.join(fk['fields'])}` → `{fk['reference']['resource']}.{', '.join(fk['reference']['fields'])}`"
            for fk in schema.get("foreignKeys", [])
        ]
        parts.append("Keys: " + "; ".join(keys) + ".\n")
        parts.append("\n| Header | Type | Definition | Rules |\n|---|---|---|---|\n")
        for field in schema["fields"]:
            rules = []
            for name, value in field.get("constraints", {}).items():
                if name == "enum":
                    rules.append("one of " + ", ".join(f"`{v}`" for v in value))
                elif value is True:
                    rules.append(name)
                else:
                    rules.append(f"{name} `{value}`")
            parts.append(
                f"| `{field['name']}` | {field['type']} | {field['description']} | {'; '.join(rules)} |\n"
            )
    return "".join(parts)


def write_dictionary(data_dir: Path = DATA_DIR) -> Path:
    """Write data/README.md and return its path."""
    path = Path(data_dir) / "README.md"
    path.write_text(render_dictionary(data_dir), encoding="utf-8")
    return path
