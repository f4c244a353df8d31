"""Structural checks of the data package, done by frictionless itself: what ``datapackage.json``
states, rows in every table, ``ROW_RULES``, and :class:`TextHygiene` for the text rules it lacks.
Errors get the project's rule names; a file or header that cannot be read reports only its cause.
"""

import codecs
import re
from pathlib import Path
from unicodedata import is_normalized

from frictionless import Check, Checklist, FrictionlessException, Package, checks, errors

# Single-row rules for frictionless's row_constraint, kept as a table beside this module.
RULES_FILE = Path(__file__).with_name("row_rules.txt")
ROW_RULES = [
    line.split("|")
    for line in RULES_FILE.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
BY_FORMULA = {f'"{formula}"': (column, rule) for _, column, formula, rule in ROW_RULES}
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
GROUPED, COMMA = re.compile(r"\d{1,3}(\.\d{3})+").fullmatch, re.compile(r"-?\d+,\d+").fullmatch
TEXT_RULES = {  # rule -> test of a cell's text (v), in a number column (n), counts in its row (c)
    "rule 'NFC': normalize the text to Unicode NFC": lambda v, n, c: not is_normalized("NFC", v),
    "rule 'no non-breaking space': use a plain space": lambda v, n, c: "\xa0" in v,
    "rule 'no leading or trailing blanks'": lambda v, n, c: v != v.strip(),
    "rule 'one line per row': no line break inside a cell": lambda v, n, c: "\n" in v,
    "rule 'no thousands marks': write 3600, not 3.600": lambda v, n, c: n and c and GROUPED(v),
    "type 'number': '.' is the decimal mark in the CSV, not ','": lambda v, n, c: n and COMMA(v),
}


class TextHygiene(Check):
    """The text rules of the project's CSVs that frictionless lacks, as plain cell errors (field
    number 0: the whole file). It keeps each valid row too (strings by column), for the rules."""

    type, Errors = "text-hygiene", [errors.CellError]

    def connect(self, resource):
        super().connect(resource)
        self._rows, self._unreadable = [], False
        self._numbers = {f.name for f in resource.schema.fields if f.type in ("number", "integer")}

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
        if row.valid:
            self._rows.append((row.row_number, cells))
        for number, (column, value) in enumerate(cells.items(), start=1):
            for rule, broken in TEXT_RULES.items():
                if broken(value, column in self._numbers, cells.get("unit") == "count"):
                    yield _at(row.row_number, column, value, rule, number)


def _at(line: int, column: str, value: str, rule: str, n: int = 0) -> errors.CellError:
    return errors.CellError(
        note=rule, cells=[], row_number=line, cell=value, field_name=column, field_number=n
    )


def check_structure(descriptor: Path, out) -> dict[str, list[tuple[int, dict]]]:
    """Validate and record each table, in order (a referenced table comes first: keys into a broken
    one are dropped, not failed on every row); return the (line, row) pairs of each sound one."""
    try:
        package = Package(str(descriptor))
    except FrictionlessException as exc:
        out.add(descriptor.name, 0, "*", "", f"rule 'valid descriptor': {exc.error.note}")
        return {}
    tables, bad = {}, set()
    for resource in package.resources:
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
                keys[e.type] = [column]
                rule = rule.format(**dict(zip(fields, e.cells, strict=False)))
            value = getattr(e, "cell", getattr(e, "label", ""))
            if e.type in keys:
                column = ",".join(keys[e.type])
                value = ",".join(e.cells[fields.index(key)] for key in keys[e.type])
            line = 0 if e.type == "scheme-error" else row
            out.add(resource.path, line, column or getattr(e, "label", "") or "*", value, rule)
        tables.update({resource.name: hygiene._rows} if cut == 2 else {})
        bad.update(set() if cut == 2 else {resource.name})
    return tables
