"""Resolve any spelling of a province to its canonical name, and look up its post-2025 unit.

Articles spell provinces many ways: "Đăk Nông", "Đắk Nông", "Dak Nong", "Tỉnh Đắk Nông", NFD
text, "Hoà" or "Hòa". Folding case, diacritics, prefixes and punctuation resolves most of them;
``data/province_aliases.csv`` lists the spellings folding cannot (such as "Đắc Lắc").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.errors import ParameterError
from helpers.paths import DATA_DIR

_PREFIXES = (
    "thanh pho truc thuoc trung uong ",
    "thanh pho ",
    "tinh ",
    "tp. ",
    "tp.",
    "tp ",
    "t.p. ",
)


class UnknownProvinceError(ParameterError):
    """A name that is no province of the 63, nor a known alias; the message lists close matches."""

    def __init__(self, name: str, suggestions: list[str], valid: list[str]):
        self.name = name
        self.suggestions = suggestions
        self.valid = valid
        hint = f"closest matches: {', '.join(suggestions)}" if suggestions else "no close match"
        super().__init__(f"unknown province {name!r}; {hint}")


def fold(text: str) -> str:
    """Lower-case ASCII letters of a name with diacritics removed ("Đắk Nông" -> "dak nong")."""
    decomposed = unicodedata.normalize("NFD", text.replace("\xa0", " "))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("Đ", "D").replace("đ", "d").lower()
    return re.sub(r"\s+", " ", stripped).strip()


def key(text: str) -> str:
    """Matching key: folded, prefix ("Tỉnh", "Thành phố", "TP.") removed, letters and digits only."""
    folded = fold(text)
    for prefix in _PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
            break
    return re.sub(r"[^a-z0-9]", "", folded)


@dataclass(frozen=True)
class Province:
    """One province as it stood before 1 July 2025, with its unit after the merger."""

    code: str
    name: str
    official_name: str
    type: str
    code_after: str
    name_after: str


class ProvinceIndex:
    """Canonical provinces and every key that resolves to them."""

    def __init__(self, provinces: list[Province], aliases: dict[str, str]):
        self.provinces = {p.name: p for p in provinces}
        self._keys: dict[str, str] = {}
        for p in provinces:
            for spelling in (p.name, p.official_name):
                self._add(key(spelling), p.name)
        for alias, canonical in aliases.items():
            if canonical not in self.provinces:
                raise ValueError(f"alias {alias!r} points to unknown province {canonical!r}")
            self._add(key(alias), canonical)

    def _add(self, k: str, canonical: str) -> None:
        if self._keys.get(k, canonical) != canonical:
            raise ValueError(f"spelling key {k!r} is ambiguous: {self._keys[k]} or {canonical}")
        self._keys[k] = canonical

    def resolve(self, name: str) -> str:
        """Return the canonical name for any spelling; raise UnknownProvinceError otherwise."""
        if not isinstance(name, str) or not name.strip():
            raise UnknownProvinceError(str(name), [], sorted(self.provinces))
        k = key(name)
        if k in self._keys:
            return self._keys[k]
        close_keys = difflib.get_close_matches(k, list(self._keys), n=8, cutoff=0.6)
        suggestions = list(dict.fromkeys(self._keys[c] for c in close_keys))[:3]
        raise UnknownProvinceError(name, suggestions, sorted(self.provinces))

    def get(self, name: str) -> Province:
        """The Province record for any spelling."""
        return self.provinces[self.resolve(name)]


def _read_csv(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=8)
def province_index(data_dir: Path = DATA_DIR) -> ProvinceIndex:
    """The index built from ``provinces.csv`` and ``province_aliases.csv`` in ``data_dir``."""
    data_dir = Path(data_dir)
    provinces = [
        Province(
            code=r["province_code"],
            name=r["province"],
            official_name=r["official_name"],
            type=r["type"],
            code_after=r["code_after"],
            name_after=r["name_after"],
        )
        for r in _read_csv(data_dir / "provinces.csv")
    ]
    aliases = {r["alias"]: r["province"] for r in _read_csv(data_dir / "province_aliases.csv")}
    return ProvinceIndex(provinces, aliases)


def provinces_in_data(data_dir: Path = DATA_DIR) -> list[str]:
    """Provinces named by the data's organizations or sources (plain csv, no validation)."""
    names = set()
    for file in ("organizations.csv", "sources.csv"):
        names |= {
            row["province"] for row in _read_csv(Path(data_dir) / file) if row.get("province")
        }
    return sorted(names)


def resolve_province(name: str, data_dir: Path = DATA_DIR) -> str:
    """Canonical province name for any spelling, e.g. "Dak Nong" -> "Đắk Nông"."""
    return province_index(Path(data_dir)).resolve(name)
