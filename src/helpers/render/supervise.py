"""Keep every process of a render accountable: signals, run records, and the clean-up after a crash.

A render records what it starts in ``OUT/.runs/<run_id>/``: ``main.json`` (its own pid, its
staging folder), ``worker-<pid>.json`` for each pool worker and ``kernel-<name>.json`` for each
kernel (pid, process group, IPC socket folder). Every record carries the process's start time
(field 22 of ``/proc/<pid>/stat``) and the boot id, so a later run kills only a process it can
prove is one of its own: same boot, same pid, same start time. A run that ends, however it ends
short of ``kill -9``, removes its record; the next run holding the lock removes what a killed
one left (:func:`reap`).

On SIGTERM or SIGINT the main process raises :class:`Interrupted` where it stands; the render
then stops its workers and their kernels, removes its staging folder and exits 143 or 130. A
worker stops its own kernels on SIGTERM and exits at once (:func:`worker_init`).

Standard library only: the no-change path imports this module.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
from pathlib import Path

RUNS = ".runs"
RUN_DIR_ENV = "TCCSD_RUN_DIR"  # a worker (and the kernels it starts) records itself here
VALIDATED = "validated.json"  # digests of inputs that passed validation (see command.py)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_TMP = re.compile(r"^\..+\.\d+\.tmp$")  # publish's temporary links and index pages


class Interrupted(BaseException):  # a signal, like KeyboardInterrupt
    """SIGTERM or SIGINT arrived; the run stops, cleans up and exits 128 + the signal number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.exit_code = 128 + signum


def _raise_interrupted(signum, frame) -> None:
    for sig in STOP_SIGNALS:  # one clean-up: a second signal must not interrupt it
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def install_handlers() -> None:
    """In the main process: SIGTERM and SIGINT raise :class:`Interrupted`."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, _raise_interrupted)


@contextlib.contextmanager
def signals_deferred():
    """Hold SIGTERM and SIGINT back while a set is switched into place; they land afterwards."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# -- processes -------------------------------------------------------------------------------


def boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _stat(pid: int) -> list[str] | None:
    """Fields of ``/proc/<pid>/stat`` from field 3 (state) on; None when there is no such pid."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    return raw[raw.rfind(")") + 2 :].split()


def start_time(pid: int) -> int | None:
    """The process's start time in clock ticks after boot, or None when it does not exist."""
    fields = _stat(pid)
    return int(fields[19]) if fields and len(fields) > 19 else None


def is_ours(rec: dict) -> bool:
    """True when the recorded process still runs: same boot, same pid, same start, not a zombie."""
    pid, start = rec.get("pid"), rec.get("start")
    if not isinstance(pid, int) or pid <= 1 or start is None or rec.get("boot") != boot_id():
        return False
    fields = _stat(pid)
    return bool(fields) and fields[0] not in ("Z", "X") and int(fields[19]) == start


def kill_if_ours(rec: dict) -> bool:
    """SIGKILL the recorded process (its whole group when it leads one) if :func:`is_ours`."""
    if not is_ours(rec):
        return False
    pid = rec["pid"]
    try:
        if rec.get("pgid") == pid:
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def wait_gone(records: list[dict], limit: float = 3.0) -> bool:
    """Wait until none of ``records`` runs any more (a SIGKILL takes a moment under load)."""
    import time

    end = time.monotonic() + limit
    while any(is_ours(r) for r in records):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


# -- records ---------------------------------------------------------------------------------


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def record(role: str, key: str | int, **fields) -> Path | None:
    """Record a process (or a kernel folder before its process starts) in this run's folder.

    Does nothing outside a render (no ``$TCCSD_RUN_DIR``): the engine also runs under plain
    papermill and in tests.
    """
    run_dir = os.environ.get(RUN_DIR_ENV)
    if not run_dir or not Path(run_dir).is_dir():
        return None
    pid = fields.get("pid")
    if isinstance(pid, int):
        fields["start"] = start_time(pid)
    path = Path(run_dir) / f"{role}-{key}.json"
    try:
        _write_json(path, {"role": role, "boot": boot_id(), **fields})
    except OSError:
        return None  # a record is a safety net; a full disk must not fail the report for it
    return path


