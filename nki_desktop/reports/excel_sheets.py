"""The board summary workbook's own sheets (openpyxl, no Qt): the summary, the trend, areas
and service areas with native charts, the rankings, all values, the comparison group, the
method and the sources. ``excel.write_xlsx`` picks them by the report's sections."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.origin import SAMPLE_WARNING
from nki_desktop.analysis.report_data import FigureRow, RankingExcerpt, ReportData
from nki_desktop.domain.rules import year_caption
from nki_desktop.reports.excel_cells import (
    BOLD,
    CHART_ROWS,
    COUNT,
    INDEX,
    WARNING_FILL,
    chart_anchor,
    fill_grades,
    grade_fill,
    grade_word,
    printable,
    put,
    table,
    warning_top,
)


def summary_sheet(ws: Worksheet, d: ReportData, text: str) -> None:
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
        cell.fill = WARNING_FILL

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
        fill = grade_fill(ws.cell(row=r, column=2).value)
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


def trend_sheet(ws: Worksheet, d: ReportData) -> None:
    top = warning_top(ws, "trend" in d.sample_sections(), 7)
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
    ws.add_chart(chart, chart_anchor(below))
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


def figure_sheet(
    ws: Worksheet,
    d: ReportData,
    name: str,
    rows: list[FigureRow],
    label_col: str,
    title: str,
    section: str,
) -> None:
    top = warning_top(ws, section in d.sample_sections(), 10)
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
        [r.area_label if label_col == "Område" else r.factor_label, r.factor_label, *_figures(r)]
        for r in rows
    ]
    last = table(ws, name, headers, data, {2: INDEX, 4: COUNT, 5: INDEX, 6: INDEX, 7: COUNT}, top)
    fill_grades(ws, top, len(data), 3, 4)
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
    ws.add_chart(chart, chart_anchor(last))
    printable(
        ws,
        f"{d.kommun_name}: {title}",
        header_row=top,
        last_row=last + 2 + CHART_ROWS,
        last_col=len(headers),
    )


def ranking_sheet(ws: Worksheet, ex: RankingExcerpt, name: str, fictitious: bool) -> None:
    top = warning_top(ws, fictitious, 7)
    headers = ["Plats", "Kommun", "Kommunkod", "NKI totalt", "Betyg", "Antal svar", "Min kommun"]
    rows = [
        [r.rank, r.name, r.unit, r.value, grade_word(r.value), r.n, "Ja" if r.is_self else ""]
        for r in ex.rows
    ]
    last = table(ws, name, headers, rows, {3: INDEX, 5: COUNT}, top)
    fill_grades(ws, top, len(rows), 4, 5)
    for r, row in enumerate(ex.rows, start=top + 1):
        if row.is_self:
            for c in range(1, len(headers) + 1):
                ws.cell(row=r, column=c).font = BOLD
    shown = f"{len(ex.rows)} av {ex.of}" if ex.of else str(len(ex.rows))
    put(ws, last + 2, 1, f"{ex.title}: {shown} kommuner visas. {ex.note}")
    printable(ws, ex.title, header_row=top, last_row=last + 2, last_col=len(headers))


def _figures(r: FigureRow) -> list[Any]:
    """A value's cells: value, grade, n, Riket, comparison (and of how many), placing."""
    return [
        r.value,
        grade_word(r.value),
        r.n,
        r.riket,
        r.comparison,
        r.comparison_count if r.comparison is not None else None,
        r.rank.rank if r.rank else None,
        r.rank.of if r.rank else None,
    ]


def values_sheet(ws: Worksheet, d: ReportData, fictitious: bool) -> None:
    """Every stored value of the kommun and year, with grade, Riket, group and placing."""
    top = warning_top(ws, fictitious, 11)
    rows = [[r.area_label, r.factor_label, *_figures(r), r.missing or ""] for r in d.table]
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
    fill_grades(ws, top, len(rows), 3, 4)
    printable(ws, f"{d.kommun_name}: alla värden {d.year}", header_row=top)


def comparison_sheet(ws: Worksheet, d: ReportData) -> None:
    table(ws, "Jamforelsegrupp", ["Kod", "Namn"], [list(m) for m in d.comparison_members])
    printable(ws, d.comparison_label, landscape=False)


def method_sheet(ws: Worksheet, d: ReportData) -> None:
    table(ws, "Metod", ["Rubrik", "Text"], [list(n) for n in d.method_notes])
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    printable(ws, "Metod")


def sources_sheet(ws: Worksheet, d: ReportData) -> None:
    table(
        ws,
        "Kallor",
        ["Fil", "Publikation", "Importerad", "Källhänvisning"],
        [[s.file_name, s.publication_label, s.imported_at, s.citation] for s in d.sources],
    )
    printable(ws, "Källor")
