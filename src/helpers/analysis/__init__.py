"""What the figures say: tidy views of them and the findings sentences the reports print.

``views`` turns figure rows into classification and recruitment tables; ``findings``
writes the Vietnamese key-finding sentences; ``selection`` picks and labels the rows a chart
or table shows. Notebooks use the names re-exported here (``analysis.select`` …).
"""

from helpers.analysis.findings import (
    PROVINCE_BASIS_WORDS,
    classification_findings,
    inventory_findings,
    profile_findings,
    recruitment_findings,
)
from helpers.analysis.selection import (
    coverage,
    good_or_better,
    implied_targets,
    label,
    latest,
    merger_coverage,
    period_end,
    province_coverage,
    select,
    source_names,
    tier_chart_rows,
    unresolved,
)
from helpers.analysis.views import REGIME_NAMES, classification_table, recruitment_table

__all__ = [
    "PROVINCE_BASIS_WORDS",
    "REGIME_NAMES",
    "classification_findings",
    "classification_table",
    "coverage",
    "good_or_better",
    "implied_targets",
    "inventory_findings",
    "label",
    "latest",
    "merger_coverage",
    "period_end",
    "profile_findings",
    "province_coverage",
    "recruitment_findings",
    "recruitment_table",
    "select",
    "source_names",
    "tier_chart_rows",
    "unresolved",
]
