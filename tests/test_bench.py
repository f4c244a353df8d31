"""The benchmark command's own logic, with its slow runs replaced (they are measured, not tested)."""

from __future__ import annotations

import json
import subprocess
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from helpers.render import bench


def _jobs(profiles: int) -> list:
    cross = [SimpleNamespace(name=n) for n in ("10-data-inventory", "20-classification")]
    return cross + [SimpleNamespace(name=f"40-province-profile/p{i}") for i in range(profiles)]


def test_sample_jobs_keeps_cross_reports_and_spaces_profiles():
    jobs = _jobs(10)
    measured, scale = bench.sample_jobs(jobs, 2)
    assert [j.name for j in measured] == [
        "10-data-inventory", "20-classification",
        "40-province-profile/p0", "40-province-profile/p5",
    ]  # fmt: skip
    assert scale == 5.0
    assert bench.sample_jobs(jobs, None) == (jobs, 1.0)
    assert bench.sample_jobs(jobs, 50) == (jobs, 1.0)


@pytest.mark.parametrize("args", [[], ["--sample", "2"]])
def test_bench_prints_its_table(monkeypatch, args):
    """`make bench` and `make bench SAMPLE=N` reach the table of ratios."""
    monkeypatch.setattr(bench, "make_synthetic", lambda data, seeds, **_: data)
    monkeypatch.setattr(bench, "plan", lambda *_: _jobs(10))
    monkeypatch.setattr(bench, "run_cli", lambda jobs, work, env, scale: 40.0)
    monkeypatch.setattr(bench, "run_api", lambda jobs, work, env, scale: 12.0)
    monkeypatch.setattr(bench, "print_assistant_timing", lambda: None)

    def run_render(data, out, env, workers):
        folder = out / bench.DATE
        folder.mkdir(parents=True, exist_ok=True)
        reports = [{"duration_s": 0.2 + i / 100, "mode": "warm"} for i in range(6)]
        (folder / "manifest.json").write_text(json.dumps({"reports": reports}))
        done = subprocess.CompletedProcess([], 0, "", "nothing changed")
        return 4.0, (2**30, 3 * 2**29), done

    monkeypatch.setattr(bench, "run_render", run_render)
    result = CliRunner().invoke(bench.main, [*args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "ratio (a)/(c):  10.0x" in result.output
    assert "one more report: median" in result.output
    assert "tree: 1.00 GB (PSS summed; RSS summed 1.50 GB)" in result.output


def test_peak_memory_counts_a_forked_childs_shared_pages_once():
    """A child that shares its parent's pages: RSS summed counts them twice, PSS once."""
    import os
    import signal
    import sys
    import time

    import psutil

    code = (
        "import os, sys, time\n"
        "block = bytearray(200 * 2**20)\n"  # 200 MB, touched, before the fork
        "pid = os.fork()\n"
        "if pid: sys.stdout.write('ready\\n'); sys.stdout.flush()\n"
        "time.sleep(30)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "ready\n"
        memory = bench.PeakMemory(proc.pid)
        cheap = bench.PeakMemory(proc.pid, interval=0.2, pss=False)  # RSS alone, rarely
        time.sleep(0.5)
        pss, rss = memory.stop(), memory.peak_rss
        cheap_peak = cheap.stop()
    finally:
        for child in psutil.Process(proc.pid).children():
            os.kill(child.pid, signal.SIGKILL)
        proc.kill()
        proc.wait()
    assert rss > 380 * 2**20, rss  # the 200 MB counted in both processes
    assert 190 * 2**20 < pss < 280 * 2**20, pss  # counted once
    assert cheap_peak == cheap.peak_rss > 380 * 2**20  # without PSS, the peak is RSS summed


def test_machine_speed_grows_with_the_work():
    """The yardstick the scale bench prints: more additions take more CPU time."""
    small, large = bench.machine_speed(100_000), bench.machine_speed(2_000_000)
    assert 0 < small < large
    assert "additions in" in bench._speed_line("before")
