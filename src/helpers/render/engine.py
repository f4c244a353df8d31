"""Execute notebooks in a warm kernel that each worker keeps, instead of a fresh one per report.

A fresh kernel pays its start-up and the pandas/matplotlib/seaborn/helpers imports for every
report; a warm one pays them once per worker. ``helpers.render.warm`` resets the kernel between reports.
The engine plugs into papermill (``engine_name="warm"``), so parameter injection, the executed
notebook and ``PapermillExecutionError`` are papermill's own. Fresh mode stays available
(``engine_name="fresh"``: a new kernel per report), and a report that fails warm is run again
fresh before it counts as failed (unless it ran out of time). Both talk to their kernels over
IPC sockets in a private folder: a TCP port picked free can be taken by another worker's kernel
before this one binds it. The folder also holds the connection file, and each kernel is recorded
in the render's run folder (``helpers.render.supervise``), so a killed run leaves nothing that
the next run cannot find and remove.

Both engines take papermill's ``execution_timeout``: a cell still running after it fails the
report with ``TimeoutError`` at that cell (:func:`timed_out`), and the kernel, still busy, is
shut down (fresh) or discarded (warm) by the caller.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from helpers.render import supervise

ENGINE = "warm"
FRESH = "fresh"
_KERNEL: WarmKernel | None = None
_LIVE: set[Kernel] = set()  # every kernel this process started and has not shut down yet


class Kernel:
    """One python3 kernel on IPC sockets in its own folder, with a ready client."""

    def __init__(self, cwd: Path, startup_timeout: float = 120):
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.cwd = str(cwd)
        self.kc = None
        self.sockets = tempfile.mkdtemp(prefix="tccsd-kernel-")
        self.name = Path(self.sockets).name
        self.record = supervise.record("kernel", self.name, sockets=self.sockets)
        _LIVE.add(self)
        self.km = AsyncKernelManager(
            kernel_name="python3", transport="ipc", ip=os.path.join(self.sockets, "kernel"),
            connection_file=os.path.join(self.sockets, "connection.json"),
        )  # fmt: skip
        # No input history: a batch kernel never reads it, and two workers' kernels would queue
        # on the one SQLite file after every cell.
        try:
            with self._output() as log:
                run_sync(self.km.start_kernel)(
                    cwd=self.cwd, extra_arguments=["--HistoryManager.enabled=False"],
                    stdout=log, stderr=log,
                )  # fmt: skip
            pid, pgid = self._pids()
            self.record = supervise.record(
                "kernel", self.name, sockets=self.sockets, pid=pid, pgid=pgid
            )
            self.kc = self.km.client()
            self.kc.start_channels()
            run_sync(self.kc.wait_for_ready)(timeout=startup_timeout)
        except BaseException:
            self.shutdown()
            raise

    def log_path(self) -> Path:
        """Where the kernel process's own output goes: ``kernel-<name>.log`` in the render's run
        folder (kept with the failed notebooks), else in the kernel's folder.

        Never the render's stderr: a kernel whose worker was stopped logs "Parent appears to
        have exited" and a ZMQ traceback there, which an operator would read as a crash. A
        report's own output and errors come over the kernel's messages, not this stream.
        """
        run_dir = os.environ.get(supervise.RUN_DIR_ENV)
        folder = Path(run_dir) if run_dir and Path(run_dir).is_dir() else Path(self.sockets)
        return folder / f"kernel-{self.name}.log"

    @contextmanager
    def _output(self):
        """The kernel's log, opened for the kernel to inherit; nothing if it cannot be opened (a
        full disk must not fail a report for a log)."""
        try:
            log = open(self.log_path(), "ab")  # noqa: SIM115  (closed below, once inherited)
        except OSError:
            yield subprocess.DEVNULL
            return
        with log:
            yield log

    def run(self, code: str) -> None:
        """Run set-up code in the kernel; raise if it fails."""
        import nbformat
        from nbclient import NotebookClient

        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        client = NotebookClient(nb, km=self.km, timeout=300)
        client.kc = self.kc
        client.execute(cleanup_kc=False)
        errors = [o for o in nb.cells[0].outputs if o.output_type == "error"]
        if errors:
            raise RuntimeError(f"warm kernel set-up failed: {errors[0].ename}: {errors[0].evalue}")

    def alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return bool(run_sync(self.km.is_alive)())

    def _pids(self) -> tuple[int | None, int | None]:
        provisioner = getattr(self.km, "provisioner", None)
        return getattr(provisioner, "pid", None), getattr(provisioner, "pgid", None)

    def shutdown(self) -> None:
        from jupyter_core.utils import run_sync

        try:
            if self.kc is not None:
                self.kc.stop_channels()
            run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001, S110  (already gone: nothing to clean)
            pass
        self._forget()

    def kill(self) -> None:
        """SIGKILL the kernel's process group at once: safe in a signal handler (no event loop)."""
        pid, pgid = self._pids()
        try:
            if pgid:
                os.killpg(pgid, signal.SIGKILL)
            elif pid:
                os.kill(pid, signal.SIGKILL)
            if pid:
                os.waitpid(pid, 0)  # our child: gone for certain before the worker exits
        except OSError:
            pass
        self._forget()

    def _forget(self) -> None:
        shutil.rmtree(self.sockets, ignore_errors=True)
        supervise.forget(self.record)
        self.record = None
        _LIVE.discard(self)


