"""Render every report into a dated, self-contained HTML set, safely under a scheduler.

``tccsd render`` (or ``python -m helpers.render``) executes the notebooks with papermill,
converts them with the ``tccsd`` nbconvert template and publishes ``reports/YYYY-MM-DD/`` only
when every report succeeded. A report whose inputs did not change is not executed again.

Before anything reads the data, every input is checked with ``stat`` alone (a FIFO, a directory,
an unreadable file: one ``file: reason`` line each, exit 3), then validated (skipped when
exactly these bytes passed before, see :func:`_data_is_valid`). Each report has a time limit
(``--timeout``) and the run a ceiling (``--max-run-time``). On SIGTERM or SIGINT the workers
and kernels are stopped and the staging folder removed; a run killed outright is cleaned up by
the next (``helpers.render.supervise``).

Exit codes:
    0   published, or nothing changed; ``--verify``: the set matches its manifest
    1   a report failed or timed out, or the system refused (disk full, read-only, a file in
        the way): one line; the previous set is untouched, a failed notebook is kept;
        ``--verify``: a file differs from the manifest
    2   usage error (bad option, empty --only or --province, unknown province)
    3   the data package is invalid or unreadable; nothing was executed
    75  another render is running (EX_TEMPFAIL: try again later)
    130 stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM: nothing published, nothing left

This module imports only the standard library and click at start-up; the heavy packages load in
the workers, so a run with nothing to do finishes in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import click

from helpers import logs
from helpers.errors import LockError, ParameterError
from helpers.paths import DATA_DIR, REPORTS_DIR, hash_files
from helpers.render import integrity, supervise
from helpers.render.plan import Job, input_hashes, job_key, plan
from helpers.render.publish import (
    RenderLock,
    is_date,
    page_data,
    publish,
    read_manifest,
    write_manifest,
    write_set_index,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INVALID_DATA, EXIT_BUSY = 0, 1, 2, 3, 75
DEFAULT_TIMEOUT = 600  # s per report: the real reports take about 4 s each (make bench)
DEFAULT_MAX_RUN_TIME = 3 * 3600  # s for the whole run: 63 profiles on one worker take ~5 min
MB_PER_WORKER = 400  # a warm kernel with pandas, matplotlib and seaborn, and its worker

log = logs.get("render")
_DONE: dict[str, Path] = {}  # what the run finished, for the line a late signal prints


def render(
    date: str,
    data_dir: Path,
    out: Path,
    only: str | None = None,
    province: str | None = None,
    jobs: int | None = None,
    force: bool = False,
    fresh: bool = False,
    timeout: int | None = DEFAULT_TIMEOUT,
    max_run_time: float | None = DEFAULT_MAX_RUN_TIME,
    pdf: bool = False,
) -> int:
    """The whole run, under the lock; returns the exit code."""
    from helpers.paths import seeds_dir

    started = time.monotonic()
    seeds = seeds_dir()
    unreadable = integrity.unreadable(data_dir, seeds)
    if unreadable:
        for line in unreadable:
            print(line, file=sys.stderr)
        log.error(
            f"{len(unreadable)} unreadable input(s) in {data_dir}: nothing was executed or published"
        )
        return EXIT_INVALID_DATA
    inputs = input_hashes(data_dir, seeds)
    run_id = f"{dt.datetime.now():%H%M%S}-{os.getpid()}"
    staging = out / ".staging" / run_id
    record = supervise.RunRecord(out, run_id, staging, out / ".builds" / f"{date}--{run_id}")
    pool = None
    try:  # however the run ends: no staging, no record, no process left behind
        if not (only or province) and _inputs_changed(out / date, inputs, force):
            pool = _early_pool(data_dir, seeds, jobs, fresh)
        return _run(
            date, data_dir, out, only, province, jobs, force, fresh, timeout, pdf, started,
            max_run_time, seeds, inputs, run_id, staging, pool,
        )  # fmt: skip
    finally:
        if pool is not None:
            from helpers.render.execute import stop_pool

            stop_pool(pool)
        record.stop_leftovers()
        shutil.rmtree(staging, ignore_errors=True)
        record.close()


def _run(
    date, data_dir, out, only, province, jobs, force, fresh, timeout, pdf, started, max_run_time,
    seeds, inputs, run_id, staging, pool,
) -> int:  # fmt: skip
    """Validate, plan, and build what changed (``render`` holds the run's record and pool)."""
    validated = _data_is_valid(data_dir, seeds, out, inputs)
    if validated is None:
        return EXIT_INVALID_DATA
    try:
        planned = plan(data_dir, date, only, province)
    except ParameterError as exc:  # an unknown province, or one without figures
        log.error(f"--province {province!r}: {exc}")
        return EXIT_USAGE
    if not planned:
        log.error(f"no report matches --only {only!r}")
        return EXIT_USAGE
    for job in planned:
        job.key = job_key(job, inputs)
    published = out / date
    previous = read_manifest(published) or {}
    done = {
        r["name"]: r
        for r in previous.get("reports", [])
        if r.get("status") in ("executed", "reused")
    }
    broken, set_broken = integrity.damaged(published, previous) if previous else (set(), False)
    if broken:
        log.warning(f"{len(broken)} published report(s) missing or changed, rendered again: "
                    f"{', '.join(sorted(broken))}")  # fmt: skip
        planned += _outside(broken, planned, data_dir, date, inputs)
    todo = [
        j for j in planned if force or j.name in broken or done.get(j.name, {}).get("key") != j.key
    ]
    names_before = {r["name"] for r in previous.get("reports", [])}
    if (
        not todo
        and not set_broken
        and (only or province or names_before == {j.name for j in planned})
        and not (pdf and _pdfs_missing(published))
    ):
        for line in integrity.relink(out, date):
            log.info(line)
        log.info(f"nothing changed; {published} is current ({len(planned)} reports)")
        return EXIT_OK
    if validated == "remembered":
        from helpers.data.validation import mark_validated

        mark_validated(data_dir, seeds)  # for the kernels: these bytes need no second check
    staging.mkdir(parents=True)
    return _build(
        date, data_dir, out, planned, todo, done, published, staging, run_id, inputs,
        bool(only or province), _workers(jobs, len(todo)) if pool is None else pool._max_workers,
        fresh, timeout, None if max_run_time is None else started + max_run_time, pdf, pool,
    )  # fmt: skip


def _inputs_changed(published: Path, inputs: dict[str, str], force: bool) -> bool:
    """Whether reports will most likely be executed: forced, or inputs unlike the last set's."""
    return force or (read_manifest(published) or {}).get("inputs") != inputs


def _early_pool(data_dir: Path, seeds: Path, jobs: int | None, fresh: bool):
    """The workers and their kernels, started before validation so that both proceed at once
    (see :func:`helpers.render.execute.start_pool`)."""
    from helpers.data.validation import package_digest
    from helpers.render.execute import start_pool

    workers = _workers(jobs, None)
    log.info(f"starting {workers} worker(s) while the data is validated")
    return start_pool(workers, fresh, package_digest(data_dir, seeds))


def _build(
    date, data_dir, out, planned, todo, done, published, staging, run_id, inputs, partial, jobs,
    fresh, timeout, deadline, pdf=False, pool=None,
) -> int:  # fmt: skip
    """Execute what changed into ``staging``, reuse the rest, publish when all succeeded."""
    page = page_data(data_dir, date, inputs)
    keep = _reuse_unchanged(planned, todo, done, published, staging, partial)
    log.info(f"{len(todo)} to execute, {len(keep)} unchanged, {jobs} worker(s)")
    from helpers.render.execute import execute

    summary = _Background(_set_summary, page)  # the parent is idle while the workers run
    results = execute(todo, staging, page, jobs, fresh, timeout, deadline, pool)
    failed = [j for j in results if j.status == "failed"]
    if failed:
        _keep_failed(failed, staging, out / ".failed" / f"{date}--{run_id}", published, results)
        return EXIT_FAILED
    everything = sorted(keep + results, key=lambda j: (("/" in j.name), j.name))
    write_set_index(staging, everything, page, summary.result())
    if pdf:  # printed before the manifest: the PDFs are part of the set, switched in with it
        from helpers.errors import RenderError
        from helpers.render.pdf import print_set

        try:
            printed = print_set(staging, jobs)
        except RenderError as exc:
            log.error(f"{exc}; nothing published, {published} as it was")
            return EXIT_FAILED
        log.info(f"printed {len(printed)} PDF(s)")
    write_manifest(staging, date, data_dir, page, inputs, everything)
    with supervise.signals_deferred():  # a signal now lands after the switch, not inside it
        link = publish(staging, out, date)
        log.info(f"published {len(everything)} report(s) to {link}")
        _DONE["published"] = link
    return EXIT_OK


class _Background:
    """A function run in a daemon thread: a signal or a failed report never waits for it."""

    def __init__(self, function, *args):
        import threading

        self._value, self._error = None, None
        self._thread = threading.Thread(target=self._run, args=(function, *args), daemon=True)
        self._thread.start()

    def _run(self, function, *args):
        try:
            _yield_to_reports()
            self._value = function(*args)
        except BaseException as exc:  # noqa: BLE001  (raised again by result())
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _yield_to_reports() -> None:
    """Lower this thread's scheduling priority (Linux schedules threads one by one): the summary
    is needed only when every report is done, so it takes the CPU the kernels leave idle."""
    import threading

    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):  # not Linux, or not allowed: a normal thread
        pass


