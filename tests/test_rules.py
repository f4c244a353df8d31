"""Aggregation rules: each realistic trap gives the right result or a clear refusal.

Rows are synthetic (a made-up province "Tỉnh Mẫu" and its districts), never real figures.
"""

import pandas as pd
import pytest

from helpers.analysis.rules import (
    Refusal,
    ancestors,
    area_total,
    attainment_status,
    check_addable,
    period_elapsed,
    safe_sum,
    tier_composition,
)

ORGS = pd.DataFrame(
    [
        ("mau", "Đảng bộ tỉnh Mẫu", "Hà Nam", "province", ""),
        ("mau-a", "Đảng bộ huyện A", "Hà Nam", "district", "mau"),
        ("mau-b", "Đảng bộ huyện B", "Hà Nam", "district", "mau"),
        ("mau-b-x", "Đảng bộ xã X", "Hà Nam", "commune", "mau-b"),
        ("mau-ca", "Đảng ủy Công an tỉnh", "Hà Nam", "police", ""),
    ],
    columns=["organization_id", "name", "province", "level", "parent_id"],
)
LEVEL = dict(zip(ORGS["organization_id"], ORGS["level"], strict=True))
NAME = dict(zip(ORGS["organization_id"], ORGS["name"], strict=True))


def rows(*specs, **common) -> pd.DataFrame:
    """One figure row per (organization_id, value), with shared columns from ``common``."""
    base = {
        "metric": "party_members",
        "category": "total",
        "unit": "count",
        "period_kind": "year",
        "period": "2020",
        "value_kind": "level",
    }
    out = []
    for n, (org, value) in enumerate(specs):
        out.append(
            {
                **base,
                **common,
                "figure_id": f"S900-{n:02d}",
                "organization_id": org,
                "organization": NAME[org],
                "organization_level": LEVEL[org],
                "value": value,
            }
        )
    return pd.DataFrame(out)


def test_parent_chain_and_province_committee_contain_a_commune():
    assert ancestors("mau-b-x", ORGS) == {"mau-b", "mau"}
    assert ancestors("mau-ca", ORGS) == {"mau"}  # no parent recorded, same province
    assert ancestors("mau", ORGS) == set()


def test_two_districts_add_up():
    total = safe_sum(rows(("mau-a", 1200), ("mau-b", 800)), ORGS)
    assert total.value == 2000 and total.figure_ids == ["S900-00", "S900-01"]


def test_a_district_is_never_added_to_its_province():
    with pytest.raises(Refusal, match="lies inside") as refused:
        safe_sum(rows(("mau", 5000), ("mau-a", 1200)), ORGS)
    assert "trực thuộc" in refused.value.reason_vi


def test_a_commune_is_never_added_to_its_district():
    with pytest.raises(Refusal, match="mau-b-x lies inside mau-b"):
        safe_sum(rows(("mau-b", 800), ("mau-b-x", 90)), ORGS)


def test_area_total_uses_the_highest_level_and_says_which():
    total = area_total(rows(("mau", 5000), ("mau-a", 1200), ("mau-b", 800)), ORGS)
    assert (total.value, total.level, total.figure_ids) == (5000, "province", ["S900-00"])
    assert "Đảng bộ tỉnh Mẫu" in total.note_vi


def test_area_total_of_some_districts_says_it_is_not_the_whole_area():
    total = area_total(rows(("mau-a", 1200), ("mau-b", 800)), ORGS)
    assert total.value == 2000 and total.level == "district"
    assert "không phải toàn bộ địa bàn" in total.note_vi


def test_a_percentage_never_enters_a_count():
    mixed = pd.concat([rows(("mau-a", 1200)), rows(("mau-b", 97.5), unit="percent")])
    with pytest.raises(Refusal, match="percentage"):
        safe_sum(mixed, ORGS)


def test_percentages_alone_are_not_added_either():
    with pytest.raises(Refusal):
        safe_sum(rows(("mau-a", 40), ("mau-b", 60), unit="percent"), ORGS)


def test_different_periods_are_never_added():
    mixed = pd.concat([rows(("mau-a", 100)), rows(("mau-b", 90), period="2021")])
    with pytest.raises(Refusal, match="period") as refused:
        check_addable(mixed, ORGS)
    assert refused.value.reason_vi == "không cộng được: khác kỳ"


def test_a_part_year_flow_is_not_added_to_a_full_year():
    mixed = pd.concat(
        [
            rows(("mau-a", 100), metric="members_admitted"),
            rows(
                ("mau-b", 60),
                metric="members_admitted",
                period_kind="year_to_date",
                period="2020-09-30",
            ),
        ]
    )
    with pytest.raises(Refusal, match="period"):
        check_addable(mixed, ORGS)


