"""The report section "Företagens kommentarer (urval)": only the comments the user picked,
as a PDF table and an Excel sheet. Nothing is written when none is picked."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from nki_desktop.analysis.comments import CommentRow
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.reports import layout as L

HEADING = "Företagens kommentarer (urval)"
NOTE = ("Ett urval som användaren valt ut bland företagens fritextsvar. Telefonnummer, "
        "e-postadresser och personnummer maskerades redan vid importen. Svarandens NKI är "
        "den enskilda svarandens index (0–100), inte kommunens. Citaten är inte representativa "
        "för alla svar.")
COLUMNS = ("År", "Område", "Datum", "Svarandens NKI", "Kommentar")


def cells(row: CommentRow) -> list[str]:
    return [str(row.year), row.area_text, row.answered or "–",
            fmt_index(row.nki) if row.nki is not None else "–", row.text]


def pdf_blocks(rows: Sequence[CommentRow], heading: QFont, body: QFont, small: QFont,
               bold_small: QFont) -> list[L.Block]:
    """The section's blocks for the PDF document (none without picked comments)."""
    if not rows:
        return []
    cols = [L.ColumnSpec("År", 0.6), L.ColumnSpec("Område", 1.7), L.ColumnSpec("Datum", 1.1),
            L.ColumnSpec("Svarandens NKI", 1.0, Qt.AlignmentFlag.AlignRight),
            L.ColumnSpec("Kommentar", 6.0)]
    return [L.Heading(HEADING, heading, space_after=6),
            L.Paragraph(NOTE, body, space_after=6),
            L.Table(cols, [cells(r) for r in rows], small, bold_small, space_after=10,
                    caption=f"{len(rows)} valda kommentarer.", caption_font=small)]


def write_sheet(ws: Worksheet, rows: Sequence[CommentRow]) -> None:
    """The picked comments as a sheet (the caller adds it only when some are picked)."""
    from nki_desktop.reports.excel import put, table

    put(ws, 1, 1, HEADING)
    put(ws, 2, 1, NOTE)
    data = [[r.year, r.area_text, r.answered or None,
             None if r.nki is None else round(r.nki, 1), r.text] for r in rows]
    last = table(ws, "Kommentarer", COLUMNS, data, {3: "0.0"}, top=4)
    for r in range(5, last + 1):
        ws.cell(row=r, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDE", (8, 24, 12, 14, 90), strict=True):
        ws.column_dimensions[col].width = width
