"""The Excel part of "Åtgärder och uppföljning" and "Anteckningar" (no Qt); the texts the
PDF shares."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from nki_desktop.analysis.followup import NO_CAUSE, FollowupRow
from nki_desktop.analysis.tracking_report import ReportTracking
from nki_desktop.domain.actions import Note

HEADING = "Åtgärder och uppföljning"
NOTES_HEADING = "Anteckningar"
INTRO = (
    "Kommunens egna åtgärder. För varje genomförd åtgärd visas indexet för det den gäller "
    "det senaste året före och det första året efter genomförandet (året den genomfördes "
    "räknas till ingen av sidorna), med antal svar och osäkerhet (95 %) där data medger det."
)
UNCERTAINTY = (
    "Osäkerhet: programmets egen beräkning, inte SKR:s. För ett år det lagrade intervallet "
    "eller intervallet ur svarsdata; för skillnaden Welchs intervall när båda åren har "
    "svarsdata, annars √(h₁² + h₂²) av årens intervall."
)
SAMPLE_NOTE = (
    "⚠ Exempeldata: indexen före och efter är fiktiva värden, inte SKR:s siffror. "
    "Får inte användas som beslutsunderlag."
)
ACTION_COLUMNS = (
    "Status",
    "Åtgärd",
    "Gäller",
    "Ansvarig",
    "Beslutad",
    "Genomförd",
    "Förväntad effekt",
)
FOLLOWUP_COLUMNS = (
    "Åtgärd",
    "Gäller",
    "År före",
    "Index före",
    "Antal svar före",
    "± före",
    "År efter",
    "Index efter",
    "Antal svar efter",
    "± efter",
    "Skillnad",
    "± skillnad",
    "Bedömning",
)


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def followup_cells(r: FollowupRow) -> list[object]:
    b, a = r.before, r.after
    verdict = (
        ""
        if r.significant is None
        else ("större än slumpvariationen" if r.significant else "ryms inom slumpvariationen")
    )
    return [
        r.action.title,
        r.target.label,
        b.year if b else None,
        _r(b.value) if b else None,
        b.n if b else None,
        _r(b.half_width) if b else None,
        a.year if a else None,
        _r(a.value) if a else None,
        a.n if a else None,
        _r(a.half_width) if a else None,
        _r(r.delta),
        _r(r.half_width),
        (verdict + (f"; ny definition {r.definition_change}" if r.definition_change else ""))
        if verdict
        else r.change_text,
    ]


def write_followup_sheet(ws: Worksheet, tracking: ReportTracking) -> None:
    from nki_desktop.reports.excel import printable, put, table  # excel imports this module
    from nki_desktop.reports.excel_cells import WARNING_FILL

    put(ws, 1, 1, HEADING).font = Font(bold=True, size=13)
    for row, text in ((2, INTRO), (3, NO_CAUSE), (4, UNCERTAINTY)):
        cell = put(ws, row, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
        ws.row_dimensions[row].height = 32
    if tracking.fictitious:  # the before/after figures are sample values, as on the PDF page
        cell = put(ws, 5, 1, SAMPLE_NOTE)
        cell.font, cell.fill = Font(bold=True), WARNING_FILL
        ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=8)
    rows = [
        [a.status_text, a.title, a.targets_text, a.owner, a.decided, a.done, a.expected_effect]
        for a in tracking.actions
    ]
    last = table(ws, "Atgarder", ACTION_COLUMNS, rows, top=6)
    top = last + 3
    put(ws, top - 1, 1, "Före och efter").font = Font(bold=True)
    table(ws, "Uppfoljning", FOLLOWUP_COLUMNS, [followup_cells(r) for r in tracking.followup],
          {3: "0.0", 5: "0.0", 7: "0.0", 9: "0.0", 10: "+0.0;−0.0;0.0", 11: "0.0"}, top=top,
          freeze=False)  # fmt: skip
    for col, width in zip(
        "ABCDEFGHIJKLM", (34, 30, 9, 10, 10, 8, 9, 10, 10, 8, 9, 10, 28), strict=True
    ):
        ws.column_dimensions[col].width = width
    printable(ws, HEADING, header_row=6)


def write_notes_sheet(ws: Worksheet, notes: Sequence[Note]) -> None:
    from nki_desktop.reports.excel import printable, put, table

    put(ws, 1, 1, NOTES_HEADING).font = Font(bold=True, size=13)
    rows = [[n.date, n.scope_text, n.text] for n in notes]
    last = table(ws, "Anteckningar", ("Datum", "Gäller", "Anteckning"), rows, top=3)
    for r in range(4, last + 1):
        ws.cell(row=r, column=3).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABC", (12, 30, 80), strict=True):
        ws.column_dimensions[col].width = width
    printable(ws, NOTES_HEADING, header_row=3, landscape=False)
