"""The render command: a complete, self-contained, reproducible set, or nothing published at all."""

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import NOTEBOOKS_DIR, PROJ_ROOT

DATE = "2026-11-22"


def _founding(args) -> list[str]:
    """``--data`` the founding articles' package (conftest), unless the test names its own."""
    return [] if "--data" in args else ["--data", os.environ["TCCSD_TEST_FOUNDING_DATA"]]


def render(out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers.render", "--out", str(out), "--date", DATE,
         *_founding(args), *args],
        capture_output=True, text=True, timeout=600, check=False, env={**os.environ, **(env or {})}, cwd=PROJ_ROOT,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def published(rendered):
    """The session's render of the bundled data (conftest), shared with the browser tests."""
    return rendered


@pytest.fixture(scope="module")
def fresh_set(tmp_path_factory) -> Path:
    """A second render of the same inputs into a new folder, a fresh kernel for every report."""
    fresh = tmp_path_factory.mktemp("fresh")
    result = render(fresh, "--fresh", "--jobs", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    return fresh


def html_files(set_dir: Path) -> list[Path]:
    return sorted(set_dir.rglob("*.html"))


def test_set_layout(published):
    out, result = published
    set_dir = out / DATE
    assert (set_dir / "index.html").is_file() and (set_dir / "manifest.json").is_file()
    assert (out / "latest").resolve() == set_dir.resolve()
    assert (out / "index.html").is_file() and f'href="{DATE}/index.html"' in (
        out / "index.html"
    ).read_text()
    names = {p.relative_to(set_dir).as_posix() for p in html_files(set_dir)}
    assert {"10-data-inventory.html", "20-classification.html", "30-recruitment.html"} <= names
    # a profile per province with figures and per merged unit holding one; none for Quảng Trị
    assert {
        "provinces/dak-nong.html",
        "provinces/ninh-thuan.html",
        "provinces/lam-dong-2025.html",
        "provinces/khanh-hoa-2025.html",
    } <= names
    assert "provinces/quang-tri.html" not in names
    assert all(re.fullmatch(r"[a-z0-9/._-]+", n) for n in names), "file names must be ASCII slugs"
    assert len(list((set_dir / "notebooks").rglob("*.ipynb"))) == 7
    manifest = json.loads((set_dir / "manifest.json").read_text())
    assert manifest["status"] == "complete" and len(manifest["reports"]) == 7
    assert all(r["status"] == "executed" and r["duration_s"] > 0 for r in manifest["reports"])
    assert {"data", "helpers", "lock"} <= set(manifest["inputs"]) and manifest["packages"][
        "papermill"
    ]
    assert re.search(r"\[\d/7\] ", result.stderr), "plain progress lines when not on a terminal"


def test_index_links_every_report_with_its_finding(published):
    out, _ = published
    set_dir = out / DATE
    index = (set_dir / "index.html").read_text(encoding="utf-8")
    for page in html_files(set_dir):
        rel = page.relative_to(set_dir).as_posix()
        if rel != "index.html":
            assert f'href="{rel}"' in index, rel
    assert "1.395" in index or "389 TCCSĐ" in index


def test_html_is_self_contained_and_clean(published):
    out, _ = published
    for page in html_files(out / DATE):
        markup = page.read_text(encoding="utf-8")
        assert '<html lang="vi">' in markup, page
        assert "<script" not in markup.lower(), page
        assert "import helpers" not in markup and "report_date" not in markup, (
            f"code or parameters in {page}"
        )
        assert "Traceback" not in markup and 'class="error' not in markup, page
        for attr, url in re.findall(r'\b(src|href)\s*=\s*"([^"]*)"', markup):
            if attr == "src":
                assert url.startswith("data:image/"), (page, url)
            else:
                assert (
                    not re.match(r"^(https?:)?//", url)
                    or url.startswith(("http://", "https://"))
                    and attr == "href"
                ), (page, url)
                assert not url.endswith((".css", ".js")), (page, url)
        assert "@import" not in markup and "url(" not in markup, page
        assert (
            re.search(r'<nav aria-label="Mục lục" class="toc">|<nav class="toc"', markup)
            or page.name == "index.html"
        )
    chart_page = (out / DATE / "20-classification.html").read_text(encoding="utf-8")
    assert chart_page.count('src="data:image/svg+xml;base64,') >= 2
    assert re.search(
        r'<img alt="Biểu đồ[^"]+" src="data:image/svg\+xml|<img src="data:image/svg\+xml[^"]+" alt="Biểu đồ',
        chart_page,
    )


def test_toc_links_land_on_headings(published):
    out, _ = published
    page = (out / DATE / "30-recruitment.html").read_text(encoding="utf-8")
    toc = re.search(r'<ol class="toc-list">(.*?)</ol>', page, re.DOTALL).group(1)
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert "phat-hien-chinh" in targets and "nguon" in targets
    for target in targets:
        assert f'id="{target}"' in page


def test_nothing_changed_executes_nothing(published):
    out, _ = published
    before = snapshot(out / DATE)
    mtimes = {p: p.stat().st_mtime_ns for p in (out / DATE).rglob("*")}
    result = render(out)
    assert result.returncode == 0 and "nothing changed" in result.stderr
    assert snapshot(out / DATE) == before
    assert {p: p.stat().st_mtime_ns for p in (out / DATE).rglob("*")} == mtimes


def test_same_inputs_same_bytes(published, fresh_set):
    """A second, separate render of the same inputs writes the same bytes.

    The second render is the ``--fresh`` one of the test below: new processes, new kernels, a
    new folder, so nothing of the first run can carry over into its bytes.
    """
    out, _ = published
    first = (out / DATE / "20-classification.html").read_bytes()
    again = (fresh_set / DATE / "20-classification.html").read_bytes()
    assert again == first, "the same inputs rendered twice gave different bytes"


def test_failing_notebook_leaves_previous_set_intact(published, tmp_path):
    out, _ = published
    before = snapshot(out / DATE)
    notebooks = tmp_path / "notebooks"
    shutil.copytree(
        NOTEBOOKS_DIR, notebooks, ignore=shutil.ignore_patterns("*.ipynb_checkpoints", "kernel-*")
    )
    nb_path = notebooks / "20-classification.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    nb["cells"].insert(
        4,
        {
            "cell_type": "code",
            "id": "boom",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "import os\nos.write(2, b'kernel stderr: boom\\n')\n"
            "raise RuntimeError('boom: made to fail')",
        },
    )
    nb_path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    result = render(out, "--only", "classification", env={"TCCSD_NOTEBOOKS_DIR": str(notebooks)})
    assert result.returncode == 1
    assert re.search(
        r"FAILED 20-classification .*cell \d+: RuntimeError: boom: made to fail", result.stderr
    ), result.stderr[-2000:]
    assert snapshot(out / DATE) == before
    kept = list((out / ".failed").rglob("20-classification.ipynb"))
    assert kept, "the failed executed notebook is kept for diagnosis"
    # what the kernel process wrote on its own stderr is kept beside it, not shown to cron
    assert "kernel stderr: boom" not in result.stderr
    logs = list((out / ".failed").rglob("kernels/kernel-*.log"))
    assert any("kernel stderr: boom" in log.read_text() for log in logs), logs


