"""Kommentarer: the companies' own words (free-text answers, masked on import) with the
respondent's year, area, NKI and factor indices; search, filters, sorting, and the pick for
the report ("Ta med i rapporten")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.comments import NKI_BANDS, CommentRow, filter_rows
from nki_desktop.domain.areas import SERVICE_FACTORS, area_label, factor_label
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.services import comments as svc
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import (
    CENTER,
    RIGHT,
    ROW_ROLE,
    RowTableModel,
    SortProxy,
    TableColumn,
)
from nki_desktop.ui.pages.base import DataPage
from nki_desktop.ui.widgets.labels import note_label

INFO = (
    "Företagens fritextsvar ur importerad svarsdata. Telefonnummer, e-postadresser och "
    "personnummer maskerades redan vid importen och sparas aldrig. Kommentarerna kommer "
    "med i rapporten (PDF och Excel) bara om du väljer dem med ”Ta med i rapporten”."
)
_SHORT = {
    "information": "Info",
    "tillganglighet": "Tillg.",
    "bemotande": "Bemöt.",
    "kompetens": "Komp.",
    "rattssakerhet": "Rättss.",
    "effektivitet": "Effekt.",
}


def _index(value: float | None) -> str:
    return fmt_index(value) if value is not None else "–"


def _factor_column(key: str) -> TableColumn:
    def value(row: CommentRow) -> float | None:
        return row.factors.get(key)

    return TableColumn(
        _SHORT[key],
        lambda r: _index(value(r)),
        value,
        align=RIGHT,
        header_tip=f"{factor_label(key)}: svarandens index (0–100)",
    )


def columns() -> list[TableColumn]:
    factor_columns = [_factor_column(f) for f in SERVICE_FACTORS]
    return [
        TableColumn(
            "Rapport",
            lambda r: "✓ Vald" if r.picked else "",
            lambda r: r.picked,
            align=CENTER,
            header_tip="Vald att tas med i rapporten",
        ),
        TableColumn("År", lambda r: str(r.year), lambda r: r.year, align=RIGHT),
        TableColumn("Datum", lambda r: r.answered or "–", lambda r: r.answered or None),
        TableColumn("Område", lambda r: r.area_text, lambda r: r.area_text),
        TableColumn(
            "NKI",
            lambda r: _index(r.nki),
            lambda r: r.nki,
            align=RIGHT,
            header_tip="Svarandens eget NKI (0–100), inte kommunens",
        ),
        *factor_columns,
        TableColumn(
            "Kommentar",
            lambda r: r.text,
            lambda r: r.text,
            tooltip=lambda r: f"{r.column}: {r.text}",
        ),
    ]


class CommentsPage(DataPage):
    key = "comments"
    title = "Kommentarer"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.rows: list[CommentRow] = []
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = self.heading_label()
        layout.addWidget(self.heading)
        layout.addWidget(note_label(INFO))
        controls = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök i kommentarerna…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(self._apply)
        controls.addWidget(self.search, 1)
        self.year_combo, self.area_combo, self.band_combo = QComboBox(), QComboBox(), QComboBox()
        for key, label in NKI_BANDS.items():
            self.band_combo.addItem(label, key)
        for caption, combo in (
            ("Ärendeår:", self.year_combo),
            ("Område:", self.area_combo),
            ("Svarandens NKI:", self.band_combo),
        ):
            controls.addWidget(QLabel(caption))
            controls.addWidget(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply)
        self.picked_only = QCheckBox("Bara valda")
        self.picked_only.toggled.connect(self._apply)
        controls.addWidget(self.picked_only)
        layout.addLayout(controls)

        self.model = RowTableModel(columns())
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The comment takes the rest of the width and wraps; rows grow to fit it.
        header.setSectionResizeMode(len(self.model.columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.view, 1)

        actions = QHBoxLayout()
        self.count_label = QLabel()
        actions.addWidget(self.count_label, 1)
        self.pick_button = QPushButton("Ta med i rapporten")
        self.pick_button.setToolTip(
            "De markerade kommentarerna kommer med i rapportens avsnitt "
            "”Företagens kommentarer (urval)”."
        )
        self.pick_button.clicked.connect(lambda: self._pick(True))
        self.unpick_button = QPushButton("Ta bort ur rapporten")
        self.unpick_button.clicked.connect(lambda: self._pick(False))
        actions.addWidget(self.pick_button)
        actions.addWidget(self.unpick_button)
        layout.addLayout(actions)
        self.set_content(body)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        ctx = self.context
        if not ctx.kommun:
            self.show_empty("Välj din kommun i listan ovanför för att se företagens kommentarer.")
            return
        self.rows = svc.comments(ctx.store, ctx.kommun)
        if not self.rows:
            self.show_empty(
                f"Det finns inga kommentarer för {ctx.kommun_name}. Importera "
                "svarsdata med fritextsvar (kolumner som ”Synpunkter” eller "
                "”Förbättringsförslag”) på skärmen Import."
            )
            return
        self.heading.setText(f"Företagens kommentarer – {ctx.kommun_name}")
        self._fill_combo(
            self.year_combo, "Alla år", [(y, str(y)) for y in sorted({r.year for r in self.rows})]
        )
        self._fill_combo(
            self.area_combo,
            "Alla områden",
            sorted({(r.area, area_label(r.area)) for r in self.rows}, key=lambda a: a[1]),
        )
        self._apply()
        self.show_content()

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: list) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for key, label in items:
            combo.addItem(label, key)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def visible_rows(self) -> list[CommentRow]:
        return filter_rows(
            self.rows,
            text=self.search.text(),
            year=self.year_combo.currentData(),
            area=self.area_combo.currentData(),
            band=self.band_combo.currentData() or "",
            picked_only=self.picked_only.isChecked(),
        )

    def _apply(self) -> None:
        shown = self.visible_rows()
        self.model.set_rows(shown)
        picked = sum(1 for r in self.rows if r.picked)
        self.count_label.setText(
            f"{len(shown)} av {len(self.rows)} kommentarer visas · {picked} valda för rapporten"
        )
        self._update_buttons()

    def selected_rows(self) -> list[CommentRow]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.rows[r] for r in sorted(rows)]

    def _update_buttons(self) -> None:
        chosen = self.selected_rows()
        self.pick_button.setEnabled(any(not r.picked for r in chosen))
        self.unpick_button.setEnabled(any(r.picked for r in chosen))

    def _pick(self, picked: bool) -> None:
        chosen = [r.id for r in self.selected_rows()]
        if not chosen:
            return
        svc.pick(self.context.store, chosen, picked)
        self.rows = svc.comments(self.context.store, self.context.kommun)
        self._apply()
        self._reselect(set(chosen))

    def _reselect(self, ids: set[int]) -> None:
        selection = self.view.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id in ids:
                selection.select(
                    index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )
