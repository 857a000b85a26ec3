"""The PDF part of the report section "Svenskt Näringslivs företagsklimat": key figures with
their own scales, a chart on SN's own axis (1–6), the years, a method note and a source
line. No blocks when no SN value is stored for the kommun."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter

from nki_desktop.analysis.sn_report import SnReport
from nki_desktop.charts.export import lay_out, paint_chart
from nki_desktop.charts.fonts import apply_font
from nki_desktop.charts.sn_chart import SnLine, SnTrendChart
from nki_desktop.domain.numbers import fmt_change, fmt_number
from nki_desktop.domain.sn import (
    HEADLINE,
    METHOD_NOTE,
    RANK_OF,
    SCALE_TEXT,
    SN_TITLE,
    format_grade,
    measure_label,
    places,
)
from nki_desktop.reports import layout as L
from nki_desktop.reports.qt_env import font

RIGHT = Qt.AlignmentFlag.AlignRight
CHART_H = 200.0


def key_sentence(sn: SnReport, kommun_name: str) -> str:
    o = sn.latest
    parts = [f"I Svenskt Näringslivs enkät {o.year} ger företagen i {kommun_name}"]
    if o.grade is not None:
        text = f" det sammanfattande omdömet {format_grade(o.grade)} på skalan {SCALE_TEXT}"
        if o.riket is not None:
            text += f" (riket {format_grade(o.riket)})"
        parts.append(text)
        if o.n:
            parts.append(f", {fmt_number(o.n)} svar")
    parts.append(".")
    if o.rank is not None:
        parts.append(f" I rankningen hamnar kommunen på plats {o.rank} av {RANK_OF}")
        change = o.rank_change
        if change:
            way = "uppåt" if change > 0 else "nedåt"
            parts.append(f", {places(abs(change))} {way} sedan {o.year - 1}")
        parts.append(".")
    return "".join(parts)


def _chart(sn: SnReport, kommun_name: str) -> SnTrendChart:
    chart = SnTrendChart()
    chart.setFont(font(8.5))
    chart.resize(QSize(round(L.PAGE_W - 2 * L.MARGIN_X), round(CHART_H)))
    lines = [
        SnLine("mine", kommun_name, tuple((r.year, r.grade) for r in sn.years if r.grade)),
        SnLine("riket", "Riket (medel)", tuple((r.year, r.riket) for r in sn.years if r.riket)),
    ]
    chart.set_lines(lines, HEADLINE)
    apply_font(chart, font(8.5))
    return chart


def _paint(chart: SnTrendChart, p: QPainter, r: QRectF) -> None:
    lay_out(chart, QSize(round(r.width()), round(r.height())))
    paint_chart(chart, p, r)


def pdf_blocks(
    sn: SnReport | None,
    kommun_name: str,
    heading: QFont,
    body: QFont,
    small: QFont,
    keep_alive: list,
) -> list[L.Block]:
    """The section's blocks (none without SN values). ``keep_alive`` holds the chart widget
    until the document is drawn."""
    if sn is None:
        return []
    out: list[L.Block] = [
        L.PageBreak(),  # a page of its own: another survey, never beside NKI's tables
        L.Heading(SN_TITLE, heading, space_after=6),
        L.Paragraph(key_sentence(sn, kommun_name), body, space_after=6),
    ]
    if sum(1 for r in sn.years if r.grade is not None) > 1:
        chart = _chart(sn, kommun_name)
        keep_alive.append(chart)
        out.append(L.Custom(CHART_H, lambda p, r: _paint(chart, p, r), space_after=2))
        out.append(
            L.Paragraph(
                f"Sammanfattande omdöme per år på Svenskt Näringslivs egen skala {SCALE_TEXT} "
                "(inte NKI:s 0–100). Heldragen linje: kommunen; streckad: riket.",
                small,
                colour="#333333",
                space_after=8,
            )
        )
    latest = sn.latest
    if latest.questions:
        out.append(
            L.Table(
                [
                    L.ColumnSpec(f"Fråga {latest.year}", 5.0),
                    L.ColumnSpec(f"{kommun_name} ({SCALE_TEXT})", 1.8, RIGHT),
                    L.ColumnSpec("Riket", 1.2, RIGHT),
                ],
                [
                    [measure_label(k), format_grade(v), format_grade(riket)]
                    for k, v, riket in latest.questions
                ],
                small,
                font(8.5, bold=True),
                space_after=8,
            )
        )
    out.append(
        L.Table(
            [
                L.ColumnSpec("År", 0.8),
                L.ColumnSpec(f"Omdöme ({SCALE_TEXT})", 1.6, RIGHT),
                L.ColumnSpec("Riket", 1.0, RIGHT),
                L.ColumnSpec("Antal svar", 1.2, RIGHT),
                L.ColumnSpec(f"Placering (1–{RANK_OF})", 1.6, RIGHT),
                L.ColumnSpec("Förändring", 1.2, RIGHT),
            ],
            [
                [
                    str(r.year),
                    format_grade(r.grade),
                    format_grade(r.riket),
                    fmt_number(r.n),
                    str(r.rank) if r.rank is not None else "–",
                    fmt_change(r.change) if r.change is not None else "–",
                ]
                for r in sn.years
            ],
            small,
            font(8.5, bold=True),
            space_after=6,
            caption="Förändring: placeringar uppåt (+) eller nedåt (−) sedan året före.",
            caption_font=small,
        )
    )
    out.append(L.Paragraph("Om undersökningen", font(10.5, bold=True), keep=True, space_after=1))
    out.append(L.Paragraph(METHOD_NOTE, body, space_after=4))
    out.append(L.Paragraph(sn.source_line, small, colour="#333333", space_after=10))
    return out