def test_second_run_while_one_is_going_exits_clearly(published):
    out, _ = published
    with open(out / ".render.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fh.write("pid 1 since test")
        fh.flush()
        result = render(out, "--force")
        fcntl.flock(fh, fcntl.LOCK_UN)
    assert result.returncode == 75
    assert "another render is running" in result.stderr


def test_unknown_province_option_is_a_usage_error(tmp_path):
    result = render(tmp_path, "--province", "Atlantis")
    assert result.returncode == 2 and "unknown province" in result.stderr
    result = render(tmp_path, "--date", "22/11/2026")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_invalid_data_executes_and_publishes_nothing(tmp_path):
    from helpers.paths import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    figures = data / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(",95,percent,", ",195,percent,", 1),
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    result = render(out, "--data", str(data))
    assert result.returncode == 3
    assert "figures.csv:" in result.stderr and "percent in 0..100" in result.stderr
    assert not (out / DATE).exists()


def test_warm_and_fresh_kernels_give_identical_reports(published, fresh_set):
    out, _ = published
    manifest = json.loads((out / DATE / "manifest.json").read_text())
    assert {r["mode"] for r in manifest["reports"]} == {"warm"}
    fresh = fresh_set
    assert {
        r["mode"] for r in json.loads((fresh / DATE / "manifest.json").read_text())["reports"]
    } == {"fresh"}
    warm_pages = {p.relative_to(out / DATE): p.read_bytes() for p in html_files(out / DATE)}
    fresh_pages = {p.relative_to(fresh / DATE): p.read_bytes() for p in html_files(fresh / DATE)}
    assert warm_pages.keys() == fresh_pages.keys()
    assert [k for k in warm_pages if warm_pages[k] != fresh_pages[k]] == []


def test_no_change_run_imports_nothing_heavy(published):
    out, _ = published
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "helpers.render", "--out", str(out), "--date", DATE,
         *_founding(())],
        capture_output=True, text=True, timeout=60, check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 0 and "nothing changed" in result.stderr
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    heavy = {
        "pandas",
        "numpy",
        "matplotlib",
        "jsonschema",
        "nbformat",
        "nbconvert",
        "papermill",
        "jupyter_client",
        "frictionless",
        "rfc3987_syntax",
    }
    assert imported & heavy == set()


def test_what_the_render_key_leaves_out_is_used_by_no_report():
    """``plan.NOT_IN_REPORTS`` (the curation assistant) is outside the reports' key, so no
    notebook and no module a report can reach may use it; only the commands that run it do."""
    from helpers.render.plan import NOT_IN_REPORTS, PACKAGE_DIR, _report_sources

    commands = {PACKAGE_DIR / "cli.py", PACKAGE_DIR / "render" / "bench.py"}
    for name in NOT_IN_REPORTS:
        uses = re.compile(rf"helpers\.{name}\b|from helpers import .*\b{name}\b|from \.+{name}\b")
        for path in [*NOTEBOOKS_DIR.glob("*.ipynb"), *_report_sources()]:
            if path not in commands:
                assert not uses.search(path.read_text(encoding="utf-8")), f"{path} uses {name}"
        assert not any(name in p.relative_to(PACKAGE_DIR).parts for p in _report_sources())


def test_the_curated_data_renders_every_report(tmp_path):
    """The data as shipped renders: a newly curated article that no chart can draw (two shares
    for one tier, say) fails here, not in the unattended job that publishes the reports."""
    import helpers
    from helpers.paths import DATA_DIR

    out = tmp_path / "reports"
    result = render(out, "--data", str(DATA_DIR), "--jobs", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    provinces = set(helpers.load_package(DATA_DIR).figures["province"].dropna())
    pages = {p.stem for p in (out / DATE / "provinces").glob("*.html")}
    assert len(pages) >= len(provinces) and not (out / ".failed").exists()
