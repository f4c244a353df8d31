"""The structural checks of one large table, column by column instead of row by row.

frictionless checks a row in about a millisecond: 200,000 figures would take minutes. This path
gives the same findings as ``structure._validate_table`` does through frictionless (a test runs
every probe of the fault suite both ways and compares the lines), at a fraction of the cost: each
check runs over a whole column at once, and only the cells a cheap column-wide test flags go
through the exact per-cell rules (the very functions the frictionless path calls).

It takes only tables it can read the way frictionless would: a plain header equal to the schema's
field names, every row with as many cells as the header, string and number fields only. Anything
else (a broken header, a blank line, a row of the wrong shape, CR line ends, a BOM) returns None
and the table goes through frictionless, which names those faults.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from unicodedata import is_normalized

from helpers.data.validation.structure import (
    BY_FORMULA,
    NAMED_RULES,
    NAMES,
    ROW_RULES,
    RULES,
    TEXT_RULES,
    UNSEEN,
)

SEP = "\0"  # cells are joined with NUL to test a whole column at once (no cell may hold it)
EDGE_BLANK = re.compile(r"(?:^|\0)\s|\s(?:\0|$)")
UNSEEN_BUT_SEP = re.compile(UNSEEN.pattern.replace("\x00-", "\x01-"))
PLAIN_COLUMN = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?)?(?:\0(?:[0-9]+(?:\.[0-9]+)?)?)*")
LONG_NUMBER = re.compile(r"[0-9]{9}")
GROUPED_CELL = re.compile(r"(?:^|\0)\d{1,3}(?:\.\d{3})+(?:\0|$)")
TYPES = {"string", "number"}
FORMULAS = {table: [] for table, *_ in ROW_RULES}
for _table, _column, _formula, _rule in ROW_RULES:
    FORMULAS[_table].append(_formula)


def _suspect(values: list[str], number: bool) -> bool:
    """False only when no cell of the column can break a text rule (a superset test)."""
    joined = SEP.join(values)
    if joined.count(SEP) != len(values) - 1 or UNSEEN_BUT_SEP.search(joined):
        return True
    if "\xa0" in joined or "\n" in joined or EDGE_BLANK.search(joined):
        return True
    if not joined.isascii() and not is_normalized("NFC", joined):
        return True
    if number:
        return not PLAIN_COLUMN.fullmatch(joined) or bool(
            LONG_NUMBER.search(joined) or GROUPED_CELL.search(joined)
        )
    return False


def read_table(path: Path, names: list[str]) -> list[list[str]] | None:
    """The data rows of a CSV, when it reads as frictionless would read it without a fault."""
    raw = path.read_bytes()
    if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf"):
        return None
    text = raw.decode("utf-8")
    header, _, body = text.partition("\n")
    if header != ",".join(names) or not body.strip():
        return None
    rows = list(csv.reader(io.StringIO(body)))
    width = len(names)
    if any(len(row) != width or not any(row) for row in rows):
        return None
    return rows


def column_values(path: Path, column: str) -> set[str] | None:
    """The non-empty values of one column of a table (a foreign key's lookup), or None."""
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            at = header.index(column)
            return {row[at] for row in reader if len(row) > at and row[at] != ""}
    except (OSError, ValueError, StopIteration, csv.Error):
        return None


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip())
    except (InvalidOperation, ValueError):
        return None


def _constraint_checks(field: dict) -> list[tuple[str, Callable]]:
    """(note, test of a typed, non-missing value) for each constraint but 'required'."""
    found, kind = [], field["type"]
    for name, limit in field.get("constraints", {}).items():
        note = f'constraint "{name}" is "{limit}"'
        if name == "pattern":
            rx = re.compile(f"^{limit}$")
            found.append((note, lambda v, rx=rx: rx.match(v) is not None))
        elif name == "enum":
            allowed = {Decimal(str(x)) for x in limit} if kind == "number" else set(limit)
            found.append((note, lambda v, allowed=allowed: v in allowed))
        elif name == "maxLength":
            found.append((note, lambda v, n=limit: len(v) <= n))
        elif name == "minLength":
            found.append((note, lambda v, n=limit: len(v) >= n))
        elif name == "minimum":
            found.append((note, lambda v, n=Decimal(str(limit)): v >= n))
        elif name == "maximum":
            found.append((note, lambda v, n=Decimal(str(limit)): v <= n))
        elif name not in ("required", "unique"):
            raise LookupError(name)  # a constraint this path does not know: use frictionless
    return found


