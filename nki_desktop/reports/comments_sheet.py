"""The Excel part of the report section "Företagens kommentarer (urval)" (no Qt): only the
comments the user picked; the workbook gets the sheet only when some are."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.comments import CommentRow

HEADING = "Företagens kommentarer (urval)"
NOTE = (
    "Ett urval som användaren valt ut bland företagens fritextsvar. Telefonnummer, "
    "e-postadresser och personnummer maskerades redan vid importen. Svarandens NKI är "
    "den enskilda svarandens index (0–100), inte kommunens. Citaten är inte representativa "
    "för alla svar."
)
COLUMNS = ("År", "Område", "Datum", "Svarandens NKI", "Kommentar")


def write_sheet(ws: Worksheet, rows: Sequence[CommentRow]) -> None:
    """The picked comments as a sheet (the caller adds it only when some are picked)."""
    from nki_desktop.reports.excel import printable, put, table  # excel imports this module

    put(ws, 1, 1, HEADING).font = Font(bold=True, size=13)
    note = put(ws, 2, 1, NOTE)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:E2")
    ws.row_dimensions[2].height = 48
    data = [
        [
            r.year,
            r.area_text,
            r.answered or None,
            None if r.nki is None else round(r.nki, 1),
            r.text,
        ]
        for r in rows
    ]
    last = table(ws, "Kommentarer", COLUMNS, data, {3: "0.0"}, top=4)
    for r in range(5, last + 1):
        ws.cell(row=r, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDE", (8, 24, 12, 17, 90), strict=True):
        ws.column_dimensions[col].width = width
    printable(ws, HEADING, header_row=4, last_row=last, last_col=len(COLUMNS))
