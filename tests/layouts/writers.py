"""Save rendered sheets as a file: xlsx (openpyxl), xls (xlwt), ods (odfpy) or CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tests.layouts.generator import Layout, Rendered, Sheet


def write(rendered: Rendered, layout: Layout, folder: Path) -> Path:
    path = folder / f"{rendered.stem}.{layout.fmt}"
    {"xlsx": _xlsx, "xls": _xls, "ods": _ods, "csv": _csv}[layout.fmt](
        path, rendered.sheets, layout
    )
    return path


def _csv(path: Path, sheets: list[Sheet], layout: Layout) -> None:
    [sheet] = sheets
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=layout.delimiter, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow(["" if c is None else str(c) for c in row])
    path.write_bytes(buffer.getvalue().encode(layout.encoding))


def _xlsx(path: Path, sheets: list[Sheet], layout: Layout) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value not in ("", None):
                    ws.cell(r, c, value)
        for r1, c1, r2, c2 in sheet.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    book.save(path)


def _xls(path: Path, sheets: list[Sheet], layout: Layout) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name)
        merged: set[tuple[int, int]] = set()
        for r1, c1, r2, c2 in sheet.merges:
            ws.write_merge(r1, r2, c1, c2, sheet.rows[r1][c1])
            merged |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value not in ("", None) and (r, c) not in merged:
                    ws.write(r, c, value)
    book.save(str(path))


def _ods(path: Path, sheets: list[Sheet], layout: Layout) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for sheet in sheets:
        spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in sheet.merges}
        covered = {
            (r, c)
            for (r1, c1), (rows, cols) in spans.items()
            for r in range(r1, r1 + rows)
            for c in range(c1, c1 + cols)
        } - set(spans)
        table = Table(name=sheet.name)
        for r, row in enumerate(sheet.rows):
            tr = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs: dict[str, Any] = {}
                if (r, c) in spans:
                    attrs = {
                        "numberrowsspanned": spans[r, c][0],
                        "numbercolumnsspanned": spans[r, c][1],
                    }
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                    cell.addElement(P(text=str(value)))
                elif value:
                    cell = TableCell(valuetype="string", **attrs)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(**attrs)
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
