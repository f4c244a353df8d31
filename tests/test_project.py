"""Project hygiene: the conda environment matches the lock, the dictionary matches the schema,
every imported distribution is declared."""

import ast
import json
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest

from helpers.data.dictionary import render_dictionary
from helpers.paths import DATA_DIR, PROJ_ROOT


def _norm(name: str) -> str:
    """PEP 503 name: conda's jupyter_client and PyPI's jupyter-client are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock_pins() -> dict[str, set[str]]:
    """Every version the universal lock pins for a name (one per Python version marker)."""
    text = (PROJ_ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.MULTILINE):
        pins.setdefault(_norm(name), set()).add(version)
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJ_ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s+- ([A-Za-z0-9_.-]+)=([^=\s]+)$", line)
        if match:
            pins[_norm(match.group(1))] = match.group(2)
    return pins


def _direct_dependencies() -> set[str]:
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_norm(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in specs}


def test_environment_yml_matches_the_lock():
    lock, conda = _lock_pins(), _conda_pins()
    conda.pop("python")
    missing = _direct_dependencies() - set(conda)
    assert not missing, f"environment.yml lacks direct dependencies {sorted(missing)}"
    drift = {
        name: (version, sorted(lock.get(name, ())))
        for name, version in conda.items()
        if version not in lock.get(name, ())
    }
    assert not drift, f"environment.yml pins differ from requirements.lock: {drift}"


def test_lock_covers_every_direct_dependency():
    missing = _direct_dependencies() - set(_lock_pins())
    assert not missing, f"requirements.lock lacks {sorted(missing)}: run make lock"


def _imported_modules() -> set[str]:
    """Top-level modules that helpers and the notebooks import, standard library excluded."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in (PROJ_ROOT / "src").rglob("*.py")]
    for notebook in (PROJ_ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        trees += [ast.parse("".join(c["source"])) for c in code]
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"helpers"}


def test_every_imported_distribution_is_declared():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_norm(re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0]) for s in project["dependencies"]}
    owners = packages_distributions()
    undeclared = {
        module: owners.get(module, ["not installed"])
        for module in _imported_modules()
        if not {_norm(d) for d in owners.get(module, [])} & declared
    }
    assert not undeclared, f"imported but not in pyproject dependencies: {undeclared}"


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
