"""The board summary as an Excel workbook (openpyxl, no Qt): a summary sheet, one sheet per
section with a real Excel table (filters, frozen header, one-decimal formats), grade fills
with the grade word beside them, and native charts the user can restyle.

Text that came from imported files (unit names, file names) is always written as text:
a value starting with = + - @ never becomes a formula. The cells, tables and print set-up
are in ``excel_cells`` (re-exported here), the report's own sheets in ``excel_sheets``.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from nki_desktop.analysis.report_data import ReportData
from nki_desktop.atomic import save_workbook
from nki_desktop.reports.comments_sheet import write_sheet as write_comment_sheet
from nki_desktop.reports.excel_cells import (
    BOLD,
    CHART_ROWS,
    COUNT,
    INDEX,
    grade_word,
    printable,
    put,
    table,
)
from nki_desktop.reports.excel_sheets import (
    comparison_sheet,
    figure_sheet,
    method_sheet,
    ranking_sheet,
    sources_sheet,
    summary_sheet,
    trend_sheet,
    values_sheet,
)
from nki_desktop.reports.followup_sheet import write_followup_sheet, write_notes_sheet
from nki_desktop.reports.goals_sheet import write_sheet as write_goal_sheet
from nki_desktop.reports.options import ReportOptions
from nki_desktop.reports.sn_sheet import SHEET as SN_SHEET
from nki_desktop.reports.sn_sheet import write_sheet as write_sn_sheet

# The section sheets (goals, comments, follow-up, SN) import these from here.
__all__ = [
    "BOLD",
    "CHART_ROWS",
    "COUNT",
    "INDEX",
    "grade_word",
    "printable",
    "put",
    "table",
    "write_xlsx",
]


def write_xlsx(data: ReportData, path: str | Path, options: ReportOptions | None = None) -> Path:
    """Write the workbook; sections follow the options like the PDF."""
    options = options or ReportOptions()
    d = data
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    text = options.summary_text if options.summary_text is not None else d.summary_text
    summary_sheet(wb.active, d, text)
    if options.has("trend") and d.trend:
        trend_sheet(wb.create_sheet("Trend"), d)
    if options.has("areas") and d.areas:
        figure_sheet(
            wb.create_sheet("Områden"),
            d,
            "Omraden",
            d.areas,
            "Område",
            f"NKI per myndighetsområde {d.year}",
            "areas",
        )
    if options.has("factors") and d.factors:
        figure_sheet(
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
            ranking_sheet(
                wb.create_sheet("Rankning riket"),
                d.ranking_national,
                "RankingRiket",
                "ranking" in sample,
            )
        if d.ranking_lan:
            ranking_sheet(
                wb.create_sheet("Rankning län"), d.ranking_lan, "RankingLan", "ranking" in sample
            )
    if options.has("table"):
        values_sheet(wb.create_sheet("Alla värden"), d, "table" in sample)
        comparison_sheet(wb.create_sheet("Jämförelsegrupp"), d)
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
        method_sheet(wb.create_sheet("Metod"), d)
        sources_sheet(wb.create_sheet("Källor"), d)
    wb.properties.title = f"NKI {d.group_label.lower()} {d.year} – {d.kommun_name}"
    wb.properties.creator = "NKI Desktop"
    return save_workbook(wb, path)
