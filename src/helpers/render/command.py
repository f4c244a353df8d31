"""Render every report into a dated, self-contained HTML set, safely under a scheduler.

``tccsd render`` (or ``python -m helpers.render``) executes the notebooks with papermill,
converts them with the ``tccsd`` nbconvert template and publishes ``reports/YYYY-MM-DD/`` only
when every report succeeded. A report whose inputs did not change is not executed again.

Exit codes:
    0  published, or nothing changed
    1  a report failed; the previous set is untouched, the failed notebook is kept
    2  usage error (bad option)
    3  the data package is invalid; nothing was executed
    75 another render is running (EX_TEMPFAIL: try again later)

This module imports only the standard library and click at start-up; the heavy packages load in
the workers, so a run with nothing to do finishes in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import click

from helpers import logs
from helpers.errors import LockError
from helpers.paths import DATA_DIR, REPORTS_DIR
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

log = logs.get("render")


def render(
    date: str,
    data_dir: Path,
    out: Path,
    only: str | None = None,
    province: str | None = None,
    jobs: int | None = None,
    force: bool = False,
    fresh: bool = False,
) -> int:
    """The whole run; returns the exit code."""
    from helpers.paths import seeds_dir

    seeds = seeds_dir()
    planned = plan(data_dir, date, only, province)
    if not planned:
        log.info(f"no report matches --only {only!r}")
        return EXIT_USAGE
    inputs = input_hashes(data_dir, seeds)
    for job in planned:
        job.key = job_key(job, inputs)
    published = out / date
    previous = read_manifest(published) or {}
    done = {
        r["name"]: r
        for r in previous.get("reports", [])
        if r.get("status") in ("executed", "reused")
    }
    todo = [j for j in planned if force or done.get(j.name, {}).get("key") != j.key]
    names_before = {r["name"] for r in previous.get("reports", [])}
    if not todo and (only or province or names_before == {j.name for j in planned}):
        log.info(f"nothing changed; {published} is current ({len(planned)} reports)")
        return EXIT_OK
    if not _data_is_valid(data_dir, seeds):
        return EXIT_INVALID_DATA

    run_id = f"{dt.datetime.now():%H%M%S}-{os.getpid()}"
    staging = out / ".staging" / run_id
    staging.mkdir(parents=True)
    page = page_data(data_dir, date, inputs)
    partial = bool(only or province)
    keep = _reuse_unchanged(planned, todo, done, published, staging, partial)
    log.info(f"{len(todo)} to execute, {len(keep)} unchanged, {jobs} worker(s)")
    from helpers.render.execute import execute

    results = execute(todo, staging, page, jobs, fresh)
    failed = [j for j in results if j.status == "failed"]
    if failed:
        _keep_failed(failed, staging, out / ".failed" / f"{date}--{run_id}", published, results)
        return EXIT_FAILED
    everything = sorted(keep + results, key=lambda j: (("/" in j.name), j.name))
    write_set_index(staging, everything, page)
    write_manifest(staging, date, data_dir, page, inputs, everything)
    link = publish(staging, out, date)
    log.info(f"published {len(everything)} report(s) to {link}")
    return EXIT_OK


def _data_is_valid(data_dir: Path, seeds: Path) -> bool:
    """Validate once for the whole run; workers and kernels inherit the mark and skip it."""
    from helpers.data.validation import mark_validated, validate_package

    violations = validate_package(data_dir, seeds=seeds)
    if violations:
        for v in violations:
            print(str(v), file=sys.stderr)
        log.error(
            f"{len(violations)} data violation(s) in {data_dir}: nothing was executed or published"
        )
        return False
    mark_validated(data_dir, seeds)
    return True


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
            for rel in (copy.html, copy.ipynb):
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(reuse_from / rel, staging / rel)
            copy.status = "reused"
            keep.append(copy)
    return keep


def _keep_failed(
    failed: list[Job], staging: Path, keep_dir: Path, published: Path, results: list[Job]
) -> None:
    """Keep the failed notebooks for audit, drop the staging set and say what failed where."""
    for job in failed:
        src = staging / job.ipynb
        if src.exists():
            (keep_dir / job.ipynb).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(src, keep_dir / job.ipynb)
    shutil.rmtree(staging, ignore_errors=True)
    for job in failed:
        cell = job.error.get("cell")
        where = f"cell {cell}" if cell is not None else "before any cell"
        log.error(
            f"FAILED {job.name} ({job.notebook}), {where}: "
            f"{job.error.get('ename')}: {job.error.get('evalue')}"
        )
    log.error(
        f"{len(failed)} of {len(results)} report(s) failed; nothing published; "
        f"{published} untouched; failed notebooks kept in {keep_dir}"
    )


def _print_pdfs(set_dir: Path, jobs: int) -> int:
    """PDFs beside the published pages (see helpers.render.pdf); a failure names the page."""
    from helpers.errors import RenderError
    from helpers.render.pdf import print_set

    try:
        printed = print_set(set_dir.resolve(), jobs)
    except RenderError as exc:
        log.error(f"{exc}; the HTML set stays published")
        return EXIT_FAILED
    log.info(f"printed {len(printed)} PDF(s) in {set_dir}")
    return EXIT_OK


def _check_date(ctx, param, value: str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    if not is_date(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD")
    return value


@click.command(
    "render",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 ok or nothing to do, 1 a report failed, 2 usage, 3 invalid data, "
    "75 another run is going.",
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
    "--pdf", is_flag=True, help="Also print every report and the index to PDF (needs Chromium)."
)
def main(date, data_dir, only, province, out, jobs, force, fresh, pdf) -> None:
    """Render the reports into OUT/YYYY-MM-DD/ and publish them only if all succeed."""
    logs.setup()
    if pdf:
        from helpers.render.pdf import MISSING, find_chromium

        if find_chromium() is None:
            log.error(MISSING)
            sys.exit(EXIT_USAGE)
    if not (data_dir / "datapackage.json").is_file():
        raise click.BadParameter(f"{data_dir} holds no datapackage.json", param_hint="--data")
    if province:
        from helpers.errors import ParameterError
        from helpers.render.plan import check_profile_request

        try:  # an unknown name, or a province whose unit has no figures at all: exit 2
            check_profile_request(data_dir, province)
        except ParameterError as exc:
            raise click.BadParameter(str(exc), param_hint="--province") from None
    try:
        with RenderLock(out):
            code = render(date, data_dir, out, only, province, jobs, force, fresh)
            if pdf and code == EXIT_OK:
                code = _print_pdfs(out / date, jobs)
    except LockError as exc:
        log.error(str(exc))
        code = EXIT_BUSY
    sys.exit(code)
