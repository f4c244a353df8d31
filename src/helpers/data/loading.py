"""Typed loaders for the curated data: every load validates the whole package first.

Nothing is half-loaded: when any file breaks a rule, the loader raises
:class:`~helpers.validation.DataValidationError` with every violation, and returns no frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data.numbers import parse_data_number
from helpers.data.validation import DataValidationError, already_validated, validate_package
from helpers.data.validation.descriptor import bundled_descriptor
from helpers.paths import DATA_DIR

FIGURE_COLUMNS = [
    "figure_id", "source_id", "province", "organization", "period", "metric", "category",
    "value", "unit", "qualifier", "target", "target_basis", "quote",
]  # fmt: skip


@dataclass(frozen=True)
class Package:
    """All tables of one data folder, validated and typed."""

    data_dir: Path
    provinces: pd.DataFrame
    province_aliases: pd.DataFrame
    organizations: pd.DataFrame
    sources: pd.DataFrame
    metrics: pd.DataFrame
    categories: pd.DataFrame
    figures: pd.DataFrame


_CACHE: dict[tuple, Package] = {}


def _fingerprint(data_dir: Path) -> tuple:
    """Changes whenever a file of the folder changes, so a cached package is never stale."""
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(data_dir.glob("*"))
        if p.is_file()
    )


_DTYPES = {"number": "float64", "integer": "Int64", "date": "datetime64[ns]"}


def _number(kind: str):
    """The cell parser of a number column: the one validation uses (``parse_data_number``), so a
    loader can never read a value validation refuses ("inf", "1e309", "4_5", "４５")."""

    def parse(text: str) -> float | None:
        return float(parse_data_number(text, kind)) if text else None

    return parse


def _read(path: Path, fields: list[dict]) -> pd.DataFrame:
    """Read a validated CSV with the dtypes its schema declares; empty cells become missing."""
    frame = pd.read_csv(
        path, dtype=str, keep_default_na=False, encoding="utf-8", encoding_errors="strict"
    )
    for field in fields:
        column = frame[field["name"]].replace("", None)
        dtype = _DTYPES.get(field["type"], "string")
        if dtype == "datetime64[ns]":
            frame[field["name"]] = pd.to_datetime(column, format="%Y-%m-%d")
        elif dtype == "string":
            frame[field["name"]] = column.astype("string")
        else:
            column = frame[field["name"]]
            parse = _number(field["type"])
            parsed = {text: parse(text) for text in column.unique()}  # each distinct cell once
            values = column.map(parsed)
            frame[field["name"]] = pd.Series(values, index=frame.index, dtype="Float64").astype(
                dtype
            )
    return frame


def load_package(data_dir: Path | str = DATA_DIR, seeds: Path | str | None = "default") -> Package:
    """Validate ``data_dir`` and return its typed tables (cached until a file changes).

    Validation is skipped only when a parent process (the render) validated these exact bytes.

    Raises:
        DataValidationError: listing every violation, when any rule is broken.
    """
    data_dir = Path(data_dir).resolve()
    key = (str(data_dir), str(seeds), _fingerprint(data_dir))
    if key in _CACHE:
        return _CACHE[key]
    if not already_validated(data_dir, seeds):
        violations = validate_package(data_dir, seeds=seeds)
        if violations:
            raise DataValidationError(violations)
    descriptor = bundled_descriptor()  # the schema validation checked the files against
    tables = {
        res["name"]: _read(data_dir / res["path"], res["schema"]["fields"])
        for res in descriptor["resources"]
    }
    tables["figures"] = _enrich_figures(tables)
    package = Package(data_dir=data_dir, **tables)
    _CACHE.clear()
    _CACHE[key] = package
    return package


def _enrich_figures(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Join the names readers need and flag conflicting figures."""
    figures = t["figures"]
    orgs = t["organizations"].rename(columns={"name": "organization", "note": "organization_note"})
    provinces = t["provinces"][["province", "province_code", "code_after", "name_after"]]
    metrics = t["metrics"][["metric", "family", "label_vi"]].rename(
        columns={"label_vi": "metric_label"}
    )
    categories = t["categories"][
        ["category", "category_group", "regime", "level", "label_vi"]
    ].rename(columns={"label_vi": "category_label"})
    out = (
        figures.merge(
            orgs[["organization_id", "organization", "province", "level", "unit_after"]].rename(
                columns={"level": "organization_level"}
            ),
            on="organization_id",
            how="left",
        )
        .merge(provinces, on="province", how="left")
        .merge(metrics, on="metric", how="left")
        .merge(categories, on="category", how="left")
    )
    out = _own_units(out, provinces)
    out = _flag_conflicts(out)
    rest = [c for c in out.columns if c not in FIGURE_COLUMNS]
    return out[FIGURE_COLUMNS + rest]


def _own_units(figures: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    """Give the figures of an organization of a merged 2025 unit (province empty, ``unit_after``
    set) that unit's ``name_after`` and ``code_after``: its page shows them, no former
    province's does (their ``province`` stays empty)."""
    own = figures["province"].isna() & figures["unit_after"].notna()
    if not own.any():
        return figures.drop(columns="unit_after")
    codes = provinces.drop_duplicates("name_after").set_index("name_after")["code_after"]
    figures = figures.copy()
    figures.loc[own, "name_after"] = figures.loc[own, "unit_after"]
    figures.loc[own, "code_after"] = figures.loc[own, "unit_after"].map(codes)
    return figures.drop(columns="unit_after")


CONFLICT_KEY = [
    "organization_id", "metric", "category", "period_kind", "period", "unit", "value_kind",
]  # fmt: skip


def _flag_conflicts(figures: pd.DataFrame) -> pd.DataFrame:
    """Mark figures that another source gives differently for the same organization and metric.

    Both figures are kept: ``conflict`` is True and ``conflict_with`` lists the other ids.
    """
    figures = figures.copy()
    figures["conflict"] = False
    figures["conflict_with"] = pd.Series(pd.NA, index=figures.index, dtype="string")
    keys = [figures[c].astype(object).where(figures[c].notna(), "") for c in CONFLICT_KEY]
    grouped = figures.groupby(keys, sort=False)
    suspect = (grouped["source_id"].transform("nunique") > 1) & (
        grouped["value"].transform("nunique") > 1
    )
    for _, group in figures[suspect].groupby([k[suspect] for k in keys], sort=False):
        for idx in group.index:
            others = group[group["value"] != group.at[idx, "value"]]
            if len(others):
                figures.at[idx, "conflict"] = True
                figures.at[idx, "conflict_with"] = " ".join(others["figure_id"].astype(str))
    return figures


def load_figures(data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Every figure with its source, province, organization, period, metric, value and quote."""
    return load_package(data_dir).figures.copy()


def load_sources(data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """One row per source article, with how its province was established."""
    return load_package(data_dir).sources.copy()


def load_organizations(data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """Party organizations the figures are about."""
    return load_package(data_dir).organizations.copy()


def load_provinces(data_dir: Path | str = DATA_DIR) -> pd.DataFrame:
    """The 63 provinces before 1 July 2025 with their unit after the merger."""
    return load_package(data_dir).provinces.copy()


def conflicts(figures: pd.DataFrame) -> pd.DataFrame:
    """Conflicting figures side by side, sorted so each pair stands together."""
    return (
        figures[figures["conflict"]]
        .sort_values(CONFLICT_KEY + ["source_id"])
        .reset_index(drop=True)
    )


__all__ = [
    "DataValidationError",
    "Package",
    "conflicts",
    "load_figures",
    "load_organizations",
    "load_package",
    "load_provinces",
    "load_sources",
]
