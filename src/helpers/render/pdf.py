"""Print a rendered set to PDF with headless Chromium, for forwarding in chat apps.

``tccsd render --pdf`` writes ``x.pdf`` beside every ``x.html`` of the set (the reports, the
province profiles and the set index). Chromium from the system does the printing (Debian's
``chromium``, found on PATH or named by ``$TCCSD_CHROMIUM``), through its command line only:
the render needs no test dependency. The page style has an A4 print sheet, and the fonts come
from the system: Debian's ``fonts-dejavu-core`` covers Vietnamese.

Each PDF is written to a temporary name and renamed into place, and only a PDF older than its
HTML (or missing) is printed again, so a run with nothing changed prints nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helpers.errors import RenderError

CHROMIUM_NAMES = ("chromium", "chromium-browser")
MISSING = (
    "--pdf needs Chromium to print the pages: install it with "
    "`apt-get install chromium fonts-dejavu-core` (Debian/Ubuntu), or set TCCSD_CHROMIUM "
    "to a Chromium or Chrome binary"
)
FLAGS = (
    "--headless",
    "--no-sandbox",  # the render often runs as root (cron, containers)
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",  # no file path and date stamped on every page
)
TIMEOUT_S = 120


def find_chromium() -> str | None:
    """The Chromium binary: ``$TCCSD_CHROMIUM`` when set, else ``chromium`` on PATH."""
    named = os.environ.get("TCCSD_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) and Path(named).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pages(set_dir: Path) -> list[Path]:
    """Every page of a set that gets a PDF: the reports, the profiles and the index."""
    return sorted(
        p for p in set_dir.rglob("*.html") if "notebooks" not in p.relative_to(set_dir).parts
    )


def print_pdf(chromium: str, html: Path, pdf: Path) -> Path:
    """Print one page to ``pdf``; raises :class:`RenderError` naming the page when it fails."""
    tmp = pdf.with_name(f".{pdf.stem}.{os.getpid()}.tmp.pdf")
    with tempfile.TemporaryDirectory(prefix="tccsd-chromium-") as profile:
        try:
            result = subprocess.run(
                [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp}",
                 html.resolve().as_uri()],
                capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            tmp.unlink(missing_ok=True)
            raise RenderError(f"Chromium took over {TIMEOUT_S} s to print {html}") from None
    ok = result.returncode == 0 and tmp.is_file() and tmp.read_bytes()[:5] == b"%PDF-"
    if not ok:
        tmp.unlink(missing_ok=True)
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise RenderError(f"Chromium could not print {html} (exit {result.returncode}): {last}")
    os.replace(tmp, pdf)
    return pdf


def print_set(set_dir: Path, jobs: int = 1, chromium: str | None = None) -> list[Path]:
    """A PDF beside every page of ``set_dir`` whose PDF is missing or older than its HTML.

    Returns the PDFs printed (none when every PDF is current).
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise RenderError(MISSING)
    todo = []
    for html in pages(set_dir):
        pdf = html.with_suffix(".pdf")
        if not pdf.is_file() or pdf.stat().st_mtime < html.stat().st_mtime:
            todo.append((html, pdf))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda pair: print_pdf(chromium, *pair), todo))
