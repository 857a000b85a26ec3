"""A small flow layout for A4 documents drawn with QPainter on any QPagedPaintDevice.

Blocks are measured, placed on pages (tables split by rows and repeat their header,
headings stay with what follows), then drawn. All units are pixels of a 96-dpi page; the
painter is scaled when the device has another resolution (a printer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

MM = 96 / 25.4  # pixels per millimetre at 96 dpi
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * MM, 15 * MM, 15 * MM
HEADER_H, FOOTER_H = 16 * MM, 9 * MM
CONTENT_W = PAGE_W - 2 * MARGIN_X
BODY_TOP = MARGIN_TOP + HEADER_H
BODY_BOTTOM = PAGE_H - MARGIN_BOTTOM - FOOTER_H
WRAP = int(Qt.TextFlag.TextWordWrap)


_HEIGHTS: dict[tuple[str, str, float], float] = {}


def text_height(font: QFont, text: str, width: float, font_key: str | None = None) -> float:
    """Height of wrapped text; cached, since pagination measures blocks more than once.
    ``font_key`` is ``font.key()`` when the caller measures many cells in one font."""
    key = (font_key or font.key(), text, round(width, 2))
    if key not in _HEIGHTS:
        if len(_HEIGHTS) > 20_000:
            _HEIGHTS.clear()
        metrics = QFontMetricsF(font)
        _HEIGHTS[key] = metrics.boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()
    return _HEIGHTS[key]


class Block:
    keep_with_next = False
    fictitious = False  # shows sample data: its pages carry the sample-data warning

    def height(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        raise NotImplementedError

    def split(self, width: float, available: float) -> tuple[Block, Block] | None:
        """A part that fits in ``available`` and the rest, or None when it cannot split."""
        return None


@dataclass
class Paragraph(Block):
    text: str
    font: QFont
    colour: str = "#000000"
    space_after: float = 6.0
    boxed: bool = False
    keep: bool = False
    indent: float = 0.0

    @property
    def keep_with_next(self) -> bool:  # type: ignore[override]
        return self.keep

    def _pad(self) -> float:
        return 6.0 if self.boxed else 0.0

    def height(self, width: float) -> float:
        inner = width - 2 * self._pad() - self.indent
        return text_height(self.font, self.text, inner) + 2 * self._pad() + self.space_after

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        pad = self._pad()
        h = self.height(width) - self.space_after
        if self.boxed:
            painter.setPen(QPen(QColor("#000000"), 1))
            painter.setBrush(QColor("#F2F2F2"))
            painter.drawRect(QRectF(x, y, width, h))
        painter.setFont(self.font)
        painter.setPen(QColor(self.colour))
        rect = QRectF(x + pad + self.indent, y + pad, width - 2 * pad - self.indent, h - 2 * pad)
        painter.drawText(rect, WRAP, self.text)


@dataclass
class Heading(Paragraph):
    rule: bool = True

    def __post_init__(self) -> None:
        self.keep = True

    def height(self, width: float) -> float:
        return 8.0 + text_height(self.font, self.text, width) + 4.0 + self.space_after

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        painter.setFont(self.font)
        painter.setPen(QColor(self.colour))
        h = text_height(self.font, self.text, width)
        painter.drawText(QRectF(x, y + 8.0, width, h), WRAP, self.text)
        if self.rule:
            painter.setPen(QPen(QColor("#000000"), 0.8))
            painter.drawLine(QLineF(x, y + 8.0 + h + 2.0, x + width, y + 8.0 + h + 2.0))


@dataclass
class ColumnSpec:
    title: str
    width: float  # share of the table width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class Table(Block):
    columns: list[ColumnSpec]
    rows: list[list[str]]
    font: QFont
    header_font: QFont
    strong_rows: set[int] = field(default_factory=set)  # indices into rows, drawn bold
    space_after: float = 8.0
    row_pad: float = 3.0
    splittable: bool = True
    caption: str = ""  # a note under the table, kept with its last rows
    caption_font: QFont | None = None
    group_first_column: bool = False  # show a repeated first cell once per group and page

    def _bold(self) -> QFont:
        bold = QFont(self.font)
        bold.setBold(True)
        return bold

    def _font_of(self, index: int) -> QFont:
        return self._bold() if index in self.strong_rows else self.font

    def _row_h(self, font: QFont, cells: list[str], width: float) -> float:
        total = sum(c.width for c in self.columns)
        font_key = font.key()
        return (
            max(
                text_height(font, text or " ", width * c.width / total - 8, font_key)
                for c, text in zip(self.columns, cells, strict=True)
            )
            + 2 * self.row_pad
        )

    def _header_h(self, width: float) -> float:
        return self._row_h(self.header_font, [c.title for c in self.columns], width)

    def _heights(self, width: float) -> list[float]:
        return [self._row_h(self._font_of(i), r, width) for i, r in enumerate(self.rows)]

    def _caption_h(self, width: float) -> float:
        if not self.caption:
            return 0.0
        return 3.0 + text_height(self.caption_font or self.font, self.caption, width)

    def height(self, width: float) -> float:
        return (
            self._header_h(width)
            + sum(self._heights(width))
            + self._caption_h(width)
            + self.space_after
        )

    def split(self, width: float, available: float) -> tuple[Block, Block] | None:
        if not self.splittable:
            return None
        used = self._header_h(width)
        count = 0
        for h in self._heights(width):
            if used + h > available:
                break
            used += h
            count += 1
        if count == len(self.rows):  # the rows fit, the caption does not: carry two rows
            count -= 2
        if count < 3:
            return None
        strong_a = {i for i in self.strong_rows if i < count}
        strong_b = {i - count for i in self.strong_rows if i >= count}
        first = Table(
            self.columns,
            self.rows[:count],
            self.font,
            self.header_font,
            strong_a,
            0,
            group_first_column=self.group_first_column,
        )
        rest = Table(
            self.columns,
            self.rows[count:],
            self.font,
            self.header_font,
            strong_b,
            self.space_after,
            self.row_pad,
            True,
            self.caption,
            self.caption_font,
            self.group_first_column,
        )
        first.fictitious = rest.fictitious = self.fictitious
        return first, rest

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        total = sum(c.width for c in self.columns)
        widths = [width * c.width / total for c in self.columns]
        bold = self._bold()

        def line(cells: list[str], font: QFont, top: float, shade: str | None) -> float:
            h = self._row_h(font, cells, width)
            if shade:
                painter.fillRect(QRectF(x, top, width, h), QColor(shade))
            painter.setFont(font)
            painter.setPen(QColor("#000000"))
            left = x
            for col, w, text in zip(self.columns, widths, cells, strict=True):
                flags = WRAP | int(col.align) | int(Qt.AlignmentFlag.AlignVCenter)
                painter.drawText(QRectF(left + 4, top, w - 8, h), flags, text)
                left += w
            return h

        top = y
        top += line([c.title for c in self.columns], self.header_font, top, "#D9D9D9")
        painter.setPen(QPen(QColor("#000000"), 1))
        painter.drawLine(QLineF(x, top, x + width, top))
        for i, cells in enumerate(self.rows):
            strong = i in self.strong_rows
            shade = "#EDEDED" if strong else None
            if self.group_first_column and i > 0 and cells[0] == self.rows[i - 1][0]:
                cells = ["", *cells[1:]]
            h = line(cells, bold if strong else self.font, top, shade)
            top += h
            painter.setPen(QPen(QColor("#BBBBBB"), 0.5))
            painter.drawLine(QLineF(x, top, x + width, top))
        if self.caption:
            painter.setFont(self.caption_font or self.font)
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(x, top + 3.0, width, self._caption_h(width)), WRAP, self.caption
            )


@dataclass
class Custom(Block):
    """A block drawn by a function (charts, fact boxes)."""

    size: float
    paint: Callable[[QPainter, QRectF], None]
    space_after: float = 8.0
    keep: bool = False

    @property
    def keep_with_next(self) -> bool:  # type: ignore[override]
        return self.keep

    def height(self, width: float) -> float:
        return self.size + self.space_after

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        self.paint(painter, QRectF(x, y, width, self.size))


@dataclass
class PageBreak(Block):
    def height(self, width: float) -> float:
        return 0.0

    def draw(self, painter: QPainter, x: float, y: float, width: float) -> None:
        return None


Page = list[tuple[Block, float]]


def paginate(
    blocks: list[Block],
    width: float = CONTENT_W,
    top: float = BODY_TOP,
    bottom: float = BODY_BOTTOM,
) -> list[Page]:
    """Place blocks on pages: split what can split, move what cannot to a new page."""
    pages: list[Page] = [[]]
    y = top
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        if isinstance(block, PageBreak):
            if pages[-1]:
                pages.append([])
                y = top
            continue
        h = block.height(width)
        need = h
        chained = block
        for nxt in queue:  # a heading needs at least some of what follows
            if not chained.keep_with_next:
                break
            splits = isinstance(nxt, Table) and nxt.splittable
            need += min(nxt.height(width), 120.0) if splits else nxt.height(width)
            chained = nxt
        if y + need > bottom and pages[-1]:
            parts = block.split(width, bottom - y) if y + h > bottom else None
            if parts is not None:
                pages[-1].append((parts[0], y))
                queue.insert(0, parts[1])
                pages.append([])
                y = top
                continue
            pages.append([])
            y = top
        if y + h > bottom:  # taller than a whole page: split it, else let it overflow
            parts = block.split(width, bottom - y)
            if parts is not None:
                queue.insert(0, parts[1])
                block, h = parts[0], parts[0].height(width)
        pages[-1].append((block, y))
        y += h
    return pages


def begin(device: QPagedPaintDevice, painter: QPainter) -> None:
    """A4 portrait without device margins (ours are larger), 96 dpi where settable."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    device.setPageLayout(layout)
    set_resolution = getattr(device, "setResolution", None)
    if set_resolution is not None:
        set_resolution(96)
    set_full_page = getattr(device, "setFullPage", None)
    if set_full_page is not None:
        set_full_page(True)
    if not painter.begin(device):
        raise OSError(
            "Kunde inte börja skriva dokumentet (filen kan vara öppen i ett annat program)."
        )
    scale = device.logicalDpiX() / 96
    if abs(scale - 1) > 1e-6:
        painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)


def render(
    device: QPagedPaintDevice, pages: list[Page], furniture: Callable[[QPainter, int, int], None]
) -> None:
    """Draw the pages; ``furniture(painter, page_no, page_count)`` draws header and footer."""
    painter = QPainter()
    begin(device, painter)
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            furniture(painter, number, len(pages))
            for block, y in page:
                painter.save()
                block.draw(painter, MARGIN_X, y, CONTENT_W)
                painter.restore()
    finally:
        painter.end()
