"""Publish a rendered set atomically, under a lock, with its manifest and index pages.

A set is built in a staging folder; :func:`publish` moves it into ``.builds/`` and flips the
``reports/<date>`` and ``reports/latest`` links in one rename each, so a reader never sees half a
set. :class:`RenderLock` keeps two runs from interleaving.
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import json
import os
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

from helpers.errors import LockError
from helpers.render.plan import Job


class RenderLock:
    """An exclusive lock on the reports folder, so two runs never interleave."""

    def __init__(self, out: Path):
        self.path = out / ".render.lock"
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "unknown"
            self.fh.close()
            raise LockError(
                f"another render is running ({holder}); try again when it ends"
            ) from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        self.fh.seek(0)
        self.fh.truncate()
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def read_manifest(set_dir: Path) -> dict | None:
    try:
        return json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _swap_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` atomically (rename over the old link)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(staging: Path, out: Path, date: str) -> Path:
    """Move a complete staging set into place; ``reports/<date>`` and ``reports/latest`` flip atomically."""
    builds = out / ".builds"
    builds.mkdir(parents=True, exist_ok=True)
    final = builds / f"{date}--{staging.name}"
    os.rename(staging, final)
    link = out / date
    old = link.resolve() if link.is_symlink() else None
    if link.exists() and not link.is_symlink():  # a real folder from elsewhere: keep it aside
        os.rename(link, builds / f"{date}--legacy-{os.getpid()}")
    _swap_symlink(link, os.path.relpath(final, out))
    dates = sorted(p.name for p in out.iterdir() if p.is_symlink() and is_date(p.name))
    if dates and dates[-1] == date:
        _swap_symlink(out / "latest", date)
    if old and old != final and old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    write_root_index(out)
    return link


def is_date(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
        return len(name) == 10
    except ValueError:
        return False


def write_root_index(out: Path) -> None:
    """``reports/index.html``: every published date, newest first."""
    from helpers.render.pages import page_html

    links = (p for p in out.iterdir() if p.is_symlink() and is_date(p.name))
    days = [
        {
            "name": link.name,
            "label": f"{dt.date.fromisoformat(link.name):%d/%m/%Y}",
            "count": len((read_manifest(link) or {}).get("reports", [])),
        }
        for link in sorted(links, reverse=True)
    ]
    html = page_html(
        "root_index.html.j2",
        title="Báo cáo thống kê xây dựng Đảng",
        date_vi="",
        date_iso="",
        data_version="",
        index_href="index.html",
        sources=[],
        days=days,
    )
    tmp = out / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out / "index.html")


def write_set_index(staging: Path, jobs: list[Job], page: dict, summary) -> None:
    """``reports/<date>/index.html``: the answer first, then every report with its finding.

    Key-number cards and the table of target attainment come from ``summary`` (worked out by
    the render while the reports run, see :mod:`helpers.render.summary`); then the reports, each with its one-line key finding.
    """
    from helpers.render.pages import page_html

    html = page_html(
        "set_index.html.j2",
        title="Bộ báo cáo thống kê xây dựng Đảng",
        date_vi=page["date_vi"],
        date_iso=page["date_iso"],
        data_release=page.get("data_release", ""),
        data_code=page.get("data_code", ""),
        index_href="../index.html",
        sources=page["sources"],
        summary=summary,
        cross=[j for j in jobs if "/" not in j.name],
        profiles=[j for j in jobs if "/" in j.name],
    )
    (staging / "index.html").write_text(html, encoding="utf-8")


def write_manifest(
    staging: Path, date: str, data_dir: Path, page: dict, inputs: dict, jobs
) -> None:
    """``manifest.json``: inputs, package versions, each report's key, status and timing, and
    the SHA-256, size and mtime of every other file of the set (``render --verify`` checks them;
    a run with nothing to do checks sizes and mtimes). Written last, once the set is complete."""
    from helpers.render.integrity import file_table

    manifest = {
        "date": date,
        "status": "complete",
        "data_dir": str(data_dir.resolve()),
        "data_version": page["data_version"],
        "inputs": inputs,
        "packages": package_versions(),
        "python": sys.version.split()[0],
        "reports": [asdict(j) for j in jobs],
        "files": file_table(staging),
    }
    (staging / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def page_data(data_dir: Path, date: str, inputs: dict[str, str]) -> dict:
    """Header and footer data shared by every page of a set."""
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    with open(data_dir / "sources.csv", encoding="utf-8", newline="") as fh:
        sources = [
            {k: row.get(k, "") for k in ("source_id", "headline", "byline", "outlet", "published")}
            for row in csv.DictReader(fh)
        ]
    for source in sources:
        if source["published"]:
            source["published"] = f"{dt.date.fromisoformat(source['published']):%d/%m/%Y}"
    day = dt.date.fromisoformat(date)
    release, code = str(descriptor.get("version", "?")), inputs["data"][:12]
    return {
        "date_iso": date,
        "date_vi": f"{day:%d/%m/%Y}",
        "data_version": f"{release} · {code}",
        "data_release": release,  # the footer: "Dữ liệu: phiên bản 2.0.0, mã 4ca1dd46f429"
        "data_code": code,
        "data_dir": str(data_dir),  # the set index reads the figures for its key numbers
        "sources": sources,
    }


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in (
        "pandas",
        "matplotlib",
        "seaborn",
        "papermill",
        "nbconvert",
        "nbclient",
        "frictionless",
        "babel",
    ):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out
