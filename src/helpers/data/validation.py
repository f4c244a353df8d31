"""Validate the curated data package and report every violation, one line each.

Three layers, each reporting ``file:line: column 'x': value 'v' breaks <rule>``:

1. the bytes of each CSV: UTF-8 without BOM, LF line ends, comma-separated, the schema's header,
   NFC text without stray or non-breaking spaces;
2. the Frictionless schema in ``datapackage.json``: types, required, enums, patterns, ranges,
   primary and foreign keys;
3. rules across rows and files that a schema cannot say: percentages in 0..100, whole counts,
   no thousands marks, categories allowed for the metric, implied-target arithmetic, tiers that
   add up to their stated total, quotes that state their value and appear in their article.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from helpers.data.numbers import format_vn_number
from helpers.errors import DataError
from helpers.paths import DATA_DIR, hash_files, seeds_dir

DESCRIPTOR = "datapackage.json"
# Tolerances: implied targets are exact up to the source's own rounding of the ratio it prints.
COUNT_TARGET_TOLERANCE = 0.5
PERCENT_SUM_TOLERANCE = 1.0
THOUSANDS_MARK = re.compile(r"^\d{1,3}(\.\d{3})+$")
DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
PERIOD_PATTERNS = {
    "year": re.compile(r"^\d{4}$"),
    "since": re.compile(r"^\d{4}$"),
    "term": re.compile(r"^(\d{4})-(\d{4})$"),
    "as_of": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "undated": re.compile(r"^$"),
}
# Which stated total a full set of tiers must add up to.
TIER_TOTALS = {
    "org_classification": "party_orgs",
    "political_task_leadership": "party_orgs",
    "member_classification": "party_members",
}


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule at one place; ``str()`` gives the one-line report."""

    file: str
    line: int
    column: str
    value: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: column '{self.column}': value '{self.value}' breaks {self.rule}"


@dataclass
class Table:
    """A CSV as read: header, rows of strings and the file line of each row."""

    name: str
    path: Path
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]
    schema: dict
    usable: bool = True  # False when its structure is too broken to check its cells

    def field(self, name: str) -> dict:
        return next(f for f in self.schema["fields"] if f["name"] == name)


class DataValidationError(DataError):
    """The data package breaks rules; ``violations`` holds every one of them."""

    def __init__(self, violations: list[Violation]):
        self.violations = violations
        shown = "\n".join(str(v) for v in violations[:20])
        more = f"\n... and {len(violations) - 20} more" if len(violations) > 20 else ""
        super().__init__(f"{len(violations)} data violation(s):\n{shown}{more}")


# --------------------------------------------------------------------------- layer 1: bytes


def _read_table(resource: dict, data_dir: Path, out: list[Violation]) -> Table | None:
    """Read one CSV strictly, recording every byte-level problem; None when nothing is usable."""
    name = resource["path"]
    path = data_dir / name
    schema = resource["schema"]
    expected = [f["name"] for f in schema["fields"]]

    def bad(line: int, column: str, value: str, rule: str) -> None:
        out.append(Violation(name, line, column, _show(value), rule))

    if not path.is_file():
        bad(0, "*", "", "rule 'file exists': the package lists it but it is missing")
        return None
    raw = path.read_bytes()
    if not raw.strip():
        bad(1, "*", "", "rule 'not empty': a CSV needs its header row and data rows")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(1, expected[0], "\ufeff", "rule 'no BOM': save as UTF-8 without byte order mark")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad(line, "*", repr(raw[exc.start : exc.start + 4]), "rule 'encoding utf-8'")
        return None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        bad(line, "*", "\\r\\n", "rule 'LF line ends': save with Unix line ends, not CRLF")
        text = text.replace("\r\n", "\n").replace("\r", "\n")

    header_line = text.split("\n", 1)[0]
    if "," not in header_line and any(d in header_line for d in ";\t|"):
        delim = next(d for d in ";\t|" if d in header_line)
        bad(1, "*", delim, "rule 'comma-separated': fields must be separated by ','")
        return None

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = []
        start = 1
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        bad(reader.line_num, "*", "", f"rule 'CSV syntax': {exc}")
        return None

    header = records[0][1]
    table = Table(name, path, header, [], [], schema)
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    for c in missing:
        bad(1, c, "", "rule 'column present': the schema requires this column")
    for c in extra:
        bad(1, c, c, "rule 'known column': the schema has no such column")
    if not missing and not extra and header != expected:
        bad(1, "*", ",".join(header), f"rule 'column order': expected {','.join(expected)}")
    if missing or extra:
        table.usable = False

    for line, row in records[1:]:
        if not row:
            bad(line, "*", "", "rule 'no blank lines'")
            continue
        if len(row) != len(header):
            bad(
                line,
                "*",
                ",".join(row),
                f"rule 'cell count': {len(row)} cells, header has {len(header)}",
            )
            continue
        record = dict(zip(header, row, strict=True))
        for column, value in record.items():
            _check_text(name, line, column, value, out)
        table.rows.append(record)
        table.lines.append(line)
    if not table.rows:
        bad(1, "*", "", "rule 'has rows': the file holds a header only")
    return table


