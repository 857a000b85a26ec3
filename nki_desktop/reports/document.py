"""The board summary drawn with QPainter: one path for PDF (QPdfWriter) and print (QPrinter).

Charts are the chart widgets of the screens, laid out without being shown and rendered
into the painter as vectors (QGraphicsView.render). Needs the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QPicture,
)
from PySide6.QtWidgets import QApplication

from nki_desktop.analysis.origin import mean_text
from nki_desktop.analysis.report_data import FigureRow, RankingExcerpt, ReportData
from nki_desktop.charts.bars import Bar, IndexBarChart
from nki_desktop.charts.export import lay_out, paint_chart
from nki_desktop.charts.fonts import apply_font
from nki_desktop.charts.goal_line import draw_targets, target_lines
from nki_desktop.charts.trend import ChartBreak, ChartLine, ChartPoint, TrendChart
from nki_desktop.domain.areas import area_label, factor_label
from nki_desktop.domain.grades import GRADES
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.domain.rules import year_caption
from nki_desktop.reports import chart_pool
from nki_desktop.reports import layout as L
from nki_desktop.reports.comments_section import pdf_blocks
from nki_desktop.reports.followup_section import followup_blocks, notes_blocks
from nki_desktop.reports.goals_section import pdf_blocks as goal_blocks
from nki_desktop.reports.map_page import map_blocks
from nki_desktop.reports.matrix_page import draw_matrix_page
from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.reports.qt_env import font
from nki_desktop.reports.sn_section import pdf_blocks as sn_blocks

RIGHT = Qt.AlignmentFlag.AlignRight
SAMPLE_BAND = 9 * L.MM  # room under the header for the sample-data warning


def _mean_range(counts: list[int]) -> str:
    """'medel av 31 värden', or 'medel av 27–31 värden' when the count varies."""
    if not counts:
        return "medelvärde"
    low, high = min(counts), max(counts)
    return mean_text(low) if low == high else f"medel av {low}–{high} värden"


def _pos(p) -> str:
    return p.text if p else "–"


def _grade_text(value: float | None) -> str:
    from nki_desktop.domain.grades import grade_for

    g = grade_for(value)
    return f"{g.symbol} {g.label}" if g else "–"


def _fitted(text: str, width: float, points: float) -> QFont:
    """A bold font at most ``points`` big in which text fits on one line."""
    f = font(points, bold=True)
    while points > 9 and QFontMetricsF(f).horizontalAdvance(text) > width:
        points -= 1
        f = font(points, bold=True)
    return f


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
        kf = self.data.figures
        tiles = [
            (
                "NKI totalt",
                fmt_index(kf.total.value),
                f"{_grade_text(kf.total.value)} · {fmt_number(kf.total.n)} svar"
                if kf.total.value is not None
                else f"inget publicerat värde (för få svar) · {fmt_number(kf.total.n)} svar",
            ),
            (
                "Förändring",
                fmt_change(kf.change),
                f"jämfört med {kf.previous_year} ({fmt_index(kf.previous_total)})"
                + (" – annan källa" if kf.previous_publication != kf.total.publication else "")
                if kf.previous_year
                else "inget tidigare år",
            ),
            ("Placering i riket", _pos(kf.rank_national), f"Riket: {fmt_index(kf.total.riket)}"),
            (
                "Placering i länet",
                _pos(kf.rank_lan),
                f"{self.data.lan_name}; kommungrupp: {_pos(kf.rank_group)}",
            ),
        ]

        def paint(p: QPainter, r: QRectF) -> None:
            gap = 8.0
            w = (r.width() - 3 * gap) / 4
            for i, (caption, value, detail) in enumerate(tiles):
                box = QRectF(r.x() + i * (w + gap), r.y(), w, r.height())
                p.setPen(QPen(QColor("#000000"), 1))
                p.setBrush(QColor("#FFFFFF"))
                p.drawRect(box)
                inner = box.adjusted(8, 6, -8, -6)
                p.setFont(self.small)
                p.setPen(QColor("#333333"))
                p.drawText(inner, L.WRAP, caption)
                p.setFont(_fitted(value, inner.width(), 20))
                p.setPen(QColor("#000000"))
                p.drawText(inner.adjusted(0, 20, 0, 0), value)
                p.setFont(self.small)
                p.drawText(inner.adjusted(0, 56, 0, 0), L.WRAP, detail)

        return [
            self._heading("cover"),
            L.Custom(104, paint, space_after=4),
            L.Paragraph(
                "Placering i län och kommungrupp är beräknad av programmet bland "
                "kommuner med värde."
                + (
                    " Placeringen i riket är beräknad av programmet."
                    if kf.rank_national and kf.rank_national.computed
                    else ""
                ),
                self.small,
                colour="#333333",
                space_after=8,
            ),
        ]

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

    def _ranking_table(self, ex: RankingExcerpt) -> list[L.Block]:
        cols = [
            L.ColumnSpec("Plats", 0.8, RIGHT),
            L.ColumnSpec("Kommun", 3.0),
            L.ColumnSpec("NKI totalt", 1.2, RIGHT),
            L.ColumnSpec("Betyg", 1.8),
            L.ColumnSpec("Antal svar", 1.2, RIGHT),
        ]
        rows = [
            [
                str(r.rank),
                r.name + (" ◄" if r.is_self else ""),
                fmt_index(r.value),
                _grade_text(r.value),
                fmt_number(r.n),
            ]
            for r in ex.rows
        ]
        strong = {i for i, r in enumerate(ex.rows) if r.is_self}
        title = f"{ex.title} (av {ex.of} kommuner)" if ex.of else ex.title
        return [
            L.Paragraph(title, self.h3, keep=True, space_after=4),
            L.Table(
                cols,
                rows,
                self.small,
                font(8.5, bold=True),
                strong,
                space_after=10,
                splittable=False,
                caption=ex.note,
                caption_font=self.small,
            ),
        ]

    def _ranking(self) -> list[L.Block]:
        out: list[L.Block] = [self._heading("ranking")]
        for ex in (self.data.ranking_national, self.data.ranking_lan):
            if ex is not None:
                out += self._ranking_table(ex)
        if len(out) == 1:
            out.append(
                L.Paragraph(
                    "Kommunen är inte rankad detta år: NKI totalt saknas eller "
                    "bygger på för få svar.",
                    self.body,
                )
            )
        return out

    def _table(self) -> list[L.Block]:
        d = self.data
        cols = [
            L.ColumnSpec("Område", 2.4),
            L.ColumnSpec("Mått", 1.4),
            L.ColumnSpec("Värde", 0.8, RIGHT),
            L.ColumnSpec("Betyg", 2.0),
            L.ColumnSpec("Antal svar", 0.9, RIGHT),
            L.ColumnSpec("Riket", 0.8, RIGHT),
            L.ColumnSpec("Jämf.-grupp (antal)", 1.3, RIGHT),
            L.ColumnSpec("Placering", 1.4, RIGHT),
        ]
        rows, strong = [], set()
        for i, r in enumerate(d.table):
            if r.factor in ("nki", "nui"):
                strong.add(i)
            value = fmt_index(r.value) if r.value is not None else (r.missing or "–")
            rows.append(
                [
                    r.area_label,
                    r.factor_label,
                    value,
                    _grade_text(r.value),
                    fmt_number(r.n),
                    fmt_index(r.riket),
                    f"{fmt_number(r.comparison, 1)} ({r.comparison_count})"
                    if r.comparison is not None
                    else "–",
                    _pos(r.rank),
                ]
            )
        note = (
            f"Alla lagrade värden för {d.kommun_name} {d.year}. Fetstil: områdets index "
            f"(NKI, för upphandling NUI). Jämf.-grupp: {d.comparison_label}, medel av de "
            f"kommuner som har värde (antal värden inom parentes). "
            f"Placering: publicerad placering där den finns. ”..”: för få svar."
        )
        return [
            self._heading("table"),
            L.Table(
                cols,
                rows,
                self.small,
                font(8.5, bold=True),
                strong,
                space_after=10,
                caption=note,
                caption_font=self.small,
                group_first_column=True,
            ),
        ]

    def _method(self) -> list[L.Block]:
        d = self.data
        out: list[L.Block] = [self._heading("method")]
        for head, text in d.method_notes:
            out.append(L.Paragraph(head, self.h3, keep=True, space_after=1))
            out.append(L.Paragraph(text, self.body, space_after=6))
        out.append(L.Paragraph("Källor", self.h3, keep=True, space_after=3))
        cols = [
            L.ColumnSpec("Fil", 4.0),
            L.ColumnSpec("Publikation", 2.6),
            L.ColumnSpec("Importerad", 1.3),
        ]
        rows = [[s.file_name, s.publication_label, s.imported_at] for s in d.sources]
        out.append(L.Table(cols, rows, self.small, font(8.5, bold=True), space_after=4))
        out.append(L.Paragraph("\n".join(d.citations), self.body, space_after=4))
        out.append(
            L.Paragraph(
                f"Rapporten skapades {d.created.isoformat()} med NKI Desktop.",
                self.small,
                colour="#333333",
            )
        )
        return out

    # -- drawing -------------------------------------------------------------------------
    def _body_top(self) -> float:
        """Below the header, and below the sample-data band when the report has sample data."""
        return L.BODY_TOP + (SAMPLE_BAND if self.data.sample_sections() else 0.0)

    def _sample_band(self, p: QPainter) -> None:
        box = QRectF(L.MARGIN_X, L.BODY_TOP, L.CONTENT_W, SAMPLE_BAND - 6)
        p.setPen(QPen(QColor("#000000"), 1.2))
        p.setBrush(QColor("#E6E6E6"))
        p.drawRect(box)
        p.setFont(font(9, bold=True))
        p.drawText(
            box.adjusted(6, 0, -6, 0),
            int(Qt.AlignmentFlag.AlignVCenter) | L.WRAP,
            "EXEMPELDATA – fiktiva värden på denna sida, inte SKR:s siffror. "
            "Inte ett beslutsunderlag.",
        )

    def furniture(self, p: QPainter, number: int, count: int) -> None:
        d = self.data
        if number in self.sample_pages:
            self._sample_band(p)
        x, top, w = L.MARGIN_X, L.MARGIN_TOP, L.CONTENT_W
        text_x = x
        if not self.logo.isNull():
            h = 11 * L.MM
            lw = min(40 * L.MM, h * self.logo.width() / max(1, self.logo.height()))
            p.drawImage(QRectF(x, top, lw, h), self.logo)
            text_x = x + lw + 3 * L.MM
        p.setPen(QColor("#000000"))
        p.setFont(font(11, bold=True))
        p.drawText(QRectF(text_x, top, w, 18), d.kommun_name)
        p.setFont(self.small)
        p.drawText(
            QRectF(text_x, top + 19, w, 16),
            f"NKI {d.group_label.lower()}, ärendeår {d.year} – underlag till nämnden",
        )
        date = (self.options.report_date or d.created).isoformat()
        p.drawText(QRectF(x, top, w, 18), int(RIGHT), date)
        p.setPen(QPen(QColor("#000000"), 1))
        p.drawLine(QLineF(x, top + 12 * L.MM, x + w, top + 12 * L.MM))
        foot = L.PAGE_H - L.MARGIN_BOTTOM - 6 * L.MM
        p.setPen(QPen(QColor("#000000"), 0.6))
        p.drawLine(QLineF(x, foot, x + w, foot))
        p.setFont(self.small)
        page_text = f"Sida {number} av {count}"
        metrics = QFontMetricsF(self.small)
        room = w - metrics.horizontalAdvance(page_text) - 6 * L.MM
        method = "method" in self.options.sections
        p.drawText(
            QRectF(x, foot + 3, room, 16),
            footer_sources(d.citations, metrics.horizontalAdvance, room, method),
        )
        p.drawText(QRectF(x, foot + 3, w, 16), int(RIGHT), page_text)

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
