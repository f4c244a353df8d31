"""Warm kernels: state one report sets is not visible to the next, and the kernel is reused."""

import json

import nbformat
import papermill as pm
import pytest

from helpers.render import engine

LEAK = """
import matplotlib, os, random, sys, warnings
import matplotlib.pyplot as plt
import pandas as pd
LEAK = 42
matplotlib.rcParams["lines.linewidth"] = 9
pd.set_option("display.max_rows", 3)
os.environ["TCCSD_LEAK"] = "1"
sys.path.insert(0, "/leak")
warnings.simplefilter("error")
plt.figure()
random.seed(99)
os.chdir("/")
def leaked_hook(result):
    print("leaked hook")
get_ipython().events.register("post_run_cell", leaked_hook)
print(json.dumps({"pid": os.getpid()}))
"""

CHECK = """
import matplotlib, os, random, sys, warnings
import matplotlib.pyplot as plt
import pandas as pd
import numpy as np
assert "LEAK" not in globals(), "user namespace leaked"
assert matplotlib.rcParams["lines.linewidth"] == 1.5, "rcParams leaked"
assert pd.get_option("display.max_rows") == 60, "pandas options leaked"
assert "TCCSD_LEAK" not in os.environ, "environment leaked"
assert "/leak" not in sys.path, "sys.path leaked"
assert not warnings.filters or warnings.filters[0][0] != "error", "warning filters leaked"
assert plt.get_fignums() == [], "figures leaked"
assert os.getcwd() == CWD, f"cwd leaked: {os.getcwd()}"
hooks = get_ipython().events.callbacks["post_run_cell"]
assert all(h.__name__ != "leaked_hook" for h in hooks), "IPython event hooks leaked"
random.seed(0)
expected = random.random()
print(json.dumps({"pid": os.getpid()}))
"""


def notebook(path, code, cwd=""):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(f"import json\nCWD = {cwd!r}"),
        nbformat.v4.new_code_cell(code),
    ]
    nbformat.write(nb, path)
    return path


def run(path, out, engine_name):
    pm.execute_notebook(
        str(path),
        str(out),
        cwd=str(path.parent),
        kernel_name="python3",
        engine_name=engine_name,
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    stdout = [o for o in nb.cells[-1].outputs if o.output_type == "stream" and o.name == "stdout"]
    lines = [line for o in stdout for line in o["text"].splitlines() if line.startswith("{")]
    return json.loads(lines[-1])


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A folder whose notebooks run in one warm kernel, started here and shared by this module's
    tests (a warm kernel keeps the working directory it started in). None is left running
    before or after: another module's kernel would start elsewhere."""
    engine.discard_kernel()
    engine.register()
    yield tmp_path_factory.mktemp("warm")
    engine.discard_kernel()


def test_state_set_by_one_report_is_not_visible_to_the_next(warm):
    cwd = str(warm.resolve())
    leak = notebook(warm / "leak.ipynb", LEAK)
    check = notebook(warm / "check.ipynb", CHECK, cwd=cwd)
    first = run(leak, warm / "out1.ipynb", "warm")
    second = run(check, warm / "out2.ipynb", "warm")
    third = run(leak, warm / "out3.ipynb", "warm")
    assert first["pid"] == second["pid"] == third["pid"], "the warm kernel must be reused"


def test_fresh_engine_uses_a_new_kernel_each_time(tmp_path):
    engine.register()
    leak = notebook(tmp_path / "leak.ipynb", LEAK)
    assert (
        run(leak, tmp_path / "a.ipynb", engine.FRESH)["pid"]
        != run(leak, tmp_path / "b.ipynb", engine.FRESH)["pid"]
    )


def test_warm_kernel_restarts_after_discard(warm):
    leak = notebook(warm / "leak.ipynb", LEAK)
    first = run(leak, warm / "a.ipynb", "warm")  # the module's warm kernel (started if need be)
    engine.discard_kernel()
    assert run(leak, warm / "b.ipynb", "warm")["pid"] != first["pid"]


def test_a_kernels_own_output_goes_to_its_log_not_the_renders_stderr(tmp_path, monkeypatch, capfd):
    """A stopped kernel's chatter ("Parent appears to have exited", a ZMQ traceback) must never
    reach the operator's stderr; what it writes stays in the run folder's log."""
    from helpers.render import supervise

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    monkeypatch.setenv(supervise.RUN_DIR_ENV, str(run_dir))
    kernel = engine.Kernel(tmp_path)
    try:
        kernel.run(
            "import os; os.write(2, b'kernel-own-stderr\\n'); os.write(1, b'kernel-own-stdout\\n')"
        )
        log = kernel.log_path()
    finally:
        kernel.shutdown()
    assert log.parent == run_dir
    assert "kernel-own-stderr" in log.read_text() and "kernel-own-stdout" in log.read_text()
    captured = capfd.readouterr()
    assert "kernel-own" not in captured.err + captured.out


def test_a_kernel_starts_when_its_log_cannot_be_opened(tmp_path, monkeypatch):
    """A log is no reason to fail a report: an unwritable log place means no log."""
    monkeypatch.setattr(engine.Kernel, "log_path", lambda self: tmp_path / "missing" / "k.log")
    kernel = engine.Kernel(tmp_path)
    try:
        kernel.run("x = 1")
    finally:
        kernel.shutdown()
    assert not (tmp_path / "missing").exists()


def test_render_processes_read_notebooks_without_compiling_the_iri_grammars():
    """A worker imports nbformat and nbconvert, and through them jsonschema, without the Earley
    grammars of rfc3987_syntax (seconds of CPU per process); jsonschema's formats still work."""
    import subprocess
    import sys

    code = (
        "import sys, helpers.render.execute, nbformat, nbconvert, jsonschema\n"
        "assert 'lark' not in sys.modules, 'the IRI grammars were compiled'\n"
        "checker = jsonschema.FormatChecker()\n"
        "assert checker.conforms('2026-11-24', 'date') and not checker.conforms('24/11', 'date')\n"
        "nbformat.validate(nbformat.v4.new_notebook())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
