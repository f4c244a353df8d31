"""Browser fixtures: headless Chromium through Playwright, pinned axe-core and vnu, rendered sets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browserkit import ARTIFACTS, AXE_JS, CHROMIUM, CONTEXT, LAUNCH_ARGS, NPM_HINT, VNU_JAR


@pytest.fixture(scope="session")
def real_reports(rendered) -> Path:
    """The real data rendered once per session (tests/conftest.py, shared with test_render.py);
    the folder holds ``DATE/`` and ``index.html``."""
    out, _ = rendered
    return out


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Chromium from Debian; the browser tests skip, never pass, where it is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium (as .ci/run does)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Chromium for the session, with a fresh profile (Playwright's own temp dir)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed: install the locked test extra"
    )
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=LAUNCH_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser context per test, closed afterwards."""
    ctx = browser.new_context(**CONTEXT)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, pinned in tests/browser/package-lock.json."""
    if not AXE_JS.is_file():
        pytest.skip(f"axe-core not installed at {AXE_JS}: {NPM_HINT}")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu HTML Checker (vnu.jar from the pinned npm package vnu-jar), run with Java."""
    if not VNU_JAR.is_file():
        pytest.skip(f"vnu.jar not installed at {VNU_JAR}: {NPM_HINT}")
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java not found: apt-get install default-jre-headless (as .ci/run does)")
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/ (git-ignored): screenshots a reviewer can open after a run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
