"""Shared fixtures: a scratch copy of the data package, the source articles when present, and
what is expensive to make, made once per session: the rendered set of the bundled data, the
synthetic 63-province package and the warm kernel the notebook tests run in.

Under pytest-xdist (``make test`` runs ``-n 2 --dist loadfile``) each worker is a session of its
own; the rendered set is still made once, by whichever worker needs it first, and read by the
others (see :func:`rendered`).
"""

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import DATA_DIR, PROJ_ROOT, seeds_dir

FIXTURES = Path(__file__).parent / "fixtures"
RENDER_DATE = "2026-11-22"
# Under xdist a worker takes whole test files in this order (the others follow in collection
# order): the longest first, so the two workers finish close together; the render tests make
# the rendered set that the browser tests of the real reports read, well before those start.
XDIST_ORDER = (
    "test_faults_render.py",
    "browser/test_phone_and_print.py",
    "test_render.py",
    "browser/test_jupyterlab.py",
    "test_profiles.py",
    "test_reader_text.py",
    "browser/test_hostile_data.py",
    "test_notebooks.py",
    "browser/test_reports_in_browser.py",
    "test_faults_data.py",
    "test_validation.py",
    "test_engine.py",
)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of source articles; tests that need it skip with the reason when it is absent."""
    path = seeds_dir()
    if not path.is_dir():
        pytest.skip(f"source articles not found at {path} (set TCCSD_SEEDS_DIR)")
    return path


@pytest.fixture(scope="session")
def proj_root() -> Path:
    return PROJ_ROOT


def _shared_root(tmp_path_factory, name: str) -> Path:
    """A folder every xdist worker of this run sees under the same path (one per run)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = tmp_path_factory.getbasetemp().parent / name
        root.mkdir(exist_ok=True)
        return root
    return tmp_path_factory.mktemp(name)


@pytest.fixture(scope="session", autouse=True)
def founding_data(tmp_path_factory) -> Path:
    """The bundled data as of the five founding articles, at one path for all workers; its path
    is also in $TCCSD_TEST_FOUNDING_DATA for helpers that build command lines."""
    from fixtures.founding import make_founding

    root = _shared_root(tmp_path_factory, "founding")
    with open(root / "made.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "data").is_dir():
            make_founding(root / "data")
    os.environ["TCCSD_TEST_FOUNDING_DATA"] = str(root / "data")
    return root / "data"


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, founding_data) -> tuple[Path, subprocess.CompletedProcess]:
    """The bundled data rendered once per run, as users run it: ``python -m helpers.render
    --out OUT --date 2026-11-22 --jobs 2`` (warm kernels). Returns OUT, which holds ``DATE/``,
    ``latest`` and ``index.html``, and the finished process.

    The render tests and the browser tests read it; the tests that run the command again on OUT
    check that it leaves ``DATE/`` byte for byte as it was. Under xdist the workers share one
    folder: the first to get the lock renders, the others wait for it and read the same set.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by the workers
    else:
        root = tmp_path_factory.mktemp("rendered")
    out, record = root / "reports", root / "rendered.json"
    with open(root / "rendered.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.is_file():
            result = subprocess.run(
                [sys.executable, "-m", "helpers.render", "--out", str(out), "--date", RENDER_DATE,
                 "--jobs", "2", "--data", str(founding_data)],
                capture_output=True, text=True, timeout=600, check=False, cwd=PROJ_ROOT,
            )  # fmt: skip
            kept = {"args": result.args, "returncode": result.returncode}
            record.write_text(json.dumps({**kept, "stderr": result.stderr}), encoding="utf-8")
    result = subprocess.CompletedProcess(**json.loads(record.read_text(encoding="utf-8")))
    assert result.returncode == 0, result.stderr[-3000:]
    return out, result


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    """The synthetic 63-province package and its seeds folder, generated once per session."""
    from helpers.data.synthetic import make_synthetic

    root = tmp_path_factory.mktemp("synthetic")
    return make_synthetic(root / "data", root / "seeds"), root / "seeds"


@pytest.fixture(scope="session")
def notebook_kernel():
    """The warm kernel ``notebook_runner.execute`` runs notebooks in; shut down at the end."""
    import notebook_runner

    yield
    notebook_runner.stop_kernel()


def pytest_collection_modifyitems(config, items):
    """Under xdist, order the test files as XDIST_ORDER says; else keep pytest's order."""
    if not hasattr(config, "workerinput"):  # only xdist's workers have it
        return
    tests_dir = Path(__file__).parent
    rank = {name: i for i, name in enumerate(XDIST_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.relative_to(tests_dir).as_posix(), len(rank)))
