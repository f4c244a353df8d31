"""Load, validate, normalize and plot the curated figures on grassroots party organizations.

Names are imported lazily (PEP 562), so that ``python -m helpers.render`` and other commands start
without importing pandas or matplotlib until they need them.
"""

from importlib import import_module

_EXPORTS = {
    "DataValidationError": "data.validation",
    "conflicts": "data.loading",
    "load_figures": "data.loading",
    "load_organizations": "data.loading",
    "load_package": "data.loading",
    "load_provinces": "data.loading",
    "load_sources": "data.loading",
    "format_vn_number": "data.numbers",
    "format_vn_percent": "data.numbers",
    "parse_vn_number": "data.numbers",
    "parse_vn_percent": "data.numbers",
    "UnknownProvinceError": "data.provinces",
    "resolve_province": "data.provinces",
    "records": "data.frames",
    "classification_table": "analysis.views",
    "recruitment_table": "analysis.views",
}
__all__ = sorted(_EXPORTS)  # noqa: PLE0605  (derived, so it never disagrees with _EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    try:
        return import_module(f"{__name__}.{name}")
    except ModuleNotFoundError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return __all__
