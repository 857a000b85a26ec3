"""The board summary as an Excel workbook (openpyxl, no Qt): a summary sheet, one sheet per
section with a real Excel table (filters, frozen header, one-decimal formats), grade fills
with the grade word beside them, and native charts the user can restyle.

Text that came from imported files (unit names, file names) is always written as text:
a value starting with = + - @ never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.origin import SAMPLE_WARNING
from nki_desktop.analysis.report_data import FigureRow, RankingExcerpt, ReportData
from nki_desktop.atomic import save_workbook
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.rules import year_caption
from nki_desktop.domain.text import looks_like_formula
from nki_desktop.reports.comments_sheet import write_sheet as write_comment_sheet
from nki_desktop.reports.followup_sheet import write_followup_sheet, write_notes_sheet
from nki_desktop.reports.goals_sheet import write_sheet as write_goal_sheet
from nki_desktop.reports.options import ReportOptions
from nki_desktop.reports.sn_sheet import SHEET as SN_SHEET
from nki_desktop.reports.sn_sheet import write_sheet as write_sn_sheet

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


def _grade_fill(value: float | None) -> PatternFill | None:
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


def _below(last: int) -> str:
    """Where a chart goes: under its table, so it prints with it one page wide."""
    return f"A{last + 3}"


_WARNING_FILL = PatternFill("solid", start_color="FFF4CE", end_color="FFF4CE")


def _warning_top(ws: Worksheet, fictitious: bool, width: int) -> int:
    """Write the sample-data warning in row 1 of a sheet with fictitious values (merged over
    the table's ``width`` columns); returns the row where the table starts (3, else 1)."""
    if not fictitious:
        return 1
    cell = put(
        ws, 1, 1, f"⚠ {SAMPLE_WARNING} (på det här bladet). Får inte användas som beslutsunderlag."
    )
    cell.font = BOLD
    cell.fill = _WARNING_FILL
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    return 3


def _fill_grades(ws: Worksheet, top: int, count: int, value_col: int, word_col: int) -> None:
    for r in range(top + 1, top + 1 + count):
        value = ws.cell(row=r, column=value_col).value
        fill = _grade_fill(value if isinstance(value, int | float) else None)
        if fill is not None:
            ws.cell(row=r, column=value_col).fill = fill
            ws.cell(row=r, column=word_col).fill = fill


def _summary_sheet(ws: Worksheet, d: ReportData, text: str) -> None:
    kf = d.figures
    ws.title = "Sammanfattning"
    put(ws, 1, 1, f"Nöjd Kund Index – {d.group_label.lower()}").font = Font(bold=True, size=14)
    put(
        ws,
        2,
        1,
        f"{d.kommun_name} ({d.kommun}), ärendeår {year_caption(d.year)}. "
        f"Skapad {d.created.isoformat()}.",
    )
    if d.sample_sections() & {"cover", "summary"}:
        cell = put(ws, 3, 1, f"⚠ {SAMPLE_WARNING}.")
        cell.font = BOLD
        cell.fill = _WARNING_FILL

    def rank(p) -> str:
        return p.text if p else "–"

    rows: list[list[Any]] = [
        ["NKI totalt", kf.total.value, grade_word(kf.total.value)],
        ["Antal svar", kf.total.n, ""],
        [f"Förändring sedan {kf.previous_year or '–'}", kf.change, ""],
        ["Riket", kf.total.riket, grade_word(kf.total.riket)],
        ["Placering i riket", rank(kf.rank_national), ""],
        [f"Placering i {d.lan_name or 'länet'}", rank(kf.rank_lan), ""],
        [f"Placering i kommungruppen ({d.kommungrupp})", rank(kf.rank_group), ""],
    ]
    top = 5
    last = table(ws, "Nyckeltal", ["Nyckeltal", "Värde", "Betyg"], rows, {1: INDEX}, top)
    ws.cell(row=top + 2, column=2).number_format = COUNT
    ws.cell(row=top + 3, column=2).number_format = "+0.0;-0.0;0.0"
    for r in (top + 1, top + 4):
        fill = _grade_fill(ws.cell(row=r, column=2).value)
        if fill:
            ws.cell(row=r, column=2).fill = fill
            ws.cell(row=r, column=3).fill = fill
    put(ws, last + 2, 1, "Sammanfattning").font = BOLD
    put(ws, last + 3, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=last + 3, start_column=1, end_row=last + 3, end_column=3)
    ws.row_dimensions[last + 3].height = max(60, 15 * (len(text) // 80 + 2))
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 40
    put(ws, last + 5, 1, " · ".join(d.citations))
    printable(
        ws,
        f"NKI {d.kommun_name} {d.year}",
        header_row=top,
        landscape=False,
        last_row=last + 5,
        last_col=3,
    )


def _trend_sheet(ws: Worksheet, d: ReportData) -> None:
    top = _warning_top(ws, "trend" in d.sample_sections(), 7)
    headers = [
        "År",
        d.kommun_name,
        "Antal svar",
        "Riket",
        d.comparison_label,
        "Medel av antal värden",
        f"Källa {d.kommun_name}",
    ]
    rows = [
        [
            r.year,
            r.value,
            r.n,
            r.riket,
            r.comparison,
            r.comparison_count if r.comparison is not None else None,
            r.source,
        ]
        for r in d.trend
    ]
    last = table(
        ws, "Trend", headers, rows, {1: INDEX, 2: COUNT, 3: INDEX, 4: INDEX, 5: COUNT}, top
    )
    notes = [
        f"NKI totalt ändrade definition {b.year}: {b.text} Linjerna bryts där."
        for b in d.breaks
        if "total" in b.areas
    ]
    notes += [
        f"Källan byts: {n}. Linjen bryts där: värden ur olika källor är inte en serie."
        for n in d.trend_source_notes()
    ]
    for i, note in enumerate(notes):
        put(ws, last + 2 + i, 1, note)
    chart = LineChart()
    chart.title = "NKI totalt per ärendeår"
    chart.y_axis.title = "NKI"
    chart.x_axis.title = "Ärendeår"
    chart.y_axis.number_format = "0"
    chart.display_blanks = "gap"
    row_of = {r.year: top + 1 + i for i, r in enumerate(d.trend)}
    free = len(headers) + 2  # a broken line is drawn from one column per piece
    for (_key, label, parts), col in zip(d.trend_lines(), (2, 4, 5), strict=True):
        if len(parts) <= 1:
            chart.add_data(
                Reference(ws, min_col=col, min_row=top, max_row=last), titles_from_data=True
            )
            continue
        for part in parts:
            years = f"{part[0].year}–{part[-1].year}" if len(part) > 1 else str(part[0].year)
            put(ws, top, free, f"{label} {years}").font = BOLD
            ws.column_dimensions[get_column_letter(free)].width = len(label) + 14
            for p in part:
                put(ws, row_of[p.year], free, p.value, INDEX)
            chart.add_data(
                Reference(ws, min_col=free, min_row=top, max_row=last), titles_from_data=True
            )
            free += 1
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
    for series, symbol in zip(
        chart.series,
        ("circle", "square", "triangle", "diamond", "x", "star", "plus", "dash") * 4,
        strict=False,
    ):
        series.marker.symbol = symbol  # a one-year piece is a point: visible as a marker
        series.smooth = False
    _axes_visible(chart)
    chart.height, chart.width = 9, 18
    below = last + 1 + len(notes)
    ws.add_chart(chart, _below(below))
    printable(
        ws,
        f"{d.kommun_name}: NKI totalt per ärendeår",
        header_row=top,
        last_row=below + 2 + CHART_ROWS,
        last_col=max(len(headers), free - 1),
    )


def _axes_visible(chart: LineChart | BarChart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _figure_sheet(
    ws: Worksheet,
    d: ReportData,
    name: str,
    rows: list[FigureRow],
    label_col: str,
    title: str,
    section: str,
) -> None:
    top = _warning_top(ws, section in d.sample_sections(), 10)
    headers = [
        label_col,
        "Mått",
        d.kommun_name,
        "Betyg",
        "Antal svar",
        "Riket",
        d.comparison_label,
        "Medel av antal värden",
        "Placering",
        "Av",
    ]
    data = [
        [
            r.area_label if label_col == "Område" else r.factor_label,
            r.factor_label,
            r.value,
            grade_word(r.value),
            r.n,
            r.riket,
            r.comparison,
            r.comparison_count if r.comparison is not None else None,
            r.rank.rank if r.rank else None,
            r.rank.of if r.rank else None,
        ]
        for r in rows
    ]
    last = table(ws, name, headers, data, {2: INDEX, 4: COUNT, 5: INDEX, 6: INDEX, 7: COUNT}, top)
    _fill_grades(ws, top, len(data), 3, 4)
    # Columns, not horizontal bars: areas left to right as in the table, and the legend
    # (below) lists the series in the order the columns stand. Horizontal bars with the
    # first row on top list their legend the other way round in Excel and LibreOffice.
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.number_format = "0"
    for col in (3, 6, 7):
        chart.add_data(Reference(ws, min_col=col, min_row=top, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=last))
    chart.legend.position = "b"
    _axes_visible(chart)
    chart.height, chart.width = 12, 22
    ws.add_chart(chart, _below(last))
    printable(
        ws,
        f"{d.kommun_name}: {title}",
        header_row=top,
        last_row=last + 2 + CHART_ROWS,
        last_col=len(headers),
    )


def _ranking_sheet(ws: Worksheet, ex: RankingExcerpt, name: str, fictitious: bool) -> None:
    top = _warning_top(ws, fictitious, 7)
    headers = ["Plats", "Kommun", "Kommunkod", "NKI totalt", "Betyg", "Antal svar", "Min kommun"]
    rows = [
        [r.rank, r.name, r.unit, r.value, grade_word(r.value), r.n, "Ja" if r.is_self else ""]
        for r in ex.rows
    ]
    last = table(ws, name, headers, rows, {3: INDEX, 5: COUNT}, top)
    _fill_grades(ws, top, len(rows), 4, 5)
    for r, row in enumerate(ex.rows, start=top + 1):
        if row.is_self:
            for c in range(1, len(headers) + 1):
                ws.cell(row=r, column=c).font = BOLD
    shown = f"{len(ex.rows)} av {ex.of}" if ex.of else str(len(ex.rows))
    put(ws, last + 2, 1, f"{ex.title}: {shown} kommuner visas. {ex.note}")
    printable(ws, ex.title, header_row=top, last_row=last + 2, last_col=len(headers))


def write_xlsx(data: ReportData, path: str | Path, options: ReportOptions | None = None) -> Path:
    """Write the workbook; sections follow the options like the PDF."""
    options = options or ReportOptions()
    d = data
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    text = options.summary_text if options.summary_text is not None else d.summary_text
    _summary_sheet(wb.active, d, text)
    if options.has("trend") and d.trend:
        _trend_sheet(wb.create_sheet("Trend"), d)
    if options.has("areas") and d.areas:
        _figure_sheet(
            wb.create_sheet("Områden"),
            d,
            "Omraden",
            d.areas,
            "Område",
            f"NKI per myndighetsområde {d.year}",
            "areas",
        )
    if options.has("factors") and d.factors:
        _figure_sheet(
            wb.create_sheet("Serviceområden"),
            d,
            "Serviceomraden",
            d.factors,
            "Serviceområde",
            f"Serviceområden {d.year} (NKI totalt)",
            "factors",
        )
    sample = d.sample_sections()
    if options.has("ranking"):
        if d.ranking_national:
            _ranking_sheet(
                wb.create_sheet("Rankning riket"),
                d.ranking_national,
                "RankingRiket",
                "ranking" in sample,
            )
        if d.ranking_lan:
            _ranking_sheet(
                wb.create_sheet("Rankning län"), d.ranking_lan, "RankingLan", "ranking" in sample
            )
    if options.has("table"):
        ws = wb.create_sheet("Alla värden")
        top = _warning_top(ws, "table" in sample, 11)
        rows = [
            [
                r.area_label,
                r.factor_label,
                r.value,
                grade_word(r.value),
                r.n,
                r.riket,
                r.comparison,
                r.comparison_count if r.comparison is not None else None,
                r.rank.rank if r.rank else None,
                r.rank.of if r.rank else None,
                r.missing or "",
            ]
            for r in d.table
        ]
        table(
            ws,
            "AllaVarden",
            [
                "Område",
                "Mått",
                "Värde",
                "Betyg",
                "Antal svar",
                "Riket",
                d.comparison_label,
                "Medel av antal värden",
                "Placering",
                "Av",
                "Saknas",
            ],
            rows,
            {2: INDEX, 4: COUNT, 5: INDEX, 6: INDEX, 7: COUNT},
            top,
        )
        _fill_grades(ws, top, len(rows), 3, 4)
        printable(ws, f"{d.kommun_name}: alla värden {d.year}", header_row=top)
        ws = wb.create_sheet("Jämförelsegrupp")
        table(ws, "Jamforelsegrupp", ["Kod", "Namn"], [list(m) for m in d.comparison_members])
        printable(ws, d.comparison_label, landscape=False)
    if options.has("goals") and d.goals is not None:
        write_goal_sheet(wb.create_sheet("Mål och utfall"), d.goals, {d.kommun: d.kommun_name})
    if options.has("comments") and d.comments:  # only comments the user picked, never others
        write_comment_sheet(wb.create_sheet("Kommentarer"), d.comments)
    if options.has("followup") and d.tracking.actions:
        write_followup_sheet(wb.create_sheet("Åtgärder"), d.tracking)
    if options.has("notes") and d.tracking.notes:
        write_notes_sheet(wb.create_sheet("Anteckningar"), d.tracking.notes)
    if options.has("sn") and d.sn is not None:  # Svenskt Näringsliv: its own sheet
        write_sn_sheet(wb.create_sheet(SN_SHEET), d.sn, d.kommun_name)
    if options.has("method"):
        ws = wb.create_sheet("Metod")
        table(ws, "Metod", ["Rubrik", "Text"], [list(n) for n in d.method_notes])
        ws.column_dimensions["B"].width = 110
        for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
        printable(ws, "Metod")
        ws = wb.create_sheet("Källor")
        table(
            ws,
            "Kallor",
            ["Fil", "Publikation", "Importerad", "Källhänvisning"],
            [[s.file_name, s.publication_label, s.imported_at, s.citation] for s in d.sources],
        )
        printable(ws, "Källor")
    wb.properties.title = f"NKI {d.group_label.lower()} {d.year} – {d.kommun_name}"
    wb.properties.creator = "NKI Desktop"
    return save_workbook(wb, path)
