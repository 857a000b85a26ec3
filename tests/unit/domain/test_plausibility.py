"""The plausibility rules and the text helpers used at the door and on the way out."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nki_desktop.domain import plausibility
from nki_desktop.domain.records import Observation
from nki_desktop.domain.text import TEXT_LIMIT, clean_text, formula_safe, looks_like_formula

TODAY = date(2026, 3, 1)


def _obs(**fields) -> Observation:
    return Observation(
        **{
            "year": 2023,
            "unit": "2514",
            "area": "bygglov",
            "factor": "nki",
            "group": "foretag",
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"value": 150.0}, "Värdet 150 ligger utanför 0–100."),
        ({"value": -8.0}, "Värdet -8 ligger utanför 0–100."),
        ({"value": float("inf")}, "Värdet är inf, inget ändligt tal."),
        ({"value": float("nan")}, "Värdet är nan, inget ändligt tal."),
        ({"ci_high": 100.5}, "Konfidensintervallets övre gräns 100,5 ligger utanför 0–100."),
        ({"year": 2022023}, "Året 2022023 ligger utanför 1990–2027."),
        ({"year": 1989}, "Året 1989 ligger utanför 1990–2027."),
        ({"year": 2028}, "Året 2028 ligger utanför 1990–2027."),
        ({"n": -3}, "Antal svar -3 är mindre än 0."),
        ({"n": 12.5}, "Antal svar 12,5 är inget heltal."),
        ({"n": 10**30}, "Antal svar 1000000000000000000000000000000 är orimligt stort"),
        ({"rank": 0}, "Placeringen 0 är mindre än 1."),
        ({"rank": 12, "rank_of": 10}, "Placeringen 12 är högre än antalet enheter (10)."),
        ({"rank": 300}, "Placeringen 300 är högre än antalet enheter (291)."),
    ],
)
def test_implausible_cells_are_named_with_their_reason(fields, reason):
    found = list(plausibility.findings([_obs(**fields)], units=291, today=TODAY))
    assert len(found) == 1 and found[0].reason.startswith(reason)


def test_plausible_cells_pass():
    cells = [
        _obs(value=0.0),
        _obs(value=100.0, n=0, rank=1, rank_of=290),
        _obs(year=1990),
        _obs(year=2027),
        _obs(missing=".."),
        _obs(value=77.4, n=114),
    ]
    assert list(plausibility.findings(cells, units=291, today=TODAY)) == []


def test_clean_text_removes_control_and_direction_characters_and_limits_length():
    assert clean_text("\tKalix\x00 \x07kommun\u202e\r\n") == "Kalix kommun"
    long = clean_text("A" * 10_000)
    assert len(long) == TEXT_LIMIT and long.endswith("…")
    assert clean_text(clean_text("x\u200by")) == clean_text("x\u200by")


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-1 förbund",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "＝1+1 Miljöförbund",
        "＋1",
        "－1",
        "＠x",
    ],
)
def test_formula_like_text_is_escaped(text):
    assert looks_like_formula(text)
    assert formula_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Kalix", "-", "+", "", "..", 3.5, -3, None])
def test_other_values_are_left_alone(value):
    assert formula_safe(value) == value


_NUMBERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=400),
    st.sampled_from([10_000_001, 2**70]),
    st.floats(min_value=-5, max_value=400),
    st.sampled_from([float("nan"), float("inf"), 3.5, 0.0, 100.0, 290.0]),
)


@settings(max_examples=400, deadline=None)
@given(
    year=st.one_of(st.integers(1985, 2030), st.booleans(), st.just(2023.0)),
    value=_NUMBERS,
    n=_NUMBERS,
    rank=_NUMBERS,
    rank_of=_NUMBERS,
    ci_low=st.one_of(st.none(), st.just(50.0)),
)
def test_the_fast_path_agrees_with_every_rule(year, value, n, rank, rank_of, ci_low):
    # findings() skips cells that pass the one-expression check; it must never skip one
    # that a rule refuses.
    o = _obs(year=year, value=value, n=n, rank=rank, rank_of=rank_of, ci_low=ci_low)
    found = list(plausibility.findings([o], 290, TODAY))
    reason = plausibility.problem(o, 290, plausibility.last_year(TODAY))
    assert [f.reason for f in found] == ([reason] if reason else [])
