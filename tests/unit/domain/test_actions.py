"""Actions' and notes' pure parts: dates, targets, scopes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.domain.actions import Action, Note, Target, parse_date
from nki_desktop.domain.errors import InputError


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_real_date_reads_back_in_each_written_form(day):
    for text in (day.isoformat(), f"{day.year}-{day.month}-{day.day}", day.strftime("%Y%m%d")):
        assert parse_date(text) == day.isoformat()


@given(st.text(max_size=12))
def test_any_text_is_a_date_or_a_swedish_refusal(text):
    try:
        result = parse_date(text)
    except InputError as exc:
        assert "ÅÅÅÅ-MM-DD" in str(exc)
    else:
        assert result is None or dt.date.fromisoformat(result)


def test_targets_pair_areas_with_factors_or_their_own_index():
    a = Action("1880", "x", ("bygglov", "upphandling"))
    assert a.targets == [Target("bygglov", "nki"), Target("upphandling", "nui")]
    b = Action("1880", "x", ("total",), ("tillganglighet", "bemotande"))
    assert [t.label for t in b.targets] == [
        "NKI totalt – tillgänglighet",
        "NKI totalt – bemötande",
    ]
    assert b.years() == set() and Action("1", "x", ("total",), done="2024-05-02").years() == {2024}


@pytest.mark.parametrize(
    ("note", "where", "applies"),
    [
        (Note("1880", "x", "2023-01-01"), (2022, "bygglov", "nki"), True),
        (Note("1880", "x", "2023-01-01", year=2022), (2021, "bygglov", "nki"), False),
        (Note("1880", "x", "2023-01-01", area="bygglov"), (2022, "total", "nki"), False),
        (Note("1880", "x", "2023-01-01", factor="bemotande"), (2022, "total", "nki"), False),
        (Note("1880", "x", "2023-01-01", factor="bemotande"), (2022, "total", "bemotande"), True),
        (Note("1880", "x", "2023-01-01", area="bygglov"), (None, None, None), True),
    ],
)
def test_a_note_applies_to_its_year_area_and_factor(note, where, applies):
    assert note.applies_to(*where) is applies


def test_scope_text():
    assert Note("1880", "x", "2023-01-01").scope_text == "Hela kommunen"
    n = Note("1880", "x", "2023-01-01", year=2022, area="bygglov", factor="bemotande")
    assert n.scope_text == "2022 · Bygglov – bemötande"
