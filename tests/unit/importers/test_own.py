"""A kommun's own results: Riket and joint bodies wherever they are named; every row with
values stored or listed with its row."""

from __future__ import annotations

from nki_desktop.services import imports
from tests.import_builders import write_xlsx


def _cells(store, unit):
    return {
        (v.year, v.area, v.factor): (v.value, v.n, v.missing)
        for v in store.values(unit=unit, group=None)
    }


def test_unit_and_year_columns_with_riket_beside_the_kommun(store, tmp_path):
    """A consultant's table: 'Område | Kalix 2022 | Kalix 2023 | Riket 2023'."""
    path = write_xlsx(
        tmp_path / "kalix.xlsx",
        {
            "Resultat": [
                ["Insikt – resultat för Kalix kommun, företag"],
                ["Område", "Kalix 2022", "Kalix 2023", "Riket 2023"],
                ["Bygglov", 80, "84 (31)", "70,5"],
                ["Antal svar", 28, "", 9120],
                ["Totalt", 82, 86, 74],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert outcome.kind == "own"
    assert _cells(store, "2514") == {
        (2022, "bygglov", "nki"): (80.0, 28, None),
        (2023, "bygglov", "nki"): (84.0, 31, None),
        (2022, "total", "nki"): (82.0, None, None),
        (2023, "total", "nki"): (86.0, None, None),
    }
    assert _cells(store, "riket") == {
        (2023, "bygglov", "nki"): (70.5, 9120, None),
        (2023, "total", "nki"): (74.0, None, None),
    }


def test_riket_column_and_riket_row_beside_factor_columns(store, tmp_path):
    path = write_xlsx(
        tmp_path / "portal.xlsx",
        {
            "Företag 2023": [
                ["Insikt-portalen – Örebro kommun"],
                ["Område", "NKI", "Information", "Riket"],
                ["Bygglov", 66, 60, 70],
                ["Bygglov, riket", 70, 68, ""],
                ["Riket", 74, 72, ""],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert _cells(store, "1880") == {
        (2023, "bygglov", "nki"): (66.0, None, None),
        (2023, "bygglov", "information"): (60.0, None, None),
    }
    riket = _cells(store, "riket")
    # the Riket column (NKI, bygglov) and the row 'Bygglov, riket' say the same: 70
    assert riket[(2023, "bygglov", "nki")] == (70.0, None, None)
    assert riket[(2023, "bygglov", "information")] == (68.0, None, None)
    assert riket[(2023, "total", "nki")] == (74.0, None, None)
    assert riket[(2023, "total", "information")] == (72.0, None, None)


def test_joint_body_own_results_are_its_own_unit(store, tmp_path):
    path = write_xlsx(
        tmp_path / "forbund.xlsx",
        {
            "Resultat": [
                ["Insikt 2023 – Resultat för Miljöförbundet Norr, företag"],
                ["Område", "NKI", "Bemötande"],
                ["Miljö- och hälsoskydd", "77,4 (9)", 81],
                ["Livsmedelskontroll", "-", 75],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert store.joint_bodies() == [("jb:Miljöförbundet Norr", "Miljöförbundet Norr", ())]
    cells = _cells(store, "jb:Miljöförbundet Norr")
    assert cells[(2023, "miljo_halsoskydd", "nki")] == (77.4, 9, None)
    assert cells[(2023, "livsmedelskontroll", "nki")] == (None, None, "-")
    assert {v.unit for v in store.values(group=None)} == {"jb:Miljöförbundet Norr"}


def test_table_offset_to_column_b_and_text_rows_listed(store, tmp_path):
    path = write_xlsx(
        tmp_path / "egna.xlsx",
        {
            "2022": [
                ["", "Kalix kommun – Insikt"],
                ["", "Område", "NKI", "Effektivitet"],
                ["", "Bygglov", 86, 70],
                ["", "Kommentar: fler svar än i fjol", 3, ""],
            ]
        },
    )
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert _cells(store, "2514") == {
        (2022, "bygglov", "nki"): (86.0, None, None),
        (2022, "bygglov", "effektivitet"): (70.0, None, None),
    }
    assert [(s.sheet, s.row) for s in outcome.batch.skipped] == [("2022", 4)]
