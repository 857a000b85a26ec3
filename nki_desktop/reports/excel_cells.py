"""What every sheet of the board summary workbook is written with (openpyxl, no Qt): cells
that never become formulas, real Excel tables, print set-up, grade fills and the sample-data
warning.

Text that came from imported files (unit names, file names) is always written as text:
a value starting with = + - @ never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.origin import SAMPLE_WARNING
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.text import looks_like_formula

# Format codes follow the reader's locale: "." is the decimal sign and "," the grouping, so a
# Swedish Excel shows 77,4 and 1 234 (a literal space in the code would not follow it).
INDEX = "0.0"
COUNT = "#,##0"
CHART_ROWS = 25  # rows a chart below its table takes (up to 12 cm at the default height)
_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)


def _tint(colour: str, amount: float = 0.72) -> str:
    """The grade colour mixed with white: a fill that keeps black text readable."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


_FILLS: dict[str, PatternFill] = {}  # one fill per grade colour: openpyxl hashes each new one
BOLD = Font(bold=True)


def grade_fill(value: float | None) -> PatternFill | None:
    grade = grade_for(value)
    if grade is None:
        return None
    fill = _FILLS.get(grade.colour)
    if fill is None:
        tint = _tint(grade.colour)
        fill = _FILLS[grade.colour] = PatternFill("solid", start_color=tint, end_color=tint)
    return fill


def grade_word(value: float | None) -> str:
    grade = grade_for(value)
    return f"{grade.symbol} {grade.label}" if grade else ""


def put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None):
    """Write one cell; strings are always text, never formulas (the one place every
    workbook the program writes goes through for text that came from files)."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format and isinstance(value, int | float):
        cell.number_format = number_format
    return cell


def table(
    ws: Worksheet,
    name: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: dict[int, str] | None = None,
    top: int = 1,
    freeze: bool = True,
) -> int:
    """A real Excel table (filters, stripes) with frozen header; returns the last row."""
    formats = formats or {}
    rows = list(rows) or [["–"] + [None] * (len(headers) - 1)]
    for c, head in enumerate(headers, start=1):
        put(ws, top, c, head).font = BOLD
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value, formats.get(c - 1))
    last = top + len(rows)
    ref = f"A{top}:{get_column_letter(len(headers))}{last}"
    ws.add_table(Table(displayName=name, ref=ref, tableStyleInfo=_STYLE))
    if freeze:
        ws.freeze_panes = f"A{top + 1}"
    for c, head in enumerate(headers, start=1):
        letter = get_column_letter(c)
        longest = max(
            [len(str(head))]
            + [len(str(v[c - 1])) for v in rows if c - 1 < len(v) and v[c - 1] is not None]
        )
        ws.column_dimensions[letter].width = max(
            ws.column_dimensions[letter].width or 0, min(60, max(9, round(longest * 1.15) + 3))
        )
    return last


def printable(
    ws: Worksheet,
    title: str,
    header_row: int = 1,
    landscape: bool = True,
    last_row: int | None = None,
    last_col: int | None = None,
) -> None:
    """Print set-up: A4, landscape, one page wide, the table's header repeated on every
    page, and a header and footer naming the report and the page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddHeader.left.text = title.replace("&", "&&")
    ws.oddFooter.left.text = "NKI Desktop"
    ws.oddFooter.right.text = "Sida &P av &N"
    if last_row and last_col:
        ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


def chart_anchor(last: int) -> str:
    """Where a chart goes: under its table, so it prints with it one page wide."""
    return f"A{last + 3}"


WARNING_FILL = PatternFill("solid", start_color="FFF4CE", end_color="FFF4CE")


def warning_top(ws: Worksheet, fictitious: bool, width: int) -> int:
    """Write the sample-data warning in row 1 of a sheet with fictitious values (merged over
    the table's ``width`` columns); returns the row where the table starts (3, else 1)."""
    if not fictitious:
        return 1
    cell = put(
        ws, 1, 1, f"⚠ {SAMPLE_WARNING} (på det här bladet). Får inte användas som beslutsunderlag."
    )
    cell.font = BOLD
    cell.fill = WARNING_FILL
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    return 3


def fill_grades(ws: Worksheet, top: int, count: int, value_col: int, word_col: int) -> None:
    for r in range(top + 1, top + 1 + count):
        value = ws.cell(row=r, column=value_col).value
        fill = grade_fill(value if isinstance(value, int | float) else None)
        if fill is not None:
            ws.cell(row=r, column=value_col).fill = fill
            ws.cell(row=r, column=word_col).fill = fill