def _check_text(file: str, line: int, column: str, value: str, out: list[Violation]) -> None:
    if not value:
        return
    if not unicodedata.is_normalized("NFC", value):
        out.append(
            Violation(
                file, line, column, _show(value), "rule 'NFC': normalize the text to Unicode NFC"
            )
        )
    if "\xa0" in value:
        out.append(
            Violation(
                file, line, column, _show(value), "rule 'no non-breaking space': use a plain space"
            )
        )
    if value != value.strip():
        out.append(
            Violation(file, line, column, _show(value), "rule 'no leading or trailing blanks'")
        )
    if "\n" in value:
        out.append(
            Violation(
                file,
                line,
                column,
                _show(value),
                "rule 'one line per row': no line break inside a cell",
            )
        )


def _show(value: str, width: int = 60) -> str:
    value = value.replace("\n", "\\n").replace("\r", "\\r")
    return value if len(value) <= width else value[: width - 1] + "…"


# --------------------------------------------------------------------------- layer 2: schema


def _schema_checks(
    tables: dict[str, Table], descriptor: dict, out: list[Violation]
) -> set[tuple[str, int]]:
    """Frictionless validation of every usable table; returns the (file, line) pairs it faulted."""
    from frictionless import Package, Resource, Schema

    faulted: set[tuple[str, int]] = set()
    usable = {n for n, t in tables.items() if t.usable}
    resources = []
    for res in descriptor["resources"]:
        table = tables.get(res["name"])
        if table is None or not table.usable:
            continue
        schema = dict(res["schema"])
        schema["foreignKeys"] = [
            fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] in usable
        ]
        data = [table.header] + [[r[c] for c in table.header] for r in table.rows]
        resources.append(
            Resource(name=res["name"], data=data, schema=Schema.from_descriptor(schema))
        )
    if not resources:
        return faulted
    report = Package(resources=resources).validate()
    for task in report.tasks:
        table = tables[task.name]
        for err in task.errors:
            row_number = getattr(err, "row_number", None)
            if row_number is None:
                out.append(Violation(table.name, 1, "*", "", f"rule '{err.type}': {err.note}"))
                continue
            line = (
                table.lines[row_number - 2]
                if 2 <= row_number <= len(table.lines) + 1
                else row_number
            )
            faulted.add((table.name, line))
            field = getattr(err, "field_name", None)
            if field:
                cell = str(getattr(err, "cell", "") or "")
                out.append(
                    Violation(
                        table.name, line, field, _show(cell), _rule_for(err, table, field, cell)
                    )
                )
            else:
                cells = getattr(err, "cells", []) or []
                column = _key_columns(err, table)
                out.append(
                    Violation(
                        table.name,
                        line,
                        column,
                        _show(",".join(map(str, cells))),
                        f"rule '{err.type}': {err.note}",
                    )
                )
    return faulted


def _key_columns(err, table: Table) -> str:
    if err.type == "primary-key":
        return ",".join(table.schema.get("primaryKey", []))
    match = re.search(r'for "([^"]+)"', err.note or "")
    return match.group(1) if match else "*"


def _rule_for(err, table: Table, field: str, cell: str) -> str:
    if err.type == "type-error":
        ftype = table.field(field)["type"]
        hint = ""
        if ftype == "number" and DECIMAL_COMMA.match(cell):
            hint = ": '.' is the decimal mark in the CSV, not ','"
        elif ftype == "date":
            hint = ": write dates as YYYY-MM-DD"
        return f"type '{ftype}'{hint}"
    if err.type == "constraint-error":
        return f"constraint {err.note.replace('constraint ', '')}"
    return f"rule '{err.type}': {err.note}"


# --------------------------------------------------------------------------- layer 3: domain


