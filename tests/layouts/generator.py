"""Render a ground-truth table as the sheets of one file, in a chosen layout.

A ``Layout`` says everything that is a matter of form: title rows, one- or two-row header,
how kommuner are written, which columns exist, where Riket, joint bodies, footnotes,
summary rows and blank rows stand (and in which column their label stands), how numbers
and missing values are written, and the file format. ``render`` turns truth + layout into
``Sheet``s of cells with the role of every row, so a test knows what each row must become.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.layouts.truth import AreaColumns, Cell, Truth, Unit

UNIT_COLUMNS = {
    "code": ["code"],
    "name": ["name"],
    "both": ["code", "name"],
    "name_code": ["name", "code"],
    "combined": ["combined"],
}


@dataclass(frozen=True)
class Line:
    """One row below the header, in file order."""

    kind: str  # unit | footnote | summary | heading | repeated_header | blank
    unit: int = -1  # index into Truth.units (unit rows; summary rows copy its numbers)
    label: str = ""  # the unit's name as written, or the note's text
    column: str = "name"  # where the label stands: code | name | combined | lan | lead | value


@dataclass(frozen=True)
class SheetPlan:
    name: str
    lan_name: str  # for the title of a per-län sheet ('' for one sheet)
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Layout:
    fmt: str  # xlsx | xls | ods | csv
    encoding: str  # csv only: utf-8 | utf-8-sig | cp1252
    delimiter: str  # csv only
    titles: tuple[str, ...]  # title and note rows above the header (may be empty)
    blank_before_header: bool
    file_stem: str
    two_row_header: bool
    unit_headers_low: bool  # two-row header: unit headings in the lower row
    flat_measures: bool  # one-row header: "Bygglov | Rank | Antal svar"
    unit_columns: str  # code | name | both | name_code | combined
    code_header: str
    name_header: str
    lan_column: str  # none | first | after
    lan_as_code: bool
    lead_column: bool  # an unnamed first column (row labels of notes, Riket …)
    extra_column: str  # '' or an unused column after the unit columns: Kommungrupp, Befolkning
    area_words: tuple[str, ...]  # per truth area
    value_word: str
    rank_word: str
    n_word: str
    separator: str  # between area and measure in one-row headers
    upper_headers: bool  # 'KOMMUN', 'NKI TOTALT'…
    decimal: str  # ',' or '.'
    numbers_as_text: bool  # spreadsheet formats: numbers stored as text cells
    code_as_number: bool  # spreadsheet formats: 114.0 rather than '0114'
    thousands: str  # separator in n ≥ 1000 written as text: '', ' ', '\u00a0'
    info_sheet: bool
    sheets: tuple[SheetPlan, ...]


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    roles: list[tuple[str, Any]] = field(default_factory=list)  # per row: (kind, detail)


@dataclass
class Rendered:
    stem: str
    sheets: list[Sheet]


def render(truth: Truth, layout: Layout, lan_names: dict[str, str]) -> Rendered:
    """Truth in the given layout: the sheets of the file, every row with its role."""
    sheets: list[Sheet] = []
    if layout.info_sheet and layout.fmt != "csv":
        info = Sheet("Info")
        for text in (
            "Öppna jämförelser Företagsklimat",
            "Resultat per län, ett blad per län.",
            "Källa: SKR",
        ):
            info.rows.append([text])
            info.roles.append(("title", None))
        sheets.append(info)
    for plan in layout.sheets:
        sheets.append(_sheet(truth, layout, plan, lan_names))
    return Rendered(layout.file_stem, sheets)


def _columns(layout: Layout) -> list[str]:
    """The non-value columns, left to right."""
    cols = ["lead"] if layout.lead_column else []
    if layout.lan_column == "first":
        cols.append("lan")
    cols += UNIT_COLUMNS[layout.unit_columns]
    if layout.extra_column:
        cols.append("extra")
    if layout.lan_column == "after":
        cols.append("lan")
    return cols


def _sheet(truth: Truth, layout: Layout, plan: SheetPlan, lan_names: dict[str, str]) -> Sheet:
    sheet = Sheet(plan.name)
    for i, text in enumerate(layout.titles):
        sheet.rows.append([f"{text}, {plan.lan_name}" if i == 0 and plan.lan_name else text])
        sheet.roles.append(("title", None))
    if layout.blank_before_header:
        sheet.rows.append([])
        sheet.roles.append(("blank", None))
    lead = _columns(layout)
    header_rows = _header(truth, layout, lead, len(sheet.rows), sheet.merges)
    if layout.upper_headers:
        header_rows = [[str(c).upper() for c in row] for row in header_rows]
    for row in header_rows:
        sheet.rows.append(row)
        sheet.roles.append(("header", None))
    for line in plan.lines:
        if line.kind == "blank":
            sheet.rows.append([])
            sheet.roles.append(("blank", None))
        elif line.kind == "repeated_header":
            sheet.rows.append(list(header_rows[-1]))
            sheet.roles.append(("noise", line.kind))
        elif line.kind in ("footnote", "heading"):
            sheet.rows.append(_label_row(lead, line.column, line.label))
            sheet.roles.append(("noise", line.kind))
        else:
            unit = truth.units[line.unit]
            cells = truth.cells[line.unit]
            row = _unit_cells(layout, lead, unit, line, lan_names)
            for area, cell in zip(truth.areas, cells, strict=True):
                row += _area_cells(layout, area, cell)
            sheet.rows.append(row)
            sheet.roles.append(
                ("noise", "summary") if line.kind == "summary" else ("unit", unit.key)
            )
    return sheet


def _label_row(lead: list[str], column: str, label: str) -> list[Any]:
    """A row with one text: in a unit column, the län or lead column, or ('value') the first
    value column, where a note typed into the table may stand."""
    row: list[Any] = [""] * (len(lead) + (column == "value"))
    row[lead.index(column) if column in lead else len(lead) if column == "value" else 0] = label
    return row


def _unit_cells(
    layout: Layout, lead: list[str], unit: Unit, line: Line, lan_names: dict[str, str]
) -> list[Any]:
    if line.kind == "summary" or unit.kind != "kommun":
        return _label_row(lead, line.column, line.label)
    row: list[Any] = []
    for col in lead:
        if col == "lead":
            row.append("")
        elif col == "lan":
            row.append(unit.lan if layout.lan_as_code else lan_names[unit.lan])
        elif col == "extra":
            row.append(
                unit.group
                if layout.extra_column == "Kommungrupp"
                else _count(layout, unit.population)
            )
        elif col == "code":
            row.append(
                float(int(unit.code))
                if layout.code_as_number and layout.fmt != "csv"
                else unit.code
            )
        elif col == "name":
            row.append(line.label)
        else:
            row.append(f"{unit.code} {line.label}")
    return row


def number_text(value: float, decimal: str) -> str:
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", decimal)


def _number(layout: Layout, value: float) -> Any:
    if layout.fmt == "csv" or layout.numbers_as_text:
        return number_text(value, layout.decimal)
    return float(value)


def _count(layout: Layout, value: int) -> Any:
    if layout.fmt == "csv" or layout.numbers_as_text:
        if value >= 1000 and layout.thousands:
            return f"{value // 1000}{layout.thousands}{value % 1000:03d}"
        return str(value)
    return float(value)


def _area_cells(layout: Layout, area: AreaColumns, cell: Cell) -> list[Any]:
    out: list[Any] = []
    for measure in area.measures:
        if measure == "value":
            if cell.value is None:
                out.append(f"{cell.marker} ({cell.n})" if cell.n_in_cell else cell.marker)
            elif cell.n_in_cell and cell.n is not None:
                out.append(f"{number_text(cell.value, layout.decimal)} ({cell.n})")
            elif cell.mark:
                out.append(number_text(cell.value, layout.decimal) + cell.mark)
            else:
                out.append(_number(layout, cell.value))
        elif measure == "rank":
            if cell.rank is None:
                out.append("" if cell.value is not None else cell.marker)
            elif cell.rank_of is not None:
                out.append(f"{cell.rank} av {cell.rank_of}")
            else:
                out.append(_count(layout, cell.rank))
        else:
            out.append("" if cell.n is None else _count(layout, cell.n))
    return out


def _unit_header(layout: Layout, column: str) -> str:
    return {"lead": "", "lan": "Län", "extra": layout.extra_column, "code": layout.code_header}.get(
        column, layout.name_header
    )


def _header(
    truth: Truth,
    layout: Layout,
    lead: list[str],
    first_row: int,
    merges: list[tuple[int, int, int, int]],
) -> list[list[Any]]:
    names = [_unit_header(layout, c) for c in lead]
    words = {"value": layout.value_word, "rank": layout.rank_word, "n": layout.n_word}
    if layout.two_row_header:
        upper: list[Any] = [""] * len(lead) if layout.unit_headers_low else list(names)
        lower: list[Any] = list(names) if layout.unit_headers_low else [""] * len(lead)
        if not layout.unit_headers_low:
            for c, name in enumerate(names):
                if name:
                    merges.append((first_row, c, first_row + 1, c))
        col = len(lead)
        for area, word in zip(truth.areas, layout.area_words, strict=True):
            upper += [word] + [""] * (len(area.measures) - 1)
            lower += [_value_word(area, words) if m == "value" else words[m] for m in area.measures]
            if len(area.measures) > 1:
                merges.append((first_row, col, first_row, col + len(area.measures) - 1))
            col += len(area.measures)
        return [upper, lower]
    row: list[Any] = list(names)
    for area, word in zip(truth.areas, layout.area_words, strict=True):
        for measure in area.measures:
            if measure == "value":
                row.append(
                    word
                    if layout.flat_measures
                    else f"{word}{layout.separator}{_value_word(area, words)}"
                )
            elif layout.flat_measures:
                row.append(words[measure])
            else:
                row.append(f"{word}{layout.separator}{words[measure]}")
    return [row]


def _value_word(area: AreaColumns, words: dict[str, str]) -> str:
    if area.factor == "nui" and words["value"] == "NKI":
        return "NUI"
    return words["value"]
