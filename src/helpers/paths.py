"""One place for the project's paths, so notebooks, tests and commands agree on them."""

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
# $TCCSD_NOTEBOOKS_DIR lets tests render a modified copy of the notebooks.
NOTEBOOKS_DIR = Path(os.environ.get("TCCSD_NOTEBOOKS_DIR") or PROJ_ROOT / "notebooks")
REPORTS_DIR = PROJ_ROOT / "reports"


def seeds_dir() -> Path:
    """Where the source articles live: $TCCSD_SEEDS_DIR, else ../shared/seeds beside the repo."""
    env = os.environ.get("TCCSD_SEEDS_DIR")
    return Path(env) if env else PROJ_ROOT.parent / "shared" / "seeds"


def hash_files(digest, paths: list[Path], root: Path) -> None:
    """Feed each file's name (relative to ``root``) and bytes to a hashlib ``digest``."""
    for path in sorted(paths):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
