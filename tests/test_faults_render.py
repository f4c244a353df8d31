"""Faults of the render, one test each: a cell that never returns, SIGTERM and SIGINT, kill -9,
unreadable inputs, errors of the system, empty options, deleted or changed outputs.

Every test renders two tiny notebooks (one sleeps as long as $TCCSD_TEST_SLEEP says) into a
private copy of one published set, and checks what a nightly run under cron must guarantee: one
line and the documented exit code, the published set byte for byte as it was, no process, staging
folder or kernel folder left behind.
"""

import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers.paths import PROJ_ROOT
from helpers.render import supervise

DATE = "2026-11-22"
SLEEP = "TCCSD_TEST_SLEEP"


def make_notebooks(folder: Path) -> Path:
    """``10-quick`` prints a line; ``20-slow`` first sleeps $TCCSD_TEST_SLEEP seconds."""
    folder.mkdir(parents=True)
    bodies = {
        "10-quick": "print('nhanh')",
        "20-slow": "import os, time\n"
        f"time.sleep(float(os.environ.get('{SLEEP}', '0')))\nprint('chậm')",
    }
    for name, body in bodies.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        params = nbformat.v4.new_code_cell('data_dir = ""\nreport_date = ""')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [
            nbformat.v4.new_markdown_cell(f"# Báo cáo {name}\n\nCâu hỏi thử?"),
            params,
            nbformat.v4.new_code_cell(body),
        ]
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


def command(out: Path, notebooks: Path, data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "helpers.render", "--out", str(out), "--date", DATE,
            "--data", str(data), *args]  # fmt: skip


