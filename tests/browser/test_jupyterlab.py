"""Each notebook in real JupyterLab, as an analyst runs it: Run > Run All Cells, then no error."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from helpers.paths import NOTEBOOKS_DIR

pytestmark = [pytest.mark.browser, pytest.mark.jupyterlab]
NOTEBOOKS = sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
LAB_SETTINGS = {  # a quiet Lab: no news or update pop-ups over the menus, every cell in the DOM
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
RUN_TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Lab:
    """A running ``jupyter lab`` server: its URL, token and notebook folder."""

    def __init__(self, root: Path, port: int, token: str, process: subprocess.Popen, log: Path):
        self.root, self.port, self.token, self.process, self.log = root, port, token, process, log
        self.url = f"http://127.0.0.1:{port}"

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium_path) -> Lab:
    """One JupyterLab server for every notebook, on a free port with a token; always stopped."""
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.is_file():
        pytest.skip(f"jupyter not found beside {sys.executable}: install the locked dependencies")
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    (root / "notebooks").mkdir(parents=True)
    for notebook in NOTEBOOKS:  # the notebooks only: kernels may leave sockets beside them
        shutil.copy2(NOTEBOOKS_DIR / notebook, root / "notebooks" / notebook)
    config, data, runtime = base / "config", base / "data", base / "runtime"
    settings = base / "settings"
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        target = settings / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_DATA_DIR": str(data),
        "JUPYTER_RUNTIME_DIR": str(runtime),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    env.pop("TCCSD_NOTEBOOKS_DIR", None)  # the notebooks read the bundled data by default
    log = base / "jupyter.log"
    as_root = ["--allow-root"] if os.geteuid() == 0 else []  # CI containers run as root
    with open(log, "wb") as log_fh:
        process = subprocess.Popen(
            [str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
             "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
             "--LabApp.extension_manager=readonly", *as_root],
            stdout=log_fh, stderr=subprocess.STDOUT, env=env, cwd=root,
        )  # fmt: skip
    server = Lab(root / "notebooks", port, token, process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"jupyter lab exited ({process.returncode}):\n{log.read_text()[-3000:]}"
                )
            try:
                server.api("GET", "/api/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer in 60 s:\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def _outputs_on_disk(path: Path) -> list[str]:
    """Errors and stderr in the notebook Lab saved, and code cells it never executed."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.execution_count is None:
            found.append(f"cell {index} was not executed")
        for output in cell.outputs:
            if output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {index} wrote to stderr: {output.text[:300]}")
    return found


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_all_cells_in_jupyterlab(name, lab, context, artifacts):
    """Open the notebook, Run > Run All Cells, wait for the kernel, find no error output."""
    page = context.new_page()
    try:
        workspace = re.sub(r"[^a-z0-9]", "", name)
        page.goto(
            f"{lab.url}/lab/workspaces/{workspace}/tree/notebooks/{name}?token={lab.token}",
            wait_until="domcontentloaded",
        )
        notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        notebook.locator(".jp-Cell").first.wait_for(timeout=60_000)
        idle = notebook.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
        status = page.locator(".jp-StatusBar-Widget").get_by_text(re.compile(r"\| Idle$"))
        status.wait_for(timeout=60_000)  # the kernel started and Lab is connected to it
        expect(idle).to_have_count(1, timeout=30_000)
        page.locator("#jp-MainMenu").get_by_text("Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        chooser = page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True)
        page.wait_for_timeout(300)
        if chooser.count():  # Lab asks for a kernel when the session is still settling
            chooser.click()
        prompts = notebook.locator(".jp-CodeCell .jp-InputArea-prompt")
        expected = sum(c.cell_type == "code" for c in nbformat.read(lab.root / name, 4).cells)
        expect(prompts).to_have_count(expected, timeout=30_000)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:
            texts = prompts.all_inner_texts()
            done = all(re.fullmatch(r"\[\d+\]:", t.strip()) for t in texts)
            if done and idle.count() == 1:
                break
            assert time.monotonic() < deadline, (
                f"{name}: still running after {RUN_TIMEOUT_S} s: prompts {texts}, kernel"
                f" {notebook.locator('.jp-Notebook-ExecutionIndicator').get_attribute('data-status')}"
            )
            page.wait_for_timeout(250)
        numbers = [int(t.strip()[1:-2]) for t in texts]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), numbers
        errors = notebook.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
        )
        shown = errors.all_inner_texts()
        assert not shown, f"{name}: error output in Lab:\n" + "\n---\n".join(shown)[:3000]
        text = notebook.inner_text()
        assert "Traceback" not in text, f"{name}: a traceback shows in Lab"
        page.keyboard.press("Control+s")
        page.wait_for_function(
            "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-mod-dirty')"
            " && !document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')",
            timeout=30_000,
        )
        problems = _outputs_on_disk(lab.root / name)
        assert not problems, f"{name} as Lab saved it: {problems}"
    finally:
        artifacts.joinpath("jupyterlab").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(artifacts / "jupyterlab" / f"{Path(name).stem}.png"))
        page.close()
        for session in lab.api("GET", "/api/sessions") or []:
            lab.api("DELETE", f"/api/sessions/{session['id']}")