def _num(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _domain_checks(tables: dict[str, Table], seeds: Path | None, out: list[Violation]) -> None:
    figures = tables.get("figures")
    if figures is None or not figures.usable:
        return
    metrics = {r["metric"]: r for r in _rows(tables, "metrics")}
    categories = {r["category"]: r for r in _rows(tables, "categories")}
    sources = {r["source_id"]: r for r in _rows(tables, "sources")}
    orgs = {r["organization_id"]: r for r in _rows(tables, "organizations")}
    name = figures.name

    def bad(line: int, column: str, value: str, rule: str) -> None:
        out.append(Violation(name, line, column, _show(str(value)), rule))

    texts = _source_texts(sources, seeds)
    for row, line in zip(figures.rows, figures.lines, strict=True):
        value = _num(row["value"])
        unit = row["unit"]
        raw_value = row["value"]
        for column in ("value", "target", "target_input"):
            if THOUSANDS_MARK.match(row[column]) and unit == "count":
                bad(line, column, row[column], "rule 'no thousands marks': write 3600, not 3.600")
        if value is not None:
            if unit == "percent" and not 0 <= value <= 100:
                bad(line, "value", raw_value, "range 'percent in 0..100'")
            if unit == "count" and value != int(value):
                bad(line, "value", raw_value, "rule 'whole count': a count has no fraction")
        if unit == "percent" and not row["denominator"]:
            bad(
                line,
                "denominator",
                "",
                "rule 'percent has a denominator': name the metric it is a share of",
            )
        if unit == "count" and row["denominator"]:
            bad(line, "denominator", row["denominator"], "rule 'count has no denominator'")
        metric, category = metrics.get(row["metric"]), categories.get(row["category"])
        if (
            metric
            and category
            and category["category_group"] not in metric["category_groups"].split()
        ):
            bad(
                line,
                "category",
                row["category"],
                f"rule 'category allowed for metric {row['metric']}': groups {metric['category_groups']}",
            )
        if category and category["category_group"] == "tier" and not row["tier_reported"]:
            bad(
                line,
                "tier_reported",
                "",
                "rule 'tier as reported': give the tier in the article's words",
            )
        _check_period(row, line, bad)
        _check_regime(row, line, category, metric, bad)
        _check_target(row, line, value, bad)
        _check_quote(row, line, value, texts, bad)
        org, source = orgs.get(row["organization_id"]), sources.get(row["source_id"])
        if (
            org
            and source
            and org["province"]
            and source["province"]
            and org["province"] != source["province"]
        ):
            bad(
                line,
                "organization_id",
                row["organization_id"],
                f"rule 'same province as source': {org['province']} vs {source['province']}",
            )
    _check_sums(figures, categories, out)
    _check_sources(tables, seeds, out)


def _rows(tables: dict[str, Table], name: str) -> list[dict[str, str]]:
    table = tables.get(name)
    return table.rows if table is not None and table.usable else []


def _check_period(row: dict, line: int, bad) -> None:
    kind, period = row["period_kind"], row["period"]
    pattern = PERIOD_PATTERNS.get(kind)
    if pattern is None:
        return
    match = pattern.match(period)
    if not match:
        bad(line, "period", period, f"rule 'period matches period_kind {kind}'")
    elif kind == "term" and int(match.group(1)) >= int(match.group(2)):
        bad(line, "period", period, "rule 'term starts before it ends'")
    if kind == "undated" and not row["note"]:
        bad(
            line,
            "note",
            "",
            "rule 'unknown stays empty with the reason recorded': say why the period is empty",
        )


def _years(period: str) -> tuple[int, int] | None:
    found = [int(y) for y in re.findall(r"\d{4}", period)[:2]]
    if not found:
        return None
    return found[0], found[-1]


def _check_regime(row: dict, line: int, category: dict | None, metric: dict | None, bad) -> None:
    """Organization tiers of the tsvm regime belong to 2017 and before, htxs to 2018 and after."""
    if not category or not category["regime"] or row["metric"] == "member_classification":
        return
    years = _years(row["period"]) if row["period_kind"] != "since" else None
    if not years:
        return
    if category["regime"] == "tsvm" and years[1] > 2017:
        bad(
            line,
            "category",
            row["category"],
            "rule 'regime tsvm ends in 2017': organization tiers from 2018 use htxs",
        )
    if category["regime"] == "htxs" and years[0] < 2018:
        bad(
            line, "category", row["category"], "rule 'regime htxs starts in 2018 for organizations'"
        )


def _check_target(row: dict, line: int, value: float | None, bad) -> None:
    basis, target, given = row["target_basis"], _num(row["target"]), _num(row["target_input"])
    if bool(basis) != bool(row["target"]):
        bad(line, "target_basis", basis, "rule 'target and target_basis go together'")
        return
    if not basis:
        for column in ("target_qualifier", "target_input", "target_arithmetic"):
            if row[column]:
                bad(line, column, row[column], "rule 'no target detail without a target'")
        return
    if not row["target_qualifier"]:
        bad(line, "target_qualifier", "", "rule 'target has a qualifier'")
    if basis == "stated":
        return
    if given is None or not row["target_arithmetic"]:
        bad(
            line,
            "target_input",
            row["target_input"],
            "rule 'implied target records its input and arithmetic'",
        )
        return
    if value is None or target is None:
        return
    implied = {
        "implied_pp_excess": lambda: value - given,
        "implied_relative_excess": lambda: value / (1 + given / 100),
        "implied_attainment": lambda: value * 100 / given if given else math.nan,
        "implied_absolute_excess": lambda: value - given,
    }[basis]()
    if basis == "implied_pp_excess" and row["unit"] != "percent":
        bad(line, "target_basis", basis, "rule 'percentage-point excess applies to a percentage'")
    if basis == "implied_relative_excess" and row["unit"] != "count":
        bad(line, "target_basis", basis, "rule 'relative excess applies to a count'")
    tolerance = COUNT_TARGET_TOLERANCE if row["unit"] == "count" else 1e-6
    if not abs(implied - target) <= tolerance:
        bad(
            line,
            "target",
            row["target"],
            f"rule 'implied target arithmetic': {basis} gives {implied:.4g}",
        )


def _check_quote(row: dict, line: int, value: float | None, texts: dict[str, str], bad) -> None:
    quote = row["quote"]
    if value is not None and quote:
        shown = format_vn_number(value)
        if not re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d]|[.,]\d)", quote):
            bad(
                line,
                "quote",
                quote,
                f"rule 'quote states the value': '{shown}' not found in the quote",
            )
    text = texts.get(row["source_id"])
    if text is not None and quote and _squash(quote) not in text:
        bad(line, "quote", quote, "rule 'quote is verbatim in its article'")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\xa0", " "))


