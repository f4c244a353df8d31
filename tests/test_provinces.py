"""Province spellings resolve to one canonical name; unknown names list the closest matches."""

import csv
import unicodedata

import pytest

from helpers.data.provinces import UnknownProvinceError, key, province_index, resolve_province
from helpers.paths import DATA_DIR


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Đắk Nông", "Đắk Nông"),
        ("Đăk Nông", "Đắk Nông"),
        ("Đắc Nông", "Đắk Nông"),
        ("Dak Nong", "Đắk Nông"),
        ("DAK NONG", "Đắk Nông"),
        ("Tỉnh Đắk Nông", "Đắk Nông"),
        (unicodedata.normalize("NFD", "Đăk Nông"), "Đắk Nông"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Daklak", "Đắk Lắk"),
        ("Hòa Bình", "Hoà Bình"),
        ("Hoà Bình", "Hoà Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("  ninh   thuan ", "Ninh Thuận"),
        ("Quảng Trị", "Quảng Trị"),
        ("tỉnh\xa0Quảng Trị", "Quảng Trị"),
    ],
)
def test_spellings_resolve(spelling, canonical):
    assert resolve_province(spelling) == canonical


def test_every_official_and_short_name_resolves_to_itself():
    with open(DATA_DIR / "provinces.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 63
    for row in rows:
        assert resolve_province(row["province"]) == row["province"]
        assert resolve_province(row["official_name"]) == row["province"]


def test_folded_keys_do_not_collide():
    index = province_index(DATA_DIR)
    keys = [key(p.name) for p in index.provinces.values()]
    assert len(set(keys)) == 63


def test_unknown_province_lists_closest_matches():
    with pytest.raises(UnknownProvinceError) as info:
        resolve_province("Đắk Nôn")
    assert "Đắk Nông" in info.value.suggestions
    assert "Đắk Nông" in str(info.value)
    with pytest.raises(UnknownProvinceError, match="no close match"):
        resolve_province("Paris")
    with pytest.raises(UnknownProvinceError):
        resolve_province("")


def test_merger_lookup():
    index = province_index(DATA_DIR)
    assert index.get("Ninh Thuận").name_after == "Khánh Hòa"
    assert index.get("Dak Nong").name_after == "Lâm Đồng"
    assert index.get("Quảng Bình").name_after == "Quảng Trị"
    assert index.get("Bắc Giang").code_after == "24"
    assert len({p.name_after for p in index.provinces.values()}) == 34


def test_provinces_match_the_shared_reference(proj_root):
    shared = proj_root.parent / "shared" / "reference" / "provinces_2025_merger.csv"
    if not shared.is_file():
        pytest.skip(f"shared reference not found at {shared}")
    ours = (DATA_DIR / "reference" / "provinces_2025_merger.csv").read_bytes()
    assert ours == shared.read_bytes()
