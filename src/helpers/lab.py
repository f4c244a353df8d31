"""Saving a notebook from JupyterLab writes it as committed: no outputs, no execution counts.

``make lab`` starts JupyterLab with ``jupyter/jupyter_server_config.py``, which installs
:func:`strip_outputs` as the contents manager's ``pre_save_hook``. So a notebook saved from Lab
keeps the form the tests require (``tests/test_notebooks.py``) and the same bytes when only
outputs changed, which keeps the render's cache key (``render/plan.py``) and skips a re-render.
"""

from __future__ import annotations

# Cell metadata that only records a session (timings, scroll state), never what a cell does.
SESSION_CELL_KEYS = ("execution", "collapsed", "scrolled", "trusted", "ExecuteTime")
# Notebook metadata a kernel writes when it runs; the committed notebooks keep only its name.
SESSION_NOTEBOOK_KEYS = ("widgets", "toc", "varInspector")


def strip_notebook(nb: dict) -> dict:
    """Remove outputs, execution counts and session metadata from a notebook (in place)."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        metadata = cell.get("metadata", {})
        for key in SESSION_CELL_KEYS:
            metadata.pop(key, None)
    metadata = nb.get("metadata", {})
    for key in SESSION_NOTEBOOK_KEYS:
        metadata.pop(key, None)
    language = metadata.get("language_info")
    if isinstance(language, dict) and "name" in language:
        metadata["language_info"] = {"name": language["name"]}
    return nb


def strip_outputs(model: dict, **kwargs) -> None:
    """Jupyter Server ``pre_save_hook``: strip a notebook model before it is written."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        strip_notebook(model["content"])
