"""The PDF's sections of text and tables: the key-figure tiles (cover), the rankings, all
values, and method and sources. Each takes the ``ReportDocument`` for its data and fonts;
the document's ``blocks()`` calls them by section key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from nki_desktop.analysis.report_data import RankingExcerpt
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.reports import layout as L
from nki_desktop.reports.qt_env import font

if TYPE_CHECKING:
    from nki_desktop.reports.document import ReportDocument

RIGHT = Qt.AlignmentFlag.AlignRight


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


def cover_blocks(doc: ReportDocument) -> list[L.Block]:
    """The key figures as four tiles: NKI totalt, its change, the placings in riket and län."""
    kf = doc.data.figures
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
            f"{doc.data.lan_name}; kommungrupp: {_pos(kf.rank_group)}",
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
            p.setFont(doc.small)
            p.setPen(QColor("#333333"))
            p.drawText(inner, L.WRAP, caption)
            p.setFont(_fitted(value, inner.width(), 20))
            p.setPen(QColor("#000000"))
            p.drawText(inner.adjusted(0, 20, 0, 0), value)
            p.setFont(doc.small)
            p.drawText(inner.adjusted(0, 56, 0, 0), L.WRAP, detail)

    return [
        doc._heading("cover"),
        L.Custom(104, paint, space_after=4),
        L.Paragraph(
            "Placering i län och kommungrupp är beräknad av programmet bland "
            "kommuner med värde."
            + (
                " Placeringen i riket är beräknad av programmet."
                if kf.rank_national and kf.rank_national.computed
                else ""
            ),
            doc.small,
            colour="#333333",
            space_after=8,
        ),
    ]


def _ranking_table(doc: ReportDocument, ex: RankingExcerpt) -> list[L.Block]:
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
        L.Paragraph(title, doc.h3, keep=True, space_after=4),
        L.Table(
            cols,
            rows,
            doc.small,
            font(8.5, bold=True),
            strong,
            space_after=10,
            splittable=False,
            caption=ex.note,
            caption_font=doc.small,
        ),
    ]


def ranking_blocks(doc: ReportDocument) -> list[L.Block]:
    """The excerpts of the national and the län ranking, or why the kommun is not ranked."""
    out: list[L.Block] = [doc._heading("ranking")]
    for ex in (doc.data.ranking_national, doc.data.ranking_lan):
        if ex is not None:
            out += _ranking_table(doc, ex)
    if len(out) == 1:
        out.append(
            L.Paragraph(
                "Kommunen är inte rankad detta år: NKI totalt saknas eller bygger på för få svar.",
                doc.body,
            )
        )
    return out


def table_blocks(doc: ReportDocument) -> list[L.Block]:
    """Every stored value of the kommun and year as one table, grouped by area."""
    d = doc.data
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
        doc._heading("table"),
        L.Table(
            cols,
            rows,
            doc.small,
            font(8.5, bold=True),
            strong,
            space_after=10,
            caption=note,
            caption_font=doc.small,
            group_first_column=True,
        ),
    ]


def method_blocks(doc: ReportDocument) -> list[L.Block]:
    """The method notes, the imported files and the citations."""
    d = doc.data
    out: list[L.Block] = [doc._heading("method")]
    for head, text in d.method_notes:
        out.append(L.Paragraph(head, doc.h3, keep=True, space_after=1))
        out.append(L.Paragraph(text, doc.body, space_after=6))
    out.append(L.Paragraph("Källor", doc.h3, keep=True, space_after=3))
    cols = [
        L.ColumnSpec("Fil", 4.0),
        L.ColumnSpec("Publikation", 2.6),
        L.ColumnSpec("Importerad", 1.3),
    ]
    rows = [[s.file_name, s.publication_label, s.imported_at] for s in d.sources]
    out.append(L.Table(cols, rows, doc.small, font(8.5, bold=True), space_after=4))
    out.append(L.Paragraph("\n".join(d.citations), doc.body, space_after=4))
    out.append(
        L.Paragraph(
            f"Rapporten skapades {d.created.isoformat()} med NKI Desktop.",
            doc.small,
            colour="#333333",
        )
    )
    return out
