"""Översikt: min kommun's NKI totalt, grade, change, ranks and per-area / per-factor figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.narrative import summary_text
from nki_desktop.analysis.origin import source_text
from nki_desktop.analysis.overview import Figure, KeyFigures, Position
from nki_desktop.analysis.preliminary import load_preliminary, overview_text
from nki_desktop.charts.bars import Bar, IndexBarChart, legend_html
from nki_desktop.charts.export import ChartFrame
from nki_desktop.domain.areas import area_label, factor_label, group_label
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.domain.rules import breaks_between, year_caption
from nki_desktop.domain.sn import parse_grade_words
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.widgets.goal_strip import GoalStrip
from nki_desktop.ui.widgets.notes_strip import NotesStrip
from nki_desktop.ui.widgets.sample_banner import SampleBanner
from nki_desktop.ui.widgets.sn_overview import SnOverviewBox


def _position(p: Position | None) -> str:
    if p is None:
        return "–"
    return p.text + (" *" if p.computed else "")


VALUE_STYLE = "font-size:19pt; font-weight:600;"


class _Tile(QFrame):
    def __init__(self, caption: str):
        super().__init__()
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color:#555;")
        self.value = QLabel("–")
        self.value.setStyleSheet(VALUE_STYLE)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        for w in (self.caption, self.value, self.detail):
            layout.addWidget(w)


class OverviewPage(DataPage):
    """The first screen: useful as soon as any data is stored."""

    key = "overview"
    title = "Översikt"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.figures: KeyFigures | None = None
        self.set_content(self._build_content())
        self.refresh()

    def _build_content(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15pt; font-weight:600;")
        self.sample_banner = SampleBanner()
        layout.addWidget(self.heading)
        layout.addWidget(self.sample_banner)
        tiles = QGridLayout()
        self.tile_nki = _Tile("NKI totalt")
        self.tile_change = _Tile("Förändring")
        self.tile_rank = _Tile("Placering i riket")
        self.tile_local = _Tile("Placering i länet")
        self.tile_group = _Tile("Placering i kommungruppen")
        for i, tile in enumerate(
            (self.tile_nki, self.tile_change, self.tile_rank, self.tile_local, self.tile_group)
        ):
            tiles.addWidget(tile, 0, i)
            tiles.setColumnStretch(i, 1)
        layout.addLayout(tiles)
        self.goal_strip = GoalStrip()  # the kommun's own goals: word + symbol per figure
        self.goal_strip.edit_requested.connect(self._on_goal_strip_edit_requested)
        layout.addWidget(self.goal_strip)
        self.sn_box = SnOverviewBox(self.context)  # Svenskt Näringsliv beside NKI, own scale
        layout.addWidget(self.sn_box)
        # The running year's preliminary NKI: its own line, never one of the tiles above.
        self.preliminary = QLabel()
        self.preliminary.setWordWrap(True)
        self.preliminary.setObjectName("preliminary")
        self.preliminary.setStyleSheet(
            "QLabel#preliminary { border:2px dashed #0072B2; "
            "border-radius:4px; padding:6px; background:#F4F8FC; }"
        )
        self.preliminary.hide()
        layout.addWidget(self.preliminary)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("font-size:11pt; padding:6px 2px;")
        layout.addWidget(self.summary)
        self.notes_strip = NotesStrip()  # the kommun's own notes on the year
        layout.addWidget(self.notes_strip)
        charts = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        self.area_chart = IndexBarChart()
        self.area_frame = ChartFrame(
            "NKI per myndighetsområde", self.area_chart, file_stem="nki-per-omrade"
        )
        left.addWidget(self.area_frame)
        self.best_label = QLabel()
        self.best_label.setWordWrap(True)
        self.factor_chart = IndexBarChart()
        self.factor_frame = ChartFrame(
            "Serviceområden (NKI totalt)", self.factor_chart, file_stem="serviceomraden"
        )
        right.addWidget(self.factor_frame)
        right.addWidget(self.best_label)
        charts.addLayout(left, 1)
        charts.addLayout(right, 1)
        layout.addLayout(charts)
        legend = QLabel(legend_html())
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color:#555;")
        layout.addWidget(self.footnote)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        self.figures = ctx.key_figures()
        if self.figures is None:
            self._show_empty()
            return
        self._show(self.figures)

    def _show_empty(self) -> None:
        from nki_desktop.analysis.sn import load_overview as load_sn  # only when it is needed

        ctx = self.context
        sn = load_sn(ctx.store, ctx.kommun) if ctx.kommun else None
        other = (
            f"<p>Svenskt Näringslivs företagsklimat ({sn.year}) finns lagrat: det visas under "
            "Trend och Rankning (välj Undersökning).</p>"
            if sn is not None
            else ""
        )
        self.show_empty(
            f"<h2>Inga NKI-värden för {ctx.kommun_name or 'vald kommun'}</h2>"
            f"<p>Det finns inga lagrade NKI-värden för {group_label(ctx.group).lower()} "
            f"{ctx.year or ''}. Välj ett annat år eller importera fler filer.</p>{other}"
        )

    def _show(self, kf: KeyFigures) -> None:
        self.show_content()
        self.heading.setText(
            f"{kf.kommun_name} – {group_label(kf.group).lower()}, ärendeår {year_caption(kf.year)}"
        )
        self.sample_banner.show_for(kf.sample_parts())
        grade = kf.total.grade
        self.tile_nki.value.setText(fmt_index(kf.total.value))
        if grade:
            self.tile_nki.value.setStyleSheet(f"{VALUE_STYLE} color:{grade.colour};")
            self.tile_nki.detail.setText(
                f"{grade.symbol} {grade.label} · {fmt_number(kf.total.n)} svar"
            )
        else:
            self.tile_nki.value.setStyleSheet(VALUE_STYLE)
            missing = f"({kf.total.missing})" if kf.total.missing else ""
            self.tile_nki.detail.setText(f"Inget publicerat värde {missing}")
        self.tile_change.value.setText(fmt_change(kf.change))
        change = (
            f"jämfört med {kf.previous_year} ({fmt_index(kf.previous_total)})"
            if kf.previous_year
            else "inget tidigare år"
        )
        if kf.previous_year and breaks_between(kf.previous_year, kf.year):
            change += " · ⚠ ny definition av NKI totalt"
        if kf.previous_year and kf.previous_publication != kf.total.publication:
            change += " · ⚠ annan källa än föregående år"
        self.tile_change.detail.setText(change)
        self.tile_rank.value.setText(_position(kf.rank_national))
        self.tile_rank.detail.setText(f"NKI i riket: {fmt_index(kf.total.riket)}")
        self.tile_local.value.setText(_position(kf.rank_lan))
        self.tile_group.value.setText(_position(kf.rank_group))
        k = self.context.catalogue.get(kf.kommun)
        self.tile_local.detail.setText(k.lan_name if k else "")
        self.tile_group.detail.setText(f"{k.group_code} {k.group_name}" if k else "")
        best, weakest = kf.best_factor, kf.weakest_factor
        self.best_label.setText(
            f"▲ Bäst: <b>{factor_label(best.key)}</b> {fmt_index(best.value)} &nbsp; "
            f"▼ Svagast: <b>{factor_label(weakest.key)}</b> {fmt_index(weakest.value)}"
            if best and weakest and best is not weakest
            else ""
        )
        self.summary.setText(summary_text(kf))
        self.goal_strip.show_for(self.context.store, kf.kommun, kf.group, kf.year)
        self._show_preliminary(kf)
        self.notes_strip.show_for(self.context.store, kf.kommun, kf.year)
        self.sn_box.show_for(
            kf.kommun, parse_grade_words(self.context.settings.get("sn_grade_words"))
        )
        self.area_chart.set_bars(
            [
                self._bar(f, area_label(f.key) + (" (NUI)" if f.key == "upphandling" else ""))
                for f in kf.areas
            ]
        )
        self.factor_chart.set_bars([self._bar(f, factor_label(f.key)) for f in kf.factors])
        self.footnote.setText(
            "* = placering beräknad av programmet bland kommuner med "
            "värde (inte en publicerad rankning). Källa: "
            f"{source_text(kf.total.publication, kf.total.source) or '–'}."
        )

    def _on_goal_strip_edit_requested(self) -> None:
        from nki_desktop.ui.dialogs.goals_dialog import GoalsDialog  # built when asked for

        GoalsDialog(self.context, self).exec()

    def _show_preliminary(self, kf: KeyFigures) -> None:
        p = load_preliminary(self.context.store, kf.kommun, kf.group)
        self.preliminary.setVisible(p is not None)
        if p is not None:
            self.preliminary.setText(overview_text(p))

    @staticmethod
    def _bar(f: Figure, label: str) -> Bar:
        grade = f.grade
        tip = (
            f"{label}: {fmt_index(f.value)}"
            + (f" – {grade.label.lower()}" if grade else "")
            + f"\nAntal svar: {fmt_number(f.n)}"
            + f"\nRiket: {fmt_index(f.riket)}"
            + (f"\nPlacering: {f.rank.text}" if f.rank else "")
            + (f"\nKälla: {source_text(f.publication, f.source)}" if f.source else "")
        )
        if f.value is None and f.missing:
            tip += f"\nVärdet visas inte ({f.missing}: för få svar)"
        return Bar(label, f.value, f.riket, tip)
