"""Resolve any spelling of a province to its canonical name, and look up its post-2025 unit.

Articles spell provinces many ways: "Đăk Nông", "Đắk Nông", "Dak Nong", "Tỉnh Đắk Nông", NFD
text, "Hoà" or "Hòa". Folding case, diacritics, prefixes and punctuation resolves most of them;
``data/province_aliases.csv`` lists the spellings folding cannot (such as "Đắc Lắc").

The 63 provinces before 1 July 2025 belong to 34 units after it (:class:`Unit`); a unit keeps
the name of one of its members, so a name needs its vintage: "TP. Hồ Chí Minh (trước 1/7/2025)"
is one of the three parts of "TP. Hồ Chí Minh (từ 1/7/2025)". Display names follow official
usage: "TP." before a city's name, a province's name alone.
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


CITY = "Thành phố Trung ương"
MERGER_DATE_VI = "1/7/2025"


def page_slug(name: str) -> str:
    """ASCII file name of a profile page: "Đắk Nông" -> "dak-nong" (as ``render.pages.slug``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def display_name(name: str, is_city: bool) -> str:
    """A name as official usage shows it: "TP. Hồ Chí Minh" for a city, "Đắk Nông" for a province."""
    short = name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    return f"TP. {short}" if is_city else short


def named_kind(name: str, is_city: bool) -> str:
    """The name in a sentence: "TP. Hồ Chí Minh", "tỉnh Đắk Nông"."""
    shown = display_name(name, is_city)
    return shown if is_city else f"tỉnh {shown}"


@dataclass(frozen=True)
class Unit:
    """One province-level unit from 1 July 2025 and the provinces before that date it joins.

    ``official_name`` is the name in the reference ("Thành phố Hồ Chí Minh", "Lâm Đồng");
    ``members`` are canonical pre-merger names in GSO-code order.
    """

    code: str
    official_name: str
    members: tuple[str, ...]
    cities: frozenset[str] = frozenset()  # members that were cities ("TP. Hồ Chí Minh")

    def shown(self, member: str | None) -> str:
        """A member as official usage shows it: "TP. Hồ Chí Minh", "Bình Dương"; a figure of the
        unit's own organizations (no former province) shows the unit: "Lâm Đồng (từ 1/7/2025)"."""
        if not isinstance(member, str):
            return f"{self.display} (từ {MERGER_DATE_VI})"
        return display_name(member, member in self.cities)

    @property
    def shown_members(self) -> list[str]:
        return [self.shown(m) for m in self.members]

    @property
    def is_city(self) -> bool:
        return self.official_name.startswith("Thành phố ")

    @property
    def name(self) -> str:
        """The name without its prefix: "Hồ Chí Minh"."""
        return display_name(self.official_name, False)

    @property
    def display(self) -> str:
        """ "TP. Hồ Chí Minh", "Lâm Đồng"."""
        return display_name(self.official_name, self.is_city)

    @property
    def in_sentence(self) -> str:
        """ "TP. Hồ Chí Minh", "tỉnh Lâm Đồng"."""
        return named_kind(self.official_name, self.is_city)

    @property
    def merged(self) -> bool:
        """True when the unit joins two or more provinces (False: the province as it was)."""
        return len(self.members) > 1

    @property
    def slug(self) -> str:
        """Its profile's file name: "lam-dong-2025" for a merged unit; an unchanged unit shares
        the page of its one province ("ha-noi"), since the two are the same place."""
        return f"{page_slug(self.name)}-2025" if self.merged else page_slug(self.members[0])

    @property
    def title(self) -> str:
        """ "Hồ sơ TP. Hồ Chí Minh (từ 1/7/2025)"; an unchanged unit: "Hồ sơ TP. Hà Nội"."""
        when = f" (từ {MERGER_DATE_VI})" if self.merged else ""
        return f"Hồ sơ {self.in_sentence}{when}"


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

    def units(self) -> list[Unit]:
        """The 34 units after 1 July 2025, in GSO-code order, each with its members."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for p in sorted(self.provinces.values(), key=lambda p: p.code):
            grouped.setdefault((p.code_after, p.name_after), []).append(p.name)
        cities = frozenset(p.name for p in self.provinces.values() if p.type == CITY)
        return [
            Unit(code, name, tuple(members), cities & set(members))
            for (code, name), members in sorted(grouped.items())
        ]

    def unit_of(self, name: str) -> Unit:
        """The unit after 1 July 2025 that a province (any spelling) belongs to."""
        province = self.get(name)
        return next(u for u in self.units() if u.code == province.code_after)

    def display(self, name: str) -> str:
        """A pre-merger province as official usage shows it: "TP. Hồ Chí Minh", "Đắk Nông"."""
        province = self.get(name)
        return display_name(province.name, province.type == CITY)

    def in_sentence(self, name: str) -> str:
        """A pre-merger province in a sentence: "TP. Hồ Chí Minh", "tỉnh Đắk Nông"."""
        province = self.get(name)
        return named_kind(province.name, province.type == CITY)

    def title(self, name: str) -> str:
        """A pre-merger profile's title: "Hồ sơ tỉnh Đắk Nông (trước 1/7/2025)"; a province
        that the merger left as it was has no date: "Hồ sơ TP. Hà Nội"."""
        when = f" (trước {MERGER_DATE_VI})" if self.unit_of(name).merged else ""
        return f"Hồ sơ {self.in_sentence(name)}{when}"


def _read_csv(path: Path) -> list[dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _column_values(path: Path, name: str) -> set[str]:
    """The distinct values of one column (a dict per row would cost seconds on a long table)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        at = next(reader, []).index(name)
        return {row[at] for row in reader if len(row) > at}


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


def provinces_with_figures(data_dir: Path = DATA_DIR) -> set[str]:
    """Provinces of the organizations that at least one figure belongs to (plain csv)."""
    data_dir = Path(data_dir)
    used = _column_values(data_dir / "figures.csv", "organization_id")
    return {
        row["province"]
        for row in _read_csv(data_dir / "organizations.csv")
        if row["organization_id"] in used and row.get("province")
    }


def resolve_province(name: str, data_dir: Path = DATA_DIR) -> str:
    """Canonical province name for any spelling, e.g. "Dak Nong" -> "Đắk Nông"."""
    return province_index(Path(data_dir)).resolve(name)
