"""Respondent columns are assigned by the best match over the whole header."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nki_desktop.importers.base import Sheet
from nki_desktop.importers.respondent_columns import (
    best_assignment,
    find_header,
    recognise,
    targets_for,
)

FACTORS = (
    "information",
    "tillganglighet",
    "bemotande",
    "kompetens",
    "rattssakerhet",
    "effektivitet",
)

# Ways each column is written in real files, per target.
SPELLINGS: dict[str, tuple[str, ...]] = {
    "year": ("Ärendeår", "År", "ärendeår", "Arendear", "Undersökningsår"),
    "area": ("Område", "Myndighetsområde", "Verksamhet", "Omrade"),
    "group": ("Svarsgrupp", "Kundgrupp", "Respondentgrupp"),
    "kommun": ("Kommun", "Kommunkod", "Kommunnamn"),
    "q1": ("NKI1 Helhet", "NKI-1", "Fråga 1", "Nöjd sammantaget", "NKI-fråga 1", "NKI 1 Helhet"),
    "q2": (
        "NKI2 Förväntningar",
        "NKI-2",
        "Fråga 2",
        "Motsvarade förväntningarna",
        "NKI 2 Forvantningar",
    ),
    "q3": ("NKI3 Ideal", "NKI-3", "Fråga 3", "Nära det ideala", "NKI 3 Ideal"),
    "information": ("F1 Information", "Information", "Informationen", "F1 information"),
    "tillganglighet": (
        "F2 Tillgänglighet",
        "Tillgänglighet",
        "TILLGÄNGLIGHET",
        "F2 Tillganglighet",
    ),
    "bemotande": ("F3 Bemötande", "Bemötande", "Bemotandet"),
    "kompetens": ("F4 Kompetens", "Kompetens", "kompetensen"),
    "rattssakerhet": ("F5 Rättssäkerhet", "Rättssäkerhet", "Rattssakerhet"),
    "effektivitet": ("F6 Effektivitet", "Effektivitet", "EFFEKTIVITET"),
}


def test_factor_columns_numbered_f1_to_f6_beside_the_nki_questions():
    """The bug: 'F1 Information' was taken for NKI question 1 (first pattern to fire) and
    the real NKI columns went unrecognised."""
    headers = [
        "Ärendeår",
        "Område",
        "F1 Information",
        "F2 Tillgänglighet",
        "F3 Bemötande",
        "F4 Kompetens",
        "F5 Rättssäkerhet",
        "F6 Effektivitet",
        "NKI1 Helhet",
        "NKI2 Förväntningar",
        "NKI3 Ideal",
    ]
    mapping = best_assignment(headers)
    assert mapping == {
        0: "year",
        1: "area",
        2: "information",
        3: "tillganglighet",
        4: "bemotande",
        5: "kompetens",
        6: "rattssakerhet",
        7: "effektivitet",
        8: "q1",
        9: "q2",
        10: "q3",
    }


def test_short_f_columns_are_still_the_nki_questions_when_nothing_else_claims_them():
    assert best_assignment(["År", "Område", "F1", "F2", "F3"]) == {
        0: "year",
        1: "area",
        2: "q1",
        3: "q2",
        4: "q3",
    }
    assert recognise("F1 Information") == "information"


def test_a_target_goes_to_one_column_and_ties_to_the_leftmost():
    assert best_assignment(["Information", "Informationen", "Område"]) == {
        0: "information",
        2: "area",
    }


def test_header_row_found_below_title_rows():
    sheet = Sheet(
        "Svar",
        [
            ["Enkätsvar 2023"],
            [],
            ["Ärendeår", "Område", "F1 Information", "NKI1 Helhet"],
            [2023, "Bygglov", 5, 8],
        ],
    )
    row, mapping = find_header(sheet)
    assert row == 2 and mapping == {0: "year", 1: "area", 2: "information", 3: "q1"}


def test_mapping_dialog_targets_of_a_respondent_file():
    keys = [k for k, _ in targets_for(["Bransch"])]
    assert keys[:8] == ["year", "date", "area", "group", "kommun", "q1", "q2", "q3"]
    assert set(FACTORS) <= set(keys) and "background:Bransch" in keys and keys[-1] == "ignore"


@st.composite
def _header(draw: st.DrawFn) -> tuple[list[str], dict[int, str]]:
    targets = draw(st.permutations(list(SPELLINGS)))
    headers, expected = [], {}
    for i, target in enumerate(targets):
        text = draw(st.sampled_from(SPELLINGS[target]))
        text = draw(st.sampled_from((text, text.upper(), text.lower(), f" {text} ")))
        headers.append(text)
        expected[i] = target
    return headers, expected


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_header())
def test_any_order_and_spelling_of_the_standard_columns(case):
    headers, expected = case
    assert best_assignment(headers) == expected


@pytest.mark.parametrize("drop", ["q1", "information"])
@settings(max_examples=60, derandomize=True, deadline=None)
@given(case=_header())
def test_a_missing_column_is_not_filled_by_a_neighbour(drop, case):
    headers, expected = case
    [gone] = [i for i, t in expected.items() if t == drop]
    kept = [h for i, h in enumerate(headers) if i != gone]
    want = [t for i, t in sorted(expected.items()) if i != gone]
    got = best_assignment(kept)
    assert [got.get(i) for i in range(len(kept))] == want


def test_read_answers_keeps_a_number_apart_from_an_equal_boolean():
    # True == 1 in a dict: a cached True must not decide how a later 1 is read
    from nki_desktop.importers.respondent_columns import read_answers

    values, bad = read_answers([True, 1, "1", 2.0], set(), set())
    assert list(values[1:]) == [1.0, 1.0, 2.0] and bad == 1
