"""Project hygiene: the conda environment matches the lock, the dictionary matches the schema."""

import re
import tomllib

import pytest

from helpers.data.dictionary import render_dictionary
from helpers.paths import DATA_DIR, PROJ_ROOT


def _lock_pins() -> dict[str, str]:
    text = (PROJ_ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {
        name.lower(): version
        for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.MULTILINE)
    }


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJ_ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s+- ([A-Za-z0-9_.-]+)=([^=\s]+)$", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def _direct_dependencies() -> set[str]:
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower() for spec in specs}


def test_environment_yml_matches_the_lock():
    lock, conda = _lock_pins(), _conda_pins()
    conda.pop("python")
    missing = _direct_dependencies() - set(conda)
    assert not missing, f"environment.yml lacks direct dependencies {sorted(missing)}"
    drift = {
        name: (version, lock.get(name))
        for name, version in conda.items()
        if lock.get(name) != version
    }
    assert not drift, f"environment.yml pins differ from requirements.lock: {drift}"


def test_lock_covers_every_direct_dependency():
    missing = _direct_dependencies() - set(_lock_pins())
    assert not missing, f"requirements.lock lacks {sorted(missing)}: run make lock"


def test_data_dictionary_is_current():
    current = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert current == render_dictionary(DATA_DIR), "data/README.md is stale: run make dictionary"


def test_ci_runs_the_readme_test_command():
    readme = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make reports" in readme
    assert "make test" in (PROJ_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _modules() -> list[str]:
    import pkgutil

    import helpers

    names = [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")]
    return ["helpers"] + [n for n in names if not n.endswith("__main__")]


@pytest.mark.parametrize("module", _modules())
def test_every_module_has_a_docstring(module):
    import importlib

    assert (importlib.import_module(module).__doc__ or "").strip()
