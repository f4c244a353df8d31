"""Benchmark the render against plain papermill + nbconvert on 63 synthetic provinces.

Prints a table of wall times and the ratios the performance targets are stated in:
(a) the papermill CLI then the ``jupyter nbconvert --to html`` CLI for each report, one after
another; (b) the papermill Python API and nbconvert's HTMLExporter in one process; (c) our render
from cold; (d) our render again with nothing changed; plus the marginal cost of one more report
(worker seconds per warm report) and the peak memory of the whole render's process tree.

``--sample N`` times (a) and (b) on N of the reports and scales them to the full count (they are
sequential, so the scaling is linear); without it every report is run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import click

from helpers.data.synthetic import make_synthetic
from helpers.paths import NOTEBOOKS_DIR
from helpers.render.plan import plan

DATE = "2026-11-22"
BIN = Path(sys.executable).parent


def sample_jobs(jobs: list, n: int | None) -> tuple[list, float]:
    """Every cross-province report plus ``n`` evenly spaced profiles, and the profiles' scale."""
    cross = [j for j in jobs if "/" not in j.name]
    profiles = [j for j in jobs if "/" in j.name]
    if not n or n >= len(profiles):
        return jobs, 1.0
    step = len(profiles) / n
    return cross + [profiles[int(i * step)] for i in range(n)], len(profiles) / n


def papermill_args(job) -> list[str]:
    args = []
    for key, value in job.parameters.items():
        args += ["-p", key, str(value)]
    return args


def run_cli(jobs: list, work: Path, env: dict, scale: float) -> float:
    """(a) papermill CLI, then nbconvert CLI, per report (profiles scaled to their full count)."""
    total = 0.0
    for i, job in enumerate(jobs):
        start = time.perf_counter()
        out = work / f"a-{i}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(NOTEBOOKS_DIR / job.notebook),
                str(out),
                "--cwd",
                str(NOTEBOOKS_DIR),
                "--log-level",
                "ERROR",
                *papermill_args(job),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        total += (time.perf_counter() - start) * (scale if "/" in job.name else 1.0)
    return total