class WarmKernel(Kernel):
    """One long-lived kernel with the libraries imported."""

    def __init__(self, cwd: Path):
        super().__init__(cwd)
        try:
            self.run(f"import helpers.render.warm as _w; _w.preload({self.cwd!r}); del _w")
        except BaseException:
            self.shutdown()
            raise

    def reset(self) -> None:
        """Reset the kernel's state (a direct request: lighter than a notebook client)."""
        from jupyter_core.utils import run_sync

        errors = []

        def hook(msg):
            if msg["msg_type"] == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")

        reply = run_sync(self.kc.execute_interactive)(
            "import helpers.render.warm as _w; _w.reset()",
            silent=False,
            store_history=False,
            timeout=120,
            output_hook=hook,
        )
        if reply["content"]["status"] != "ok" or errors:
            raise RuntimeError(f"warm kernel reset failed: {errors or reply['content']}")


class _KernelEngine:
    """papermill engine: run the managed notebook in the kernel :meth:`kernel` gives; a cell that
    outruns ``execution_timeout`` fails the report like any failing cell."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        from nbclient.exceptions import CellTimeoutError
        from papermill.clientwrap import PapermillNotebookClient
        from papermill.engines import logger

        with cls.kernel(start_timeout) as kernel:
            client = PapermillNotebookClient(
                nb_man, km=kernel.km, timeout=execution_timeout, startup_timeout=start_timeout,
                kernel_name=kernel_name, log=logger, log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
            )  # fmt: skip
            client.kc = kernel.kc
            try:
                return client.execute(cleanup_kc=False)
            except CellTimeoutError:
                raise timed_out(nb_man, execution_timeout) from None


class WarmEngine(_KernelEngine):
    """This worker's warm kernel, reset before each report."""

    @staticmethod
    @contextmanager
    def kernel(start_timeout: float):
        kernel = warm_kernel(Path.cwd())  # papermill has changed into the notebook's cwd
        kernel.reset()
        yield kernel


class FreshEngine(_KernelEngine):
    """A new kernel for the report, shut down afterwards."""

    @staticmethod
    @contextmanager
    def kernel(start_timeout: float):
        kernel = Kernel(Path.cwd(), startup_timeout=start_timeout)
        try:
            yield kernel
        finally:
            kernel.shutdown()


def timed_out(nb_man, timeout):
    """The error for a cell that outran ``timeout``: the cell is marked failed, with an error
    output, in the executed notebook papermill saves, and named like any failing cell."""
    import nbformat
    from papermill.exceptions import PapermillExecutionError

    cells = nb_man.nb.cells
    started = [i for i, c in enumerate(cells) if c.metadata.get("papermill", {}).get("start_time")]
    index = started[-1] if started else 0
    cell = cells[index]
    evalue = f"the cell was still running after {timeout} s (--timeout)"
    if cell.cell_type == "code":
        cell.outputs.append(
            nbformat.v4.new_output("error", ename="TimeoutError", evalue=evalue, traceback=[])
        )
    nb_man.cell_exception(cell, cell_index=index)
    error = PapermillExecutionError(
        index, cell.get("execution_count"), cell.source, "TimeoutError", evalue, []
    )
    error.nb = nb_man.nb  # papermill saves a failed notebook only for errors it finds itself
    return error


def warm_kernel(cwd: Path) -> WarmKernel:
    """This process's warm kernel, started on first use and restarted if it died."""
    global _KERNEL
    if _KERNEL is None or not _KERNEL.alive():
        _KERNEL = WarmKernel(cwd)
        from multiprocessing import util

        util.Finalize(_KERNEL, _KERNEL.shutdown, exitpriority=10)
    return _KERNEL


def kill_all() -> None:
    """Kill every kernel this process started (on SIGTERM, from the signal handler)."""
    global _KERNEL
    for kernel in list(_LIVE):
        kernel.kill()
    _KERNEL = None


def discard_kernel() -> None:
    """Drop the warm kernel (after a failure its state cannot be trusted)."""
    global _KERNEL
    if _KERNEL is not None:
        _KERNEL.shutdown()
        _KERNEL = None


def register() -> None:
    """Make ``engine_name="warm"`` and ``"fresh"`` known to papermill in this process."""
    from papermill.engines import Engine, papermill_engines

    papermill_engines.register(ENGINE, type("PapermillWarmEngine", (WarmEngine, Engine), {}))
    papermill_engines.register(FRESH, type("PapermillFreshEngine", (FreshEngine, Engine), {}))
