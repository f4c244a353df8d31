"""Turn notebooks into the published report set.

``command`` plans the reports, runs them and publishes the set; ``engine`` and ``warm`` keep one
warm kernel per worker; ``pages`` turns an executed notebook into a self-contained HTML page.
"""
