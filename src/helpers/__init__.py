"""Load, validate, normalize and plot the curated figures on grassroots party organizations.

Names are imported lazily (PEP 562), so that ``python -m helpers.render`` and other commands start
without importing pandas or matplotlib until they need them.
"""

from importlib import import_module

_EXPORTS = {
    "DataValidationError": "validation",
    "conflicts": "data",
    "load_figures": "data",
    "load_organizations": "data",
    "load_package": "data",
    "load_provinces": "data",
    "load_sources": "data",
    "format_vn_number": "numbers",
    "format_vn_percent": "numbers",
    "parse_vn_number": "numbers",
    "parse_vn_percent": "numbers",
    "UnknownProvinceError": "provinces",
    "resolve_province": "provinces",
    "classification_table": "views",
    "recruitment_table": "views",
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
