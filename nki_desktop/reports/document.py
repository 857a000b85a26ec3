"""The board summary drawn with QPainter: one path for PDF (QPdfWriter) and print (QPrinter).

Charts are the chart widgets of the screens, laid out without being shown and rendered
into the painter as vectors (QGraphicsView.render). Needs the GUI thread. The text-and-table
sections are in ``pdf_sections``, the header, footer and sample band in ``page_furniture``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPicture
from PySide6.QtWidgets import QApplication

from nki_desktop.analysis.origin import mean_text
from nki_desktop.analysis.report_data import FigureRow, ReportData
from nki_desktop.charts.bars import Bar, IndexBarChart
from nki_desktop.charts.export import lay_out, paint_chart
from nki_desktop.charts.fonts import apply_font
from nki_desktop.charts.goal_line import draw_targets, target_lines
from nki_desktop.charts.trend import ChartBreak, ChartLine, ChartPoint, TrendChart
from nki_desktop.domain.areas import area_label, factor_label
from nki_desktop.domain.grades import GRADES
from nki_desktop.domain.rules import year_caption
from nki_desktop.reports import chart_pool
from nki_desktop.reports import layout as L
from nki_desktop.reports.comments_section import pdf_blocks
from nki_desktop.reports.followup_section import followup_blocks, notes_blocks
from nki_desktop.reports.goals_section import pdf_blocks as goal_blocks
from nki_desktop.reports.map_page import map_blocks
from nki_desktop.reports.matrix_page import draw_matrix_page
from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.reports.page_furniture import SAMPLE_BAND, draw_furniture, footer_sources
from nki_desktop.reports.pdf_sections import (
    cover_blocks,
    method_blocks,
    ranking_blocks,
    table_blocks,
)
from nki_desktop.reports.qt_env import font
from nki_desktop.reports.sn_section import pdf_blocks as sn_blocks

__all__ = ["ReportDocument", "footer_sources"]  # footer_sources lives in page_furniture


def _mean_range(counts: list[int]) -> str:
    """'medel av 31 värden', or 'medel av 27–31 värden' when the count varies."""
    if not counts:
        return "medelvärde"
    low, high = min(counts), max(counts)
    return mean_text(low) if low == high else f"medel av {low}–{high} värden"


def _render_widget(painter: QPainter, widget, rect: QRectF) -> None:
    """Lay a chart out at the target size without showing it; draw its scene as vectors."""
    # Never painted on screen: updates off spare rasterising the off-screen window. One
    # dry run into a QPicture does what that paint did for the layout (axes size
    # themselves to their tick labels while drawing), then the layout settles.
    widget.setUpdatesEnabled(False)
    lay_out(widget, QSize(round(rect.width()), round(rect.height())))
    picture = QPicture()
    dry = QPainter(picture)
    paint_chart(widget, dry, QRectF(0, 0, rect.width(), rect.height()))
    dry.end()
    QApplication.sendPostedEvents()
    paint_chart(widget, painter, rect)


class ReportDocument:
    """Blocks for one report; ``render(device)`` draws them on a PDF writer or a printer."""

    def __init__(self, data: ReportData, options: ReportOptions | None = None):
        self.data = data
        self.options = options or ReportOptions()
        self.body = font(10)
        self.small = font(8.5)
        self.h1 = font(19, bold=True)
        self.h2 = font(13.5, bold=True)
        self.h3 = font(10.5, bold=True)
        logo = self.options.logo_path
        self.logo = QImage(str(logo)) if logo and Path(logo).is_file() else QImage()
        self._charts: list = []  # widgets kept alive until the document is drawn
        self.sample_pages: set[int] = set()  # pages that show sample data (set by render)

    # -- building ------------------------------------------------------------------------
    def blocks(self) -> list[L.Block]:
        d, o = self.data, self.options
        out: list[L.Block] = [
            L.Paragraph(f"Nöjd Kund Index – {d.group_label.lower()}", self.h1, space_after=2),
            L.Paragraph(
                f"{d.kommun_name} · ärendeår {year_caption(d.year)}"
                + (f" · {o.organisation}" if o.organisation else ""),
                font(12),
                colour="#333333",
                space_after=10,
            ),
        ]
        sample = d.sample_sections()  # their pages carry the band drawn by furniture()
        if d.sn is not None and d.sn.is_sample:  # Svenskt Näringsliv's section, when chosen
            sample.add("sn")
        builders = {
            "cover": self._cover,
            "summary": self._summary,
            "trend": self._trend,
            "areas": self._areas,
            "factors": self._factors,
            "ranking": self._ranking,
            "table": self._table,
            "matrix": self._matrix,
            "map": lambda: map_blocks(d.map_data, self._body_top()),
            "method": self._method,
            "goals": lambda: goal_blocks(
                d.goals, self.h2, self.body, self.small, font(8.5, bold=True)
            ),
            "comments": lambda: pdf_blocks(
                d.comments, self.h2, self.body, self.small, font(8.5, bold=True)
            ),
            "followup": lambda: followup_blocks(
                d.tracking, self.h2, self.body, self.small, font(8.5, bold=True)
            ),
            "notes": lambda: notes_blocks(
                d.tracking.notes, self.h2, self.small, font(8.5, bold=True)
            ),
            "sn": lambda: sn_blocks(
                d.sn, d.kommun_name, self.h2, self.body, self.small, self._charts
            ),
        }
        for key in SECTIONS:
            if o.has(key):
                section = builders[key]()
                for block in section:
                    block.fictitious = key in sample
                out += section
        return out

    def _matrix(self) -> list[L.Block]:
        """A page of its own with the prioriteringsmatris, when respondent data allows it."""
        matrix = self.data.matrix
        if matrix is None:
            return []
        name = self.data.kommun_name
        return [
            L.PageBreak(),
            L.Custom(
                L.BODY_BOTTOM - self._body_top() - 2,
                lambda p, r: draw_matrix_page(p, r, matrix, name),
                space_after=0,
            ),
        ]

    def _heading(self, key: str, text: str | None = None) -> L.Heading:
        return L.Heading(text or SECTIONS[key], self.h2, space_after=6)

    def _cover(self) -> list[L.Block]:
        return cover_blocks(self)

    def _summary(self) -> list[L.Block]:
        text = self.options.summary_text
        if text is None:
            text = self.data.summary_text
        parts = [t.strip() for t in text.split("\n\n") if t.strip()] or ["–"]
        return [self._heading("summary")] + [
            L.Paragraph(t, font(10.5), space_after=8) for t in parts
        ]

    def _chart_block(self, chart, height: float, legend: str) -> list[L.Block]:
        self._charts.append(chart)
        return [
            L.Custom(height, lambda p, r: _render_widget(p, chart, r), space_after=2),
            L.Paragraph(legend, self.small, colour="#333333", space_after=10),
        ]

    def _trend(self) -> list[L.Block]:
        d = self.data
        if not d.trend:
            return []
        years = [r.year for r in d.trend]
        source_notes = d.trend_source_notes()
        chart = chart_pool.take(TrendChart, "trend")  # the Trend screen's chart, drawn as vectors
        chart.setFont(font(8.5))
        chart.resize(QSize(round(L.PAGE_W - 2 * L.MARGIN_X), 270))  # legend columns fit the page
        chart.set_lines(
            [  # never joined across a change of source or definition
                ChartLine(
                    key,
                    label,
                    [
                        ChartPoint(p.year, p.value or 0.0, "", segment=i)
                        for i, part in enumerate(parts)
                        for p in part
                    ],
                )
                for key, label, parts in d.trend_lines()
            ],
            [
                ChartBreak(b.year - 0.5, f"Ny definition {b.year}", b.text)
                for b in d.breaks
                if "total" in b.areas
            ],
            zoom=True,
            value_labels=True,
        )
        targets = target_lines(d.goals.series_goals("total", "nki") if d.goals else [])
        draw_targets(chart, targets)
        apply_font(chart, font(8.5))
        counts = [r.comparison_count for r in d.trend if r.comparison is not None]
        legend = (
            f"NKI totalt per ärendeår. Heldragen linje med ringar: {d.kommun_name}; "
            f"streckad med kvadrater: Riket; prickad med trianglar: "
            f"{d.comparison_label} ({_mean_range(counts)} per år). Axeln är förstorad."
        )
        if targets:
            legend += " Grön streckad linje: kommunens mål (se Mål och utfall)."
        if any("total" in b.areas for b in d.breaks):
            legend += (
                " Lodrät streckprickad linje: NKI totalt ändrade definition; linjerna "
                "bryts där (se Metod)."
            )
        if source_notes:
            legend += (
                " Linjen bryts där källan byts (värden ur olika källor är inte en "
                "serie): " + "; ".join(source_notes) + "."
            )
        return [
            self._heading("trend", f"Utveckling över tid {years[0]}–{years[-1]}")
        ] + self._chart_block(chart, 270, legend)

    def _bars(self, key: str, rows: list[FigureRow], label) -> list[L.Block]:
        if not rows:
            return []
        chart = chart_pool.take(IndexBarChart, (key, len(rows)))  # Översikt's chart, as vectors
        chart.setFont(font(8.5))
        chart.set_bars([Bar(label(r), r.value, r.riket, comparison=r.comparison) for r in rows])
        apply_font(chart, font(8.5))
        bands = "; ".join(f"{g.symbol} {g.label.lower()}" for g in GRADES)
        counts = [r.comparison_count for r in rows if r.comparison is not None]
        legend = (
            f"Stapeln visar kommunens värde med betygssymbol ({bands}). Svart streck: "
            f"Riket. Öppen romb: {self.data.comparison_label} ({_mean_range(counts)})."
        )
        return [self._heading(key)] + self._chart_block(chart, 56 + 30 * len(rows), legend)

    def _areas(self) -> list[L.Block]:
        return self._bars(
            "areas",
            self.data.areas,
            lambda r: area_label(r.area) + (" (NUI)" if r.factor == "nui" else ""),
        )

    def _factors(self) -> list[L.Block]:
        return self._bars("factors", self.data.factors, lambda r: factor_label(r.factor))

    def _ranking(self) -> list[L.Block]:
        return ranking_blocks(self)

    def _table(self) -> list[L.Block]:
        return table_blocks(self)

    def _method(self) -> list[L.Block]:
        return method_blocks(self)

    # -- drawing -------------------------------------------------------------------------
    def _body_top(self) -> float:
        """Below the header, and below the sample-data band when the report has sample data."""
        return L.BODY_TOP + (SAMPLE_BAND if self.data.sample_sections() else 0.0)

    def furniture(self, p: QPainter, number: int, count: int) -> None:
        draw_furniture(self, p, number, count)

    def render(self, device: QPagedPaintDevice) -> int:
        """Draw every page on the device; returns the page count."""
        pages = L.paginate(self.blocks(), top=self._body_top())
        self.sample_pages = {
            i for i, page in enumerate(pages, start=1) if any(block.fictitious for block, _ in page)
        }
        L.render(device, pages, self.furniture)
        chart_pool.give_back(self._charts)  # a batch (a whole län) draws the next with them
        self._charts = []
        return len(pages)
