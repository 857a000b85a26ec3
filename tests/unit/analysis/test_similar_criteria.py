"""Criteria keys and weights of the similar-kommuner search, as written by users."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.analysis.similar_criteria import (
    CATEGORY,
    NUMERIC,
    CriteriaError,
    parse_criteria,
    parse_weights,
)


def test_keys_aliases_and_default_year():
    crits = parse_criteria("befolkning, kommungrupp,län,total:nki,Bygglov,total:bemötande", 2024)
    assert [c.key for c in crits] == [
        "population",
        "kommungrupp",
        "lan",
        "total:nki@2024",
        "bygglov:nki@2024",
        "total:bemotande@2024",
    ]
    assert [c.kind for c in crits[:4]] == [NUMERIC, CATEGORY, CATEGORY, NUMERIC]
    assert crits[0].log_scale and not crits[3].log_scale
    assert [c.label for c in crits[3:]] == [
        "NKI totalt 2024",
        "Bygglov (NKI) 2024",
        "Bemötande 2024",
    ]


def test_year_ranges_are_a_mean_and_duplicates_count_once():
    crits = parse_criteria(["total:nki@2021-2023", "total:nki@2021–2023", "upphandling@2022"])
    assert [c.key for c in crits] == ["total:nki@2021-2023", "upphandling:nui@2022"]
    assert crits[0].years == (2021, 2022, 2023)
    assert crits[0].label == "NKI totalt 2021–2023 (medel)"


@pytest.mark.parametrize(
    "text",
    ["", "storlek", "total:nöjdhet", "upphandling:nki@2022", "total:nki@20x3", "total:nki"],
)
def test_unknown_keys_are_told_in_swedish(text):
    with pytest.raises(CriteriaError) as caught:
        parse_criteria(text)
    assert any(word in str(caught.value).lower() for word in ("kriteri", "år"))


def test_weights_equal_by_default_and_checked():
    assert parse_weights(None, 3) == (1.0, 1.0, 1.0)
    assert parse_weights("1,0.5,2", 3) == (1.0, 0.5, 2.0)
    assert parse_weights([2, 0], 2) == (2.0, 0.0)
    for bad in ("1,2", "1,x,1", "-1,1,1", "0,0,0", "1,inf,1"):
        with pytest.raises(CriteriaError):
            parse_weights(bad, 3)


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=6))
def test_written_weights_read_back(weights):
    if sum(weights) <= 0:
        return
    text = ",".join(repr(w) for w in weights)
    assert parse_weights(text, len(weights)) == tuple(weights)
