"""What a render produces, and when a report must run again.

:func:`plan` lists the reports: the cross-province notebooks, one profile per province with
figures, and one per unit after 1 July 2025 that joins provinces of which one has figures (a unit
the merger left unchanged shares its province's page). A province without figures gets no page;
``10-data-inventory`` says which provinces have none.
:func:`input_hashes` and :func:`job_key` give each report a key over everything it depends on, so
an unchanged report is copied from the published set instead of executed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from helpers.errors import ParameterError
from helpers.paths import DATA_DIR, NOTEBOOKS_DIR, PROJ_ROOT, hash_files

RENDER_VERSION = "1"  # bump to re-render everything after a change the input hash cannot see
PROFILE_NOTEBOOK = "40-province-profile.ipynb"
PACKAGE_DIR = Path(__file__).parents[1]  # all of helpers but NOT_IN_REPORTS: a change re-renders


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


class NoFiguresError(ParameterError):
    """A profile asked for a province that has no figures, nor has its unit after the merger."""


@dataclass(frozen=True)
class Profile:
    """One profile page: its file name, the notebook's parameters and the page title."""

    slug: str
    parameters: dict
    title: str


def profiles(data_dir: Path, province: str | None = None) -> list[Profile]:
    """The profiles to render: every province with figures, then every merged unit with figures
    through one of its members; with ``province`` (any spelling) that province's profile and its
    unit's, those of the two that have figures.

    Raises:
        UnknownProvinceError: ``province`` is no province of the 63.
        NoFiguresError: neither the province nor any province of its unit has figures.
    """
    from helpers.data.provinces import page_slug, province_index, provinces_with_figures

    index = province_index(data_dir)
    with_figures = provinces_with_figures(data_dir)
    if province:
        name = index.resolve(province)
        wanted, units = [name] if name in with_figures else [], [index.unit_of(name)]
    else:
        wanted, units = sorted(with_figures), index.units()
    units = [u for u in units if u.merged and with_figures & set(u.members)]
    if province and not (wanted or units):
        unit = index.unit_of(province)
        raise NoFiguresError(
            f"no figures for {index.resolve(province)} nor for the other provinces of its unit after "
            f"1/7/2025 ({unit.display}: {', '.join(unit.members)}), so it has no profile; "
            f"provinces with figures: {', '.join(sorted(with_figures))}"
        )
    out = [Profile(page_slug(n), {"province": n}, index.title(n)) for n in wanted]
    out += [Profile(u.slug, {"province": u.name, "after_merger": True}, u.title) for u in units]
    return out


def check_profile_request(data_dir: Path, province: str) -> None:
    """Raise a ParameterError (one line) unless ``--province`` names a profile that can exist."""
    profiles(data_dir, province)


def plan(data_dir: Path, date: str, only: str | None, province: str | None) -> list[Job]:
    """The reports to produce: cross-province notebooks plus the profiles (see :func:`profiles`)."""
    data_arg = "" if data_dir.resolve() == DATA_DIR.resolve() else str(data_dir.resolve())
    base = {"data_dir": data_arg, "report_date": date}
    jobs = []
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        stem = path.stem
        if only and only not in (stem, stem.split("-", 1)[-1], path.name):
            continue
        if path.name == PROFILE_NOTEBOOK:
            for p in profiles(data_dir, province):
                jobs.append(
                    Job(
                        f"{stem}/{p.slug}",
                        path.name,
                        {**base, **p.parameters},
                        f"provinces/{p.slug}.html",
                        f"notebooks/provinces/{p.slug}.ipynb",
                        title=p.title,
                    )
                )
        else:
            jobs.append(Job(stem, path.name, dict(base), f"{stem}.html", f"notebooks/{stem}.ipynb"))
    return jobs


# Subpackages no report imports (a test checks it): a change to the curation assistant's rules
# must not make the nightly run execute every report again.
NOT_IN_REPORTS = ("extract",)


def _report_sources() -> list[Path]:
    """The package files a report can depend on: code, templates, styles."""
    return sorted(
        p
        for p in PACKAGE_DIR.rglob("*")
        if p.suffix in {".py", ".j2", ".json", ".css"}
        and p.relative_to(PACKAGE_DIR).parts[0] not in NOT_IN_REPORTS
    )


def input_hashes(data_dir: Path, seeds: Path | None) -> dict[str, str]:
    """Hashes of everything a report depends on besides its notebook and parameters."""
    parts = {
        "data": (sorted(p for p in data_dir.rglob("*") if p.is_file()), data_dir),
        "helpers": (_report_sources(), PACKAGE_DIR),
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