def validate_table(
    resource: dict, data_dir: Path, bad: set[str], by_name: dict[str, dict], out
) -> list[tuple[int, dict]] | None | bool:
    """Check one table as ``structure._validate_table`` does; record each violation through
    ``out`` and return the sound rows; False when this path cannot take the table."""
    schema, path = resource["schema"], data_dir / resource["path"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    if any(f["type"] not in TYPES or set(f) & {"format", "missingValues"} for f in fields):
        return False
    rows = read_table(path, names)
    if rows is None:
        return False
    try:
        checks = {f["name"]: _constraint_checks(f) for f in fields}
    except LookupError:
        return False
    file = resource["path"]
    texts: set[tuple[int, str]] = set()  # (row index, column) of each text rule broken
    broken_rows: set[int] = set()  # rows with any error frictionless counts against a row
    found: list[tuple[int, str, str, str, str]] = []  # (row index, column, value, rule, kind)
    columns = list(zip(*rows, strict=True))
    counts = [v == "count" for v in columns[names.index("unit")]] if "unit" in names else None
    numbers = {f["name"]: f["type"] for f in fields if f["type"] == "number"}
    typed: dict[str, list] = {}
    for field, values in zip(fields, columns, strict=True):
        name, kind = field["name"], numbers.get(field["name"])
        if _suspect(list(values), kind is not None):
            for i, value in enumerate(values):
                args = (value, kind, bool(counts and counts[i]))
                rules = [rule for rule, test in TEXT_RULES.items() if test(*args)]
                rules += [rule for test in NAMED_RULES if (rule := test(*args))]
                for rule in rules:
                    found.append((i, name, value, rule, "text"))
                    texts.add((i, name))
                    broken_rows.add(i)
        typed[name] = column = [None if v == "" else (_number(v) if kind else v) for v in values]
        for i, (value, source) in enumerate(zip(column, values, strict=True)):
            if source != "" and value is None:  # a number frictionless cannot read
                found.append(
                    (i, name, source, RULES["type-error"].format(kind=kind, hint=""), "cell")
                )
                broken_rows.add(i)
                continue
            notes = (
                ['constraint "required" is "True"']
                if value is None and field.get("constraints", {}).get("required")
                else []
            )
            if value is not None:
                notes += [note for note, test in checks[name] if not test(value)]
            for note in notes:
                found.append((i, name, source, note, "cell"))
                broken_rows.add(i)
        if field.get("constraints", {}).get("unique"):
            seen: dict = {}
            for i, value in enumerate(column):
                if value is not None:
                    if (match := seen.get(value)) is not None:
                        note = f"the same as in the row at position {match}"
                        rule = f"rule 'unique-error': {note}"
                        found.append((i, name, str(value), rule, "cell"))
                        broken_rows.add(i)
                    seen[value] = i + 2
    _keys(resource, rows, typed, names, bad, by_name, data_dir, found, broken_rows)
    _row_rules(resource["name"], names, rows, typed, texts, found)
    for i, column, value, rule, kind in found:
        if kind == "cell" and (i, column) in texts:
            continue  # the text rule broken in that cell names the cause
        out.add(file, i + 2, column, value, rule)
    return [
        (i + 2, dict(zip(names, row, strict=True)))
        for i, row in enumerate(rows)
        if i not in broken_rows
    ]


def _keys(resource, rows, typed, names, bad, by_name, data_dir, found, broken_rows) -> None:
    """Primary and foreign keys, as frictionless words them."""
    schema = resource["schema"]
    if key := schema.get("primaryKey"):
        key = [key] if isinstance(key, str) else key
        seen: dict = {}
        for i in range(len(rows)):
            cells = tuple(typed[k][i] for k in key)
            if set(cells) == {None}:
                note = 'cells composing the primary keys are all "None"'
            elif (match := seen.get(cells)) is not None:
                note = f"the same as in the row at position {match}"
            else:
                note = None
            if cells != (None,) * len(cells):
                seen[cells] = i + 2
            if note:
                value = ",".join(rows[i][names.index(k)] for k in key)
                found.append((i, ",".join(key), value, f"rule 'primary-key': {note}", "row"))
                broken_rows.add(i)
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"]["resource"] or resource["name"]
        if target in bad:
            continue
        source_fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref_fields = fk["reference"]["fields"]
        ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
        if len(source_fields) != 1:
            raise LookupError("composite foreign key")
        lookup = column_values(data_dir / by_name[target]["path"], ref_fields[0])
        if lookup is None:
            continue  # unreadable: the table's own check names it
        (column,) = source_fields
        for i, value in enumerate(typed[column]):
            if value is not None and value not in lookup:
                note = (
                    f'for "{column}": values "{value}" not found in the lookup table '
                    f'"{target}" as "{ref_fields[0]}"'
                )
                value, rule = rows[i][names.index(column)], f"rule 'foreign-key': {note}"
                found.append((i, column, value, rule, "row"))
                broken_rows.add(i)


def _row_rules(table, names, rows, typed, texts, found) -> None:
    """The single-row rules of ``row_rules.txt``, each evaluated once per distinct set of the
    values it reads (Python's own evaluation of the same expressions simpleeval evaluates)."""
    for formula in FORMULAS.get(table, []):
        column, rule = BY_FORMULA[f'"{formula}"']
        reads = [n for n in names if n in NAMES[f'"{formula}"']]
        code = compile(formula, "<row rule>", "eval")
        verdicts: dict[tuple, bool] = {}
        for i in range(len(rows)):
            values = tuple(typed[n][i] for n in reads)
            if (ok := verdicts.get(values)) is None:
                try:
                    ok = bool(
                        eval(code, {"__builtins__": {}, "int": int}, dict(zip(reads, values)))
                    )
                except Exception:  # noqa: BLE001 - simpleeval counts an error as a broken rule
                    ok = False
                verdicts[values] = ok
            if not ok and not any((i, n) in texts for n in reads):
                cells = dict(zip(names, rows[i], strict=True))
                found.append((i, column, cells[column], rule.format(**cells), "row"))
