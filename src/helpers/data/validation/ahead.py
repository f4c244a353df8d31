"""The rules across rows, started in a forked child on the figures as read, while this process
checks their structure: on two cores validation takes the longer of the two, not their sum.

The child's findings are taken only when they are exactly what the rules would find afterwards:
the structure check found every figure row sound (so the rules see the rows the child saw) and
the other tables are the very ones the child was given. Otherwise, or when the child fails, the
rules run here after the structure, as they would without it. A fork is used only where it is
safe: on a system with ``os.fork`` and, unless asked, in a process with no other thread (a
kernel has threads, and validates in order). The render asks for it although its worker pool has
threads: the child only reads rows already in memory and the article files, writes to its own
pipe and leaves by ``os._exit``; it never touches the pool, its queues or the log (Python renews
the import lock and logging's locks in a forked child), and it takes the default SIGTERM and
SIGINT, not the render's handlers, and closes every inherited descriptor but the standard ones
(the render's lock is released when the render dies, whatever the child is doing).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from pathlib import Path

from helpers.data.validation.rules import AHEAD, check_rules

TABLE = "figures"  # the large table whose rules are worth a second process
MAX_FD = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1 << 16


class _Recorded(list):
    """What the rules ``add``, kept as the arguments, for the parent's own ``Findings``."""

    def add(self, *cells) -> None:
        self.append(cells)


class RulesAhead:
    """One speculative run of :func:`check_rules` in a child process."""

    def __init__(self, seeds: Path | None, articles: Path, allowed: bool | None = None):
        self.seeds, self.articles = seeds, articles
        alone = threading.active_count() == 1
        self.allowed = hasattr(os, "fork") and (alone if allowed is None else allowed)
        self.pid: int | None = None
        self.used = False  # whether the child's findings were taken (for the tests)

    def start(self, tables: dict, name: str, rows) -> None:
        """Fork a child that runs the rules on ``tables`` plus ``rows`` (every row of ``name``,
        as read). Called once the table is read, before its structure is checked."""
        if name != TABLE or not self.allowed or self.pid is not None:
            return
        given = {**tables, name: rows}
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the rules, their findings down the pipe, and out at once
            code = 1
            try:
                for number in (signal.SIGTERM, signal.SIGINT):  # not the parent's handlers (a
                    signal.signal(number, signal.SIG_DFL)  # render's would stop its workers)
                os.closerange(3, write)  # no inherited descriptor: a render's lock file, held
                os.closerange(write + 1, MAX_FD)  # by flock, dies with the render alone
                found = _Recorded()
                check_rules(given, self.seeds, found, self.articles, AHEAD)
                with os.fdopen(write, "wb") as pipe:
                    pickle.dump(list(found), pipe, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)  # no atexit handler or buffer of the parent runs twice
        os.close(write)
        self.pid, self.pipe, self.given = pid, read, given

    def holds(self, tables: dict) -> bool:
        """Whether the child's findings will hold for ``tables``, the sound rows the structure
        check returned (the child is stopped when they will not)."""
        if self.pid is None:
            return False
        rows = tables.get(TABLE)
        whole = getattr(rows, "whole", lambda: False)()
        same = whole and rows.same_cells(self.given[TABLE]) and tables.keys() == self.given.keys()
        same = same and all(tables[k] is self.given[k] for k in tables if k != TABLE)
        if not same:
            self.cancel()
        return same

    def findings(self) -> list[tuple] | None:
        """The child's findings (the arguments of each ``add``) of the ``AHEAD`` part of the
        rules, once :meth:`holds`; None when it failed: run that part here."""
        if self.pid is None:
            return None
        with os.fdopen(self.pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0 or not data:
            return None
        self.used = True
        return pickle.loads(data)

    def cancel(self) -> None:
        """Stop the child, if any, and forget it."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(self.pipe)
        os.waitpid(self.pid, 0)
        self.pid = None
