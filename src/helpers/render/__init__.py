"""Turn notebooks into the published report set.

``command`` plans the reports, runs them and publishes the set; ``engine`` and ``warm`` keep one
warm kernel per worker; ``pages`` turns an executed notebook into a self-contained HTML page.
"""

import sys

# jsonschema, under nbformat and nbconvert, imports rfc3987_syntax whenever it is installed (the
# lock has it through jupyter-events), and that module compiles some thirty Earley grammars on
# import: about 0.5 s of CPU at the machine's usual speed (2.3 s when it is slow) in every render
# process that reads a notebook, for the "iri" formats that no notebook schema uses
# (python-jsonschema/jsonschema#1428). The render's processes (parent, workers, kernels) skip it;
# jsonschema then leaves those two formats unchecked, as it does when the package is absent.
sys.modules.setdefault("rfc3987_syntax", None)
