"""The records the curation assistant passes between its steps, and the columns it writes.

The engine reads an article in stages (masks, numbers, sentences, periods, candidates); each
stage hands the next one of these small records, so they live apart from the code of any stage.
:class:`Candidate` is the one that leaves the package: one proposed row of ``figures.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

#: The header of ``data/figures.csv``, in its order, so an accepted row can be pasted there.
FIGURE_COLUMNS = [
    "figure_id", "source_id", "organization_id", "period", "period_kind", "period_text", "metric",
    "category", "tier_reported", "value", "unit", "value_kind", "qualifier", "denominator",
    "base_category", "threshold", "threshold_qualifier", "target", "target_qualifier",
    "target_basis", "target_input", "target_arithmetic", "quote", "note",
]  # fmt: skip
#: The columns of a candidates file: those of ``figures.csv``, then ``status``, ``pattern`` and
#: ``organization`` (the organization named in the sentence, as printed; empty when none is).
COLUMNS = [*FIGURE_COLUMNS, "status", "pattern", "organization"]


@dataclass(frozen=True)
class Mask:
    """A stretch of text whose digits are not a figure, and the rule that says why."""

    start: int
    end: int
    rule: str
    text: str


@dataclass
class Token:
    """A number in the text: its span, value and unit; ``whole`` for "05/85" (the 85); ``upper``
    for a range read from its lower end ("từ 3 - 4%": 3, and 4 the upper end)."""

    start: int
    end: int
    num_end: int
    raw: str
    value: Decimal
    unit: str
    whole: Decimal | None = None
    upper: Decimal | None = None


@dataclass
class Sentence:
    """A sentence span and its clauses (split on ";"), as offsets into the normalized text."""

    start: int
    end: int
    clauses: list[tuple[int, int]]


@dataclass
class Period:
    """A period expression: ``period`` and ``kind`` as figures.csv writes them."""

    period: str
    kind: str
    words: str
    start: int = 0
    end: int = 0


@dataclass
class Candidate:
    """One proposed figure; :meth:`row` gives it in the columns of a candidates file."""

    metric: str
    category: str
    value: Decimal
    unit: str
    quote: str
    pattern: str
    source_id: str = ""
    period: str = ""
    period_kind: str = "undated"
    period_text: str = ""
    tier_reported: str = ""
    value_kind: str = "level"
    qualifier: str = "exact"
    denominator: str = ""
    base_category: str = ""
    threshold: Decimal | None = None
    threshold_qualifier: str = ""
    target: Decimal | None = None
    target_qualifier: str = ""
    target_basis: str = ""
    target_input: Decimal | None = None
    target_arithmetic: str = ""
    notes: list[str] = field(default_factory=list)
    organization: str = ""
    words: str = ""
    figure_id: str = ""
    position: int = 0

    def beside(self, value: Decimal, position: int, pattern: str, notes: list[str]) -> Candidate:
        """A figure printed beside this one (its share, its later level, its change): the same
        metric, category, period and organization, its own value, no target and no threshold."""
        return replace(
            self, value=value, position=position, pattern=pattern, notes=notes, figure_id="",
            qualifier="exact", threshold=None, threshold_qualifier="", target=None,
            target_qualifier="", target_basis="", target_input=None, target_arithmetic="",
        )  # fmt: skip

    def row(self) -> dict[str, str]:
        """The candidate as strings, numbers with '.' as the decimal mark and no group marks."""
        return {
            "figure_id": self.figure_id,
            "source_id": self.source_id,
            "organization_id": "",
            "period": self.period,
            "period_kind": self.period_kind,
            "period_text": self.period_text,
            "metric": self.metric,
            "category": self.category,
            "tier_reported": self.tier_reported,
            "value": plain(self.value),
            "unit": self.unit,
            "value_kind": self.value_kind,
            "qualifier": self.qualifier,
            "denominator": self.denominator,
            "base_category": self.base_category,
            "threshold": plain(self.threshold),
            "threshold_qualifier": self.threshold_qualifier,
            "target": plain(self.target),
            "target_qualifier": self.target_qualifier,
            "target_basis": self.target_basis,
            "target_input": plain(self.target_input),
            "target_arithmetic": self.target_arithmetic,
            "quote": self.quote,
            "note": "; ".join(self.notes),
            "status": "candidate",
            "pattern": self.pattern,
            "organization": self.organization,
        }


def plain(number: Decimal | None) -> str:
    """Write a number for the CSV: ``Decimal("3.6E+3")`` -> "3600", 97.50 -> "97.5"."""
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return text