def _set_summary(page: dict):
    """The set index's key numbers (``helpers.render.summary``), from the validated data."""
    from helpers.render.summary import Summary, set_summary

    return set_summary(page["data_dir"]) if page.get("data_dir") else Summary()


def _outside(names: set[str], planned: list[Job], data_dir: Path, date: str, inputs) -> list[Job]:
    """Jobs for damaged reports outside --only/--province: the set must be whole again."""
    have = {j.name for j in planned}
    if names <= have:
        return []
    extra = [j for j in plan(data_dir, date, None, None) if j.name in names - have]
    for job in extra:
        job.key = job_key(job, inputs)
    return extra


def _workers(requested: int | None, todo: int | None) -> int:
    """Workers to start: no more than reports to execute (None: not known yet), nor than
    memory allows."""
    requested = requested or os.cpu_count() or 1
    wanted = requested if todo is None else min(requested, max(todo, 1))
    available = _mem_available_mb()
    by_memory = max(1, available // MB_PER_WORKER) if available is not None else wanted
    workers = min(wanted, by_memory)
    if workers < requested and (requested > (os.cpu_count() or 1) or by_memory < wanted):
        why = (
            f"memory for {by_memory} ({available} MB available, ~{MB_PER_WORKER} MB each)"
            if by_memory < wanted
            else f"{todo} report(s) to execute"
        )
        log.info(f"--jobs {requested} capped at {workers}: {why}")
    return workers


def _mem_available_mb() -> int | None:
    """Memory a new worker can have: ``MemAvailable``, or less under a cgroup limit (a systemd
    unit's ``MemoryMax``, a container's limit)."""
    found = []
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            found += [
                int(line.split()[1]) // 1024 for line in fh if line.startswith("MemAvailable:")
            ]
    except (OSError, ValueError, IndexError):
        pass
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = Path("/sys/fs/cgroup/memory.current").read_text().strip()
        if limit != "max":
            found.append(max(0, int(limit) - int(used)) // (1024 * 1024))
    except (OSError, ValueError):
        pass
    return min(found) if found else None


def _validation_key(inputs: dict[str, str]) -> str:
    """What validation's verdict depends on: the data, the articles, the code and rule files,
    and the bundled descriptor."""
    from helpers.data import validation

    digest = hashlib.sha256(
        json.dumps({k: inputs.get(k) for k in ("data", "seeds", "helpers")}).encode()
    )
    rules = Path(validation.__file__).parent
    hash_files(digest, list(rules.rglob("*.txt")), rules)
    hash_files(digest, [DATA_DIR / "datapackage.json"], DATA_DIR)
    return digest.hexdigest()


def _data_is_valid(data_dir: Path, seeds: Path, out: Path, inputs: dict[str, str]) -> str | None:
    """Validate, unless exactly these bytes passed before (recorded in ``OUT/.runs``); workers
    and kernels inherit the mark and skip it. None when invalid, else how it was known valid."""
    key = _validation_key(inputs)
    if supervise.was_validated(out, key):
        return "remembered"
    from helpers.data.validation import mark_validated, validate_package

    # The figures' rules in a forked child (see helpers.data.validation.ahead): the workers,
    # started meanwhile, leave a core idle once their kernels are up, and no report can start
    # before validation ends.
    violations = validate_package(data_dir, seeds=seeds, ahead=True)
    if violations:
        for v in violations:
            print(str(v), file=sys.stderr)
        log.error(
            f"{len(violations)} data violation(s) in {data_dir}: nothing was executed or published"
        )
        return None
    mark_validated(data_dir, seeds)
    supervise.remember_validated(out, key)
    return "validated"


def _reuse_unchanged(
    planned: list[Job], todo: list[Job], done: dict, published: Path, staging: Path, partial: bool
) -> list[Job]:
    """Copy unchanged reports, and reports outside --only/--province, from the published set."""
    if not published.exists():
        return []
    reuse_from = published.resolve()
    keep: list[Job] = []
    for name, record in done.items():
        job = next((j for j in planned if j.name == name), None)
        if (job is None and partial) or (job is not None and job not in todo):
            copy = Job(**{k: v for k, v in record.items() if k in Job.__dataclass_fields__})
            for rel in (copy.html, copy.ipynb, *_beside(reuse_from, copy.html)):
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(reuse_from / rel, staging / rel)
            copy.status = "reused"
            keep.append(copy)
    return keep


_TABLE_LINK = re.compile(r'href="(bang/[0-9a-f]{16}\.csv)"')


def _beside(set_dir: Path, html: str) -> list[str]:
    """What travels with a page: the CSV files of its long tables and its PDF, when present
    (copied with their times, so a PDF newer than its page is not printed again)."""
    page = set_dir / html
    folder = Path(html).parent
    linked = {str(folder / m) for m in _TABLE_LINK.findall(page.read_text(encoding="utf-8"))}
    pdf = str(Path(html).with_suffix(".pdf"))
    return sorted(rel for rel in linked | {pdf} if (set_dir / rel).is_file())


def _keep_failed(
    failed: list[Job], staging: Path, keep_dir: Path, published: Path, results: list[Job]
) -> None:
    """Say what failed where, keep the failed notebooks for audit and drop the staging set."""
    for job in failed:
        cell, index = job.error.get("cell"), job.error.get("cell_index")
        where = (
            f"cell {cell}"
            if cell is not None
            else f"cell #{index + 1} of the notebook"
            if index is not None
            else "before any cell"
        )
        log.error(
            f"FAILED {job.name} ({job.notebook}), {where}: "
            f"{job.error.get('ename')}: {job.error.get('evalue')}"
        )
    kept = "failed notebooks kept in"
    try:
        for job in failed:
            src = staging / job.ipynb
            if src.exists():
                (keep_dir / job.ipynb).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(src, keep_dir / job.ipynb)
        _keep_kernel_logs(keep_dir)
    except OSError as exc:  # a full disk: the failures are named above, the line says why
        kept = f"failed notebooks not kept ({_os_error(exc)}); see"
    shutil.rmtree(staging, ignore_errors=True)
    log.error(
        f"{len(failed)} of {len(results)} report(s) failed; nothing published; "
        f"{published} untouched; {kept} {keep_dir}"
    )


def _keep_kernel_logs(keep_dir: Path) -> None:
    """Keep what the kernels wrote on their own stderr (a crash's last words), if anything."""
    run_dir = os.environ.get(supervise.RUN_DIR_ENV)
    for log_file in sorted(Path(run_dir).glob("kernel-*.log")) if run_dir else ():
        if log_file.stat().st_size:
            (keep_dir / "kernels").mkdir(parents=True, exist_ok=True)
            shutil.copy2(log_file, keep_dir / "kernels" / log_file.name)


def _pdfs_missing(set_dir: Path) -> bool:
    """Whether a page of the published set has no PDF beside it, or an older one."""
    from helpers.render.pdf import pages

    if not set_dir.is_dir():
        return True
    for html in pages(set_dir.resolve()):
        pdf = html.with_suffix(".pdf")
        if not pdf.is_file() or pdf.stat().st_mtime < html.stat().st_mtime:
            return True
    return False


def _check_date(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None  # today; for --verify, the set ``latest`` points at
    if not is_date(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD")
    return value


@click.command(
    "render",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 ok or nothing to do, 1 a report failed or timed out or the system "
    "refused (disk, permissions), 2 usage, 3 invalid or unreadable data, 75 another run is going, "
    "130 SIGINT, 143 SIGTERM.",
)
@click.option("--date", callback=_check_date, help="Date of the set, YYYY-MM-DD (default: today).")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DATA_DIR,
    show_default=True,
    help="Data folder laid out like data/.",
)
@click.option("--only", help="Render one notebook (e.g. 20-classification or classification).")
@click.option("--province", help="Render the profile of one province (any spelling).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=REPORTS_DIR,
    show_default=True,
    help="Reports folder.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default=True,
    help="Reports executed in parallel.",
)
@click.option(
    "--force", is_flag=True, help="Execute every report even when its inputs did not change."
)
@click.option("--fresh", is_flag=True, help="A fresh kernel for every report.")
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a report's cell may run; past it the report fails.",
)
@click.option(
    "--max-run-time",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_RUN_TIME,
    show_default=True,
    help="Seconds the whole run may take; reports unfinished by then fail.",
)
@click.option(
    "--verify",
    is_flag=True,
    help="Only check the published set (--date, else latest) against its manifest's hashes.",
)
@click.option(
    "--pdf", is_flag=True, help="Also print every report and the index to PDF (needs Chromium)."
)
def main(
    date, data_dir, only, province, out, jobs, force, fresh, pdf, timeout, max_run_time, verify
) -> None:
    """Render the reports into OUT/YYYY-MM-DD/ and publish them only if all succeed."""
    logs.setup()
    if pdf:
        from helpers.render.pdf import MISSING, find_chromium

        if find_chromium() is None:
            log.error(MISSING)
            sys.exit(EXIT_USAGE)
    for name, value in (("--only", only), ("--province", province)):
        if value is not None and not value.strip():
            raise click.BadParameter("must not be empty (leave the option out for every report)",
                                     param_hint=name)  # fmt: skip
    if verify:
        sys.exit(_verify(out, date))
    date = date or dt.date.today().isoformat()
    # Only whether it is there: a FIFO or a folder in its place is a data error (exit 3).
    if not os.path.lexists(data_dir / "datapackage.json"):
        raise click.BadParameter(f"{data_dir} holds no datapackage.json", param_hint="--data")
    # The province is resolved inside the run, after validation: nothing reads unchecked data.
    supervise.install_handlers()
    code, published = EXIT_FAILED, out / date
    try:
        _check_out(out)
        with RenderLock(out):
            for line in supervise.reap(out):
                log.info(f"cleaned up after a killed run: {line}")
            code = render(
                date, data_dir, out, only, province, jobs, force, fresh, timeout, max_run_time, pdf
            )
    except LockError as exc:
        log.error(str(exc))
        code = EXIT_BUSY
    except supervise.Interrupted as exc:
        state = (
            f"{published} was published first"
            if "published" in _DONE
            else f"nothing published, {published} as it was"
        )
        log.error(f"stopped by {exc.name}: workers and kernels stopped, staging removed, "
                  f"lock released; {state}")  # fmt: skip
        code = exc.exit_code
    except OSError as exc:
        log.error(f"{_os_error(exc)}; nothing published, {published} as it was")
        code = EXIT_FAILED
    sys.exit(code)


def _check_out(out: Path) -> None:
    """``--out`` must be a folder or creatable as one: name the file in the way."""
    for parent in (out, *out.parents):
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                kind = "a broken link" if not parent.exists() else "a file"
                raise NotADirectoryError(20, f"{parent} is {kind}, not a folder", str(out))
            return


def _os_error(exc: OSError) -> str:
    """One line naming the path and the cause of an error the system raised."""
    where = exc.filename or "?"
    if exc.filename2:
        where = f"{where} -> {exc.filename2}"
    return f"{where}: {exc.strerror or exc}"


def _verify(out: Path, date: str | None) -> int:
    lines, checked = integrity.verify(out, date)
    for line in lines:
        click.echo(line)
    if lines:
        log.error(f"{len(lines)} mismatch(es) against the manifest")
        return EXIT_FAILED
    log.info(f"verified: {checked} file(s) match the manifest")
    return EXIT_OK
