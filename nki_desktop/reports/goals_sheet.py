"""The Excel part of "Mål och utfall" (no Qt): one row per goal and year, status as a word
and a symbol. Also the goals sheet of the data export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.goal_rows import GOAL_COLUMNS, GoalRow, build_goal_rows
from nki_desktop.analysis.goal_table import HEADING, GoalTable

_SHEET_COLUMNS = tuple(c for c in GOAL_COLUMNS if c[0] not in ("kommun", "kommun_name"))
_WIDTHS = (7, 22, 12, 24, 8, 26, 9, 12, 8, 8, 9, 12, 52)
_DETAIL_CHARS = 56  # about what one line of the explanation column holds


def write_rows(ws: Worksheet, rows: Sequence[GoalRow], note: str, top: int = 1) -> int:
    """A title, a note and the rows as a table; returns the last row used."""
    from nki_desktop.reports.excel import printable, put, table  # excel imports this module

    put(ws, top, 1, HEADING).font = Font(bold=True, size=13)
    cell = put(ws, top + 1, 1, note)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=top + 1, start_column=1, end_row=top + 1, end_column=8)
    ws.row_dimensions[top + 1].height = 62
    data = [
        [
            r.id,
            r.figure,
            r.group,
            r.aim,
            r.from_year,
            r.source,
            r.year,
            r.status,
            r.symbol,
            r.value,
            r.rank,
            "ja" if r.definition_changed else "",
            r.detail,
        ]
        for r in rows
    ]
    last = table(ws, "Mal", [label for _k, label in _SHEET_COLUMNS], data, {9: "0.0"}, top=top + 3)
    for i, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    # The explanation wraps; a row is given its height, since a spreadsheet program does not
    # always grow a row for wrapped text written by openpyxl (then the lines would overlap).
    detail_col = len(_SHEET_COLUMNS)
    for offset, r in enumerate(rows, start=top + 4):
        ws.cell(row=offset, column=detail_col).alignment = Alignment(wrap_text=True, vertical="top")
        lines = max(1, -(-len(r.detail) // _DETAIL_CHARS))
        if lines > 1:
            ws.row_dimensions[offset].height = 15 * lines
            for col in range(1, detail_col):  # the row's other cells at its top, in line
                cell = ws.cell(row=offset, column=col)
                cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top")
    printable(ws, HEADING, header_row=top + 3, last_row=last, last_col=len(_SHEET_COLUMNS))
    return last


def write_sheet(ws: Worksheet, goals: GoalTable, names: Mapping[str, str]) -> None:
    """The report's sheet: every goal of the kommun and group, each year up to the report's."""
    write_rows(ws, build_goal_rows(goals.reports, names, until=goals.year), goals.note)
