"""What may be read at all: the files of a data folder looked at before any parser opens them, and
its ``datapackage.json`` held against the bundled one (``data/datapackage.json`` of the project).

Tables are always read with the bundled schema; the descriptor inside a data folder is only
compared with it, so a folder whose descriptor drops a resource or a field, loosens a constraint
or points a path elsewhere ("../../etc/passwd", "/etc/passwd", "https://...") is reported, line by
line, and none of its paths is ever opened. Every file is looked at with ``stat`` first: a folder,
a FIFO (opening one would block), a device, a file too large or unreadable is one violation.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

from helpers.paths import DATA_DIR

DESCRIPTOR = "datapackage.json"
BUNDLED = DATA_DIR / DESCRIPTOR
MAX_DESCRIPTOR_BYTES = 1 << 20  # the bundled one is about 30 kB
MAX_TABLE_BYTES = 512 << 20  # 200,000 figures take about 40 MB
MAX_ARTICLE_BYTES = 16 << 20
SAME = "rule 'same schema as the bundled package'"
RESOURCE_KEYS = ("path", "profile", "encoding", "format", "mediatype", "dialect", "scheme")
SCHEMA_KEYS = ("primaryKey", "foreignKeys", "missingValues", "fieldsMatch")
FIELD_KEYS = ("type", "format", "constraints", "missingValues", "bareNumber", "groupChar")
KINDS = {
    stat.S_ISDIR: "a directory",
    stat.S_ISFIFO: "a FIFO (named pipe)",
    stat.S_ISSOCK: "a socket",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
}


def bundled_descriptor() -> dict:
    """The project's own descriptor: the schema every data folder is read with."""
    return json.loads(BUNDLED.read_text(encoding="utf-8"))


def os_reason(exc: OSError) -> str:
    """An operating-system error as a rule: 'permission denied', 'is a directory', ..."""
    if isinstance(exc, PermissionError):
        return "rule 'readable': permission denied"
    return f"rule 'readable': {(exc.strerror or type(exc).__name__).lower()}"