API_SCRIPT = """
import json, sys, time
import papermill as pm
from nbconvert import HTMLExporter
jobs = json.loads(sys.argv[1]); work = sys.argv[2]; nbdir = sys.argv[3]
exporter = HTMLExporter()
times = []
for i, job in enumerate(jobs):
    start = time.perf_counter()
    out = f"{work}/b-{i}.ipynb"
    nb = pm.execute_notebook(f"{nbdir}/{job['notebook']}", out, parameters=job["parameters"], cwd=nbdir, progress_bar=False)
    body, _ = exporter.from_notebook_node(nb)
    open(f"{work}/b-{i}.html", "w", encoding="utf-8").write(body)
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def run_api(jobs: list, work: Path, env: dict, scale: float) -> float:
    """(b) papermill API + HTMLExporter in one process; per-report times come back as JSON."""
    payload = json.dumps(
        [{"notebook": j.notebook, "parameters": j.parameters} for j in jobs], ensure_ascii=False
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", API_SCRIPT, payload, str(work), str(NOTEBOOKS_DIR)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - start
    times = json.loads(done.stdout.strip().splitlines()[-1])
    extra = sum(t * (scale - 1) for t, j in zip(times, jobs, strict=True) if "/" in j.name)
    return total + extra


class PeakMemory:
    """Samples the memory of a process tree (render, its workers and their kernels, or a
    validation and its forked child), and the CPU time each of its processes used, as last seen.

    ``peak`` sums each process's PSS, where a page shared by n processes counts 1/n in each (so
    the tree's memory counts it once, as the machine holds it once); ``peak_rss`` sums RSS, which
    counts a shared page once per process (a forked child's pages, every kernel's libraries).

    The watching has a cost on a two-core machine: PSS walks each process's page tables (about
    1.5 ms a process at 400 MB), and sampling a render's eight processes every 0.05 s took 15 s of
    CPU and slowed the render by 7 s. So ``interval`` is the pause between samples, and ``pss``
    False reads RSS alone (a cheap read), where the memory is not what is measured."""

    def __init__(self, pid: int, interval: float = 0.05, pss: bool = True):
        import psutil

        self.interval, self.pss = interval, pss
        self.root = psutil.Process(pid)
        self.peak = self.peak_rss = 0
        self.cpu: dict[tuple[int, float], float] = {}  # (pid, start time): CPU seconds
        self.machine_busy = _machine_busy()
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        import psutil

        while self.running:
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                total = total_rss = 0
                for proc in procs:
                    try:
                        memory = _memory(proc) if self.pss else proc.memory_info()
                        total += getattr(memory, "pss", memory.rss)
                        total_rss += memory.rss
                        times = proc.cpu_times()
                        self.cpu[proc.pid, proc.create_time()] = times.user + times.system
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
                self.peak_rss = max(self.peak_rss, total_rss)
            except psutil.Error:
                pass
            time.sleep(self.interval)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        self.machine_busy = _machine_busy() - self.machine_busy
        return self.peak

    def cpu_note(self, wall: float) -> str:
        """The tree's CPU seconds, and what the rest of the machine used meanwhile: on a shared
        machine a wall time says little without it."""
        own = sum(self.cpu.values())
        other = max(self.machine_busy - own, 0.0)
        cores = os.cpu_count() or 1
        return (
            f"CPU {own:.1f} s in its processes ({own / wall:.2f} of {cores} cores); "
            f"other processes used {other:.1f} s meanwhile"
        )


def _memory(proc):
    """RSS and, where the system tells it (Linux: smaps_rollup, under a millisecond), PSS."""
    import psutil

    try:
        return proc.memory_full_info()
    except (psutil.AccessDenied, NotImplementedError):
        return proc.memory_info()


def _machine_busy() -> float:
    """CPU seconds every process of the machine has used since boot (not idle, not waiting)."""
    import psutil

    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def run_render(
    data: Path, out: Path, env: dict, jobs: int
) -> tuple[float, tuple[int, int], subprocess.CompletedProcess]:
    cmd = [
        sys.executable,
        "-m",
        "helpers.render",
        "--data",
        str(data),
        "--out",
        str(out),
        "--date",
        DATE,
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid, interval=0.25)  # a render's peak lasts, unlike a validation's
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    peak = memory.stop(), memory.peak_rss  # PSS summed, RSS summed
    result = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    if proc.returncode != 0:
        raise SystemExit(f"render failed:\n{stderr[-3000:]}")
    return elapsed, peak, result


ASSISTANT_TARGET_S = 0.5


def time_assistant(articles: Path | None = None) -> tuple[int, float, float]:
    """Run the curation assistant (``helpers.extract``) on every article of ``data/articles``
    once to warm its imports, then time each article; returns (articles, median s, max s)."""
    from helpers.extract.engine import extract_file
    from helpers.paths import DATA_DIR

    paths = sorted((articles or DATA_DIR / "articles").glob("S*.txt"))
    if paths:
        extract_file(paths[0], paths[0].stem)
    times = []
    for path in paths:
        start = time.perf_counter()
        extract_file(path, path.stem)
        times.append(time.perf_counter() - start)
    if not times:
        return 0, 0.0, 0.0
    return len(times), statistics.median(times), max(times)


def print_assistant_timing() -> None:
    """The assistant's seconds per article against its target (a printed ratio, not a test)."""
    n, median, worst = time_assistant()
    print(
        f"curation assistant on {n} articles: median {median:.3f} s, max {worst:.3f} s per "
        f"article   target <= {ASSISTANT_TARGET_S} s (max/target {worst / ASSISTANT_TARGET_S:.2f})"
    )


SCALE_ROWS = 200_000
SCALE_LIMITS = {"validate_s": 5.0, "validate_mb": 500, "render_s": 60.0, "page_mb": 2.0}


SPEED_LOOP = 5_000_000  # additions in a plain Python loop: the yardstick of the machine's state