def forget(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def read_records(run_dir: Path) -> list[dict]:
    out = []
    for path in sorted(run_dir.glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(rec, dict):
            out.append(rec)
    return out


class RunRecord:
    """This run's folder under ``OUT/.runs``; workers find it through ``$TCCSD_RUN_DIR``."""

    def __init__(self, out: Path, run_id: str, staging: Path, build: Path):
        self.dir = out / RUNS / run_id
        self.dir.mkdir(parents=True)
        _write_json(
            self.dir / "main.json",
            {"role": "main", "boot": boot_id(), "pid": os.getpid(), "start": start_time(os.getpid()),
             "staging": os.path.abspath(staging), "build": os.path.abspath(build)},
        )  # fmt: skip
        os.environ[RUN_DIR_ENV] = str(self.dir)

    def stop_leftovers(self) -> int:
        """Kill what this run's records still show alive (kernels after their worker was killed)."""
        killed = []
        for rec in read_records(self.dir):
            if rec.get("role") != "main" and kill_if_ours(rec):
                killed.append(rec)
            sockets = _path(rec, "sockets")
            if sockets and sockets.name.startswith("tccsd-kernel-"):
                shutil.rmtree(sockets, ignore_errors=True)
        wait_gone(killed)
        return len(killed)

    def close(self) -> None:
        os.environ.pop(RUN_DIR_ENV, None)
        shutil.rmtree(self.dir, ignore_errors=True)


def reap(out: Path) -> list[str]:
    """Remove what dead runs left in ``out``; call only while holding the render lock.

    Holding the lock proves every other run is gone, so every staging folder is debris; a
    recorded process is killed only when :func:`is_ours` proves it. Returns one phrase per thing
    done, for the log.
    """
    done: list[str] = []
    out = Path(os.path.abspath(out))
    runs = out / RUNS
    for run_dir in sorted(p for p in runs.glob("*") if p.is_dir()) if runs.is_dir() else []:
        records = read_records(run_dir)
        # Workers first, so none starts another kernel while its kernels are killed.
        order = {"main": 0, "worker": 1, "kernel": 2}
        victims = [
            rec
            for rec in sorted(records, key=lambda r: order.get(r.get("role"), 3))
            if kill_if_ours(rec)
        ]
        wait_gone(victims)
        killed = len(victims)
        folders = 0
        for rec in records:  # only folders a render makes: a record is no licence to delete
            sockets, staging, build = (_path(rec, k) for k in ("sockets", "staging", "build"))
            for folder in (
                sockets if sockets and sockets.name.startswith("tccsd-kernel-") else None,
                staging if staging and staging.parent == out / ".staging" else None,
                build
                if build and build.parent == out / ".builds" and not _linked(out, build)
                else None,
            ):
                if folder is not None and folder.is_dir() and not folder.is_symlink():
                    shutil.rmtree(folder, ignore_errors=True)
                    folders += 1
        shutil.rmtree(run_dir, ignore_errors=True)
        done.append(f"run {run_dir.name}: {killed} process(es) killed, {folders} folder(s) removed")
    staging = out / ".staging"
    for left in sorted(staging.iterdir()) if staging.is_dir() else []:
        shutil.rmtree(left, ignore_errors=True)
        done.append(f"staging {left.name} removed")
    for tmp in (p for p in out.iterdir() if _TMP.match(p.name)) if out.is_dir() else []:
        with contextlib.suppress(OSError):
            tmp.unlink()
        done.append(f"{tmp.name} removed")
    return done


def _path(rec: dict, key: str) -> Path | None:
    value = rec.get(key)
    return Path(value) if isinstance(value, str) and value else None


def _linked(out: Path, build: Path) -> bool:
    """True when a date link in ``out`` points at ``build``."""
    try:
        target = build.resolve()
        return any(p.is_symlink() and p.resolve() == target for p in out.iterdir())
    except OSError:
        return True  # cannot tell: keep it


# -- workers ---------------------------------------------------------------------------------


def worker_init() -> None:
    """Pool initializer: record this worker, leave SIGINT to the main process, stop on SIGTERM."""
    record("worker", os.getpid(), pid=os.getpid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)


def _worker_stop(signum, frame) -> None:
    """Kill this worker's kernels (no event loop, no waiting) and exit at once."""
    from helpers.render import engine

    engine.kill_all()
    os._exit(128 + signum)


# -- validation record -----------------------------------------------------------------------


def was_validated(out: Path, key: str) -> bool:
    try:
        return key in json.loads((out / RUNS / VALIDATED).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False


def remember_validated(out: Path, key: str, keep: int = 16) -> None:
    path = out / RUNS / VALIDATED
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
        known = (
            [k for k in known if isinstance(k, str) and k != key] if isinstance(known, list) else []
        )
    except (OSError, ValueError):
        known = []
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_json(path, [*known[-(keep - 1) :], key])
