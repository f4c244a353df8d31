"""Shared fixtures: a scratch copy of the data package, and the source articles when present."""

import shutil
from pathlib import Path

import pytest

from helpers.paths import DATA_DIR, PROJ_ROOT, seeds_dir

FIXTURES = Path(__file__).parent / "fixtures"


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
