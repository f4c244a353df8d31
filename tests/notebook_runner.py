"""Run a notebook through papermill and collect what a reader would see, for the tests.

Notebooks run in the render's warm kernel (``helpers.render.engine``), as ``tccsd render`` runs
them: the kernel starts and imports pandas, matplotlib and helpers once per test process, and is
reset between notebooks. A fresh kernel per notebook is what the JupyterLab tests, the plain
papermill CLI test and the render's ``--fresh`` test check. Each notebook and parameter set runs
once per session: tests that assert different facts about the same execution share it.
"""

from __future__ import annotations

import copy
import html
import os
import re
from pathlib import Path

import nbformat
import papermill as pm

from helpers.paths import NOTEBOOKS_DIR
from helpers.render import engine

_EXECUTED: dict[tuple, nbformat.NotebookNode] = {}
_KERNEL_ENV: dict[str, str] = {}  # the variables the current warm kernel was started with


def execute(
    name: str, out_dir: Path, env: dict | None = None, **parameters
) -> nbformat.NotebookNode:
    """Execute notebooks/<name> with ``parameters``; return the executed notebook.

    ``env`` holds environment variables the kernel must see (e.g. ``TCCSD_SEEDS_DIR``): the warm
    kernel reads its environment when it starts, so a different ``env`` starts a new kernel.
    A notebook that fails raises papermill's ``PapermillExecutionError`` and is not cached.
    """
    env = dict(env or {})
    key = (str(NOTEBOOKS_DIR / name), tuple(sorted(parameters.items())), tuple(sorted(env.items())))
    if key not in _EXECUTED:
        output = out_dir / f"{Path(name).stem}-{abs(hash(key)) % 10**8}.ipynb"
        _run_warm(name, output, parameters, env)
        _EXECUTED[key] = nbformat.read(output, as_version=4)
    return copy.deepcopy(_EXECUTED[key])


def _run_warm(name: str, output: Path, parameters: dict, env: dict) -> None:
    global _KERNEL_ENV
    if env != _KERNEL_ENV:
        engine.discard_kernel()
        _KERNEL_ENV = env
    engine.register()
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # seen by the kernel only if it starts now, which is the point
    try:
        pm.execute_notebook(
            str(NOTEBOOKS_DIR / name), str(output), parameters=parameters, cwd=str(NOTEBOOKS_DIR),
            kernel_name="python3", engine_name=engine.ENGINE, progress_bar=False, log_output=False,
        )  # fmt: skip
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def stop_kernel() -> None:
    """Shut the warm kernel down (end of session)."""
    engine.discard_kernel()


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Error outputs and anything written to stderr (warnings such as a missing glyph)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"error: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"stderr: {out.text[:300]}")
    return found


def visible_text(nb: nbformat.NotebookNode) -> str:
    """All HTML and plain-text output, tags stripped, entities decoded."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data:
                parts.append(html.unescape(re.sub(r"<[^>]+>", " ", data["text/html"])))
            elif "text/plain" in data:
                parts.append(data["text/plain"])
            elif out.output_type == "stream":
                parts.append(out.text)
    return re.sub(r"\s+", " ", " ".join(parts))


def findings(nb: nbformat.NotebookNode) -> list[str]:
    """The key-findings sentences of an executed notebook."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            markup = out.get("data", {}).get("text/html", "")
            if 'class="findings"' in markup:
                return [html.unescape(li) for li in re.findall(r"<li>(.*?)</li>", markup)]
    return []
