"""Actions and notes in the data export: sheets of the .xlsx, .csv files beside the .csv."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from nki_desktop import cli
from nki_desktop.domain.actions import Action, Note
from nki_desktop.services import actions, notes
from nki_desktop.storage import Store


def _seed(path):
    store = Store.open(path)
    actions.add(store, Action("1880", "=Öppet hus", ("total",), owner="Chef", done="2023-05-02"))
    actions.add(store, Action("0180", "Stockholms åtgärd", ("bygglov",)))
    notes.add(store, Note("1880", "Få svar: 9", "2023-01-10", 2022, "bygglov"))
    store.close()


def test_xlsx_export_has_the_kommuns_actions_and_notes(sample_db_copy, tmp_path):
    _seed(sample_db_copy)
    target = tmp_path / "orebro.xlsx"
    out = io.StringIO()
    assert (
        cli.run(["--db", str(sample_db_copy), "export", str(target), "--kommun", "1880"], out) == 0
    )
    assert "Åtgärder: 1 rader" in out.getvalue()
    book = load_workbook(target)
    assert book.sheetnames == ["Data", "Åtgärder", "Anteckningar"]
    ws = book["Åtgärder"]
    assert ws["C1"].value == "Åtgärd" and ws["C2"].value == "=Öppet hus"
    assert ws["C2"].data_type == "s"  # text, never a formula
    assert ws.max_row == 2  # Stockholm's action is not Örebro's
    assert book["Anteckningar"]["G2"].value == "Få svar: 9"


def test_csv_export_writes_files_beside_it(sample_db_copy, tmp_path):
    _seed(sample_db_copy)
    target = tmp_path / "alla.csv"
    assert (
        cli.run(
            ["--db", str(sample_db_copy), "export", str(target), "--year", "2024"], io.StringIO()
        )
        == 0
    )
    with open(tmp_path / "alla-atgarder.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:3] == ["Id", "Enhet", "Åtgärd"] and len(rows) == 3
    assert rows[1][2] == "'=Öppet hus"  # formula-safe
    assert (tmp_path / "alla-anteckningar.csv").exists()


def test_no_records_no_extra_sheets(sample_db_copy, tmp_path):
    target = tmp_path / "x.xlsx"
    assert (
        cli.run(
            ["--db", str(sample_db_copy), "export", str(target), "--year", "2024"], io.StringIO()
        )
        == 0
    )
    assert load_workbook(target).sheetnames == ["Data"]
    assert not (tmp_path / "x-atgarder.xlsx").exists()
