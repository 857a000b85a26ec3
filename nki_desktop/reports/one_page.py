"""A single A4 page drawn by a function, written as PDF (the matrix page, the map page)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from nki_desktop.atomic import atomic_target, check_pdf
from nki_desktop.reports.qt_env import ensure_app

DPI = 96


def write_one_page_pdf(
    path: str | Path,
    title: str,
    margins_mm: tuple[float, float, float, float],
    draw: Callable[[QPainter, QRectF], object],
) -> Path:
    """Write one portrait A4 page (96-dpi coordinates) drawn by ``draw(painter, area)``;
    the file is written whole or not at all. ``margins_mm``: left, top, right, bottom."""
    ensure_app()
    path = Path(path)
    with atomic_target(path, check=check_pdf) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(*margins_mm),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(title)
        writer.setCreator("NKI Desktop")
        painter = QPainter(writer)
        try:
            rect = writer.pageLayout().paintRectPixels(DPI)
            draw(painter, QRectF(0, 0, rect.width(), rect.height()))
        finally:
            painter.end()
        del painter, writer  # closes the file
    return path
