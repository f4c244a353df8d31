"""Run a notebook through papermill and collect what a reader would see, for the tests."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import papermill as pm

from helpers.paths import NOTEBOOKS_DIR


def execute(name: str, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    """Execute notebooks/<name> with ``parameters``; return the executed notebook."""
    output = (
        out_dir / f"{Path(name).stem}-{abs(hash(tuple(sorted(parameters.items())))) % 10**8}.ipynb"
    )
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / name), str(output), parameters=parameters, cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3", progress_bar=False, log_output=False,
    )  # fmt: skip
    return nbformat.read(output, as_version=4)


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
