"""The structural checks of one table row by row, done by frictionless itself, with
:class:`TextHygiene` for the text rules it lacks: the reference path, which the column-wise one
(``fast``) matches line for line, and the one for any table that path cannot read (a broken header,
a row of the wrong shape, a schema feature it does not handle). Imported only when needed:
frictionless takes most of a second to import.
"""

import codecs
import sys
from pathlib import Path


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

from helpers.data.validation.structure import (
    BY_FORMULA,
    NAMED_RULES,
    NAMES,
    ROW_RULES,
    RULES,
    SHAPE,
    TEXT_RULES,
)


def package(descriptor: dict, data_dir: Path, out) -> Package | None:
    """frictionless's view of the package; None, with the 'valid descriptor' line, when it
    refuses the descriptor."""
    try:
        return Package(descriptor, basepath=str(data_dir))
    except FrictionlessException as exc:
        why = "; ".join(dict.fromkeys(r.note for r in exc.reasons)) or exc.error.note
        out.add("datapackage.json", 0, "*", "", f"rule 'valid descriptor': {why}")
        return None


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


def validate_table(resource, bad: set[str], out) -> list[tuple[int, dict]] | None:
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
