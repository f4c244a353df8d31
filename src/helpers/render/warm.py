"""Kernel-side half of the warm engine: preload the libraries once, reset what a report leaks.

A warm kernel runs report after report. Before each one, :func:`reset` puts back what a report
could change: the user namespace, matplotlib figures and rcParams, pandas options, warning
filters, IPython event hooks, random seeds, environment variables, ``sys.path`` and the
working directory. Module caches stay: they are keyed by file fingerprints (see
``helpers.data``), so they never go stale.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import warnings

_STATE: dict = {}
SEED = 0


def preload(cwd: str) -> None:
    """Import what every report needs and remember the pristine state to return to."""
    import matplotlib

    matplotlib.use("Agg")
    # Imported only to be loaded once: every report then finds them in sys.modules.
    import matplotlib.pyplot
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    from IPython import get_ipython

    from helpers import analysis, report  # noqa: F401
    from helpers.data import loading, validation  # noqa: F401
    from helpers.report import charts  # noqa: F401

    os.chdir(cwd)
    _STATE.update(
        names=set(get_ipython().user_ns),
        pandas=_pandas_options(),
        cwd=cwd,
        rc=dict(matplotlib.rcParams),
        filters=list(warnings.filters),
        environ=dict(os.environ),
        path=list(sys.path),
        events={name: list(hooks) for name, hooks in get_ipython().events.callbacks.items()},
    )
    _freeze()


def _freeze() -> None:
    """Collect the last report's garbage, then exempt what survives from future collections.

    The libraries and the cached data are hundreds of thousands of objects; without this, every
    full collection during a chart walks them all again (it cost up to 0.2 s in a report).
    """
    gc.collect()
    gc.freeze()


def _pandas_options() -> dict:
    import pandas as pd
    from pandas._config.config import _registered_options

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {key: pd.get_option(key) for key in _registered_options}


def reset() -> None:
    """Return the kernel to the state :func:`preload` recorded."""
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd
    from IPython import get_ipython

    warnings.filters[:] = _STATE["filters"]
    shell = get_ipython()
    namespace = shell.user_ns
    for name in set(namespace) - _STATE["names"]:
        del namespace[name]
    namespace["Out"].clear()
    namespace["In"][1:] = []
    for name in ("_", "__", "___"):
        namespace[name] = ""
    shell.execution_count = 1
    for name, hooks in _STATE["events"].items():
        shell.events.callbacks[name][:] = hooks
    plt.close("all")
    dict.update(matplotlib.rcParams, _STATE["rc"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for key, value in _STATE["pandas"].items():
            if pd.get_option(key) != value:
                pd.set_option(key, value)
    os.environ.clear()
    os.environ.update(_STATE["environ"])
    sys.path[:] = _STATE["path"]
    os.chdir(_STATE["cwd"])
    random.seed(SEED)
    np.random.seed(SEED)
    _freeze()
