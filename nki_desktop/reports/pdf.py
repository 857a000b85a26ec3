"""PDF and print of the board summary: the same ReportDocument on QPdfWriter or QPrinter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from nki_desktop.analysis.report_data import ReportData
from nki_desktop.atomic import atomic_target, check_pdf
from nki_desktop.reports.document import ReportDocument
from nki_desktop.reports.options import ReportOptions
from nki_desktop.reports.qt_env import ensure_app


def render_report(
    device: QPagedPaintDevice, data: ReportData, options: ReportOptions | None = None
) -> int:
    """Draw the report on any paged device (QPdfWriter, QPrinter); returns the page count."""
    ensure_app()
    return ReportDocument(data, options).render(device)


def write_pdf(data: ReportData, path: str | Path, options: ReportOptions | None = None) -> Path:
    """Write the report as PDF (A4, 96-dpi coordinates, vector charts, embedded font)."""
    ensure_app()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(path, check=check_pdf) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(96)
        writer.setTitle(f"NKI {data.group_label.lower()} {data.year} – {data.kommun_name}")
        writer.setCreator("NKI Desktop")
        render_report(writer, data, options)
        del writer  # closes the file
    return path
