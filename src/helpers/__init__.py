"""Load, validate, normalize and plot the curated figures on grassroots party organizations."""

from .data import (
    DataValidationError,
    conflicts,
    load_figures,
    load_organizations,
    load_package,
    load_provinces,
    load_sources,
)
from .numbers import format_vn_number, format_vn_percent, parse_vn_number, parse_vn_percent
from .provinces import UnknownProvinceError, resolve_province
from .views import classification_table, recruitment_table

__all__ = [
    "DataValidationError",
    "UnknownProvinceError",
    "classification_table",
    "conflicts",
    "format_vn_number",
    "format_vn_percent",
    "load_figures",
    "load_organizations",
    "load_package",
    "load_provinces",
    "load_sources",
    "parse_vn_number",
    "parse_vn_percent",
    "recruitment_table",
    "resolve_province",
]