def file_problem(path: Path, limit: int) -> str | None:
    """Why ``path`` cannot be read as a data file (None when it can), found without opening it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "rule 'file exists': the package lists it but it is missing"
    except OSError as exc:
        return os_reason(exc)
    for test, kind in KINDS.items():
        if test(info.st_mode):
            return f"rule 'regular file': it is {kind}"
    if not stat.S_ISREG(info.st_mode):
        return "rule 'regular file': it is not a regular file"
    if info.st_size > limit:
        return f"rule 'size': {info.st_size} bytes, over the limit of {limit}"
    return None


def read_text(path: Path, limit: int) -> tuple[str | None, int, str | None]:
    """The UTF-8 text of a regular file, or why it cannot be had: (text, line, rule)."""
    problem = file_problem(path, limit)
    if problem is not None:
        return None, 0, problem
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        return None, 0, os_reason(exc)
    if len(raw) > limit:
        return None, 0, f"rule 'size': over the limit of {limit} bytes"
    try:
        return raw.decode("utf-8"), 0, None
    except UnicodeDecodeError as exc:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None, 1, "rule 'encoding utf-8': the file is UTF-16 (save as UTF-8)"
        if (nul := raw.find(b"\0")) >= 0:  # text never holds NUL bytes where UTF-8 breaks
            line = raw[:nul].count(b"\n") + 1
            return None, line, "rule 'text file': binary content (NUL bytes), not a CSV text"
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start]
        return None, line, f"rule 'encoding utf-8': byte 0x{bad:02x} is not UTF-8 (save as UTF-8)"


def check_files(data_dir: Path, schema: dict, out) -> set[str]:
    """Look at each table the bundled schema lists; return the names of those that cannot be
    read (each recorded as ``file:line: ... breaks <reason>``)."""
    unreadable = set()
    for resource in schema["resources"]:
        # one read to prove the bytes can be had (frictionless reads them again)
        _text, line, problem = read_text(data_dir / resource["path"], MAX_TABLE_BYTES)
        if problem is not None and "'file exists'" not in problem:  # frictionless says that one
            out.add(resource["path"], line, "*", "", problem)
            unreadable.add(resource["name"])
    return unreadable


def read_local(data_dir: Path, out) -> dict | None:
    """The descriptor inside ``data_dir`` as JSON, or None (with the reason recorded)."""
    path = data_dir / DESCRIPTOR
    if not path.exists() and not path.is_symlink():
        out.add(DESCRIPTOR, 0, "*", "", f"rule 'descriptor exists' in {data_dir}")
        return None
    text, line, problem = read_text(path, MAX_DESCRIPTOR_BYTES)
    if problem is not None:
        out.add(DESCRIPTOR, line, "*", "", problem)
        return None
    try:
        local = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = getattr(exc, "lineno", 0)
        note = getattr(exc, "msg", type(exc).__name__)
        out.add(DESCRIPTOR, where, "*", "", f"rule 'valid descriptor': invalid JSON ({note})")
        return None
    return local


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def compare(local: object, bundled: dict, out) -> None:
    """Record each way the local descriptor differs from the bundled one in what validation and
    the loaders rely on: resources, their paths and dialects, fields, types and constraints."""

    def differs(column: str, value: object, what: str) -> None:
        out.add(
            DESCRIPTOR, 0, column, _shown(value) if value is not None else "", f"{SAME}: {what}"
        )

    if not isinstance(local, dict):
        differs("*", type(local).__name__, "the descriptor must be a JSON object")
        return
    resources = local.get("resources")
    if not isinstance(resources, list):
        differs("resources", resources, "'resources' must be a list")
        return
    mine: dict[str, dict] = {}
    for n, resource in enumerate(resources):
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or name in mine:
            differs(f"resources[{n}]", name, "each resource is an object with its own name")
        else:
            mine[name] = resource
    for resource in bundled["resources"]:
        name = resource["name"]
        if name not in mine:
            differs(name, None, f"resource '{name}' is missing")
            continue
        for key in RESOURCE_KEYS:
            if mine[name].get(key) != resource.get(key):
                want = _shown(resource.get(key))
                differs(f"{name}.{key}", mine[name].get(key), f"'{key}' must be {want}")
        _compare_schema(name, mine[name].get("schema"), resource["schema"], differs)
    for name in sorted(set(mine) - {r["name"] for r in bundled["resources"]}):
        differs(name, None, f"resource '{name}' is not in the bundled package")


def _compare_schema(name: str, schema: object, bundled: dict, differs) -> None:
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        differs(f"{name}.schema", None, "the schema must be an object with a list of fields")
        return
    for key in SCHEMA_KEYS:
        if schema.get(key) != bundled.get(key):
            differs(f"{name}.{key}", schema.get(key), f"'{key}' must be {_shown(bundled.get(key))}")
    fields = [f.get("name") if isinstance(f, dict) else None for f in schema["fields"]]
    fields = [f if isinstance(f, str) else _shown(f) for f in fields]
    expected = [f["name"] for f in bundled["fields"]]
    by_name = {f["name"]: f for f in schema["fields"] if isinstance(f, dict) and f.get("name")}
    by_name = {k: v for k, v in by_name.items() if isinstance(k, str)}
    for field in bundled["fields"]:
        column = f"{name}.{field['name']}"
        if field["name"] not in by_name:
            differs(column, None, f"field '{field['name']}' is missing")
            continue
        for key in FIELD_KEYS:
            if by_name[field["name"]].get(key) != field.get(key):
                got = by_name[field["name"]].get(key)
                differs(column, got, f"'{key}' must be {_shown(field.get(key))}")
    for extra in [f for f in fields if f not in expected]:
        differs(f"{name}.{extra}", None, f"field '{extra}' is not in the bundled schema")
    if [f for f in fields if f in expected] != [f for f in expected if f in fields]:
        differs(f"{name}.fields", fields, f"fields must be in the order {_shown(expected)}")