def environment(notebooks: Path, sleep: float = 0) -> dict:
    return {**os.environ, "TCCSD_NOTEBOOKS_DIR": str(notebooks), SLEEP: str(sleep)}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, founding_data) -> tuple[Path, Path, Path]:
    """One published set of the tiny notebooks: (reports folder, notebooks, data)."""
    root = tmp_path_factory.mktemp("faults")
    notebooks = make_notebooks(root / "notebooks")
    out = root / "reports"
    result = subprocess.run(
        command(out, notebooks, founding_data, "--fresh"), env=environment(notebooks),
        capture_output=True, text=True, timeout=300, check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return out, notebooks, founding_data


class Render:
    """A private copy of the baseline set, and the render command pointed at it."""

    def __init__(self, baseline, tmp_path: Path):
        source, self.notebooks, self.data = baseline
        self.out = tmp_path / "reports"
        shutil.copytree(source, self.out, symlinks=True)  # copy2: sizes and mtimes as published
        self.before = snapshot(self.out / DATE)

    def args(self, *args: str) -> list[str]:
        return command(self.out, self.notebooks, self.data, *args)

    def run(
        self, *args: str, sleep: float = 0, timeout: float = 180, data: Path | None = None
    ) -> subprocess.CompletedProcess:
        """The render on this folder's data, or on ``data``."""
        return subprocess.run(
            command(self.out, self.notebooks, data or self.data, *args),
            env=environment(self.notebooks, sleep), capture_output=True,
            text=True, timeout=timeout, check=False, cwd=PROJ_ROOT,
        )  # fmt: skip

    def start(self, *args: str, sleep: float) -> subprocess.Popen:
        """The render in the background; its log goes to a file (after kill -9 its orphans would
        hold a pipe open), read by :meth:`log`."""
        self.log_path = self.out.parent / "render.log"
        with open(self.log_path, "w") as log:
            return subprocess.Popen(
                self.args(*args), env=environment(self.notebooks, sleep), stdout=log, stderr=log,
                text=True, cwd=PROJ_ROOT,
            )  # fmt: skip

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def intact(self) -> bool:
        return snapshot(self.out / DATE) == self.before

    def debris(self) -> list[str]:
        """Staging folders and run records left in the reports folder."""
        staging = self.out / ".staging"
        runs = self.out / supervise.RUNS
        return [str(p) for p in (*staging.glob("*"), *(d for d in runs.glob("*") if d.is_dir()))]

    def lock_is_free(self) -> bool:
        with open(self.out / ".render.lock", "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            fcntl.flock(fh, fcntl.LOCK_UN)
            return True

    def processes(self, settle: float = 5) -> list[int]:
        """Live processes of a render into this folder: workers and kernels carry its run folder
        in their environment. A process killed a moment ago may take ``settle`` s to go."""
        end = time.monotonic() + settle
        while (found := self._processes()) and time.monotonic() < end:
            time.sleep(0.1)
        return found

    def _processes(self) -> list[int]:
        mark = f"{supervise.RUN_DIR_ENV}={self.out}{os.sep}{supervise.RUNS}".encode()
        found = []
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                environ = (proc / "environ").read_bytes()
                state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if mark in environ and state not in ("Z", "X"):
                found.append(int(proc.name))
        return found

    def wait_for_kernels(
        self, proc: subprocess.Popen, workers: int, limit: float = 300
    ) -> list[dict]:
        """The run's records, once ``workers`` workers run and the slow report's kernel is in its
        cell (a quick report's kernel comes and goes; the slow one stays)."""
        end = time.monotonic() + limit
        seen: dict[str, dict] = {}
        while time.monotonic() < end:
            assert proc.poll() is None, self.log()[-3000:]
            records = [
                r for d in (self.out / supervise.RUNS).glob("*") if d.is_dir()
                for r in supervise.read_records(d)
            ]  # fmt: skip
            for rec in records:
                seen[f"{rec.get('role')}-{rec.get('pid')}-{rec.get('sockets')}"] = rec
            kernels = [r for r in records if r.get("role") == "kernel" and supervise.is_ours(r)]
            if sum(r.get("role") == "worker" for r in records) >= workers and kernels:
                time.sleep(1)  # into its cell
                return list(seen.values())
            time.sleep(0.2)
        proc.kill()
        raise AssertionError("the render never started its kernels")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def render(baseline, tmp_path) -> Render:
    return Render(baseline, tmp_path)


def assert_gone(render: Render, records: list[dict]) -> None:
    assert [r for r in records if supervise.is_ours(r)] == [], "a recorded process is alive"
    assert [r["sockets"] for r in records if Path(r.get("sockets", "/nonexistent")).exists()] == []
    assert render.processes() == []
    assert render.debris() == []
    assert render.lock_is_free()
    assert render.intact(), "the published set changed"


# -- 1. time limits --------------------------------------------------------------------------


def test_a_cell_past_the_timeout_fails_its_report_and_frees_the_lock(render):
    start = time.monotonic()
    result = render.run("--force", "--only", "slow", "--timeout", "2", sleep=120)  # warm
    assert result.returncode == 1, result.stderr[-3000:]
    assert time.monotonic() - start < 90, "the slow cell was waited for, or retried"
    assert re.search(
        r"FAILED 20-slow \(20-slow\.ipynb\), cell \d+: TimeoutError: .*after 2 s", result.stderr
    ), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    kept = list((render.out / ".failed").rglob("20-slow.ipynb"))
    assert kept and "TimeoutError" in kept[0].read_text(encoding="utf-8")
    assert_gone(render, [])


def test_the_whole_run_has_a_ceiling(render):
    start = time.monotonic()
    result = render.run("--force", "--fresh", "--max-run-time", "3", sleep=120)
    assert result.returncode == 1, result.stderr[-3000:]
    assert time.monotonic() - start < 60
    assert re.search(r"FAILED 20-slow .*RunTimeout: the run reached --max-run-time", result.stderr)
    assert_gone(render, [])


# -- 2. clean death --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signum", "code", "reports"),
    [(signal.SIGTERM, 143, ()), (signal.SIGINT, 130, ("--only", "slow"))],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_signal_stops_workers_and_kernels_and_removes_staging(render, signum, code, reports):
    proc = render.start("--force", "--fresh", "--jobs", "2", *reports, sleep=120)
    records = render.wait_for_kernels(proc, 1 if reports else 2)
    assert render.processes(settle=0), "the test must catch the render mid-way"
    proc.send_signal(signum)
    proc.wait(timeout=60)
    stderr = render.log()
    assert proc.returncode == code, stderr[-3000:]
    errors = [line for line in stderr.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and f"stopped by {signum.name}" in errors[0], stderr[-3000:]
    assert "Traceback" not in stderr
    assert_gone(render, records)


def test_after_kill_9_the_next_run_removes_what_was_left(render):
    proc = render.start("--force", "--fresh", "--jobs", "2", sleep=120)
    records = render.wait_for_kernels(proc, 2)
    proc.kill()
    proc.wait(timeout=60)
    assert [r for r in records if r["role"] != "main" and supervise.is_ours(r)], (
        "kill -9 leaves workers and kernels running: the next run must find them"
    )
    assert render.debris() and render.intact()
    result = render.run()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "cleaned up after a killed run" in result.stderr
    assert "nothing changed" in result.stderr, "the killed run must not have touched the set"
    assert_gone(render, records)


# -- 3. validate before anything reads -------------------------------------------------------


def test_unreadable_inputs_are_data_errors_never_a_hang(render, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(render.data, data)
    (data / "figures.csv").unlink()
    os.mkfifo(data / "figures.csv")  # opening it would block for ever
    (data / "sources.csv").unlink()
    (data / "sources.csv").mkdir()
    (data / "articles").mkdir(exist_ok=True)
    os.mkfifo(data / "articles" / "S999.txt")
    result = render.run("--force", data=data, timeout=60)
    assert result.returncode == 3, result.stderr[-3000:]
    assert "figures.csv: not a regular file: a FIFO" in result.stderr
    assert "sources.csv: not a regular file: a directory" in result.stderr
    assert "articles/S999.txt: not a regular file: a FIFO" in result.stderr
    assert "Traceback" not in result.stderr
    assert_gone(render, [])


def test_invalid_data_stops_the_kernels_started_during_validation(render, tmp_path):
    """A full run starts its workers and kernels while it validates; invalid data stops them."""
    data = tmp_path / "data"
    shutil.copytree(render.data, data)
    figures = (data / "figures.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    header = figures[0].rstrip("\n").split(",")
    row = figures[1].split(",")
    row[header.index("value")] = "inf"
    figures[1] = ",".join(row)
    (data / "figures.csv").write_text("".join(figures), encoding="utf-8")
    result = render.run("--force", "--jobs", "2", data=data, timeout=120)
    assert result.returncode == 3, result.stderr[-3000:]
    assert "figures.csv:2: column 'value': value 'inf'" in result.stderr
    assert "starting 2 worker(s) while the data is validated" in result.stderr
    assert "Traceback" not in result.stderr
    assert_gone(render, [])


# -- 5. errors of the system -----------------------------------------------------------------


def test_out_under_a_file_is_one_line(render, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = subprocess.run(
        command(blocker / "reports", render.notebooks, render.data), env=environment(render.notebooks),
        capture_output=True, text=True, timeout=60, check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{blocker} is a file, not a folder" in lines[0], result.stderr


FULL_DISK = """
import errno, sys
import helpers.render.command as command
def full(staging, *args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", str(staging / "manifest.json"))
command.write_manifest = full
sys.argv = ["render", *sys.argv[1:]]
command.main()
"""


def test_a_full_disk_is_one_line_and_caps_jobs(render):
    """ENOSPC while the set is written (simulated: root ignores quotas and this machine has no
    small disk to fill); --jobs 1000 is capped at the reports to execute."""
    args = render.args("--force", "--fresh", "--jobs", "1000", "--only", "quick")[3:]
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *args], env=environment(render.notebooks),
        capture_output=True, text=True, timeout=180, check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    assert "--jobs 1000 capped at 1: 1 report(s) to execute" in result.stderr
    errors = [line for line in result.stderr.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "manifest.json: No space left on device" in errors[0], errors
    assert "Traceback" not in result.stderr
    assert_gone(render, [])


READ_ONLY = """
import errno, sys
import helpers.render.command as command
class ReadOnly:
    def __init__(self, out):
        self.path = out / ".render.lock"
    def __enter__(self):
        raise OSError(errno.EROFS, "Read-only file system", str(self.path))
    def __exit__(self, *exc):
        return False
command.RenderLock = ReadOnly
sys.argv = ["render", *sys.argv[1:]]
command.main()
"""


def test_a_read_only_disk_is_one_line(render):
    """EROFS where the render first writes (simulated: no read-only mount without privileges)."""
    result = subprocess.run(
        [sys.executable, "-c", READ_ONLY, *render.args("--force")[3:]],
        env=environment(render.notebooks), capture_output=True, text=True, timeout=60,
        check=False, cwd=PROJ_ROOT,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ".render.lock: Read-only file system" in lines[0], lines
    assert_gone(render, [])


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_reports_folder_is_one_line(render):
    render.out.chmod(0o555)
    try:
        result = render.run("--force")
    finally:
        render.out.chmod(0o755)
    assert result.returncode == 1
    assert "Permission denied" in result.stderr and "Traceback" not in result.stderr
    assert render.intact()


def test_jobs_are_capped_by_memory(monkeypatch, caplog):
    from helpers.render import command as render_command

    monkeypatch.setattr(render_command, "_mem_available_mb", lambda: 900)
    with caplog.at_level("INFO", logger="helpers.render"):
        assert render_command._workers(64, 63) == 2
    assert "--jobs 64 capped at 2: memory for 2 (900 MB available" in caplog.text


def test_empty_only_or_province_is_a_usage_error(render):
    for option in ("--only", "--province"):
        result = render.run(option, "")
        assert result.returncode == 2 and "must not be empty" in result.stderr, result.stderr


# -- 6. trust files, not memory --------------------------------------------------------------


def test_deleted_outputs_are_put_back_and_verify_checks_every_byte(render):
    set_dir = render.out / DATE
    (render.out / "latest").unlink()
    (render.out / "index.html").unlink()
    result = render.run()
    assert result.returncode == 0 and "nothing changed" in result.stderr, result.stderr[-3000:]
    assert (render.out / "latest").resolve() == set_dir.resolve()
    assert f'href="{DATE}/index.html"' in (render.out / "index.html").read_text(encoding="utf-8")

    (set_dir / "20-slow.html").unlink()
    result = render.run("--fresh")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "rendered again: 20-slow" in result.stderr and "1 to execute" in result.stderr
    assert (set_dir / "20-slow.html").is_file()
    assert render.run("--verify").returncode == 0

    page = set_dir / "10-quick.html"  # same size, same mtime: only a hash can tell
    stat, markup = page.stat(), bytearray(page.read_bytes())
    markup[-2] = ord("X") if markup[-2] != ord("X") else ord("Y")
    page.write_bytes(bytes(markup))
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = render.run("--verify")
    assert result.returncode == 1
    assert f"{page}: content differs from the manifest (SHA-256)" in result.stdout
    manifest = json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) >= {"index.html", "10-quick.html", "notebooks/20-slow.ipynb"}
