"""Profiles of the similar-kommuner search from the catalogue and stored values."""

from __future__ import annotations

import pytest

from nki_desktop.analysis.similar_criteria import parse_criteria
from nki_desktop.analysis.similar_profiles import build_profiles, result_means
from nki_desktop.domain.municipalities import Kommun
from nki_desktop.domain.records import StoredValue

KOMMUNER = [
    Kommun("1880", "Örebro", "18", "Örebro län", "Större stad", 156_400),
    Kommun("2514", "Kalix", "25", "Norrbottens län", "Landsbygdskommun", 0),
]


def _value(unit: str, year: int, value: float | None) -> StoredValue:
    return StoredValue(year, unit, "total", "nki", "foretag", value)


def test_catalogue_and_results_make_the_profiles():
    crits = parse_criteria("population,kommungrupp,lan,total:nki@2021-2023")
    key = crits[3].key
    values = [
        _value("1880", 2021, 70.0),
        _value("1880", 2022, None),  # a missing year is left out of the mean
        _value("1880", 2023, 76.0),
        _value("1880", 2020, 10.0),  # outside the range
        _value("2514", 2022, 86.0),
    ]
    profiles = build_profiles(KOMMUNER, crits, {key: values})
    assert profiles["1880"] == {
        "population": 156_400.0,
        "kommungrupp": "B3",
        "lan": "Örebro län",
        key: pytest.approx(73.0),  # (70 + 76) / 2
    }
    assert profiles["2514"]["population"] is None  # no population known
    assert profiles["2514"]["kommungrupp"] == "C8"
    assert profiles["2514"][key] == 86.0


def test_result_means_without_values_is_empty():
    assert result_means([_value("1880", 2023, None)], [2023]) == {}
