from __future__ import annotations

import pytest
from openpyxl import Workbook as XlsxWorkbook

from nki_desktop.importers.base import (
    ImportProblem,
    column_letter,
    missing_marker,
    parse_index_with_n,
    parse_number,
    read_workbook,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (77.4, 77.4),
        ("77,4", 77.4),
        ("1 234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("77 %", 77.0),
        ("−3", -3.0),
        ("86", 86.0),
        (86.0, 86.0),
        ("abc", None),
        ("", None),
        ("..", None),
        (True, None),
        ("1.234,5", None),
    ],
)
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


def test_missing_markers_and_index_with_n():
    assert missing_marker("..") == ".." and missing_marker("–") == "–"
    assert missing_marker("x") == "x" and missing_marker("") == ""
    assert missing_marker("77") is None
    assert parse_index_with_n("86 (114)") == (86.0, 114)
    assert parse_index_with_n("77,4(9)") == (77.4, 9)
    assert parse_index_with_n("86") is None


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701)] == ["A", "Z", "AA", "AB", "ZZ"]


def test_read_xlsx_and_csv(tmp_path):
    wb = XlsxWorkbook()
    wb.active.title = "Blad1"
    wb.active.append(["Kommun", "NKI"])
    wb.active.append(["Örebro", 72])
    wb.save(tmp_path / "a.xlsx")
    book = read_workbook(tmp_path / "a.xlsx")
    assert book.sheets[0].name == "Blad1" and book.sheets[0].rows[1] == ["Örebro", 72.0]
    (tmp_path / "b.csv").write_bytes("Kommun;2023\nÖrebro;72,4\n".encode("cp1252"))
    book = read_workbook(tmp_path / "b.csv")
    assert book.sheets[0].rows == [["Kommun", "2023"], ["Örebro", "72,4"]]


def test_bad_files_give_clear_swedish_messages(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("det här är ingen arbetsbok")
    with pytest.raises(ImportProblem, match="kunde inte läsas") as info:
        read_workbook(fake)
    assert "fake.xlsx" in str(info.value)
    with pytest.raises(ImportProblem, match="stöds inte"):
        read_workbook(tmp_path / "x.pdf") if (tmp_path / "x.pdf").write_text("x") else None
    XlsxWorkbook().save(tmp_path / "empty.xlsx")
    with pytest.raises(ImportProblem, match="tom"):
        read_workbook(tmp_path / "empty.xlsx")
    problem = ImportProblem(
        "f.xlsx",
        "Texten 'abc' är inget tal.",
        "Blad1",
        7,
        2,
        hint="Rätta cellen och importera igen.",
    )
    assert problem.text == (
        "Fil: f.xlsx, blad: Blad1, rad: 7, kolumn: C. Texten 'abc' är "
        "inget tal. Rätta cellen och importera igen."
    )