def test_a_change_against_last_year_is_not_a_stock():
    with pytest.raises(Refusal, match="not a stock"):
        safe_sum(rows(("mau-a", 11), ("mau-b", 4), value_kind="increase"), ORGS)
    with pytest.raises(Refusal, match="not a stock"):
        safe_sum(rows(("mau-a", 47), value_kind="decrease"), ORGS)
    mixed = pd.concat([rows(("mau-a", 1200)), rows(("mau-b", 11), value_kind="increase")])
    with pytest.raises(Refusal, match="value_kind"):
        safe_sum(mixed, ORGS)


def test_a_cumulative_count_is_not_added_to_a_stock():
    mixed = pd.concat([rows(("mau-a", 1200)), rows(("mau-b", 4000), value_kind="cumulative")])
    with pytest.raises(Refusal, match="value_kind"):
        safe_sum(mixed, ORGS)


def test_one_unit_from_two_sources_is_not_counted_twice():
    with pytest.raises(Refusal, match="two sources"):
        safe_sum(rows(("mau-a", 1200), ("mau-a", 1210)), ORGS)


@pytest.mark.parametrize(
    ("period", "kind", "elapsed"),
    [
        ("2021", "year", 1.0),
        ("2016-2020", "term", 1.0),
        ("2021-09-30", "year_to_date", 0.75),
        ("2021-03-31", "year_to_date", 0.25),
        ("2022-06-30", "year_to_date", 0.5),
        ("", "undated", None),
    ],
)
def test_period_elapsed(period, kind, elapsed):
    assert period_elapsed(period, kind) == elapsed


def test_a_part_year_flow_is_progress_never_a_failure():
    assert attainment_status(600, 1000, "2021-09-30", "year_to_date") == "in_progress"
    assert attainment_status(450, 1000, "2016", "since") == "in_progress"


@pytest.mark.parametrize(
    ("admitted", "target", "aq", "tq", "status"),
    [
        (1100, 1000, "exact", "exact", "exceeded"),
        (1000, 1000, "exact", "exact", "met"),
        (900, 1000, "exact", "exact", "not_met"),
        (900, 1000, "more_than", "exact", "unclear"),  # "trên 900": could be above target
        (1100, 1000, "at_most", "exact", "unclear"),
        (990, 1000, "approximately", "exact", "unclear"),  # "gần 990" is within reach
        (1240, 1000, "exact", "at_most", "exceeded"),  # "đạt trên 124% chỉ tiêu"
        (1000, float("nan"), "exact", "", "no_target"),
    ],
)
def test_attainment_is_judged_only_where_every_reading_agrees(admitted, target, aq, tq, status):
    assert attainment_status(admitted, target, "2020", "year", aq, tq) == status


def _tiers(levels_values, unit="count"):
    return pd.DataFrame(
        [
            {"level": lv, "category": f"t{lv}", "category_label": f"Mức {lv}", "unit": unit,
             "value": v}
            for lv, v in levels_values
        ]
    )  # fmt: skip


def test_a_partial_tier_set_shows_a_not_published_remainder():
    shares = tier_composition(_tiers([(4, 20.0), (3, 60.0), (2, 15.0)], unit="percent"))
    assert list(shares["category_label"])[-1] == "Chưa công bố"
    assert shares["value"].iloc[-1] == pytest.approx(5.0)
    assert not shares["complete"].any()
    counts = tier_composition(_tiers([(4, 20), (3, 60), (2, 15)]))
    assert counts["category"].iloc[-1] == "not_published" and pd.isna(counts["value"].iloc[-1])


def test_a_full_tier_set_has_no_remainder():
    shares = tier_composition(_tiers([(4, 20), (3, 60), (2, 15), (1, 5)]))
    assert len(shares) == 4 and shares["complete"].all()


def test_a_good_or_better_group_is_never_summed_with_its_tiers():
    with_group = pd.concat(
        [
            _tiers([(4, 20.0), (3, 60.0)], unit="percent"),
            pd.DataFrame(
                [{"level": None, "category": "htt_or_better", "unit": "percent", "value": 80.0}]
            ),
        ],
        ignore_index=True,
    )
    shares = tier_composition(with_group)
    assert "htt_or_better" not in set(shares["category"])
    assert shares["value"].iloc[-1] == pytest.approx(20.0)  # 100 - (20 + 60), not 100 - 160


def test_a_flow_already_past_its_target_has_exceeded_it_even_mid_year():
    assert attainment_status(1100, 1000, "2021-09-30", "year_to_date") == "exceeded"


def test_an_undated_flow_below_target_is_never_called_a_failure():
    assert attainment_status(600, 1000, "", "undated") == "unclear"
