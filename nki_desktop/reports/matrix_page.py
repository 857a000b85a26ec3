"""The prioriteringsmatris as one A4 report page: title, the chart as vectors, a short
explanation and the coefficient table.

``draw_matrix_page(painter, page, matrix, kommun_name)`` draws into any painter (the board
report places it as one of its pages); ``write_matrix_pdf`` writes it as a standalone PDF.
The painter's device is expected at 96 dpi (as ``QPdfWriter.setResolution(96)``), so the
chart's text sizes match the screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from nki_desktop.analysis import respondent as ar
from nki_desktop.charts.matrix import QUADRANT_COLOURS, render_matrix
from nki_desktop.domain.areas import group_label
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.rules import year_caption
from nki_desktop.reports.one_page import write_one_page_pdf

TEXT = (
    "Varje punkt är ett serviceområde. Vågrätt: områdets index (0–100) bland dem som "
    "svarat. Lodrätt: dess effekt på NKI, den standardiserade koefficienten när "
    "svarandenas NKI förklaras med de sex faktorindexen samtidigt (minsta kvadrat-"
    "metoden). De streckade linjerna går vid medelvärdena och delar in i fyra fält: "
    "Förbättra i första hand (stor effekt, lågt index) – här lönar sig förbättringar "
    "mest; Bevara (stor effekt, högt index); Vårda (liten effekt, högt index); Lägre "
    "prioritet (liten effekt, lågt index). Beräkningen är programmets egen, gjord på "
    "kommunens svarsdata; SKR publicerar ingen sådan matris."
)


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    flags: int = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
    colour: str = "#111111",
) -> float:
    """Draw wrapped text; returns the height used."""
    painter.setFont(font)
    painter.setPen(QColor(colour))
    used = painter.boundingRect(rect, flags, text)
    painter.drawText(rect, flags, text)
    return used.height()


def draw_matrix_page(
    painter: QPainter, page: QRectF, matrix: ar.DriverMatrix, kommun_name: str
) -> None:
    """Draw the whole page into ``page`` (device units of a 96-dpi painter)."""
    left, width = page.left(), page.width()
    y = page.top()
    y += _text(painter, QRectF(left, y, width, 40), matrix.title, _font(17, True)) + 4
    sub = (
        f"{kommun_name} · {group_label(matrix.group).lower()} · ärendeår "
        f"{year_caption(matrix.year)} · {fmt_number(matrix.n)} fullständiga svar · "
        f"förklaringsgrad R² = {fmt_number(matrix.r2, 2)}"
    )
    y += _text(painter, QRectF(left, y, width, 40), sub, _font(9.5), colour="#444444") + 4
    if matrix.note:
        y += (
            _text(painter, QRectF(left, y, width, 40), matrix.note, _font(9.5), colour="#8A4B00")
            + 4
        )
    chart_height = width * 0.70
    render_matrix(
        painter,
        QRectF(left, y + 4, width, chart_height),
        matrix,
        QSize(int(width), int(chart_height)),
    )
    y += chart_height + 26
    y += _text(painter, QRectF(left, y, width, 200), TEXT, _font(9)) + 12
    y = _coefficient_table(painter, QRectF(left, y, width, page.bottom() - y), matrix)
    foot = (
        "Källa: beräknat av NKI Desktop från importerad svarsdata. Index = (svar − min) / "
        "(max − min) × 100; NKI = (medel av tre svar − 1) / 9 × 100."
    )
    _text(painter, QRectF(left, page.bottom() - 30, width, 30), foot, _font(7.5), colour="#666666")


def _coefficient_table(painter: QPainter, area: QRectF, matrix: ar.DriverMatrix) -> float:
    columns = [
        ("Serviceområde", 0.30),
        ("Index", 0.14),
        ("n", 0.12),
        ("Effekt", 0.14),
        ("Kvadrant", 0.30),
    ]
    row_h = 19.0
    x0, y = area.left(), area.top()
    painter.setFont(_font(9, True))
    painter.setPen(QColor("#111111"))
    x = x0
    for name, share in columns:
        align = (
            Qt.AlignmentFlag.AlignLeft
            if name in ("Serviceområde", "Kvadrant")
            else Qt.AlignmentFlag.AlignRight
        )
        painter.drawText(
            QRectF(x + 4, y, area.width() * share - 8, row_h),
            int(align | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        x += area.width() * share
    y += row_h
    painter.setPen(QPen(QColor("#333333"), 1))
    painter.drawLine(int(x0), int(y), int(x0 + area.width()), int(y))
    painter.setFont(_font(9))
    for point in sorted(matrix.points, key=lambda p: -p.effect):
        cells = [
            point.label,
            fmt_number(point.index, 1),
            fmt_number(point.n),
            fmt_number(point.effect, 2),
            point.quadrant,
        ]
        x = x0
        for (name, share), text in zip(columns, cells, strict=True):
            rect = QRectF(x + 4, y, area.width() * share - 8, row_h)
            if name == "Kvadrant":
                painter.fillRect(QRectF(x + 4, y + 5, 9, 9), QColor(QUADRANT_COLOURS[text]))
                rect = rect.adjusted(14, 0, 0, 0)
            align = (
                Qt.AlignmentFlag.AlignLeft
                if name in ("Serviceområde", "Kvadrant")
                else Qt.AlignmentFlag.AlignRight
            )
            painter.setPen(QColor("#111111"))
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
            x += area.width() * share
        y += row_h
        painter.setPen(QPen(QColor("#DDDDDD"), 1))
        painter.drawLine(int(x0), int(y), int(x0 + area.width()), int(y))
    return y + 8


def write_matrix_pdf(matrix: ar.DriverMatrix, kommun_name: str, path: str | Path) -> Path:
    """One A4 page with the matrix."""
    return write_one_page_pdf(
        path,
        matrix.title,
        (18, 16, 18, 16),
        lambda p, area: draw_matrix_page(p, area, matrix, kommun_name),
    )
