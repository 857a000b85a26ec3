"""The PDF's page furniture: the header and footer on every page, the sample-data band on
pages with fictitious values, and the footer's source line."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from nki_desktop.reports import layout as L
from nki_desktop.reports.qt_env import font

if TYPE_CHECKING:
    from nki_desktop.reports.document import ReportDocument

RIGHT = Qt.AlignmentFlag.AlignRight
SAMPLE_BAND = 9 * L.MM  # room under the header for the sample-data warning


def footer_sources(
    citations: list[str], width: Callable[[str], float], room: float, method_page: bool = True
) -> str:
    """The footer's source line, short enough for ``room`` beside "Sida x av y".

    All sources when they fit ("Källa: Kolada"; several as "Källor: SKR, Insikt; Kolada"),
    else a pointer to the method page (or the line cut with an ellipsis without one).
    """
    if not citations:
        return "NKI Desktop"
    if len(citations) == 1:
        text = citations[0]
    else:
        parts = [c.removeprefix("Källa: ") for c in citations]
        text = "Källor: " + "; ".join(parts)
    if width(text) <= room:
        return text
    if method_page:
        return "Källor: se avsnittet ”Metod och källor”"
    while text and width(text + "…") > room:
        text = text[:-1]
    return text.rstrip(" ;,") + "…"


def draw_sample_band(p: QPainter) -> None:
    """The sample-data warning across the top of a page that shows fictitious values."""
    box = QRectF(L.MARGIN_X, L.BODY_TOP, L.CONTENT_W, SAMPLE_BAND - 6)
    p.setPen(QPen(QColor("#000000"), 1.2))
    p.setBrush(QColor("#E6E6E6"))
    p.drawRect(box)
    p.setFont(font(9, bold=True))
    p.drawText(
        box.adjusted(6, 0, -6, 0),
        int(Qt.AlignmentFlag.AlignVCenter) | L.WRAP,
        "EXEMPELDATA – fiktiva värden på denna sida, inte verkliga siffror. "
        "Inte ett beslutsunderlag.",
    )


def draw_furniture(doc: ReportDocument, p: QPainter, number: int, count: int) -> None:
    """Header (logo, kommun, report, date) and footer (sources, page number) of one page."""
    d = doc.data
    if number in doc.sample_pages:
        draw_sample_band(p)
    x, top, w = L.MARGIN_X, L.MARGIN_TOP, L.CONTENT_W
    text_x = x
    if not doc.logo.isNull():
        h = 11 * L.MM
        lw = min(40 * L.MM, h * doc.logo.width() / max(1, doc.logo.height()))
        p.drawImage(QRectF(x, top, lw, h), doc.logo)
        text_x = x + lw + 3 * L.MM
    p.setPen(QColor("#000000"))
    p.setFont(font(11, bold=True))
    p.drawText(QRectF(text_x, top, w, 18), d.kommun_name)
    p.setFont(doc.small)
    p.drawText(
        QRectF(text_x, top + 19, w, 16),
        f"NKI {d.group_label.lower()}, ärendeår {d.year} – underlag till nämnden",
    )
    date = (doc.options.report_date or d.created).isoformat()
    p.drawText(QRectF(x, top, w, 18), int(RIGHT), date)
    p.setPen(QPen(QColor("#000000"), 1))
    p.drawLine(QLineF(x, top + 12 * L.MM, x + w, top + 12 * L.MM))
    foot = L.PAGE_H - L.MARGIN_BOTTOM - 6 * L.MM
    p.setPen(QPen(QColor("#000000"), 0.6))
    p.drawLine(QLineF(x, foot, x + w, foot))
    p.setFont(doc.small)
    page_text = f"Sida {number} av {count}"
    metrics = QFontMetricsF(doc.small)
    room = w - metrics.horizontalAdvance(page_text) - 6 * L.MM
    method = "method" in doc.options.sections
    p.drawText(
        QRectF(x, foot + 3, room, 16),
        footer_sources(d.citations, metrics.horizontalAdvance, room, method),
    )
    p.drawText(QRectF(x, foot + 3, w, 16), int(RIGHT), page_text)