def machine_speed(n: int = SPEED_LOOP) -> float:
    """CPU seconds of ``n`` additions in a plain Python loop.

    The same machine has run this loop up to 2.3 times slower at one hour than another (shared
    hosts, frequency scaling), so every timing of the scale bench is printed beside it: a
    render's seconds mean little without the speed of the machine that gave them."""
    start, total = time.process_time(), 0
    for i in range(n):
        total += i
    return time.process_time() - start


def _speed_line(when: str) -> str:
    return f"machine speed ({when}): {SPEED_LOOP:,} additions in {machine_speed():.2f} s CPU"


def scale_bench(rows: int = SCALE_ROWS, render_timeout: float = 900) -> None:
    """Validate and render a synthetic package of ``rows`` figure rows; print the times, the
    peak memory of validation, the largest page and each against its limit (a ratio)."""
    with tempfile.TemporaryDirectory(prefix="tccsd-scale-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        data = make_synthetic(
            root / "data", root / "seeds", years=range(1990, 2020), sources_per_province=10,
            rows=rows,
        )  # fmt: skip
        made = time.perf_counter() - start
        env = {**os.environ, "TCCSD_SEEDS_DIR": str(root / "seeds")}
        size = (data / "figures.csv").stat().st_size
        print(_speed_line("before"))
        print(
            f"synthetic package: {rows} figure rows ({size / 2**20:.1f} MB), made in {made:.1f} s"
        )
        cmd = [sys.executable, "-m", "helpers", "validate", "--data", str(data)]
        proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        memory = PeakMemory(proc.pid, interval=0.1)
        start = time.perf_counter()
        out, err = proc.communicate()
        elapsed, peak = time.perf_counter() - start, memory.stop() / 2**20
        cpu = os.times()
        print(f"validate: exit {proc.returncode}, {elapsed:.1f} s wall "
              f"(children's CPU so far {cpu.children_user + cpu.children_system:.1f} s), "
              f"peak memory {peak:.0f} MB (PSS summed; RSS summed {memory.peak_rss / 2**20:.0f} MB)")  # fmt: skip
        print(f"  {memory.cpu_note(elapsed)}")
        if proc.returncode:
            print("  " + (out or err).strip().splitlines()[-1])
        limit_s, limit_mb = SCALE_LIMITS["validate_s"], SCALE_LIMITS["validate_mb"]
        print(f"  time/limit {elapsed / limit_s:.2f} (limit {limit_s:g} s), "
              f"memory/limit {peak / limit_mb:.2f} (limit {limit_mb} MB)")  # fmt: skip
        cmd = [sys.executable, "-m", "helpers.render", "--data", str(data),
               "--out", str(root / "reports"), "--date", DATE, "--jobs", "2"]  # fmt: skip
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        tree = PeakMemory(proc.pid, interval=0.5, pss=False)  # its CPU; memory has no limit here
        try:
            _, err = proc.communicate(timeout=render_timeout)
            code, tail = proc.returncode, (err.strip().splitlines() or [""])[-1]
        except subprocess.TimeoutExpired:  # SIGTERM: the render stops its workers and kernels
            done = list((root / "reports").glob(".staging/*/**/*.html"))  # pages made so far
            sizes = sorted(p.stat().st_size for p in done if p.is_file())
            print(f"render: {len(done)} pages made before the time limit, largest "
                  f"{(sizes or [0])[-1] / 2**20:.2f} MB")  # fmt: skip
            proc.terminate()
            try:
                proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
            code, tail = "timeout", f"stopped (SIGTERM) after {render_timeout:g} s"
        elapsed = time.perf_counter() - start
        tree.stop()
        pages = sorted((root / "reports").glob(f"{DATE}/**/*.html"), key=lambda p: p.stat().st_size)
        biggest = pages[-1] if pages else None
        page_mb = biggest.stat().st_size / 2**20 if biggest else 0.0
        print(f"render: exit {code}, {elapsed:.1f} s wall, {len(pages)} pages; {tail}")
        print(f"  {tree.cpu_note(elapsed)}")
        if biggest:
            print(
                f"  largest page: {biggest.relative_to(root / 'reports' / DATE)} {page_mb:.2f} MB"
            )
        print(f"  time/limit {elapsed / SCALE_LIMITS['render_s']:.2f} (limit {SCALE_LIMITS['render_s']:g} s), "
              f"page/limit {page_mb / SCALE_LIMITS['page_mb']:.2f} (limit {SCALE_LIMITS['page_mb']:g} MB)")  # fmt: skip
        print(_speed_line("after"))


@click.command("bench")
@click.option(
    "--sample", type=click.IntRange(min=1), help="Time (a) and (b) on N reports and scale."
)
@click.option(
    "--jobs", "workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True
)
@click.option(
    "--assistant-only", is_flag=True, help="Only time the curation assistant on data/articles."
)
@click.option(
    "--scale",
    "scale_only",
    is_flag=True,
    help=f"Only validate and render {SCALE_ROWS:,} synthetic figure rows (times, memory, page size).",
)
def main(sample: int | None, workers: int, assistant_only: bool, scale_only: bool) -> None:
    """Benchmark the render against plain papermill + nbconvert on 63 synthetic provinces."""
    if scale_only:
        scale_bench()
        return
    if assistant_only:
        print_assistant_timing()
        return

    with tempfile.TemporaryDirectory(prefix="tccsd-bench-") as tmp:
        root = Path(tmp)
        data = make_synthetic(root / "data", root / "seeds")
        env = {**os.environ, "TCCSD_SEEDS_DIR": str(root / "seeds")}
        jobs = plan(data, DATE, None, None)
        n = len(jobs)
        measured, scale = sample_jobs(jobs, sample)
        print(
            f"{n} reports on 63 synthetic provinces; {os.cpu_count()} cores; render --jobs {workers}",
            flush=True,
        )
        (root / "a").mkdir()
        (root / "b").mkdir()
        a = run_cli(measured, root / "a", env, scale)
        print(f"(a) done: {a:.1f} s", flush=True)
        b = run_api(measured, root / "b", env, scale)
        print(f"(b) done: {b:.1f} s", flush=True)
        c, peak, _ = run_render(data, root / "reports", env, workers)
        d, _, again = run_render(data, root / "reports", env, workers)
        assert "nothing changed" in again.stderr, again.stderr
        manifest = json.loads((root / "reports" / DATE / "manifest.json").read_text())
        durations = sorted(r["duration_s"] for r in manifest["reports"] if r["mode"] == "warm")
        warm = durations[
            : len(durations) - workers
        ]  # each worker's first report pays the kernel start
        marginal = statistics.median(warm)

    how = "" if scale == 1 else f" ({len(measured)} of {n} timed, profiles scaled)"
    rows = [
        ("(a) papermill CLI + nbconvert CLI, one report at a time" + how, f"{a:.1f}"),
        ("(b) papermill API + HTMLExporter, one process" + how, f"{b:.1f}"),
        ("(c) render from cold", f"{c:.1f}"),
        ("(d) render again, nothing changed", f"{d:.2f}"),
    ]
    width = max(len(label) for label, _ in rows) + 2
    print()
    print(f"{'run':<{width}}{'wall s':>10}")
    for label, value in rows:
        print(f"{label:<{width}}{value:>10}")
    print()
    print(f"ratio (a)/(c): {a / c:5.1f}x   target >= 10x")
    print(f"ratio (b)/(c): {b / c:5.1f}x   target >= 3x")
    print(f"(d): {d:.2f} s, no kernel started   target <= 0.3 s")
    print(
        f"one more report: median {marginal:.2f} s of one worker (mean {statistics.mean(warm):.2f}, max {max(warm):.2f})   target <= 0.5 s"
    )
    print(
        f"peak memory of the render's process tree: {peak[0] / 2**30:.2f} GB (PSS summed; "
        f"RSS summed {peak[1] / 2**30:.2f} GB)   target <= 2 GB"
    )
    print_assistant_timing()
