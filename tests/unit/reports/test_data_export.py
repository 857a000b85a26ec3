from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from nki_desktop import cli
from nki_desktop.analysis.long_rows import LongRow
from nki_desktop.reports.data_export import write_long


def test_export_command_writes_a_filterable_excel_table(sample_db_copy, tmp_path):
    db = str(sample_db_copy)
    out = io.StringIO()
    target = tmp_path / "orebro.xlsx"
    assert (
        cli.run(["--db", db, "export", str(target), "--kommun", "1880", "--year", "2023"], out) == 0
    )
    ws = load_workbook(target)["Data"]
    assert ws["A1"].value == "Ärendeår" and ws["C2"].value == "Örebro"
    assert ws.freeze_panes == "A2" and "NKIData" in ws.tables
    csv_out = io.StringIO()
    cli.run(["--db", db, "data", "--kommun", "1880", "--year", "2023"], csv_out)
    assert ws.max_row - 1 == len(list(csv.DictReader(io.StringIO(csv_out.getvalue()))))
    assert cli.run(["--db", db, "export", str(tmp_path / "x.pdf")], io.StringIO()) == 2


def test_csv_export_is_swedish_excel_friendly_and_formula_safe(tmp_path):
    row = LongRow(
        2023,
        "jb:x",
        '=HYPERLINK("http://evil")',
        "total",
        "nki",
        "foretag",
        77.4,
        12,
        None,
        None,
        None,
        "fil.xlsx",
        None,
    )
    path = write_long([row], tmp_path / "a.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Ärendeår;Enhet;Namn")
    cells = next(csv.reader([lines[1]], delimiter=";"))
    assert cells[6] == "77,4" and cells[2].startswith("'=")
    xlsx = write_long([row], tmp_path / "a.xlsx")
    ws = load_workbook(xlsx)["Data"]
    # in a workbook the text is kept as it is, marked as text (never a formula)
    assert ws["C2"].data_type == "s" and ws["C2"].value == row.unit_name
    assert ws["C2"].quotePrefix


def test_full_width_and_tab_led_formulas_are_text_in_every_export(tmp_path):
    names = ["＝1+1 Miljöförbund", "\t=1+1", "@SUM(1)", "+1 förbund"]
    rows = [
        LongRow(
            2023,
            "jb:x",
            name,
            "total",
            "nki",
            "foretag",
            77.0,
            12,
            None,
            None,
            None,
            "fil.xlsx",
            None,
        )
        for name in names
    ]
    cells = [
        next(csv.reader([line], delimiter=";"))
        for line in write_long(rows, tmp_path / "b.csv").read_text("utf-8-sig").splitlines()[1:]
    ]
    assert [c[2] for c in cells] == ["'" + name for name in names]
    ws = load_workbook(write_long(rows, tmp_path / "b.xlsx"))["Data"]
    assert [ws.cell(r, 3).value for r in range(2, 6)] == names
    assert all(ws.cell(r, 3).data_type == "s" for r in range(2, 6))