def _source_texts(sources: dict[str, dict], seeds: Path | None) -> dict[str, str]:
    if seeds is None or not seeds.is_dir():
        return {}
    texts = {}
    for source_id, source in sources.items():
        path = seeds / source["seed_file"]
        if path.is_file():
            texts[source_id] = _squash(path.read_text(encoding="utf-8"))
    return texts


def _check_sums(figures: Table, categories: dict[str, dict], out: list[Violation]) -> None:
    """Full sets of parts (tiers of one regime, organization types) must add up to their total."""
    groups: dict[tuple, dict[str, tuple[float, int]]] = defaultdict(dict)
    for row, line in zip(figures.rows, figures.lines, strict=True):
        value = _num(row["value"])
        if value is None:
            continue
        key = (row["source_id"], row["organization_id"], row["period"], row["unit"])
        groups[key][(row["metric"], row["category"])] = (value, line)

    partitions: dict[str, list[str]] = defaultdict(list)
    for cat, info in categories.items():
        if info["category_group"] == "tier" and info["regime"]:
            partitions["tier " + info["regime"]].append(cat)
        elif info["category_group"] in ("org_type", "org_form"):
            partitions[info["category_group"]].append(cat)

    for (source, org, period, unit), cells in groups.items():
        for metric in {m for m, _ in cells}:
            total_key = (TIER_TOTALS.get(metric, metric), "total")
            for parts in partitions.values():
                present = [(cells[(metric, c)]) for c in parts if (metric, c) in cells]
                if not present:
                    continue
                total = sum(v for v, _ in present)
                first_line = min(line for _, line in present)
                if unit == "percent":
                    if len(present) == len(parts) and abs(total - 100) > PERCENT_SUM_TOLERANCE:
                        out.append(
                            Violation(
                                figures.name,
                                first_line,
                                "value",
                                format_vn_number(total),
                                f"rule 'tiers add up to 100%' for {metric} in {source}",
                            )
                        )
                    continue
                stated = cells.get(total_key)
                if stated is None:
                    continue
                if len(present) == len(parts) and total != stated[0]:
                    out.append(
                        Violation(
                            figures.name,
                            first_line,
                            "value",
                            f"{total:g}",
                            f"rule 'parts add up to the stated total {stated[0]:g}' (line {stated[1]}) for {metric} in {source}",
                        )
                    )
                elif len(present) < len(parts) and total > stated[0]:
                    out.append(
                        Violation(
                            figures.name,
                            first_line,
                            "value",
                            f"{total:g}",
                            f"rule 'parts do not exceed the stated total {stated[0]:g}' (line {stated[1]}) for {metric} in {source}",
                        )
                    )


