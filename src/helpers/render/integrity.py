"""Trust files, not memory: check inputs before anything reads them, and published sets against
their manifests.

:func:`unreadable` is the render's first look at the data: ``stat`` only, never ``open``, so a
FIFO cannot block it and a directory cannot crash it. :func:`file_table` gives the manifest a
SHA-256, size and mtime of every file of a set; :func:`problems` checks a published set against
it, cheaply (size and mtime; a file whose mtime moved is hashed) or fully (every hash, for
``render --verify``).

Standard library only: the no-change path runs all of it but :func:`verify`.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from helpers.paths import DATA_DIR

MANIFEST = "manifest.json"
_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}


def _expected(descriptor: Path) -> list[str]:
    """The files the bundled descriptor names (our own file, so reading it is safe)."""
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
        return [r["path"] for r in resources if isinstance(r.get("path"), str)]
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return []


def _why(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, from ``stat`` alone; None when it can."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "missing"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    kind = stat.S_IFMT(st.st_mode)
    if kind != stat.S_IFREG:
        return f"not a regular file: {_KINDS.get(kind, 'a special file')}"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def unreadable(data_dir: Path, seeds: Path | None, bundled: Path | None = None) -> list[str]:
    """One ``file: reason`` line per input the render or validation would fail to read.

    Checks every file the bundled descriptor names plus ``datapackage.json``, and every entry
    below ``data_dir`` and every ``*.txt`` in ``seeds``: a FIFO, socket or device anywhere would
    block or break a reader, an unreadable file would end in a traceback.
    """
    lines: list[str] = []
    names = ["datapackage.json", *_expected(bundled or DATA_DIR / "datapackage.json")]
    for name in dict.fromkeys(names):
        reason = _why(data_dir / name)
        if reason:
            lines.append(f"{name}: {reason}")
    seen = set(names)

    def walk_error(exc: OSError) -> None:
        rel = os.path.relpath(exc.filename, data_dir) if exc.filename else str(data_dir)
        lines.append(f"{rel}: cannot list the folder: {exc.strerror}")

    for root, dirs, files in os.walk(data_dir, onerror=walk_error):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(data_dir).as_posix()
            if rel in seen or (path.is_symlink() and not path.exists()):
                continue  # checked above; a dangling link elsewhere is read by nothing
            reason = _why(path)
            if reason:
                lines.append(f"{rel}: {reason}")
    if seeds is not None and seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            reason = _why(path)
            if reason and reason != "missing":
                lines.append(f"{path}: {reason}")
    return lines


# -- published sets --------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_table(set_dir: Path) -> dict[str, dict]:
    """SHA-256, size and mtime of every file of a set but the manifest itself."""
    table = {}
    for path in sorted(set_dir.rglob("*")):
        rel = path.relative_to(set_dir).as_posix()
        if rel == MANIFEST or not path.is_file():
            continue
        st = path.stat()
        table[rel] = {"sha256": sha256(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    return table


def problems(set_dir: Path, manifest: dict, deep: bool = False) -> dict[str, str]:
    """``{relative path: what is wrong}`` for the files the manifest lists.

    Cheap by default: a file with the recorded size and mtime is taken as it was; one whose
    mtime moved is hashed. ``deep`` hashes every file. A manifest made before file hashes were
    recorded is checked for the presence of each report and the index.
    """
    files = manifest.get("files")
    if not isinstance(files, dict):
        wanted = ["index.html"] + [
            r[k] for r in manifest.get("reports", []) for k in ("html", "ipynb") if r.get(k)
        ]
        return {rel: why for rel in wanted if (why := _why(set_dir / rel))}
    out = {}
    for rel, meta in files.items():
        path = set_dir / rel
        why = _why(path)
        if why:
            out[rel] = why
            continue
        st = path.stat()
        if st.st_size != meta.get("size"):
            out[rel] = f"size {st.st_size} bytes, the manifest says {meta.get('size')}"
        elif (deep or st.st_mtime_ns != meta.get("mtime_ns")) and sha256(path) != meta.get(
            "sha256"
        ):
            out[rel] = "content differs from the manifest (SHA-256)"
    return out


def damaged(set_dir: Path, manifest: dict) -> tuple[set[str], bool]:
    """Reports whose files are missing or changed, and whether anything else of the set is."""
    found = problems(set_dir, manifest)
    owner = {
        r[k]: r["name"] for r in manifest.get("reports", []) for k in ("html", "ipynb") if r.get(k)
    }
    reports = {owner[rel] for rel in found if rel in owner}
    return reports, any(rel not in owner for rel in found)


def newest_date(out: Path) -> str | None:
    from helpers.render.publish import is_date

    dates = sorted(p.name for p in out.iterdir() if p.is_symlink() and is_date(p.name))
    return dates[-1] if dates else None


def verify(out: Path, date: str | None) -> tuple[list[str], int]:
    """Check a published set (``date``, else the one ``latest`` points at) against its
    manifest, hashing every file; return one line per mismatch and the number of files checked."""
    from helpers.render.publish import read_manifest

    if date is None:
        latest = out / "latest"
        date = (
            os.readlink(latest)
            if latest.is_symlink()
            else newest_date(out)
            if out.is_dir()
            else None
        )
        if date is None:
            return [f"{out}: no published set to verify"], 0
    set_dir = out / date
    if not set_dir.is_dir():
        return [f"{set_dir}: no published set"], 0
    manifest = read_manifest(set_dir)
    if manifest is None:
        return [f"{set_dir / MANIFEST}: missing or unreadable"], 0
    if not isinstance(manifest.get("files"), dict):
        why = "records no file hashes (made by an older render); render again with --force"
        return [f"{set_dir / MANIFEST}: {why}"], 0
    lines = [
        f"{set_dir / rel}: {why}" for rel, why in sorted(problems(set_dir, manifest, True).items())
    ]
    if newest_date(out) == date and not _points_at(out / "latest", set_dir):
        lines.append(f"{out / 'latest'}: does not point at {date}")
    return lines, len(manifest["files"])


def _points_at(link: Path, target: Path) -> bool:
    try:
        return link.is_symlink() and link.resolve() == target.resolve()
    except OSError:
        return False


def relink(out: Path, date: str) -> list[str]:
    """Put back ``latest`` and the root index when they are missing; return what was done."""
    from helpers.render.publish import _swap_symlink

    done = []
    newest = newest_date(out)
    if newest and not _points_at(out / "latest", out / newest):
        _swap_symlink(out / "latest", newest)
        done.append(f"{out / 'latest'} relinked to {newest}")
    if not (out / "index.html").is_file():
        from helpers.render.publish import write_root_index

        write_root_index(out)
        done.append(f"{out / 'index.html'} written again")
    return done
