"""Execute the planned reports in worker processes, each with its warm kernel.

:func:`execute` runs a pool of spawned workers; each calls :func:`run_job`, which runs one
notebook with papermill (the warm engine, or a fresh kernel) and writes its HTML page.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

from helpers import logs
from helpers.paths import NOTEBOOKS_DIR
from helpers.render.plan import Job

log = logs.get("render")


def run_job(job: Job, staging: str, page: dict, fresh: bool = True) -> Job:
    """Execute one notebook and write its HTML; runs in a worker process."""
    import nbformat

    from helpers.render import engine
    from helpers.render.pages import first_finding, notebook_to_html, title_of

    engine.register()

    start = time.perf_counter()
    out_nb = Path(staging) / job.ipynb
    out_nb.parent.mkdir(parents=True, exist_ok=True)
    job.error = _execute_notebook(job, out_nb, engine.FRESH if fresh else engine.ENGINE)
    if job.error and not fresh:  # a warm failure may come from leaked state: run it again fresh
        engine.discard_kernel()
        job.error = _execute_notebook(job, out_nb, engine.FRESH)
        job.mode = "fresh (after a warm failure)"
    else:
        job.mode = "fresh" if fresh else "warm"
    job.status = "failed" if job.error else job.status
    if job.status != "failed":
        nb = nbformat.read(out_nb, as_version=4)
        job.title = job.title or title_of(nb)  # a profile's title comes from the plan
        job.finding = first_finding(nb)
        depth = job.html.count("/")
        html = notebook_to_html(
            nb, {**page, "title": job.title, "index_href": "../" * depth + "index.html"}
        )
        target = Path(staging) / job.html
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        job.status = "executed"
    job.duration_s = round(time.perf_counter() - start, 3)
    return job


def _execute_notebook(job: Job, out_nb: Path, engine_name: str) -> dict:
    """Run one notebook with papermill; return {} on success, else where and why it failed."""
    import papermill as pm

    try:
        pm.execute_notebook(
            str(NOTEBOOKS_DIR / job.notebook), str(out_nb), parameters=job.parameters, cwd=str(NOTEBOOKS_DIR),
            kernel_name="python3", engine_name=engine_name, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False,
        )  # fmt: skip
    except pm.PapermillExecutionError as exc:
        return {
            "cell": exc.exec_count,
            "cell_index": exc.cell_index,
            "ename": exc.ename,
            "evalue": exc.evalue,
        }
    # A kernel that died, a missing notebook: still one line in the summary, never a traceback.
    except Exception as exc:  # noqa: BLE001
        return {"cell": None, "ename": type(exc).__name__, "evalue": str(exc)}
    return {}


class Progress:
    """A bar on a terminal, plain log lines under cron."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.bar = None
        if sys.stderr.isatty() and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="báo cáo", file=sys.stderr)

    def update(self, job: Job) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.set_postfix_str(f"{job.name} {job.status}")
            self.bar.update(1)
        else:
            log.info(f"[{self.done}/{self.total}] {job.name} {job.status} ({job.duration_s:.1f} s)")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def execute(todo: list[Job], staging: Path, page: dict, jobs: int, fresh: bool) -> list[Job]:
    """Run every job in ``jobs`` spawned workers; a worker that dies fails only its report."""
    results: list[Job] = []
    if not todo:
        return results
    progress = Progress(len(todo))
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(todo)), mp_context=get_context("spawn")
    ) as pool:
        futures = {pool.submit(run_job, job, str(staging), page, fresh): job for job in todo}
        for future in as_completed(futures):
            try:
                job = future.result()
            except Exception as exc:  # noqa: BLE001  (the worker itself died)
                job = futures[future]
                job.status, job.error = (
                    "failed",
                    {"cell": None, "ename": type(exc).__name__, "evalue": str(exc)},
                )
            results.append(job)
            progress.update(job)
    progress.close()
    return results
