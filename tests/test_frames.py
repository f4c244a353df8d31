"""helpers.data.frames gives exactly pandas' own values, on every dtype the tables use."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data.frames import column_values, is_missing, joined, records


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": pd.Series(["a", None, "b"], dtype="string"),
            "number": pd.Series([1.5, None, 2.0], dtype="Float64"),
            "integer": pd.Series([1, None, 3], dtype="Int64"),
            "flag": pd.Series([True, None, False], dtype="boolean"),
            "date": pd.to_datetime(["2020-01-01", None, "2021-02-03"]),
            "float": [1.0, np.nan, 2.5],
            "int": [1, 2, 3],
            "bool": [True, False, True],
            "object": ["a", None, np.float64(2.5)],
            "mixed": [np.int64(3), pd.NA, np.datetime64("2020-01-02")],
            "category": pd.Categorical(["u", None, "v"]),
        }
    )


def _same(a, b) -> bool:
    """Identical value and type; NaN and NaT equal themselves."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    return bool(a == b) if not pd.isna(a) else pd.isna(b)


def test_records_equal_to_dict_records(frame):
    expected, got = frame.to_dict("records"), records(frame)
    assert len(got) == len(expected)
    for want, row in zip(expected, got, strict=True):
        assert list(row) == list(want)
        for column in want:
            assert _same(row[column], want[column]), (column, row[column], want[column])


def test_column_values_equal_tolist(frame):
    for column in frame.columns:
        for got, want in zip(column_values(frame[column]), frame[column].tolist(), strict=True):
            assert _same(got, want), (column, got, want)


def test_empty_frame():
    assert records(pd.DataFrame({"a": pd.Series([], dtype="string")})) == []


@pytest.mark.parametrize("dropna", [True, False])
@pytest.mark.parametrize("sort", [True, False])
def test_joined_equals_agg_join(dropna, sort):
    frame = pd.DataFrame(
        {
            "key": pd.Series(["b", None, "a", "b", None, "a", "c"], dtype="string"),
            "period": pd.Series(
                ["2019", "2019", None, "2019", "2019", None, "2020"], dtype="string"
            ),
            "id": pd.Series([f"F{i}" for i in range(7)], dtype="string"),
        }
    )
    grouped = frame.groupby(["key", "period"], dropna=dropna, sort=sort)
    expected = grouped["id"].agg(lambda s: ", ".join(s)).tolist()
    assert joined(grouped, "id", ", ") == expected


def test_is_missing_is_pd_isna_of_one_cell():
    cells = [None, np.nan, pd.NA, pd.NaT, np.float64("nan"), float("inf"), "", "x", "nan", 0, 1.5,
             np.int64(3), np.float64(2.5), True, pd.Timestamp("2020-01-01")]  # fmt: skip
    assert [is_missing(c) for c in cells] == [bool(pd.isna(c)) for c in cells]
    assert [is_missing(c) for c in cells][:5] == [True] * 5
