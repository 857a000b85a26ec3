"""The similar-kommuner distance against numbers worked out by hand, and its properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nki_desktop.analysis.similar import closest, difference, distance, spread, spreads
from nki_desktop.analysis.similar_criteria import CriteriaError, fixed_criterion, parse_criteria

POP = fixed_criterion("population")
GROUP = fixed_criterion("kommungrupp")
LAN = fixed_criterion("lan")
CRITERIA = parse_criteria("population,kommungrupp,total:nki@2023")
NKI = CRITERIA[2].key

# Four kommuner worked out by hand.
#   log10(population): A 4, B 5, C 3, D 4 -> mean 4, squared deviations 0, 1, 1, 0
#     -> variance 2/4 = 0.5, sd = sqrt(0.5) = 0.70710678; |4 - 5| / sd = sqrt(2) = 1.41421356
#   NKI: A 70, B 74, D 66 (C has none) -> mean 70, squared deviations 0, 16, 16
#     -> variance 32/3, sd = 3.26598632; |70 - 74| / sd = sqrt(1.5) = 1.22474487
PROFILES = {
    "A": {"population": 10_000.0, "kommungrupp": "C8", NKI: 70.0},
    "B": {"population": 100_000.0, "kommungrupp": "C8", NKI: 74.0},
    "C": {"population": 1_000.0, "kommungrupp": "B3", NKI: None},
    "D": {"population": 10_000.0, "kommungrupp": "B3", NKI: 66.0},
}


def test_spreads_by_hand():
    sds, counts = spreads(CRITERIA, PROFILES)
    assert sds["population"] == pytest.approx(0.70710678)
    assert sds[NKI] == pytest.approx(3.26598632)
    assert counts == {"population": 4, "kommungrupp": 4, NKI: 3}


def test_distances_by_hand_equal_weights():
    sds, _ = spreads(CRITERIA, PROFILES)
    a = PROFILES["A"]
    # B: (1.41421356 + 0 + 1.22474487) / 3
    ab = distance(a, PROFILES["B"], CRITERIA, (1, 1, 1), sds)
    assert ab.value == pytest.approx(0.87965281)
    assert (ab.used, ab.total) == (3, 3)
    assert [p.difference for p in ab.parts] == pytest.approx([1.41421356, 0.0, 1.22474487])
    # C: NKI missing -> skipped, weights renormalised: (1.41421356 + 1) / 2
    ac = distance(a, PROFILES["C"], CRITERIA, (1, 1, 1), sds)
    assert ac.value == pytest.approx(1.20710678)
    assert (ac.used, ac.total) == (2, 3)
    assert ac.coverage == pytest.approx(2 / 3)
    assert ac.parts[2].difference is None
    # D: (0 + 1 + 1.22474487) / 3
    assert distance(a, PROFILES["D"], CRITERIA, (1, 1, 1), sds).value == pytest.approx(0.74158162)


def test_distances_by_hand_with_weights():
    sds, _ = spreads(CRITERIA, PROFILES)
    a = PROFILES["A"]
    # weights 2, 1, 1: B (2 * 1.41421356 + 0 + 1.22474487) / 4, D (0 + 1 + 1.22474487) / 4
    assert distance(a, PROFILES["B"], CRITERIA, (2, 1, 1), sds).value == pytest.approx(1.01329300)
    assert distance(a, PROFILES["D"], CRITERIA, (2, 1, 1), sds).value == pytest.approx(0.55618622)
    # weight 0 leaves a criterion out: population and group only, (1.41421356 + 0) / 2
    ab = distance(a, PROFILES["B"], CRITERIA, (1, 1, 0), sds)
    assert ab.value == pytest.approx(0.70710678)
    assert (ab.used, ab.total) == (2, 2)


def test_closest_requires_every_criterion_by_default():
    result = closest("A", PROFILES, CRITERIA)
    assert result.units == ["D", "B"]  # 0.74158162 < 0.87965281; C lacks NKI
    assert [m.value for m in result.matches] == pytest.approx([0.74158162, 0.87965281])
    assert (result.candidates, result.not_ranked) == (3, 1)


def test_closest_with_half_coverage_ranks_the_kommun_with_a_gap():
    result = closest("A", PROFILES, CRITERIA, min_coverage=0.5)
    assert result.units == ["D", "B", "C"]
    assert result.matches[2].value == pytest.approx(1.20710678)
    assert closest("A", PROFILES, CRITERIA, n=1).units == ["D"]


def test_a_criterion_min_kommun_lacks_is_left_out_for_everyone():
    result = closest("C", PROFILES, CRITERIA)
    assert result.dropped == [NKI]
    # from C on population and group: A (1.41421356 + 1) / 2 = 1.20710678,
    # B (2.82842712 + 1) / 2 = 1.91421356, D (1.41421356 + 0) / 2 = 0.70710678
    assert result.units == ["D", "A", "B"]
    assert [m.value for m in result.matches] == pytest.approx([0.70710678, 1.20710678, 1.91421356])
    assert all(m.distance.total == 2 for m in result.matches)


def test_ties_go_by_kommunkod():
    profiles = {u: {"kommungrupp": "C8"} for u in ("0999", "0114", "0500")}
    result = closest("0500", profiles, [GROUP])
    assert result.units == ["0114", "0999"]
    assert [m.value for m in result.matches] == [0.0, 0.0]


def test_equal_values_differ_by_nothing_and_a_single_value_cannot_be_standardised():
    assert spread([3.0]) is None
    assert spread([5.0, 5.0, 5.0]) == 0.0
    assert difference(POP, 1000.0, 1000.0, 0.0) == 0.0
    crits = parse_criteria("population,bygglov:nki@2023")
    profiles = {
        "A": {"population": 100.0, crits[1].key: 60.0},
        "B": {"population": 1000.0, crits[1].key: None},
    }
    result = closest("A", profiles, crits, min_coverage=0.0)
    assert result.unusable == [crits[1].key]
    assert [c.key for c in result.active] == ["population"]
    assert result.matches[0].distance.total == 1


def test_categories_differ_by_zero_or_one():
    assert difference(GROUP, "C8", "C8", None) == 0.0
    assert difference(LAN, "Örebro län", "Dalarnas län", None) == 1.0
    assert difference(GROUP, "C8", None, None) is None


def test_population_of_zero_or_less_counts_as_missing():
    assert difference(POP, 0.0, 1000.0, 1.0) is None


def test_closest_rejects_a_kommun_without_profile_and_misfit_weights():
    with pytest.raises(CriteriaError):
        closest("X", PROFILES, CRITERIA)
    with pytest.raises(CriteriaError):
        closest("A", PROFILES, CRITERIA, weights=(1, 1))


# -- properties --------------------------------------------------------------------------
NUMBERS = st.one_of(st.none(), st.floats(min_value=1, max_value=1e6, allow_nan=False))
LETTERS = st.one_of(st.none(), st.sampled_from(["A1", "B3", "C8"]))
PROFILE = st.fixed_dictionaries({"population": NUMBERS, "kommungrupp": LETTERS, NKI: NUMBERS})
WEIGHTS = st.tuples(*[st.floats(min_value=0.01, max_value=100, allow_nan=False)] * 3)


@settings(max_examples=150, deadline=None)
@given(st.lists(PROFILE, min_size=2, max_size=8), WEIGHTS)
def test_distance_is_zero_to_itself_symmetric_and_non_negative(profiles, weights):
    named = {str(i): p for i, p in enumerate(profiles)}
    sds, _ = spreads(CRITERIA, named)
    a, b = profiles[0], profiles[1]
    own = distance(a, a, CRITERIA, weights, sds).value
    assert own is None or own == 0.0
    ab = distance(a, b, CRITERIA, weights, sds)
    ba = distance(b, a, CRITERIA, weights, sds)
    assert ab.value == ba.value or (
        ab.value is not None and ba.value is not None and math.isclose(ab.value, ba.value)
    )
    assert ab.value is None or ab.value >= 0
    assert ab.used == ba.used


@settings(max_examples=150, deadline=None)
@given(
    st.lists(PROFILE, min_size=2, max_size=8),
    WEIGHTS,
    st.floats(min_value=0.001, max_value=1000, allow_nan=False),
)
def test_scaling_all_weights_changes_nothing(profiles, weights, factor):
    named = {str(i): p for i, p in enumerate(profiles)}
    plain = closest("0", named, CRITERIA, weights, n=10, min_coverage=0.5)
    scaled = closest("0", named, CRITERIA, [w * factor for w in weights], n=10, min_coverage=0.5)
    assert [m.unit for m in plain.matches] == [m.unit for m in scaled.matches] or all(
        math.isclose(x.value, y.value, rel_tol=1e-9, abs_tol=1e-12)
        for x, y in zip(plain.matches, scaled.matches, strict=True)
    )
    for x, y in zip(plain.matches, scaled.matches, strict=True):
        assert math.isclose(x.value, y.value, rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(PROFILE, min_size=2, max_size=10),
    WEIGHTS,
    st.sampled_from([0.0, 0.5, 1.0]),
    st.integers(min_value=1, max_value=12),
)
def test_closest_ranks_as_the_pairwise_distance_does(profiles, weights, coverage, n):
    """The search's fast ranking agrees with :func:`distance` computed pair by pair."""
    named = {f"{i:02d}": p for i, p in enumerate(profiles)}
    result = closest("00", named, CRITERIA, weights, n=n, min_coverage=coverage)
    active = [
        0.0 if c.key in result.dropped + result.unusable else w
        for c, w in zip(CRITERIA, weights, strict=True)
    ]
    sds, _ = spreads(CRITERIA, named)
    brute = []
    for unit, p in named.items():
        d = distance(named["00"], p, CRITERIA, active, sds)
        if (
            unit != "00"
            and sum(active) > 0
            and d.value is not None
            and d.coverage >= coverage - 1e-9
        ):
            brute.append((round(d.value, 12), unit, d.value))
    brute.sort()
    assert [m.unit for m in result.matches] == [u for _, u, _ in brute[:n]]
    assert [m.value for m in result.matches] == [v for _, _, v in brute[:n]]
    assert result.not_ranked + len(brute) == result.candidates or sum(active) == 0
