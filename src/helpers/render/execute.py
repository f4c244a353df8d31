"""Execute the planned reports in worker processes, each with its warm kernel.

:func:`execute` runs a pool of spawned workers; each calls :func:`run_job`, which runs one
notebook with papermill (the warm engine, or a fresh kernel) and writes its HTML page. Each
report has a time limit (``timeout``, per report) and the whole pool a deadline; a report past
either fails like any failed report. However :func:`execute` is left (a deadline, SIGTERM,
SIGINT), it stops its workers and their kernels before it returns or raises.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures import TimeoutError as FuturesTimeout
from multiprocessing import connection, get_context
from pathlib import Path

from helpers import logs
from helpers.paths import NOTEBOOKS_DIR
from helpers.render import supervise
from helpers.render.plan import Job

DEFAULT_TIMEOUT = 600  # s per report; the real reports take about 4 s each
TIMEOUT_ENAME = "TimeoutError"

log = logs.get("render")


def run_job(
    job: Job, staging: str, page: dict, fresh: bool = True, timeout: int | None = DEFAULT_TIMEOUT
) -> Job:
    """Execute one notebook and write its HTML; runs in a worker process."""
    import nbformat

    from helpers.render import engine
    from helpers.render.pages import first_finding, notebook_to_html, title_of
    from helpers.report.parts import write_table_files

    engine.register()
    # nbclient logs a timeout through papermill's logger; the render's own line says it once.
    logging.getLogger("papermill").addHandler(logging.NullHandler())
    logging.getLogger("papermill").propagate = False

    start = time.perf_counter()
    out_nb = Path(staging) / job.ipynb
    out_nb.parent.mkdir(parents=True, exist_ok=True)
    job.error = _execute_notebook(job, out_nb, engine.FRESH if fresh else engine.ENGINE, timeout)
    if job.error and not fresh:
        engine.discard_kernel()  # its state cannot be trusted, and after a timeout it is busy
    if job.error and not fresh and job.error.get("ename") != TIMEOUT_ENAME:
        # a warm failure may come from leaked state: run it again fresh (a slow cell stays slow)
        job.error = _execute_notebook(job, out_nb, engine.FRESH, timeout)
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
        write_table_files(nb, target)  # long tables' CSV files, beside the page that links them
        job.status = "executed"
    job.duration_s = round(time.perf_counter() - start, 3)
    return job


def _execute_notebook(job: Job, out_nb: Path, engine_name: str, timeout: int | None) -> dict:
    """Run one notebook with papermill; return {} on success, else where and why it failed."""
    import papermill as pm

    try:
        pm.execute_notebook(
            str(NOTEBOOKS_DIR / job.notebook), str(out_nb), parameters=job.parameters, cwd=str(NOTEBOOKS_DIR),
            kernel_name="python3", engine_name=engine_name, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, execution_timeout=timeout,
        )  # fmt: skip
    except pm.PapermillExecutionError as exc:
        if getattr(exc, "nb", None) is not None:  # a timed-out cell: keep what it printed
            import nbformat

            nbformat.write(exc.nb, out_nb)
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


def start_pool(workers: int, fresh: bool, validated: str | None = None) -> ProcessPoolExecutor:
    """Spawn ``workers`` worker processes now, each starting its warm kernel at once (unless
    ``fresh``), so that kernels and imports are ready when the first report comes.

    The render starts them while it validates the data: the kernels preload libraries only and
    read no data, and no report is submitted unless validation passed (otherwise the pool is
    stopped). ``validated``: the digest :func:`helpers.data.validation.mark_validated` will
    record, handed to the kernels so they do not validate again.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_worker_start,
        initargs=(validated, not fresh),
    )
    for _ in range(workers):  # one submission per worker: each spawns one process now
        pool.submit(os.getpid)
    for pid in list(pool._processes):  # recorded here too: a worker may die before it can
        supervise.record("worker", pid, pid=pid)
    return pool


def _worker_start(validated: str | None, warm: bool) -> None:
    """Pool initializer: the worker's signal handling, then its warm kernel."""
    supervise.worker_init()
    if validated:
        from helpers.data.validation import VALIDATED_ENV

        os.environ[VALIDATED_ENV] = validated
    if warm:
        from helpers.render import engine

        try:
            engine.warm_kernel(NOTEBOOKS_DIR)
        except Exception:  # noqa: BLE001, S110  (the first report starts it again, and says why)
            pass


def execute(
    todo: list[Job],
    staging: Path,
    page: dict,
    jobs: int,
    fresh: bool,
    timeout: int | None = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Job]:
    """Run every job in ``jobs`` spawned workers (or in ``pool``, started earlier by
    :func:`start_pool`); a worker that dies fails only its report. The pool is stopped on return.

    ``deadline`` (a ``time.monotonic()`` value) ends the whole run: reports not finished by then
    fail with ``RunTimeout``.
    """
    results: list[Job] = []
    if not todo:
        if pool is not None:
            stop_pool(pool)
        return results
    progress = Progress(len(todo))
    if pool is None:
        pool = start_pool(min(jobs, len(todo)), fresh)
    try:
        futures = {
            pool.submit(run_job, job, str(staging), page, fresh, timeout): job for job in todo
        }
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        seen = set()
        try:
            for future in as_completed(futures, timeout=left):
                seen.add(future)
                results.append(_outcome(future, futures[future]))
                progress.update(results[-1])
        except FuturesTimeout:
            for future in (f for f in futures if f not in seen):
                if future.done():
                    results.append(_outcome(future, futures[future]))
                    continue
                job = futures[future]
                job.status, job.error = "failed", {
                    "cell": None, "ename": "RunTimeout",
                    "evalue": "the run reached --max-run-time before this report finished",
                }  # fmt: skip
                results.append(job)
    finally:
        progress.close()
        stop_pool(pool)
    return results


def _outcome(future, job: Job) -> Job:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001  (the worker itself died)
        job.status, job.error = (
            "failed",
            {"cell": None, "ename": type(exc).__name__, "evalue": str(exc)},
        )
        return job


def stop_pool(pool: ProcessPoolExecutor, grace: float = 5.0) -> None:
    """Stop the workers and their kernels: SIGTERM (a worker kills its kernels), then SIGKILL.
    Stopping a pool twice is harmless."""
    procs = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except OSError:
            pass
    end = time.monotonic() + grace
    waiting = {proc.sentinel: proc for proc in procs}
    while waiting and time.monotonic() < end:
        for ready in connection.wait(list(waiting), timeout=max(0.0, end - time.monotonic())):
            waiting.pop(ready)
    for proc in waiting.values():
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except OSError:
            pass
    if waiting:
        connection.wait(list(waiting), timeout=grace)
    run_dir = os.environ.get(supervise.RUN_DIR_ENV)
    if run_dir:  # a kernel whose worker was killed before it could kill it
        kernels = [r for r in supervise.read_records(Path(run_dir)) if r.get("role") == "kernel"]
        supervise.wait_gone([r for r in kernels if supervise.kill_if_ours(r)])
