"""What the figures say: tidy views of them and the findings sentences the reports print.

``views`` turns figure rows into classification and recruitment tables; ``findings``
writes the Vietnamese key-finding sentences; ``selection`` picks and labels the rows a chart
or table shows. Notebooks use the names re-exported here (``analysis.select`` …).
"""

from helpers.analysis.findings import (
    PROVINCE_BASIS_WORDS,
    classification_answer,
    classification_findings,
    inventory_answer,
    inventory_findings,
    printed_tier,
    profile_findings,
    recruitment_answer,
    recruitment_findings,
)
from helpers.analysis.selection import (
    coverage,
    good_or_better,
    implied_targets,
    label,
    labels,
    latest,
    league,
    merger_coverage,
    period_end,
    period_words,
    province_coverage,
    select,
    share_regime,
    source_names,
    tier_chart_rows,
    unranked,
    unresolved,
    value_words,
)
from helpers.analysis.views import REGIME_NAMES, classification_table, recruitment_table

__all__ = [
    "PROVINCE_BASIS_WORDS",
    "REGIME_NAMES",
    "classification_answer",
    "classification_findings",
    "classification_table",
    "coverage",
    "good_or_better",
    "implied_targets",
    "inventory_answer",
    "inventory_findings",
    "label",
    "labels",
    "latest",
    "league",
    "merger_coverage",
    "period_end",
    "period_words",
    "printed_tier",
    "profile_findings",
    "province_coverage",
    "recruitment_answer",
    "recruitment_findings",
    "recruitment_table",
    "select",
    "share_regime",
    "source_names",
    "tier_chart_rows",
    "unranked",
    "unresolved",
    "value_words",
]
