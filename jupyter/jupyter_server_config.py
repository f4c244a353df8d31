"""JupyterLab for the analysts (``make lab``): notebooks are saved without outputs.

The hook lives in the package (``helpers.lab.strip_outputs``) so the tests can call it; saving
from Lab then leaves a notebook as committed, and an unchanged notebook byte for byte the same.
"""

c = get_config()  # noqa: F821  (provided by Jupyter when it loads this file)
c.FileContentsManager.pre_save_hook = "helpers.lab.strip_outputs"
