"""Province spellings resolve to one canonical name; unknown names list the closest matches."""

import csv
import re
import unicodedata

import pytest

from helpers.data.provinces import (
    UnknownProvinceError,
    key,
    page_slug,
    province_index,
    provinces_with_figures,
    resolve_province,
)
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


# --------------------------------------------------------------------------- units after 1/7/2025


def _reference_units() -> dict[str, set[str]]:
    with open(DATA_DIR / "reference" / "provinces_2025_merger.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    units: dict[str, set[str]] = {}
    for row in rows:
        units.setdefault(row["name_after"], set()).add(resolve_province(row["name_before"]))
    return units


def test_the_34_units_and_their_members_follow_the_reference():
    index = province_index(DATA_DIR)
    units = index.units()
    assert len(units) == 34 and sum(u.merged for u in units) == 23
    assert {u.official_name: set(u.members) for u in units} == _reference_units()
    members = [m for u in units for m in u.members]
    assert sorted(members) == sorted(index.provinces), "every province in exactly one unit"
    for unit in units:  # every unit keeps the name of one of its members
        assert index.unit_of(unit.name) == unit
        assert all(index.unit_of(m) == unit for m in unit.members)


@pytest.mark.parametrize(
    ("spelling", "display", "members"),
    [
        (
            "TP. Hồ Chí Minh",
            "TP. Hồ Chí Minh",
            ["Bình Dương", "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"],
        ),
        ("Dak Nong", "Lâm Đồng", ["Bình Thuận", "Đắk Nông", "Lâm Đồng"]),
        ("Hà Nội", "TP. Hà Nội", ["TP. Hà Nội"]),
        ("Quảng Nam", "TP. Đà Nẵng", ["TP. Đà Nẵng", "Quảng Nam"]),
        ("Hoà Bình", "Phú Thọ", ["Hoà Bình", "Phú Thọ", "Vĩnh Phúc"]),
    ],
)
def test_unit_of_any_spelling_with_official_display_names(spelling, display, members):
    unit = province_index(DATA_DIR).unit_of(spelling)
    assert unit.display == display and unit.shown_members == members


def test_display_names_follow_official_usage():
    index = province_index(DATA_DIR)
    assert index.display("Hồ Chí Minh") == "TP. Hồ Chí Minh"
    assert index.in_sentence("Dak Nong") == "tỉnh Đắk Nông"
    assert index.in_sentence("Huế") == "TP. Huế"
    assert index.unit_of("Cần Thơ").in_sentence == "TP. Cần Thơ"
    assert index.unit_of("Sóc Trăng").official_name == "Thành phố Cần Thơ"


def test_page_slugs_are_ascii_and_never_collide():
    index = province_index(DATA_DIR)
    before = {page_slug(name) for name in index.provinces}
    after = [u.slug for u in index.units() if u.merged]
    assert len(before) == 63 and len(set(after)) == 23
    assert not before & set(after), "a merged unit never shares a page with a former province"
    assert all(s.endswith("-2025") for s in after)
    assert index.unit_of("Hà Nội").slug == "ha-noi" == page_slug("Hà Nội")  # unchanged: one page
    assert index.unit_of("Bình Dương").slug == "ho-chi-minh-2025"
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in before | set(after))


def test_titles_carry_the_vintage_only_where_a_name_is_shared():
    index = province_index(DATA_DIR)
    assert index.title("Hồ Chí Minh") == "Hồ sơ TP. Hồ Chí Minh (trước 1/7/2025)"
    assert index.unit_of("Hồ Chí Minh").title == "Hồ sơ TP. Hồ Chí Minh (từ 1/7/2025)"
    assert index.title("Hà Nội") == index.unit_of("Hà Nội").title == "Hồ sơ TP. Hà Nội"


def test_provinces_with_figures_reads_organizations_of_figures(tmp_path):
    (tmp_path / "figures.csv").write_text("figure_id,organization_id\nF1,a\n", encoding="utf-8")
    (tmp_path / "organizations.csv").write_text(
        "organization_id,province\na,Đắk Nông\nb,Quảng Trị\n", encoding="utf-8"
    )
    assert provinces_with_figures(tmp_path) == {"Đắk Nông"}
