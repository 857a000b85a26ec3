from __future__ import annotations

import math

import numpy as np

from nki_desktop.domain.respondent_table import ANSWER_KEYS, RespondentTable


def _table(numpy: bool) -> RespondentTable:
    answers = {k: [7.0, math.nan] for k in ANSWER_KEYS}
    year, row = [2023, 2024], [2, 3]
    if numpy:  # as the importer hands them over: arrays, turned into numbers per chunk
        answers = {k: np.array(v) for k, v in answers.items()}
        year, row = np.array(year), np.array(row)
    return RespondentTable(
        year, ["1880", "1880"], ["bygglov", "brandskydd"], ["foretag"] * 2, answers,
        [{"Bransch": "Bygg"}, {}], "Svar", row,
    )  # fmt: skip


def test_numpy_columns_read_as_python_numbers():
    plain, arrays = _table(False), _table(True)
    assert arrays[1] == plain[1]
    row = arrays[1]
    assert type(row["year"]) is int and type(row["row"]) is int
    assert row["q1"] is None  # NaN: no answer
    assert type(arrays[0]["q1"]) is float and arrays[0]["q1"] == 7.0
    stored = arrays.table_rows(5, 0, 2)
    expected = plain.table_rows(5, 0, 2)
    assert stored[0] == expected[0]
    assert stored[1][:5] == expected[1][:5] and stored[1][14:] == expected[1][14:]
    first = stored[0]
    assert first[:5] == (5, 2023, "1880", "bygglov", "foretag")
    assert all(type(v) is float for v in first[5:14])
    assert first[14] == '{"Bransch": "Bygg"}' and first[15:17] == ("Svar", 2)
    assert type(first[1]) is int and type(first[16]) is int
    assert math.isnan(stored[1][5])  # bound as NULL by SQLite
