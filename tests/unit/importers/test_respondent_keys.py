"""Keys of respondent rows: rows that cannot be keyed are dropped, each with a reason."""

from __future__ import annotations

import numpy as np
import pytest

from nki_desktop.domain.areas import area_key
from nki_desktop.domain.records import Skip
from nki_desktop.importers.base import ImportOptions, ImportProblem, Sheet
from nki_desktop.importers.respondent_keys import (
    drop_out_of_scale,
    read_keys,
    read_units,
    read_years,
)
from nki_desktop.paths import shipped_catalogue

SHEET = Sheet("Svar", [])
ROWS = np.arange(2, 7)  # sheet rows of five answers under a header in row 1


def test_years_from_dates_and_numbers_and_the_fallback_for_blank_cells():
    keep = np.ones(5, dtype=bool)
    skipped: list[Skip] = []
    column = [2023, "2022-05-01", "", "ingen", 2021.0]
    years = read_years([column], {"year": 0}, ImportOptions(year=2020), keep, ROWS, SHEET, skipped)
    assert years.tolist() == [2023, 2022, 2020, 2020, 2021]
    assert keep.all() and skipped == []
    without = read_years([column], {"year": 0}, ImportOptions(), keep, ROWS, SHEET, skipped)
    assert without.tolist()[2:4] == [0, 0] and keep.tolist() == [True, True, False, False, True]
    assert [(s.row, s.reason) for s in skipped] == [
        (4, "2 rader saknar ärendeår och hoppades över.")
    ]


def test_unknown_keys_drop_their_rows_with_one_reason_per_text():
    keep = np.ones(5, dtype=bool)
    skipped: list[Skip] = []
    column = ["Bygglov", "Okänt", "Bygglov", "Okänt", "X"]
    keys = read_keys([column], 0, area_key, "område", keep, ROWS, SHEET, skipped)
    assert keys[0] == keys[2] == area_key("Bygglov") and keys[1] == keys[3] == keys[4] == ""
    assert keep.tolist() == [True, False, True, False, False]
    assert [(s.row, s.text) for s in skipped] == [(3, "Okänt"), (6, "X")]
    assert "2 rader" in skipped[0].reason


def test_units_need_a_kommun_column_or_a_chosen_kommun():
    keep = np.ones(5, dtype=bool)
    catalogue = shipped_catalogue()
    args = (keep, ROWS, SHEET, [])
    with pytest.raises(ImportProblem, match="vilken kommun"):
        read_units("svar.xlsx", [], None, ImportOptions(), catalogue, *args)
    units, bodies = read_units(
        "svar.xlsx", [], None, ImportOptions(kommun="1880"), catalogue, *args
    )
    assert units == ["1880"] * 5 and bodies == []


def test_unknown_kommun_is_dropped_and_a_blank_cell_means_the_chosen_kommun():
    keep = np.ones(3, dtype=bool)
    skipped: list[Skip] = []
    column = ["Örebro", "", "Atlantis"]
    units, _ = read_units(
        "svar.xlsx",
        [column],
        0,
        ImportOptions(kommun="0180"),
        shipped_catalogue(),
        keep,
        ROWS[:3],
        SHEET,
        skipped,
    )
    assert units == ["1880", "0180", ""] and keep.tolist() == [True, True, False]
    assert [(s.row, s.reason) for s in skipped] == [(4, "1 rader med okänd kommun hoppades över.")]


def test_answers_outside_the_scale_become_no_answer_and_are_counted():
    values = np.array([1.0, 6.0, 7.0, np.nan, 0.0])
    skipped: list[Skip] = []
    drop_out_of_scale(
        values, (1.0, 6.0), "information", {"information": 2}, ["a", "b", "Info"], SHEET, skipped
    )
    assert np.isnan(values[2]) and np.isnan(values[4]) and values[:2].tolist() == [1.0, 6.0]
    [skip] = skipped
    assert "2 svar i kolumn C (Info)" in skip.reason and "1–6" in skip.reason
