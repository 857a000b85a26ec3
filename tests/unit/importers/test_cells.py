"""The cell grammar: strict numbers, composite cells, and nothing but ImportProblem."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop.importers.base import ImportProblem
from nki_desktop.importers.base import parse_number as base_parse_number
from nki_desktop.importers.cells import (
    CellReading,
    Where,
    parse_number,
    read_cell,
    read_count,
    read_rank,
    read_value,
)

HERE = Where("fil.xlsx", "Blad1", 7, 2)
TEXT = [
    "U07451",
    "u07451",
    "B3",
    "F1",
    "x5",
    "<5",
    ">6",
    "1e308",
    "1E5",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "Infinity",
    "0x10",
    "1_000",
    "+-5",
    "−−5",
    "٣",
    "²",
    "1.234,5",
    "1 23",
    "(4)",
    "*",
    "n/a",
    "12:00",
    "5-",
    "- 4",
]


def test_the_sign_class_is_a_list_not_a_range():
    # The old pattern [+-−] was a range from '+' to '−': any one character before digits
    # passed and float() raised. Each of these used to crash the import.
    for text in ("U07451", "B3", "F1", "x5", "<5", ">6", "a1", "/3"):
        assert base_parse_number(text) is None
        with pytest.raises(ImportProblem, match="inte är ett tal") as info:
            read_value(text, HERE)
        assert "rad: 7" in info.value.text and "kolumn: C" in info.value.text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("77,4", 77.4),
        ("77.4", 77.4),
        ("−3", -3.0),
        ("-3", -3.0),
        ("+3", 3.0),
        ("1 234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("1\u2009234", 1234.0),
        ("1\u202f234,5", 1234.5),
        ("77 %", 77.0),
        ("77,4\u00a0%", 77.4),
        (" 86 ", 86.0),
        ("86.36136644", 86.36136644),
        (86.0, 86.0),
        (3, 3.0),
        (True, None),
        (None, None),
        (math.inf, None),
        (math.nan, None),
        (10**400, None),
        ("9" * 400, None),
        (dt.date(2021, 1, 1), None),
    ]
    + [(t, None) for t in TEXT],
)
def test_number_grammar(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw, reading",
    [
        ("86 (114)", CellReading(86.0, 114)),
        ("77,4(9)", CellReading(77.4, 9)),
        ("86 (n=114)", CellReading(86.0, 114)),
        ("86\u00a0(1 114)", CellReading(86.0, 1114)),
        ("- (4)", CellReading(None, 4, "-")),
        (".. (6)", CellReading(None, 6, "..")),
        ("– (3)", CellReading(None, 3, "–")),
        ("86*", CellReading(86.0, footnote=True)),
        ("86 ¹", CellReading(86.0, footnote=True)),
        ("86 (114)*", CellReading(86.0, 114, footnote=True)),
        ("77,4 %", CellReading(77.4)),
        ("..", CellReading(missing="..")),
        ("-", CellReading(missing="-")),
        ("–", CellReading(missing="–")),
        ("—", CellReading(missing="—")),
        (".", CellReading(missing=".")),
        ("x", CellReading(missing="x")),
        ("X", CellReading(missing="X")),
        ("", CellReading(missing="")),
    ],
)
def test_composite_cells_read_as_what_they_mean(raw, reading):
    assert read_cell(raw) == reading


def test_portal_cell_too_few_answers_keeps_n():
    assert read_value("- (4)", HERE) == (None, 4, "-")
    assert read_value(".. (6)", HERE) == (None, 6, "..")


def test_counts_and_ranks():
    assert read_count("114", HERE) == 114 and read_count(114.0, HERE) == 114
    assert read_count("..", HERE) is None and read_count("1 114", HERE) == 1114
    assert read_rank("12 av 190", HERE) == (12, 190) and read_rank(2.0, HERE) == (2, None)
    for bad in ("-3", "1e308", math.inf, math.nan, "x5", 1e300, True):
        with pytest.raises(ImportProblem):
            read_count(bad, HERE)
        with pytest.raises(ImportProblem):
            read_rank(bad, HERE)


CELLS = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789 ,.+-−%()*¹x.–—<>=en\u00a0\u2009\u202f", max_size=20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**500), max_value=10**500),
    st.booleans(),
    st.none(),
    st.datetimes(),
    st.dates(),
    st.sampled_from(TEXT),
)


@settings(max_examples=600, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(CELLS)
def test_no_cell_makes_the_reader_raise_anything_but_the_located_problem(value):
    for reader in (read_value, read_count, read_rank):
        try:
            result = reader(value, HERE)
        except ImportProblem as problem:
            assert problem.file == "fil.xlsx" and problem.row == 7 and problem.column == 2
            continue
        numbers = [
            x for x in (result if isinstance(result, tuple) else (result,)) if isinstance(x, float)
        ]
        assert all(math.isfinite(x) for x in numbers)
    number = parse_number(value)
    assert number is None or math.isfinite(number)
