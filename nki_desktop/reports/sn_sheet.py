"""The Excel part of the report section "Svenskt Näringslivs företagsklimat" (no Qt): the
latest figures per question, then the years with grade, Riket, rank and its change."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.sn_report import SnReport
from nki_desktop.domain.sn import METHOD_NOTE, RANK_OF, SCALE_TEXT, SN_TITLE, measure_label

HEADING = SN_TITLE
SHEET = "Svenskt Näringsliv"
SAMPLE = "Exempeldata – fiktiva värden, inte Svenskt Näringslivs siffror."


def write_sheet(ws: Worksheet, sn: SnReport, kommun_name: str) -> None:
    """The SN figures as one sheet: never in NKI's tables, with its own scale and source."""
    from nki_desktop.reports.excel import printable, put, table  # excel imports this module

    put(ws, 1, 1, f"{HEADING} – {kommun_name}").font = Font(bold=True, size=13)
    top = 2
    if sn.is_sample:
        put(ws, top, 1, "⚠ " + SAMPLE).font = Font(bold=True, color="9C5700")
        top += 1
    note = put(ws, top, 1, METHOD_NOTE)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=6)
    ws.row_dimensions[top].height = 62
    top += 2
    latest = sn.latest
    rows = [[measure_label(key), value, riket] for key, value, riket in latest.questions]
    last = table(
        ws,
        "SnFragor",
        [f"Fråga {latest.year}", f"{kommun_name} (betyg {SCALE_TEXT})", "Riket (medel)"],
        rows,
        {1: "0.0", 2: "0.0"},
        top,
        freeze=False,
    )
    top = last + 2
    years = [[r.year, r.grade, r.riket, r.n, r.rank, r.change] for r in sn.years]
    last = table(
        ws,
        "SnAr",
        [
            "År",
            f"Sammanfattande omdöme ({SCALE_TEXT})",
            "Riket (medel)",
            "Antal svar",
            f"Placering (1–{RANK_OF})",
            "Förändring (placeringar uppåt)",
        ],
        years,
        {1: "0.0", 2: "0.0", 3: "0", 4: "0", 5: "+0;-0;0"},
        top,
        freeze=False,
    )
    put(ws, last + 2, 1, sn.source_line).font = Font(italic=True)
    ws.column_dimensions["A"].width = 44
    printable(ws, f"{HEADING} – {kommun_name}", header_row=top, last_row=last + 2, last_col=6)
