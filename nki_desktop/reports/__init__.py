"""Reports: the board summary as PDF/print (Qt) and as an Excel workbook (openpyxl).

``build_pdf`` and ``build_xlsx`` gather the data themselves; the window gathers once
(``analysis.report_data.gather``) and calls ``pdf.write_pdf`` / ``excel.write_xlsx``.
"""

from __future__ import annotations

from pathlib import Path

from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.storage import Store


def _gather(store: Store, kommun: str, year: int, group: str, options: ReportOptions | None):
    from nki_desktop.analysis.report_data import gather

    options = options or ReportOptions()
    return gather(
        store,
        kommun,
        year,
        group,
        compare_units=options.compare_units,
        comparison_note=options.comparison_note,
        first_year=options.first_year,
        today=options.report_date,
    )


def build_pdf(
    store: Store,
    kommun: str,
    year: int,
    group: str,
    path: str | Path,
    options: ReportOptions | None = None,
) -> Path:
    """Write the board summary PDF for one kommun; needs Qt (made offscreen if absent)."""
    from nki_desktop.reports.pdf import write_pdf

    return write_pdf(_gather(store, kommun, year, group, options), path, options)


def build_xlsx(
    store: Store,
    kommun: str,
    year: int,
    group: str,
    path: str | Path,
    options: ReportOptions | None = None,
) -> Path:
    """Write the board summary as an Excel workbook (no Qt needed)."""
    from nki_desktop.reports.excel import write_xlsx

    return write_xlsx(_gather(store, kommun, year, group, options), path, options)


__all__ = ["SECTIONS", "ReportOptions", "build_pdf", "build_xlsx"]
