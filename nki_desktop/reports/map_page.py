"""The map of Sweden as a vector PDF page: in the board report (section "map", off by
default) and alone (``nki-desktop map --out FILE.pdf``). Drawn with QPainter into the PDF
(colours, brush patterns and outlines stay vectors; readable in black and white)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from nki_desktop.analysis.map_data import MapData
from nki_desktop.atomic import atomic_target, check_pdf
from nki_desktop.charts.map import MapRenderer
from nki_desktop.reports import layout as L
from nki_desktop.reports.qt_env import ensure_app, family

DPI = 96
_renderer: MapRenderer | None = None


def renderer() -> MapRenderer:
    """One renderer (its kommun paths built once) for every page drawn in this run."""
    global _renderer
    if _renderer is None:
        _renderer = MapRenderer()
        _renderer.font_family = family()
    return _renderer


def draw_map_page(painter: QPainter, page: QRectF, data: MapData, lan: str | None = None) -> None:
    """Title, map and legend filling ``page`` (device units of a 96-dpi painter)."""
    renderer().paint(painter, page, data, lan)


def map_blocks(data: MapData | None, top: float) -> list[L.Block]:
    """The report's map section: a page of its own (nothing when there is no map data)."""
    if data is None:
        return []
    return [
        L.PageBreak(),
        L.Custom(
            L.BODY_BOTTOM - top - 2,
            lambda p, r: draw_map_page(p, r, data),
            space_after=0,
        ),
    ]


def write_map_pdf(data: MapData, path: str | Path, lan: str | None = None) -> Path:
    """One A4 page with the map, written with QPdfWriter at 96 dpi."""
    ensure_app()
    path = Path(path)
    with atomic_target(path, check=check_pdf) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(data.title)
        writer.setCreator("NKI Desktop")
        painter = QPainter(writer)
        try:
            rect = writer.pageLayout().paintRectPixels(DPI)
            draw_map_page(painter, QRectF(0, 0, rect.width(), rect.height()), data, lan)
        finally:
            painter.end()
        del painter, writer  # closes the file
    return path