def _check_sources(tables: dict[str, Table], seeds: Path | None, out: list[Violation]) -> None:
    sources = tables.get("sources")
    if sources is None or not sources.usable:
        return
    orgs = tables.get("organizations")
    for row, line in zip(sources.rows, sources.lines, strict=True):
        basis, province = row["province_basis"], row["province"]
        if basis in ("stated", "inferred") and not province:
            out.append(
                Violation(sources.name, line, "province", "", f"rule 'a {basis} province is named'")
            )
        if basis == "unresolved" and province:
            out.append(
                Violation(
                    sources.name,
                    line,
                    "province",
                    province,
                    "rule 'an unresolved province stays empty'",
                )
            )
        if seeds is not None and seeds.is_dir() and not (seeds / row["seed_file"]).is_file():
            out.append(
                Violation(
                    sources.name,
                    line,
                    "seed_file",
                    row["seed_file"],
                    f"rule 'article exists in {seeds}'",
                )
            )
    if orgs is not None and orgs.usable:
        for row, line in zip(orgs.rows, orgs.lines, strict=True):
            if not row["province"] and not row["note"]:
                out.append(
                    Violation(
                        orgs.name,
                        line,
                        "note",
                        "",
                        "rule 'unknown stays empty with the reason recorded'",
                    )
                )


# --------------------------------------------------------------------------- entry point


def validate_package(
    data_dir: Path | str = DATA_DIR, seeds: Path | str | None = "default"
) -> list[Violation]:
    """Check every file of the package in ``data_dir``; return every violation, sorted.

    ``seeds`` is the folder of article texts for the verbatim-quote check: by default
    ``helpers.paths.seeds_dir()``; ``None`` skips the check.
    """
    data_dir = Path(data_dir)
    seeds_path = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    out: list[Violation] = []
    descriptor_path = data_dir / DESCRIPTOR
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [Violation(DESCRIPTOR, 0, "*", "", f"rule 'descriptor exists' in {data_dir}")]
    except json.JSONDecodeError as exc:
        return [Violation(DESCRIPTOR, exc.lineno, "*", "", f"rule 'valid JSON': {exc.msg}")]
    tables: dict[str, Table] = {}
    for resource in descriptor["resources"]:
        table = _read_table(resource, data_dir, out)
        if table is not None:
            tables[resource["name"]] = table
    _schema_checks(tables, descriptor, out)
    _domain_checks(tables, seeds_path, out)
    return sorted(set(out))


# --------------------------------------------------------------------------- validated once per run

# The render validates the package once, then records the digest of what it checked here; its
# workers and their kernels inherit the environment and load the same bytes without checking them
# again (each would pay the jsonschema import and the checks: seconds per kernel).
VALIDATED_ENV = "TCCSD_VALIDATED_DIGEST"


def package_digest(data_dir: Path | str, seeds: Path | str | None = "default") -> str:
    """SHA-256 of every file validation reads: the package and the article texts."""
    data_dir = Path(data_dir).resolve()
    seeds_path = seeds_dir() if seeds == "default" else (Path(seeds) if seeds else None)
    seeds_path = seeds_path.resolve() if seeds_path else None
    digest = hashlib.sha256(str(data_dir).encode() + b"\0" + str(seeds_path).encode() + b"\0")
    for root in (data_dir, seeds_path):
        if root is not None and root.is_dir():
            hash_files(digest, list(root.rglob("*")), root)
    return digest.hexdigest()


def mark_validated(data_dir: Path | str, seeds: Path | str | None = "default") -> None:
    """Record that the package's current bytes passed validation, for child processes."""
    os.environ[VALIDATED_ENV] = package_digest(data_dir, seeds)


def already_validated(data_dir: Path | str, seeds: Path | str | None = "default") -> bool:
    """True when a parent process validated exactly these bytes (see :func:`mark_validated`)."""
    token = os.environ.get(VALIDATED_ENV)
    return bool(token) and token == package_digest(data_dir, seeds)
