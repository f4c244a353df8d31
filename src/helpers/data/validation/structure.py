"""Structural checks of the data package, done by frictionless itself: what ``datapackage.json``
states, rows in every table, ``ROW_RULES``, and :class:`TextHygiene` for the text rules it lacks.
Errors get the project's rule names; a file or header that cannot be read reports only its cause.
"""

import codecs
import re
import sys
import unicodedata
from pathlib import Path
from unicodedata import is_normalized


def _import_jsonschema_without_iri_grammar() -> None:
    """Import jsonschema (which frictionless validates descriptors with) without the optional
    ``rfc3987_syntax``, whose grammars take seconds to build at import. It only backs the "iri"
    format checkers, and frictionless passes no format checker, so its findings do not change."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # an ImportError, which jsonschema expects and skips
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]


_import_jsonschema_without_iri_grammar()

from frictionless import Check, Checklist, FrictionlessException, Package, checks, errors

from helpers.data.numbers import COMMA_DECIMAL, GROUPED, data_number_rule

# Single-row rules for frictionless's row_constraint, kept as a table beside this module.
RULES_FILE = Path(__file__).with_name("row_rules.txt")
ROW_RULES = [
    line.split("|")
    for line in RULES_FILE.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
BY_FORMULA = {f'"{formula}"': (column, rule) for _, column, formula, rule in ROW_RULES}
NAMES = {f'"{formula}"': set(re.findall(r"\b[a-z_]+\b", formula)) for *_, formula, _ in ROW_RULES}
FAST_FROM = 500  # rows from which a table is checked column by column (fast.py): frictionless
# takes about a millisecond a row, the column-wise path a few microseconds
SHAPE = {"blank-row", "extra-cell", "missing-cell"}  # the other errors of such a row are dropped
RULES = {  # frictionless error type -> the project's rule
    "scheme-error": "rule 'file exists': the package lists it but it is missing",
    "source-error": "rule 'not empty': a CSV needs its header row and data rows",
    "encoding-error": "rule 'encoding utf-8': {e.note}",
    "table-dimensions": "rule 'has rows': the file holds a header only",
    "missing-label": "rule 'column present': the schema requires this column",
    "extra-label": "rule 'known column': the schema has no such column",
    "incorrect-label": "rule 'column order': expected {e.field_name}, found {e.label}",
    "blank-row": "rule 'no blank lines'",
    "extra-cell": "rule 'cell count': more cells than the header has",
    "missing-cell": "rule 'cell count': fewer cells than the header has",
    "type-error": "type '{kind}'{hint}",
    "constraint-error": "{e.note}",
    "cell-error": "{e.note}",  # a TextHygiene error
}
# Characters no cell may hold: controls (a line break has its rule), bidirectional overrides,
# embeddings, isolates and marks, zero-width characters and the byte order mark, soft hyphen.
UNSEEN = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
# Every blank but the plain space: what str.isspace() and the \s of a pattern match (a test
# checks the list against every code point), as a class the regex engine scans quickly.
BLANKS_BUT_SPACE = "[\t\n\x0b-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
C0_NAMES = {0: "NULL", 9: "CHARACTER TABULATION", 0x1B: "ESCAPE", 0x7F: "DELETE"}


def unseen_rule(text: str) -> str | None:
    """The rule a cell breaks by holding a character a reader cannot see, naming it."""
    if not (found := list(dict.fromkeys(UNSEEN.findall(text)))):
        return None
    names = [
        f"U+{ord(c):04X} {unicodedata.name(c, C0_NAMES.get(ord(c), 'CONTROL CHARACTER'))}"
        for c in found[:3]
    ]
    return "rule 'no control or invisible characters': " + ", ".join(names)


def number_rule(text: str, kind: str, counts: bool) -> str | None:
    """The plain-decimal or range rule a non-empty number cell breaks, unless a rule that says
    more (decimal comma, thousands mark) already names it."""
    if COMMA_DECIMAL(text) or counts and GROUPED(text):
        return None
    return data_number_rule(text, kind)


TEXT_RULES = {  # rule -> test of a cell's text (v), in a number column (n), counts in its row (c)
    "rule 'NFC': normalize the text to Unicode NFC": lambda v, n, c: not is_normalized("NFC", v),
    "rule 'no non-breaking space': use a plain space": lambda v, n, c: "\xa0" in v,
    "rule 'no leading or trailing blanks'": lambda v, n, c: v != v.strip(),
    "rule 'one line per row': no line break inside a cell": lambda v, n, c: "\n" in v,
    "rule 'no thousands marks': write 3600, not 3.600": lambda v, n, c: n and c and GROUPED(v),
    "type 'number': '.' is the decimal mark in the CSV, not ','": lambda v, n, c: (
        n and COMMA_DECIMAL(v)
    ),
}
NAMED_RULES = (  # rules whose text names what was found: (v, n, c) -> the rule or None
    lambda v, n, c: unseen_rule(v),
    lambda v, n, c: number_rule(v, n, c) if n and v else None,
)


class TextHygiene(Check):
    """The text rules of the project's CSVs that frictionless lacks, as plain cell errors (field
    number 0: the whole file). It keeps each valid row too (strings by column), for the rules."""

    type, Errors = "text-hygiene", [errors.CellError]

    def connect(self, resource):
        super().connect(resource)
        self._rows, self._unreadable = [], False
        numbers = [f for f in resource.schema.fields if f.type in ("number", "integer")]
        self._numbers = {f.name: f.type for f in numbers}

    def validate_start(self):
        raw, first = Path(self.resource.normpath).read_bytes(), self.resource.schema.field_names[0]
        header, cr = raw.split(b"\n", 1)[0].decode(errors="replace"), raw.find(b"\r")
        if raw.startswith(codecs.BOM_UTF8):
            yield _at(1, first, "\ufeff", "rule 'no BOM': save as UTF-8 without byte order mark")
        if cr >= 0:
            rule = "rule 'LF line ends': save with Unix line ends, not CRLF"
            yield _at(raw[:cr].count(b"\n") + 1, "*", "\\r\\n", rule)
        if "," not in header and (separator := next((d for d in ";\t|" if d in header), None)):
            self._unreadable, rule = True, "rule 'comma-separated': fields must be separated by ','"
            yield _at(1, "*", separator, rule)
        if raw.strip() and not header.strip():
            self._unreadable, rule = True, "rule 'no blank lines': the header belongs on line 1"
            yield _at(1, "*", "", rule)

    def validate_row(self, row):
        cells = dict(zip(row.field_names, row.cells, strict=False))
        clean = row.valid
        for number, (column, value) in enumerate(cells.items(), start=1):
            if not isinstance(value, str):
                continue  # a missing cell: frictionless names it
            args = (value, self._numbers.get(column), cells.get("unit") == "count")
            broken = [rule for rule, test in TEXT_RULES.items() if test(*args)]
            broken += [rule for test in NAMED_RULES if (rule := test(*args))]
            for rule in broken:
                yield _at(row.row_number, column, value, rule, number)
            clean = clean and not broken
        if clean:  # only rows that break no rule reach the rules across rows
            self._rows.append((row.row_number, cells))


def _at(line: int, column: str, value: str, rule: str, n: int = 0) -> errors.CellError:
    return errors.CellError(
        note=rule, cells=[], row_number=line, cell=value, field_name=column, field_number=n
    )


def check_structure(
    descriptor: dict,
    data_dir: Path,
    out,
    unreadable: set[str] = frozenset(),
    fast_from: int | None = FAST_FROM,
) -> dict[str, list[tuple[int, dict]]]:
    """Validate and record each table of ``data_dir`` with the schema of ``descriptor`` (the
    bundled one), in order (a referenced table comes first: keys into a broken one are dropped,
    not failed on every row), skipping the ``unreadable`` ones; return the (line, row) pairs of
    each sound table. A table of ``fast_from`` rows or more is checked column by column
    (``fast``), with the same findings; None: always through frictionless."""
    try:
        package = Package(descriptor, basepath=str(data_dir))
    except FrictionlessException as exc:
        why = "; ".join(dict.fromkeys(r.note for r in exc.reasons)) or exc.error.note
        out.add("datapackage.json", 0, "*", "", f"rule 'valid descriptor': {why}")
        return {}
    tables, bad = {}, set(unreadable)
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for resource in package.resources:
        if resource.name in bad:
            continue
        try:
            found = _fast(by_name[resource.name], data_dir, bad, by_name, out, fast_from)
            if found is False:
                found = _validate_table(resource, bad, out)
        except Exception as exc:  # noqa: BLE001 - a file frictionless cannot read: one line
            note = getattr(getattr(exc, "error", None), "note", None) or f"{type(exc).__name__}"
            out.add(resource.path, 0, "*", "", f"rule 'readable': {note}")
            found = None
        tables.update({resource.name: found} if found is not None else {})
        bad.update(set() if found is not None else {resource.name})
    return tables


def _fast(resource: dict, data_dir: Path, bad, by_name, out, fast_from: int | None):
    """The column-wise check of a large table, or False when it does not apply."""
    from helpers.data.validation import fast

    if fast_from is None:
        return False
    path = data_dir / resource["path"]
    if not path.is_file():
        return False  # frictionless names a missing file
    if path.stat().st_size // 64 < fast_from and path.read_bytes().count(b"\n") < fast_from:
        return False  # rows are at least 64 bytes long in practice; count them only if close
    try:
        return fast.validate_table(resource, data_dir, bad, by_name, out)
    except LookupError:  # a schema feature it does not handle: frictionless does
        return False


def _validate_table(resource, bad: set[str], out) -> list[tuple[int, dict]] | None:
    """Validate one table; record its violations; return its (line, row) pairs when sound."""
    schema, fields, hygiene = resource.schema, resource.schema.field_names, TextHygiene()
    fks = [k for k in schema.foreign_keys if k["reference"]["resource"] not in bad]
    schema.foreign_keys = fks  # none into a broken table
    rows = [checks.row_constraint(formula=f) for t, _, f, _ in ROW_RULES if t == resource.name]
    checklist = Checklist(checks=[hygiene, checks.table_dimensions(min_rows=1), *rows])
    found = resource.validate(checklist).tasks[0].errors
    # 0: the file cannot be read, 1: its header is broken, 2: a row; below the cut, all is noise
    level = {id(e): 2 if "#row" in e.tags else 1 if e.tags else 0 for e in found}
    cut = 0 if hygiene._unreadable else min(level.values(), default=2)
    level |= {id(e): 0 for e in found if e.type == "cell-error" and not e.field_number}
    shaky = {e.row_number for e in found if e.type in SHAPE}  # rows of a broken shape
    texts = {(e.row_number, e.field_name) for e in found if e.type == "cell-error"}
    for e in found:
        row, column = getattr(e, "row_number", 1), getattr(e, "field_name", "")
        if level[id(e)] > cut or (row in shaky and e.type not in SHAPE):
            continue  # a consequence of a file or header that cannot be read, or a broken row
        if e.type != "cell-error" and (row, column) in texts:
            continue  # the text rule broken in that cell names the cause
        kind = schema.get_field(column).type if e.type == "type-error" else ""
        hint = ": write dates as YYYY-MM-DD" if kind == "date" else ""
        rule = RULES.get(e.type, "rule '{e.type}': {e.note}").format(e=e, kind=kind, hint=hint)
        keys = {"primary-key": schema.primary_key, "foreign-key": getattr(e, "field_names", [])}
        if e.type == "row-constraint":
            column, rule = BY_FORMULA[e.note[e.note.index('"') :]]
            if any((row, name) in texts for name in NAMES[e.note[e.note.index('"') :]]):
                continue  # a cell the formula reads breaks a text rule, which names the cause
            keys[e.type] = [column]
            rule = rule.format(**dict(zip(fields, e.cells, strict=False)))
        value = getattr(e, "cell", getattr(e, "label", ""))
        if e.type in keys:
            column = ",".join(keys[e.type])
            value = ",".join(e.cells[fields.index(key)] for key in keys[e.type])
        line = 0 if e.type == "scheme-error" else row
        out.add(resource.path, line, column or getattr(e, "label", "") or "*", value, rule)
    return hygiene._rows if cut == 2 else None
