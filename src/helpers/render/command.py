"""Render every report into a dated, self-contained HTML set, safely under a scheduler.

``render`` (or ``python -m helpers.render``) executes the notebooks with papermill, converts them
with the ``tccsd`` nbconvert template and publishes ``reports/YYYY-MM-DD/`` only when every report
succeeded. A report whose inputs did not change is not executed again.

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

import csv
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path

import click

from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PROJ_ROOT, REPORTS_DIR, hash_files

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INVALID_DATA, EXIT_BUSY = 0, 1, 2, 3, 75
RENDER_VERSION = "1"  # bump to re-render everything after a change the input hash cannot see
PROFILE_NOTEBOOK = "40-province-profile.ipynb"
PACKAGE_DIR = Path(__file__).parents[1]  # all of helpers: any code change re-renders


@dataclass
class Job:
    """One report: a notebook, its parameters and where its outputs go inside a dated set."""

    name: str
    notebook: str
    parameters: dict
    html: str
    ipynb: str
    key: str = ""
    title: str = ""
    finding: str = ""
    status: str = "pending"
    mode: str = ""
    duration_s: float = 0.0
    error: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- planning


def plan(data_dir: Path, date: str, only: str | None, province: str | None) -> list[Job]:
    """The reports to produce: cross-province notebooks plus one profile per province."""
    from helpers.data.provinces import province_index, provinces_in_data
    from helpers.render.pages import slug

    data_arg = "" if data_dir.resolve() == DATA_DIR.resolve() else str(data_dir.resolve())
    base = {"data_dir": data_arg, "report_date": date}
    jobs = []
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        stem = path.stem
        if only and only not in (stem, stem.split("-", 1)[-1], path.name):
            continue
        if path.name == PROFILE_NOTEBOOK:
            wanted = (
                [province_index(data_dir).resolve(province)]
                if province
                else provinces_in_data(data_dir)
            )
            for name in wanted:
                s = slug(name)
                jobs.append(
                    Job(
                        f"{stem}/{s}",
                        path.name,
                        {**base, "province": name},
                        f"provinces/{s}.html",
                        f"notebooks/provinces/{s}.ipynb",
                    )
                )
        else:
            jobs.append(Job(stem, path.name, dict(base), f"{stem}.html", f"notebooks/{stem}.ipynb"))
    return jobs


def input_hashes(data_dir: Path, seeds: Path | None) -> dict[str, str]:
    """Hashes of everything a report depends on besides its notebook and parameters."""
    parts = {
        "data": (sorted(p for p in data_dir.rglob("*") if p.is_file()), data_dir),
        "helpers": (
            sorted(
                p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".j2", ".json", ".css"}
            ),
            PACKAGE_DIR,
        ),
        "lock": ([PROJ_ROOT / "requirements.lock"], PROJ_ROOT),
        "seeds": (
            sorted(seeds.glob("*.txt")) if seeds and seeds.is_dir() else [],
            seeds or PROJ_ROOT,
        ),
    }
    out = {}
    for name, (paths, root) in parts.items():
        digest = hashlib.sha256()
        hash_files(digest, paths, root)
        out[name] = digest.hexdigest()
    return out


def job_key(job: Job, inputs: dict[str, str]) -> str:
    digest = hashlib.sha256(RENDER_VERSION.encode())
    digest.update(json.dumps(inputs, sort_keys=True).encode())
    digest.update((NOTEBOOKS_DIR / job.notebook).read_bytes())
    digest.update(json.dumps(job.parameters, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


# --------------------------------------------------------------------------- execution (workers)


def run_job(job: Job, staging: str, page: dict, fresh: bool = True) -> Job:
    """Execute one notebook and write its HTML; runs in a worker process."""
    import nbformat

    from helpers.render import engine
    from helpers.render.pages import first_finding, notebook_to_html, title_of

    engine.register()

    start = time.perf_counter()
    out_nb = Path(staging) / job.ipynb
    out_nb.parent.mkdir(parents=True, exist_ok=True)
    job.error = _execute_notebook(job, out_nb, "nbclient" if fresh else engine.ENGINE)
    if job.error and not fresh:  # a warm failure may come from leaked state: run it again fresh
        engine.discard_kernel()
        job.error = _execute_notebook(job, out_nb, "nbclient")
        job.mode = "fresh (after a warm failure)"
    else:
        job.mode = "fresh" if fresh else "warm"
    job.status = "failed" if job.error else job.status
    if job.status != "failed":
        nb = nbformat.read(out_nb, as_version=4)
        job.title = title_of(nb)
        if job.parameters.get("province"):
            job.title = f"{job.title}: {job.parameters['province']}"
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


# --------------------------------------------------------------------------- publishing


class Busy(RuntimeError):
    """Another render holds the lock."""


class RenderLock:
    """An exclusive lock on the reports folder, so two runs never interleave."""

    def __init__(self, out: Path):
        self.path = out / ".render.lock"
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "unknown"
            self.fh.close()
            raise Busy(f"another render is running ({holder}); try again when it ends") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        self.fh.seek(0)
        self.fh.truncate()
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def read_manifest(set_dir: Path) -> dict | None:
    try:
        return json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _swap_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` atomically (rename over the old link)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(staging: Path, out: Path, date: str) -> Path:
    """Move a complete staging set into place; ``reports/<date>`` and ``reports/latest`` flip atomically."""
    builds = out / ".builds"
    builds.mkdir(parents=True, exist_ok=True)
    final = builds / f"{date}--{staging.name}"
    os.rename(staging, final)
    link = out / date
    old = link.resolve() if link.is_symlink() else None
    if link.exists() and not link.is_symlink():  # a real folder from elsewhere: keep it aside
        os.rename(link, builds / f"{date}--legacy-{os.getpid()}")
    _swap_symlink(link, os.path.relpath(final, out))
    dates = sorted(p.name for p in out.iterdir() if p.is_symlink() and _is_date(p.name))
    if dates and dates[-1] == date:
        _swap_symlink(out / "latest", date)
    if old and old != final and old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    write_root_index(out)
    return link


def _is_date(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
        return len(name) == 10
    except ValueError:
        return False


def write_root_index(out: Path) -> None:
    """``reports/index.html``: every published date, newest first."""
    from helpers.render.pages import page_html

    items = []
    for link in sorted(
        (p for p in out.iterdir() if p.is_symlink() and _is_date(p.name)), reverse=True
    ):
        manifest = read_manifest(link) or {}
        count = len(manifest.get("reports", []))
        day = dt.date.fromisoformat(link.name)
        items.append(
            f'<li><a href="{link.name}/index.html">Ngày {day:%d/%m/%Y}</a> — {count} báo cáo</li>'
        )
    body = (
        '<p><a href="latest/index.html">Bộ báo cáo mới nhất</a></p><h2 id="cac-ngay">Các ngày đã lập</h2><ul class="index-list">'
        + "".join(items)
        + "</ul>"
    )
    html = page_html("Báo cáo thống kê xây dựng Đảng", body, "", "", "", "index.html", [])
    tmp = out / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out / "index.html")


def write_set_index(staging: Path, jobs: list[Job], page: dict) -> None:
    """``reports/<date>/index.html``: every report with its one-line key finding."""
    from html import escape as esc  # not report.esc: that module imports pandas, a second here

    from helpers.render.pages import page_html

    def item(job: Job) -> str:
        return f'<li><a href="{esc(job.html)}">{esc(job.title)}</a><br><span class="cite">{esc(job.finding)}</span></li>'

    cross = [j for j in jobs if "/" not in j.name]
    profiles = [j for j in jobs if "/" in j.name]
    body = (
        '<h2 id="bao-cao-chung">Báo cáo chung</h2><ul class="index-list">'
        + "".join(map(item, cross))
        + "</ul>"
    )
    if profiles:
        body += (
            '<h2 id="ho-so-tinh">Hồ sơ tỉnh</h2><ul class="index-list">'
            + "".join(map(item, profiles))
            + "</ul>"
        )
    html = page_html(
        "Bộ báo cáo",
        body,
        page["date_vi"],
        page["date_iso"],
        page["data_version"],
        "../index.html",
        page["sources"],
    )
    (staging / "index.html").write_text(html, encoding="utf-8")


def page_data(data_dir: Path, date: str, inputs: dict[str, str]) -> dict:
    """Header and footer data shared by every page of a set."""
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    with open(data_dir / "sources.csv", encoding="utf-8", newline="") as fh:
        sources = [
            {k: row.get(k, "") for k in ("source_id", "headline", "byline", "outlet", "published")}
            for row in csv.DictReader(fh)
        ]
    for source in sources:
        if source["published"]:
            source["published"] = f"{dt.date.fromisoformat(source['published']):%d/%m/%Y}"
    day = dt.date.fromisoformat(date)
    return {
        "date_iso": date,
        "date_vi": f"{day:%d/%m/%Y}",
        "data_version": f"{descriptor.get('version', '?')} · {inputs['data'][:12]}",
        "sources": sources,
    }


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in (
        "pandas",
        "matplotlib",
        "seaborn",
        "papermill",
        "nbconvert",
        "nbclient",
        "frictionless",
        "babel",
    ):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


# --------------------------------------------------------------------------- command


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
            log(f"[{self.done}/{self.total}] {job.name} {job.status} ({job.duration_s:.1f} s)")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def log(message: str) -> None:
    print(f"render: {message}", file=sys.stderr, flush=True)


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
        log(f"no report matches --only {only!r}")
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
        log(f"nothing changed; {published} is current ({len(planned)} reports)")
        return EXIT_OK

    from helpers.data.validation import mark_validated, validate_package

    violations = validate_package(data_dir, seeds=seeds)
    if violations:
        for v in violations:
            print(str(v), file=sys.stderr)
        log(f"{len(violations)} data violation(s) in {data_dir}: nothing was executed or published")
        return EXIT_INVALID_DATA
    mark_validated(data_dir, seeds)  # workers and kernels inherit it and skip a second check

    run_id = f"{dt.datetime.now():%H%M%S}-{os.getpid()}"
    staging = out / ".staging" / run_id
    staging.mkdir(parents=True)
    page = page_data(data_dir, date, inputs)
    reuse_from = published.resolve() if published.exists() else None
    keep: list[Job] = []
    if (
        reuse_from
    ):  # unchanged reports, and reports outside --only/--province, come from the published set
        for name, record in done.items():
            job = next((j for j in planned if j.name == name), None)
            if (job is None and (only or province)) or (job is not None and job not in todo):
                copy = Job(**{k: v for k, v in record.items() if k in Job.__dataclass_fields__})
                for rel in (copy.html, copy.ipynb):
                    (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(reuse_from / rel, staging / rel)
                copy.status = "reused"
                keep.append(copy)
    log(f"{len(todo)} to execute, {len(keep)} unchanged, {jobs} worker(s)")
    results = _execute(todo, staging, page, jobs, fresh)
    failed = [j for j in results if j.status == "failed"]
    if failed:
        keep_dir = out / ".failed" / f"{date}--{run_id}"
        for job in failed:
            src = staging / job.ipynb
            if src.exists():
                (keep_dir / job.ipynb).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(src, keep_dir / job.ipynb)
        shutil.rmtree(staging, ignore_errors=True)
        for job in failed:
            cell = (
                f"cell {job.error.get('cell')}"
                if job.error.get("cell") is not None
                else "before any cell"
            )
            log(
                f"FAILED {job.name} ({job.notebook}), {cell}: {job.error.get('ename')}: {job.error.get('evalue')}"
            )
        log(
            f"{len(failed)} of {len(results)} report(s) failed; nothing published; {published} untouched; failed notebooks kept in {keep_dir}"
        )
        return EXIT_FAILED
    everything = sorted(keep + results, key=lambda j: (("/" in j.name), j.name))
    write_set_index(staging, everything, page)
    manifest = {
        "date": date,
        "status": "complete",
        "data_dir": str(data_dir.resolve()),
        "data_version": page["data_version"],
        "inputs": inputs,
        "packages": package_versions(),
        "python": sys.version.split()[0],
        "reports": [asdict(j) for j in everything],
    }
    (staging / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    link = publish(staging, out, date)
    log(f"published {len(everything)} report(s) to {link}")
    return EXIT_OK


def _execute(todo: list[Job], staging: Path, page: dict, jobs: int, fresh: bool) -> list[Job]:
    progress = Progress(len(todo))
    results = []
    if not todo:
        return results
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


def _check_date(ctx, param, value: str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    if not _is_date(value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD")
    return value


@click.command(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 ok or nothing to do, 1 a report failed, 2 usage, 3 invalid data, 75 another run is going.",
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
def main(date, data_dir, only, province, out, jobs, force, fresh) -> None:
    """Render the reports into OUT/YYYY-MM-DD/ and publish them only if all succeed."""
    if not (data_dir / "datapackage.json").is_file():
        raise click.BadParameter(f"{data_dir} holds no datapackage.json", param_hint="--data")
    if province:
        from helpers.data.provinces import UnknownProvinceError, province_index

        try:
            province_index(data_dir).resolve(province)
        except UnknownProvinceError as exc:
            raise click.BadParameter(str(exc), param_hint="--province") from None
    try:
        with RenderLock(out):
            code = render(date, data_dir, out, only, province, jobs, force, fresh)
    except Busy as exc:
        log(str(exc))
        code = EXIT_BUSY
    sys.exit(code)


if __name__ == "__main__":
    main()
