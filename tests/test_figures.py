"""The curated data holds every figure of the five founding articles, right, and traced to its words.

The web articles curated later are checked by the validator and tests/test_sources.py.
"""

import math
import unicodedata

import pandas as pd
import pytest

import helpers
from helpers.data.loading import FIGURE_COLUMNS

# (figure_id): (value, unit, qualifier, target, target_qualifier). Read off the articles by hand.
EXPECTED = {
    "S000-01": (94, "count", "exact", None, None),
    "S000-02": (3600, "count", "exact", None, None),
    "S000-03": (45, "count", "exact", None, None),
    "S000-04": (14, "count", "exact", None, None),
    "S000-05": (35, "count", "exact", None, None),
    "S000-06": (97.5, "percent", "exact", 93, "exact"),
    "S000-07": (95, "percent", "exact", 90, "exact"),
    "S000-08": (96.8, "percent", "exact", 87, "exact"),
    "S000-09": (901, "count", "exact", 850, "exact"),
    "S003-01": (19, "count", "exact", None, None),
    "S003-02": (3, "count", "exact", None, None),
    "S003-03": (1395, "count", "exact", 1125, "at_most"),
    "S003-04": (17, "count", "exact", None, None),
    "S003-05": (10, "count", "exact", None, None),
    "S003-06": (200, "count", "exact", None, None),
    "S003-07": (206, "count", "exact", None, None),
    "S003-08": (134, "count", "exact", None, None),
    "S003-09": (43, "count", "exact", None, None),
    "S003-10": (6, "count", "exact", None, None),
    "S003-11": (2491, "count", "exact", None, None),
    "S003-12": (18358, "count", "exact", None, None),
    "S003-13": (1607, "count", "exact", None, None),
    "S003-14": (272, "count", "exact", None, None),
    "S003-15": (20, "count", "exact", None, None),
    "S003-16": (16, "count", "exact", None, None),
    "S003-17": (8, "count", "exact", None, None),
    "S004-01": (95, "count", "exact", None, None),
    "S004-02": (35, "count", "exact", None, None),
    "S004-03": (60, "count", "exact", None, None),
    "S004-04": (3650, "count", "exact", None, None),
    "S004-05": (12000, "count", "approximately", None, None),
    "S004-06": (4, "count", "exact", None, None),
    "S004-07": (1356, "count", "exact", None, None),
    "S004-08": (6, "count", "exact", None, None),
    "S004-09": (2216, "count", "exact", None, None),
    "S004-10": (100, "percent", "exact", None, None),
    "S004-11": (243, "count", "exact", None, None),
    "S004-12": (711, "count", "exact", None, None),
    "S004-13": (97.5, "percent", "exact", None, None),
    "S004-14": (95, "percent", "exact", None, None),
    "S004-15": (96.8, "percent", "exact", None, None),
}


SEEDS = ["S000", "S001", "S002", "S003", "S004"]


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    """The figures of the five founding articles."""
    every = helpers.load_figures()
    return every[every["source_id"].isin(SEEDS)].reset_index(drop=True)


def test_columns_and_types(figures):
    assert list(figures.columns[: len(FIGURE_COLUMNS)]) == FIGURE_COLUMNS
    assert figures["value"].dtype == "float64"
    assert figures["target"].dtype == "float64"
    assert figures["quote"].dtype == "string"


def test_every_figure_present_with_value_unit_qualifier_target(figures):
    by_id = figures.set_index("figure_id")
    assert set(by_id.index) == set(EXPECTED)
    for figure_id, (value, unit, qualifier, target, target_q) in EXPECTED.items():
        row = by_id.loc[figure_id]
        assert row["value"] == value, figure_id
        assert row["unit"] == unit, figure_id
        assert row["qualifier"] == qualifier, figure_id
        if target is None:
            assert pd.isna(row["target"]), figure_id
        else:
            assert row["target"] == target, figure_id
            assert row["target_qualifier"] == target_q, figure_id


def test_implied_targets(figures):
    by_id = figures.set_index("figure_id")
    assert [by_id.loc[i, "target"] for i in ("S000-06", "S000-07", "S000-08")] == [93, 90, 87]
    assert by_id.loc["S000-06", "target_basis"] == "implied_pp_excess"
    assert by_id.loc["S000-09", "target"] == 850
    assert by_id.loc["S000-09", "target_basis"] == "implied_relative_excess"
    assert math.isclose(by_id.loc["S003-03", "target"], 1395 / 1.24)
    assert by_id.loc["S003-03", "target_qualifier"] == "at_most"
    assert by_id.loc["S003-03", "target_basis"] == "implied_attainment"


