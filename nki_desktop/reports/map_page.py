"""The map of Sweden as a vector PDF page: in the board report (section "map", off by
default) and alone (``nki-desktop map --out FILE.pdf``). Drawn with QPainter into the PDF
(colours, brush patterns and outlines stay vectors; readable in black and white)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from nki_desktop.analysis.map_data import MapData
from nki_desktop.charts.map import MapRenderer
from nki_desktop.reports import layout as L
from nki_desktop.reports.one_page import write_one_page_pdf
from nki_desktop.reports.qt_env import family

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
    """One A4 page with the map."""
    return write_one_page_pdf(
        path, data.title, (15, 15, 15, 15), lambda p, area: draw_map_page(p, area, data, lan)
    )
