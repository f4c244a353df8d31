"""What the browser tests share besides fixtures: paths, launch flags, render, page watching."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import PROJ_ROOT

DATE = "2026-11-22"
BROWSER_DIR = Path(__file__).parent
NODE_MODULES = BROWSER_DIR / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = PROJ_ROOT / "tests" / "artifacts"
CHROMIUM = Path(os.environ.get("TCCSD_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CONTEXT = {"viewport": {"width": 1280, "height": 900}, "locale": "vi-VN"}  # a reader's window
NPM_HINT = "run `npm ci --ignore-scripts` in tests/browser (as .ci/run does)"


def _founding(args) -> list[str]:
    """``--data`` the founding articles' package (conftest), unless the test names its own."""
    return [] if "--data" in args else ["--data", os.environ["TCCSD_TEST_FOUNDING_DATA"]]


def render(out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the render command as users do, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "helpers.render", "--out", str(out), "--date", DATE,
         *_founding(args), *args],
        capture_output=True, text=True, timeout=600, check=False, cwd=PROJ_ROOT,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def pages_of(out: Path) -> list[Path]:
    """Every HTML page of a rendered folder: the dated set (through its link) and the root index."""
    set_dir = out / DATE
    return sorted(set_dir.rglob("*.html")) + [out / "index.html"]


def report_count(out: Path) -> int:
    """How many reports the set's manifest lists (each has one HTML page besides the indexes)."""
    return len(json.loads((out / DATE / "manifest.json").read_text(encoding="utf-8"))["reports"])


def page_name(out: Path, page: Path) -> str:
    """A readable test id and artifact name for a page: "2026-11-22/provinces/dak-nong.html"."""
    return page.relative_to(out).as_posix()


@dataclass
class Watch:
    """What a page did while open: console errors, uncaught errors, requests, dialogs."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]


def watch(page) -> Watch:
    """Record everything a page does; dialogs are recorded and dismissed."""
    seen = Watch()
    page.on(
        "console", lambda msg: seen.console_errors.append(msg.text) if msg.type == "error" else None
    )
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    page.on("request", lambda request: seen.requests.append(request.url))

    def on_dialog(dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


def vnu_messages(vnu_command: list[str], files: list) -> list[dict]:
    """vnu's errors and warnings on the files (plain infos, such as `<meta ... />`, are left out)."""
    result = subprocess.run(
        [*vnu_command, "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