def test_tier_sums(figures):
    table = helpers.classification_table(figures)
    dn = table[(table["province"] == "Đắk Nông") & (table["period"] == "2017")]
    orgs = dn[dn["metric"] == "org_classification"]
    members = dn[dn["metric"] == "member_classification"]
    assert list(orgs["count"]) == [206, 134, 43, 6] and orgs["count"].sum() == 389
    assert list(members["count"]) == [2491, 18358, 1607, 272] and members["count"].sum() == 22728
    assert set(orgs["total"]) == {389} and set(members["total"]) == {22728}
    assert set(orgs["regime"]) == {"tsvm"} and set(members["regime"]) == {"htxs"}
    assert math.isclose(orgs["share"].sum(), 100)


def _with_printed_share(figures: pd.DataFrame, figure_id: str, share: float) -> pd.DataFrame:
    """The figures plus a printed share beside one tier's count, as "206 tổ chức, đạt 53%"."""
    row = figures[figures["figure_id"] == figure_id].copy()
    row["figure_id"], row["unit"], row["value"] = figure_id + "P", "percent", share
    return pd.concat([figures, row], ignore_index=True)


@pytest.mark.parametrize("printed", [53.0, 53, 52.96])
def test_a_printed_share_that_rounds_the_computed_one_leaves_one_share_per_tier(figures, printed):
    """206 of 389 is 52.956%: printed as 53%, 53,0% or 52,96%, it says what the counts say,
    so the tier keeps one share (the computed one) and the set still adds up to 100."""
    table = helpers.classification_table(_with_printed_share(figures, "S003-07", printed))
    dn = table[(table["province"] == "Đắk Nông") & (table["metric"] == "org_classification")]
    dn = dn[dn["period"] == "2017"]
    assert list(dn["level"]) == [4, 3, 2, 1] and "S003-07P" not in set(dn["figure_id"])
    assert set(dn["share_basis"]) == {"computed"} and math.isclose(dn["share"].sum(), 100)


def test_a_printed_share_the_counts_contradict_stops_the_computed_shares(figures):
    """206 of 389 is not 60%: the article's counts and shares disagree, so its shares stay as
    printed and none of that set is computed (nothing is drawn from contradicted arithmetic)."""
    table = helpers.classification_table(_with_printed_share(figures, "S003-07", 60.0))
    dn = table[(table["province"] == "Đắk Nông") & (table["metric"] == "org_classification")]
    dn = dn[dn["period"] == "2017"]
    assert list(dn.loc[dn["share"].notna(), "figure_id"]) == ["S003-07P"]
    assert dn.loc[dn["figure_id"] == "S003-07P", "share"].item() == 60.0
    assert dn["total"].isna().all() and list(dn["count"].dropna()) == [206, 134, 43, 6]
    members = table[
        (table["province"] == "Đắk Nông") & (table["metric"] == "member_classification")
    ]
    assert set(members.loc[members["period"] == "2017", "share_basis"]) == {"computed"}


def test_quotes_are_verbatim_in_their_articles(figures, seeds):
    sources = helpers.load_sources().set_index("source_id")
    for _, row in figures.iterrows():
        text = (seeds / sources.loc[row["source_id"], "seed_file"]).read_text(encoding="utf-8")
        text = " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())
        assert row["quote"] in text, row["figure_id"]


def test_conflicts_kept_and_flagged(figures):
    flagged = helpers.conflicts(helpers.load_figures())
    flagged = flagged[flagged["source_id"].isin(SEEDS)]
    pairs = {frozenset(g["figure_id"]) for _, g in flagged.groupby("metric")}
    assert pairs == {frozenset({"S000-01", "S004-01"}), frozenset({"S000-02", "S004-04"})}
    assert sorted(flagged["value"]) == [94, 95, 3600, 3650]


def test_sources_table(seeds):
    sources = helpers.load_sources().set_index("source_id").loc[SEEDS]
    assert {p.name for p in seeds.glob("*.txt")} == set(sources["seed_file"])
    assert sources.loc["S000", "province_basis"] == "inferred"
    assert "Phan Rang" in sources.loc["S000", "province_evidence"]
    assert sources.loc["S002", "province_basis"] == "unresolved"
    assert pd.isna(sources.loc["S002", "province"])
    assert sources.loc["S001", "published"] == pd.Timestamp("2020-10-16")
    assert sources["published"].notna().sum() == 1  # only where printed
    assert sources.loc["S003", "province"] == "Đắk Nông"


def test_figures_per_source(figures):
    counts = figures["source_id"].value_counts().to_dict()
    assert counts == {"S000": 9, "S003": 17, "S004": 15}


def test_recruitment_table(figures):
    table = helpers.recruitment_table(figures).set_index("figure_id")
    nt = table.loc["S000-09"]
    assert nt["attainment_pct"] == pytest.approx(106.0)
    assert nt["per_year"] == pytest.approx(180.2)
    assert (nt["members_low"], nt["members_high"]) == (3600, 3650)
    assert nt["intake_per_100_low"] == pytest.approx(180.2 / 3650 * 100)
    dn = table.loc["S003-03"]
    assert dn["attainment_low"] == pytest.approx(124.0)
    assert math.isnan(dn["attainment_high"])
    assert math.isnan(dn["intake_per_100_low"])
