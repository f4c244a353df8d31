"""The structural rules of the data package and which path checks each table: what
``datapackage.json`` states, rows in every table, ``ROW_RULES`` and the text rules frictionless
lacks. Every table the column-wise path (``fast``) can read goes through it; the rest, and any table
when ``fast_from`` is None, through frictionless row by row (``by_row``), which is imported only
then. Both give the same lines (a test compares them on every probe). Errors get the project's
rule names; a file or header that cannot be read reports only its cause.
"""

import re
import unicodedata
from pathlib import Path
from unicodedata import is_normalized

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
# Rows from which a table is checked column by column (fast.py): every table it can read.
# frictionless takes about a millisecond a row and most of a second to import.
FAST_FROM = 0
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


def check_structure(
    descriptor: dict,
    data_dir: Path,
    out,
    unreadable: set[str] = frozenset(),
    fast_from: int | None = FAST_FROM,
    on_read=None,
) -> dict[str, list[tuple[int, dict]]]:
    """Validate and record each table of ``data_dir`` with the schema of ``descriptor`` (the
    bundled one), in order (a referenced table comes first: keys into a broken one are dropped,
    not failed on every row), skipping the ``unreadable`` ones; return the (line, row) pairs of
    each sound table. A table of ``fast_from`` rows or more is checked column by column
    (``fast``) when that path can read it, with the same findings; None: always through
    frictionless (``by_row``). ``on_read(tables, name, rows)``: told of the sound tables so far
    and every row of a table read column by column, before its rows are checked."""
    tables, bad, package = {}, set(unreadable), None
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for name, resource in by_name.items():
        if name in bad:
            continue
        try:
            read = on_read and (lambda name, rows: on_read(dict(tables), name, rows))
            found = _fast(resource, data_dir, bad, by_name, out, fast_from, read)
            if found is False:
                from helpers.data.validation import by_row

                package = package or by_row.package(descriptor, data_dir, out)
                if package is None:  # the descriptor itself is broken: it was named
                    return {}
                found = by_row.validate_table(package.get_resource(name), bad, out)
        except Exception as exc:  # noqa: BLE001 - a file frictionless cannot read: one line
            note = getattr(getattr(exc, "error", None), "note", None) or f"{type(exc).__name__}"
            out.add(resource["path"], 0, "*", "", f"rule 'readable': {note}")
            found = None
        tables.update({name: found} if found is not None else {})
        bad.update(set() if found is not None else {name})
    return tables


def _fast(resource: dict, data_dir: Path, bad, by_name, out, fast_from: int | None, on_read):
    """The column-wise check of a table, or False when it does not apply."""
    from helpers.data.validation import fast

    if fast_from is None:
        return False
    path = data_dir / resource["path"]
    if not path.is_file():
        return False  # frictionless names a missing file
    if path.stat().st_size // 64 < fast_from and path.read_bytes().count(b"\n") < fast_from:
        return False  # rows are at least 64 bytes long in practice; count them only if close
    try:
        return fast.validate_table(resource, data_dir, bad, by_name, out, on_read)
    except LookupError:  # a schema feature it does not handle: frictionless does
        return False
