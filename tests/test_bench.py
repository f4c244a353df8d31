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
        return 4.0, 2**30, done

    monkeypatch.setattr(bench, "run_render", run_render)
    result = CliRunner().invoke(bench.main, [*args, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "ratio (a)/(c):  10.0x" in result.output
    assert "one more report: median" in result.output
