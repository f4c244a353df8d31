"""The structural checks of one large table, column by column instead of row by row.

frictionless checks a row in about a millisecond: 200,000 figures would take minutes. This path
gives the same findings as ``by_row.validate_table`` does through frictionless (a test runs
every probe of the fault suite both ways and compares the lines), at a fraction of the cost: each
check runs over a whole column at once, and only the cells a cheap column-wide test flags go
through the exact per-cell rules (the very functions the frictionless path calls).

It takes only tables it can read the way frictionless would: a plain header equal to the schema's
field names, every row with as many cells as the header, string, number, integer and date fields
(dates in the default format) only. Anything
else (a broken header, a blank line, a row of the wrong shape, CR line ends, a BOM) returns None
and the table goes through frictionless, which names those faults.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from itertools import islice
from pathlib import Path
from unicodedata import is_normalized

from helpers.data.validation.structure import (
    BLANKS_BUT_SPACE,
    BY_FORMULA,
    NAMED_RULES,
    NAMES,
    ROW_RULES,
    RULES,
    TEXT_RULES,
    UNSEEN,
)

SEP = "\0"  # cells are joined with NUL to test a whole column at once (no cell may hold it)
UNSEEN_BUT_SEP = re.compile(UNSEEN.pattern.replace("\x00-", "\x01-"))
# A character that breaks a text rule, or a blank other than the plain space (which may edge a
# cell): one pass over a column for both. (A class of characters lets the engine skip fast.)
SUSPECT_CHAR = re.compile(UNSEEN_BUT_SEP.pattern[:-1] + BLANKS_BUT_SPACE[1:])
# A number column is plain when every cell is empty or [0-9]+(\.[0-9]+)?: only digits, dots and
# separators, and no dot at a cell's edge or twice in a cell. (Two scans a column; a pattern of
# repeated cells matched in one piece backtracks over every cell: a second for 200,000 values.)
NOT_DECIMAL_CHAR = re.compile(r"[^0-9.\0]")
MISPLACED_DOT = re.compile(r"(?:^|\0)\.|\.(?:\0|$)|\.[0-9]*\.")
LONG_NUMBER = re.compile(r"[0-9]{9}")
THREE_DECIMALS = re.compile(r"\.[0-9]{3}(?:\0|$)")  # a grouped cell's ".600" ends its cell
TYPES = {"string", "number", "integer", "date"}
DATE_PATTERN = "%Y-%m-%d"  # frictionless's default date format (settings.DEFAULT_DATE_PATTERN)
TYPE_HINTS = {"date": ": write dates as YYYY-MM-DD"}  # as by_row.validate_table words them
FORMULAS = {table: [] for table, *_ in ROW_RULES}
for _table, _column, _formula, _rule in ROW_RULES:
    FORMULAS[_table].append(_formula)


def _suspect(values: list[str], number: bool) -> bool:
    """False only when no cell of the column can break a text rule (a superset test)."""
    joined = SEP.join(values)
    if joined.count(SEP) != len(values) - 1 or SUSPECT_CHAR.search(joined):
        return True
    if "\0 " in joined or " \0" in joined or joined[:1] == " " or joined[-1:] == " ":
        return True  # a plain space at a cell's edge
    if not joined.isascii() and not is_normalized("NFC", joined):
        return True
    return number and not _plain_numbers(values, joined)


def _plain_numbers(values: list[str], joined: str) -> bool:
    """Every cell is empty or a plain decimal, none with nine digits in a row and none that looks
    grouped ("3.600": one to three digits, a dot, three digits)."""
    if NOT_DECIMAL_CHAR.search(joined) or MISPLACED_DOT.search(joined):
        return False
    if max(map(len, values), default=0) >= 9 and LONG_NUMBER.search(joined):
        return False
    for found in THREE_DECIMALS.finditer(joined):  # the whole part: from the cell's start
        whole = found.start() - (joined.rfind(SEP, 0, found.start()) + 1)
        if 1 <= whole <= 3:
            return False
    return True


def read_table(path: Path, names: list[str]) -> list[list[str]] | None:
    """The columns of a CSV's data rows, when it reads as frictionless would read it without a
    fault (None otherwise).

    Rows are read a block at a time and turned into columns at once, so no list per row outlives
    its block; a column that repeats its values holds one string object per distinct value."""
    raw = path.read_bytes()
    end = raw.find(b"\n")
    if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf") or end < 0:
        return None
    if raw[:end].decode("utf-8") != ",".join(names):
        return None
    del raw
    width, blank = len(names), [""] * len(names)
    columns: list[list[str]] = [[] for _ in names]
    shared: list[dict | None] = [{} for _ in names]  # each column's distinct values, while few
    with open(path, encoding="utf-8", newline="") as fh:
        fh.readline()  # the header, checked above
        reader = csv.reader(fh)
        while block := list(islice(reader, BLOCK)):
            if set(map(len, block)) != {width} or blank in block:
                return None  # a row of the wrong shape or a blank one: frictionless names it
            for column, one, cells in zip(columns, shared, zip(*block), strict=True):
                column.extend(map(one.setdefault, cells, cells) if one is not None else cells)
            for k, one in enumerate(shared):
                if one is not None and len(one) * 2 > len(columns[k]):
                    shared[k] = None  # mostly distinct values: sharing would not pay
    return columns if columns[0] else None


BLOCK = 20_000  # rows read at a time


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


def _integer(text: str) -> int | None:
    """An integer cell as frictionless reads it (``int`` of the stripped text)."""
    try:
        return int(text.strip())
    except ValueError:
        return None


def _date(text: str) -> date | None:
    """A date cell as frictionless reads it in the default format."""
    try:
        return datetime.strptime(text, DATE_PATTERN).date()
    except ValueError:
        return None


PARSERS = {"number": _number, "integer": _integer, "date": _date}


def _nan(value) -> bool:
    return isinstance(value, Decimal) and value.is_nan()


def _constraint_checks(field: dict) -> list[tuple[str, Callable]]:
    """(note, test of a typed, non-missing value) for each constraint but 'required'."""
    found, kind = [], field["type"]
    for name, limit in field.get("constraints", {}).items():
        note = f'constraint "{name}" is "{limit}"'
        if kind == "date" and name not in ("required", "unique"):
            raise LookupError(name)  # a date limit: frictionless compares dates
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
        elif name == "minimum":  # NaN is within no bound, as frictionless has it
            found.append((note, lambda v, n=Decimal(str(limit)): not _nan(v) and v >= n))
        elif name == "maximum":
            found.append((note, lambda v, n=Decimal(str(limit)): not _nan(v) and v <= n))
        elif name not in ("required", "unique"):
            raise LookupError(name)  # a constraint this path does not know: use frictionless
    return found


class RowView(Mapping):
    """One row of a column-wise table, read as a dict of its cells (without the dict's cost)."""

    __slots__ = ("_columns", "_i", "_index")

    def __init__(self, columns: list, index: dict[str, int], i: int):
        self._columns, self._index, self._i = columns, index, i

    def __getitem__(self, name: str) -> str:
        return self._columns[self._index[name]][self._i]

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class SoundRows(Sequence):
    """The sound rows of a column-wise table: a sequence of (line, row) pairs, as the
    frictionless path gives, that also hands the rules its cells column by column."""

    def __init__(self, columns: list, names: list[str], keep: list[int] | None):
        self._columns, self._index = columns, {name: n for n, name in enumerate(names)}
        self._keep = keep  # the indexes of the sound rows; None: every row

    def __len__(self) -> int:
        return len(self._columns[0]) if self._keep is None else len(self._keep)

    def __getitem__(self, k: int) -> tuple[int, RowView]:
        i = range(len(self))[k] if self._keep is None else self._keep[k]
        return i + 2, RowView(self._columns, self._index, i)

    def whole(self) -> bool:
        """Every row of the table is sound."""
        return self._keep is None

    def same_cells(self, other: SoundRows) -> bool:
        """Both are views of the very same columns, as read."""
        return self._columns is other._columns

    def lines(self) -> list[int]:
        return list(range(2, len(self) + 2)) if self._keep is None else [i + 2 for i in self._keep]

    def columns(self) -> dict[str, list]:
        """Each column's cells of the sound rows."""
        if self._keep is None:
            return {name: self._columns[n] for name, n in self._index.items()}
        return {name: [self._columns[n][i] for i in self._keep] for name, n in self._index.items()}


def _typed(kind: str | None, values: set[str]) -> dict:
    """Each distinct non-empty cell's value as frictionless reads it (None: not readable);
    ``kind``: the field's type, None for a string; ``values``: the column's distinct cells."""
    distinct = values - {""}
    return (
        dict(zip(distinct, map(PARSERS[kind], distinct))) if kind else dict(zip(distinct, distinct))
    )


def validate_table(
    resource: dict, data_dir: Path, bad: set[str], by_name: dict[str, dict], out, on_read=None
) -> list[tuple[int, Mapping]] | None | bool:
    """Check one table as ``by_row.validate_table`` does; record each violation through
    ``out`` and return the sound rows; False when this path cannot take the table.
    ``on_read(name, rows)``: told of every row as read, before any is checked."""
    schema, path = resource["schema"], data_dir / resource["path"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    if any(f["type"] not in TYPES or set(f) & {"format", "missingValues"} for f in fields):
        return False
    try:
        checks = {f["name"]: _constraint_checks(f) for f in fields}
    except LookupError:
        return False
    columns = read_table(path, names)
    if columns is None:
        return False
    if on_read is not None:
        on_read(resource["name"], SoundRows(columns, names, None))
    texts: set[tuple[int, str]] = set()  # (row index, column) of each text rule broken
    broken: set[int] = set()  # rows with any error frictionless counts against a row
    found: list[tuple[int, str, str, str, str]] = []  # (row index, column, value, rule, kind)
    counts = [v == "count" for v in columns[names.index("unit")]] if "unit" in names else None
    numeric = {f["name"]: f["type"] for f in fields if f["type"] in ("number", "integer")}
    typed = {}
    for field, values in zip(fields, columns, strict=True):
        name, kind = field["name"], numeric.get(field["name"])  # kind: the text rules' number
        distinct = set(values)  # every check below is of one cell: each value once is enough
        if _suspect(list(distinct), kind is not None):
            for i, value in enumerate(values):
                args = (value, kind, bool(counts and counts[i]))
                rules = [rule for rule, test in TEXT_RULES.items() if test(*args)]
                rules += [rule for test in NAMED_RULES if (rule := test(*args))]
                for rule in rules:
                    found.append((i, name, value, rule, "text"))
                    texts.add((i, name))
                    broken.add(i)
        typed_as = None if field["type"] == "string" else field["type"]
        typed[name] = _typed(typed_as, distinct)
        _cells(field, typed_as, values, typed[name], checks[name], found, broken)
    _keys(resource, columns, typed, names, bad, by_name, data_dir, found, broken)
    _row_rules(resource["name"], names, columns, typed, texts, found)
    for i, column, value, rule, kind in found:
        if kind == "cell" and (i, column) in texts:
            continue  # the text rule broken in that cell names the cause
        out.add(resource["path"], i + 2, column, value, rule)
    keep = [i for i in range(len(columns[0])) if i not in broken] if broken else None
    return SoundRows(columns, names, keep)


def _cells(field, kind, values, typed, checks, found, broken) -> None:
    """Type and constraint errors of one column, each worked out once per distinct value."""
    name, constraints = field["name"], field.get("constraints", {})
    notes: dict[str, list[str]] = {}
    readable = typed.items()
    if kind and None in typed.values():  # a number frictionless cannot read
        error = RULES["type-error"].format(kind=kind, hint=TYPE_HINTS.get(kind, ""))
        notes = {source: [error] for source, value in typed.items() if value is None}
        readable = [(source, value) for source, value in typed.items() if value is not None]
    for note, test in checks:  # a check at a time over the distinct values (a call per value)
        for source in [source for source, value in readable if not test(value)]:
            notes.setdefault(source, []).append(note)
    if constraints.get("required"):
        notes[""] = ['constraint "required" is "True"']
    if not notes.keys().isdisjoint(typed) or "" in notes and "" in values:
        for i, source in enumerate(values):
            for note in notes.get(source, ()):
                found.append((i, name, source, note, "cell"))
                broken.add(i)
    if constraints.get("unique") and len(typed) < len(values) - values.count(""):
        seen: dict = {}
        for i, source in enumerate(values):
            if source != "" and (value := typed[source]) is not None:
                if (match := seen.get(value)) is not None:
                    rule = f"rule 'unique-error': the same as in the row at position {match}"
                    found.append((i, name, str(value), rule, "cell"))
                    broken.add(i)
                seen[value] = i + 2


def _keys(resource, columns, typed, names, bad, by_name, data_dir, found, broken) -> None:
    """Primary and foreign keys, as frictionless words them."""
    schema, n = resource["schema"], len(columns[0])
    at = {name: columns[k] for k, name in enumerate(names)}
    if key := schema.get("primaryKey"):
        key = [key] if isinstance(key, str) else key
        raw = list(zip(*(at[k] for k in key), strict=True))
        if len(set(raw)) < n or ("",) * len(key) in set(raw):
            seen: dict = {}
            for i, cells in enumerate(raw):
                cells = tuple(typed[k].get(c) for k, c in zip(key, cells, strict=True))
                note = None
                if set(cells) == {None}:
                    note = 'cells composing the primary keys are all "None"'
                else:
                    if (match := seen.get(cells)) is not None:
                        note = f"the same as in the row at position {match}"
                    seen[cells] = i + 2
                if note:
                    value = ",".join(at[k][i] for k in key)
                    found.append((i, ",".join(key), value, f"rule 'primary-key': {note}", "row"))
                    broken.add(i)
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"]["resource"] or resource["name"]
        if target in bad:
            continue
        source_fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref_fields = fk["reference"]["fields"]
        ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
        if len(source_fields) != 1 or kind_of(resource, source_fields[0]) != "string":
            raise LookupError("a foreign key this path does not handle")
        lookup = column_values(data_dir / by_name[target]["path"], ref_fields[0])
        if lookup is None:
            continue  # unreadable: the table's own check names it
        (column,) = source_fields
        if not set(at[column]) - lookup - {""}:
            continue
        for i, value in enumerate(at[column]):
            if value != "" and value not in lookup:
                note = (
                    f'for "{column}": values "{value}" not found in the lookup table '
                    f'"{target}" as "{ref_fields[0]}"'
                )
                found.append((i, column, value, f"rule 'foreign-key': {note}", "row"))
                broken.add(i)


def kind_of(resource: dict, name: str) -> str:
    return next(f["type"] for f in resource["schema"]["fields"] if f["name"] == name)


def _row_rules(table, names, columns, typed, texts, found) -> None:
    """The single-row rules of ``row_rules.txt``, each evaluated once per distinct set of the
    values it reads (Python's own evaluation of the same expressions simpleeval evaluates)."""
    at = {name: columns[k] for k, name in enumerate(names)}
    by_reads: dict[tuple, list[str]] = {}  # the formulas that read the same columns
    for formula in FORMULAS.get(table, []):
        reads = tuple(n for n in names if n in NAMES[f'"{formula}"'])
        by_reads.setdefault(reads, []).append(formula)
    for reads, formulas in by_reads.items():  # the cells of each row, once per set of columns
        distinct = set(zip(*(at[n] for n in reads), strict=True))
        for formula in formulas:
            _row_rule(formula, reads, distinct, names, at, typed, texts, found)


def _row_rule(formula, reads, distinct, names, at, typed, texts, found) -> None:
    """One rule of ``row_rules.txt`` over the ``distinct`` sets of cells ``reads`` it reads
    (each row's own set is formed again only when some set breaks the rule)."""
    column, rule = BY_FORMULA[f'"{formula}"']
    code = compile(formula, "<row rule>", "eval")
    failing = set()
    for key in distinct:
        values = {n: typed[n].get(v) for n, v in zip(reads, key, strict=True)}
        try:
            ok = bool(eval(code, {"__builtins__": {}, "int": int}, values))
        except Exception:  # noqa: BLE001 - simpleeval counts an error as a broken rule
            ok = False
        if not ok:
            failing.add(key)
    keys = zip(*(at[n] for n in reads), strict=True) if failing else ()
    for i in (i for i, key in enumerate(keys) if key in failing):
        if not any((i, n) in texts for n in reads):
            cells = {name: at[name][i] for name in names}
            found.append((i, column, cells[column], rule.format(**cells), "row"))
