"""Stored values in long form to a file a Swedish Excel opens directly (.xlsx or .csv)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from nki_desktop.analysis.goal_rows import GoalRow
from nki_desktop.analysis.long_rows import LONG_COLUMNS, LongRow
from nki_desktop.atomic import atomic_target, save_workbook
from nki_desktop.domain.goals import KOLADA_NOTE
from nki_desktop.domain.text import formula_safe
from nki_desktop.reports.tracking_export import ExportTable, add_sheets, write_csv_siblings

HEADERS_SV = {
    "year": "Ärendeår",
    "unit": "Enhet",
    "unit_name": "Namn",
    "area": "Område",
    "factor": "Faktor",
    "group": "Svarsgrupp",
    "value": "Värde",
    "n": "Antal svar",
    "rank": "Placering",
    "ci_low": "KI nedre",
    "ci_high": "KI övre",
    "source": "Källa",
    "missing": "Markering",
}
COLUMNS = (*LONG_COLUMNS, "missing")


def write_long(
    rows: Sequence[LongRow],
    path: Path,
    extra: Sequence[ExportTable] = (),
    goals: Sequence[GoalRow] = (),
) -> Path:
    """Write rows as .xlsx (a filterable table) or .csv (semicolon, decimal comma, BOM);
    ``extra`` tables (actions, notes) as more sheets, or as .csv files beside it; ``goals``
    (one row per goal and year) to a sheet "Mål" of the workbook (a .csv holds no goals)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with atomic_target(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([HEADERS_SV[c] for c in COLUMNS])
            for r in rows:
                writer.writerow([_csv_cell(getattr(r, c)) for c in COLUMNS])
        write_csv_siblings(path, extra)
        return path
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    from nki_desktop.reports.excel import put

    ws.append([HEADERS_SV[c] for c in COLUMNS])
    for row_no, r in enumerate(rows, start=2):
        for col_no, c in enumerate(COLUMNS, start=1):
            put(ws, row_no, col_no, getattr(r, c))
    for cell in ws["G"][1:]:
        cell.number_format = "0.0"
    ws.freeze_panes = "A2"
    widths = (8, 8, 22, 20, 16, 12, 8, 10, 10, 9, 9, 40, 10)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    if rows:
        ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
        table = Table(displayName="NKIData", ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(table)
    add_sheets(wb, extra)
    if goals:
        from nki_desktop.reports.goals_sheet import write_rows

        write_rows(wb.create_sheet("Mål"), goals, KOLADA_NOTE)
    return save_workbook(wb, path)


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else f"{value:.6g}").replace(".", ",")
    return str(formula_safe(value))
