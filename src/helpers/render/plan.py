"""What a render produces, and when a report must run again.

:func:`plan` lists the reports (the cross-province notebooks and one profile per province);
:func:`input_hashes` and :func:`job_key` give each report a key over everything it depends on, so
an unchanged report is copied from the published set instead of executed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PROJ_ROOT, hash_files

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
