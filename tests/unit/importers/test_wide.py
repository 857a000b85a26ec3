"""Rows of a wide table: Riket, joint bodies, summaries and notes wherever their label stands;
no row with values dropped without a located reason."""

from __future__ import annotations

from nki_desktop.services import imports
from tests.import_builders import write_xlsx

TITLE = ["Öppna jämförelser Företagsklimat 2023"]


def _values(store, unit):
    return {v.area: (v.value, v.n, v.rank, v.missing) for v in store.values(unit=unit)}


def test_riket_and_joint_body_labelled_in_the_first_column(store, tmp_path):
    """Issue 10: a Riket or joint-body row whose label stands in the first column (here the
    län column; the kommun columns are empty) was skipped as 'raden saknar kommun och
    värden' although it has values."""
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                TITLE,
                ["Län", "Kommunkod", "Kommun", "NKI totalt", "Rank", "Bygglov", "Antal svar"],
                ["Riket", "", "", 74, "", "70,5", 9120],
                ["Norrbottens län", "2514", "Kalix", 86, 2, 84, 31],
                ["Miljöförbundet Norr (Kalix, Haparanda)", "", "", 79, "", "..", 6],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert _values(store, "riket") == {
        "total": (74.0, None, None, None),
        "bygglov": (70.5, 9120, None, None),
    }
    assert _values(store, "jb:Miljöförbundet Norr") == {
        "total": (79.0, None, None, None),
        "bygglov": (None, 6, None, ".."),
    }
    assert store.joint_bodies() == [
        ("jb:Miljöförbundet Norr", "Miljöförbundet Norr", ("2514", "2583"))
    ]
    assert _values(store, "2514")["total"] == (86.0, None, 2, None)
    assert outcome.batch.skipped == []


def test_labels_in_an_unnamed_first_column_and_in_the_code_column(store, tmp_path):
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                TITLE,
                ["", "Kommunkod", "NKI totalt", "Bygglov NKI"],
                ["Riket", "", 74, 70],
                ["", "2514", 86, 84],
                ["", "Gemensamma miljönämnden", "x", 66],  # a joint body in the code column
                ["", "Stockholms län", 71, 69],  # a län summary in the code column
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert _values(store, "riket")["total"] == (74.0, None, None, None)
    assert _values(store, "jb:Gemensamma miljönämnden") == {
        "total": (None, None, None, "x"),
        "bygglov": (66.0, None, None, None),
    }
    assert {v.unit for v in store.values()} == {"riket", "2514", "jb:Gemensamma miljönämnden"}
    assert [(s.row, s.reason) for s in outcome.batch.skipped] == [
        (6, "länsrad (summering, inte en kommun)")
    ]


def test_row_with_values_but_no_unit_is_listed_with_its_row(store, tmp_path):
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                TITLE,
                ["Kommun", "NKI totalt", "Bygglov"],
                ["Kalix", 86, 84],
                ["", 80, 79],  # values, no label anywhere
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    [skip] = outcome.batch.skipped
    assert (skip.sheet, skip.row) == ("Rankning", 4)
    assert "har värden men ingen kommun" in skip.reason
    assert {v.unit for v in store.values()} == {"2514"}
    preview = imports.preview(store, path)
    assert [(s.sheet, s.row) for s in preview.skipped] == [("Rankning", 4)]


def test_headings_notes_and_a_repeated_header_inside_the_table(store, tmp_path):
    """A heading row naming joint bodies, a note about them and the header repeated after a
    page break are not units: listed as skipped, nothing stored for them."""
    header = ["Kommun", "NKI totalt", "Bygglov"]
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                TITLE,
                header,
                ["Kalix", 86, 84],
                header,
                ["Boden", 88, 80],
                ["Förbund och gemensamma nämnder"],
                ["Miljöförbundet Norr", 79, 81],
                ["¹ Gemensam nämnd för miljö- och hälsoskydd, redovisas för sig."],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert {v.unit for v in store.values()} == {"2514", "2582", "jb:Miljöförbundet Norr"}
    assert [j[0] for j in store.joint_bodies()] == ["jb:Miljöförbundet Norr"]
    assert [(s.row, s.reason) for s in outcome.batch.skipped] == [
        (4, "rubrikraden upprepas"),
        (6, "rubrik eller text utan värden"),
        (8, "fotnot/text i tabellen"),
    ]


def test_misspelled_kommun_beside_a_lan_column_is_still_refused(store, tmp_path):
    """Looking for labels elsewhere must not turn a misspelled kommun into a län row."""
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                TITLE,
                ["Län", "Kommun", "NKI totalt"],
                ["Norrbottens län", "Kalixx", 86],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert not outcome.ok
    assert "rad: 3" in outcome.message and "'Kalixx'" in outcome.message
    assert store.values() == []


def test_single_area_under_a_merged_group_cell(store, tmp_path):
    """One area in a two-row header ('Bygglov' over 'NKI | Rank'): the lone group cell."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Rankning"
    ws.append(TITLE)
    ws.append(["", "Bygglov", None])
    ws.append(["Kommun", "NKI", "Rank"])
    ws.merge_cells("B2:C2")
    ws.append(["Kalix", 84, 5])
    book.save(tmp_path / "oj.xlsx")
    assert imports.import_file(store, tmp_path / "oj.xlsx").ok
    assert _values(store, "2514") == {"bygglov": (84.0, None, 5, None)}


def test_two_row_header_value_word_nki_varde_keeps_its_answers_column(store, tmp_path):
    """'NKI-värde | Svar' under merged group cells (unit headings in the upper row): found by
    the generator; the lower row was not seen as measures and 'Svar' was lost."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Rankning"
    ws.append(TITLE)
    ws.append(["Kommun", "NKI totalt", "Livsmedelskontroll", None])
    ws.append([None, "NKI-värde", "NKI-värde", "Svar"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("C2:D2")
    ws.append(["Kalix", 86, 84, 31])
    book.save(tmp_path / "oj.xlsx")
    outcome = imports.import_file(store, tmp_path / "oj.xlsx")
    assert outcome.ok and outcome.batch.skipped == []
    assert _values(store, "2514") == {
        "total": (86.0, None, None, None),
        "livsmedelskontroll": (84.0, 31, None, None),
    }


def test_narrow_csv_with_decimal_commas_under_a_title_with_commas(store, tmp_path):
    """Found by the layout generator: the delimiter was chosen by counting characters, so a
    two-column table ('Kalix;86,4') under a title with commas was split at the commas."""
    path = tmp_path / "oj.csv"
    path.write_text(
        "Öppna jämförelser Företagsklimat 2023, företag, alla områden, SKR\r\n"
        "Kommun;NKI totalt\r\nKalix;86,4\r\nBoden;77,5\r\nLuleå;70,1\r\n",
        encoding="utf-8",
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert {v.unit: v.value for v in store.values()} == {"2514": 86.4, "2582": 77.5, "2580": 70.1}
