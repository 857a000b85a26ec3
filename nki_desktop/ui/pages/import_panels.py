"""Parts of the Import screen: the preview summary, import history (with undo) and the
sources' order of preference with the cells where sources disagree."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.areas import area_label, factor_label
from nki_desktop.domain.masking import comments_note
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.records import MISSING_MARKERS, PUBLICATIONS, StoredValue
from nki_desktop.services import history, imports
from nki_desktop.services.data import unit_names
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, SortProxy, TableColumn
from nki_desktop.ui.tasks import TaskRunner


def table_view(model: RowTableModel, stretch: int | None = None) -> QTableView:
    """A sortable, read-only table over a RowTableModel (through a proxy), sorted on column 0.

    ``stretch`` names the column that takes the spare width (default: the last).
    """
    proxy = SortProxy()  # raw values, missing values last
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.proxy = proxy  # type: ignore[attr-defined]
    return view


SHORT_SOURCE = {
    "oj": "ÖJ",
    "kolada": "Kolada",
    "own": "egna resultat",
    "template": "mall",
    "respondent": "svarsdata",
    "sample": "exempeldata",
}


def value_text(v: StoredValue) -> str:
    """77,4, or what a missing value's marker means."""
    if v.value is not None:
        return fmt_index(v.value)
    return f"saknas ({MISSING_MARKERS.get(v.missing or '', v.missing or '')})"


def _years(text: str) -> str:
    years = [y for y in text.split(",") if y]
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "–")


class HistoryPanel(QWidget):
    """Every import, newest first; 'Ångra import' removes one and what it brought."""

    undo_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = RowTableModel(
            [
                TableColumn("ID", lambda i: str(i.id), lambda i: i.id, align=RIGHT),
                TableColumn("Importerad", lambda i: i.imported_at.replace("T", " ")),
                TableColumn("Källa", lambda i: PUBLICATIONS.get(i.publication, i.publication)),
                TableColumn("Fil", lambda i: i.file_name, tooltip=lambda i: f"sha256 {i.sha256}"),
                TableColumn("År", lambda i: _years(i.years)),
                TableColumn(
                    "Värden",
                    lambda i: f"{i.rows_stored:,}".replace(",", "\u00a0"),
                    lambda i: i.rows_stored,
                    align=RIGHT,
                ),
                TableColumn(
                    "Överhoppade rader",
                    lambda i: str(i.rows_skipped),
                    lambda i: i.rows_skipped,
                    align=RIGHT,
                ),
            ]
        )
        self.view = table_view(self.model, stretch=3)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.undo_button = QPushButton("Ångra import")
        self.undo_button.setToolTip("Ta bort den valda importen och bara de värden den förde in")
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.view.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(history.list_imports(self.context.store))
        self._sync_buttons()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.view.proxy.mapToSource(rows[0])  # type: ignore[attr-defined]
        return int(self.model.rows[source.row()].id)

    def select_id(self, import_id: int) -> None:
        for r in range(self.view.proxy.rowCount()):  # type: ignore[attr-defined]
            index = self.view.proxy.index(r, 0)  # type: ignore[attr-defined]
            if index.data() == str(import_id):
                self.view.selectRow(r)

    def _sync_buttons(self, *_args: object) -> None:
        self.undo_button.setEnabled(self.selected_id() is not None)

    def _on_undo_clicked(self) -> None:
        import_id = self.selected_id()
        if import_id is not None:
            self.undo_requested.emit(import_id)


class SourcesPanel(QWidget):
    """Which publication wins when two give the same cell, and where they disagree."""

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self._stale = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        intro = QLabel("Ordning när två källor ger samma värde olika (överst används):")
        intro.setWordWrap(True)
        left.addWidget(intro)
        self.order = QListWidget()
        self.order.setMaximumWidth(300)
        left.addWidget(self.order, 1)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("Flytta upp")
        self.down_button = QPushButton("Flytta ner")
        self.up_button.clicked.connect(lambda: self.move_source(-1))
        self.down_button.clicked.connect(lambda: self.move_source(1))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        left.addLayout(buttons)
        layout.addLayout(left)
        right = QVBoxLayout()
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        right.addWidget(self.conflict_label)
        store = context.store

        def names() -> dict[str, str]:
            return unit_names(store)

        def other_text(c: imports.Conflict) -> str:
            return "; ".join(
                f"{value_text(v)} ({SHORT_SOURCE.get(v.publication, '')}, {v.source_ref})"
                for v in c.others
            )

        self.model = RowTableModel(
            [
                TableColumn("År", lambda c: str(c.year), lambda c: c.year),
                TableColumn("Enhet", lambda c: names().get(c.unit, c.unit)),
                TableColumn("Område", lambda c: area_label(c.area)),
                TableColumn("Faktor", lambda c: factor_label(c.factor)),
                TableColumn(
                    "Används",
                    lambda c: f"{value_text(c.used)} ({SHORT_SOURCE.get(c.used.publication, '')})",
                    lambda c: c.used.value if c.used.value is not None else -1.0,
                    tooltip=lambda c: c.used.source_ref,
                ),
                TableColumn("Andra källor", other_text, tooltip=other_text),
            ]
        )
        self.view = table_view(self.model)
        right.addWidget(self.view, 1)
        layout.addLayout(right, 1)
        self.reload()

    def reload(self) -> None:
        """Show the order now; look for disagreeing cells when the panel is visible."""
        self.order.clear()
        for key in history.source_preference(self.context.store):
            item = QListWidgetItem(PUBLICATIONS.get(key, key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.order.addItem(item)
        self._stale = True
        if self.isVisible():
            self.load_conflicts()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.load_conflicts()

    def load_conflicts(self) -> None:
        self._stale = False
        self.conflict_label.setText("Letar efter värden där källorna skiljer sig…")
        store = self.context.store
        self.tasks.start(lambda _p, _c: imports.conflicts(store), on_done=self._on_conflicts_loaded)

    def _on_conflicts_loaded(self, conflicts: list[imports.Conflict]) -> None:
        self.model.set_rows(conflicts)
        self.conflict_label.setText(
            f"{len(conflicts)} värden där källorna skiljer sig. Det använda värdet visas "
            "först; de andra finns kvar och syns här."
            if conflicts
            else "Inga värden där källorna skiljer sig."
        )

    def preference(self) -> list[str]:
        return [
            self.order.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.order.count())
        ]

    def move_source(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order.count():
            return
        order = self.preference()
        order.insert(target, order.pop(row))
        history.set_source_preference(self.context.store, order)
        self.context.notify_data_changed()  # the page reloads this panel
        self.reload()
        self.order.setCurrentRow(target)


def summary_html(p: imports.Preview) -> str:
    """What the program understood about a file, in a few lines."""
    if p.mapping_request:
        return (
            f"<b>{p.file}</b><br><span style='color:#8a4b00'>⚠ Behöver koppling:</span> "
            f"{p.problem} Klicka på <i>Koppla kolumner…</i>"
        )
    if p.problem:
        return (
            f"<b>{p.file}</b><br><span style='color:#a00000'>✖ Kan inte importeras:</span> "
            f"{p.problem}"
        )
    sheets = ", ".join(p.sheets) if len(p.sheets) > 1 else p.sheet
    header = f" (rubrikrad {p.header_row})" if p.header_row else ""
    years = ", ".join(str(y) for y in p.years)
    units = "1 kommun matchad" if p.kommuner == 1 else f"{p.kommuner} kommuner matchade"
    if p.riket:
        units += " · Riket"
    if p.joint_bodies:
        units += f" · {len(p.joint_bodies)} förbund/gemensamma nämnder: " + ", ".join(
            p.joint_bodies
        )
    markers = sorted(
        {o.missing for o in (p.batch.observations if p.batch else []) if o.missing is not None}
    )
    missing = ", ".join(f"'{m}' {MISSING_MARKERS.get(m, '')}" if m else "tom cell" for m in markers)
    lines = [
        f"<b>{p.file}</b> – {p.kind_label}",
        f"Blad: {sheets}{header} · År: {years}"
        + (f" (från {p.year_source})" if p.year_source else ""),
        f"{units} · {p.values} värden, {p.missing} saknade"
        + (f" ({missing})" if missing else "")
        + f" · {len(p.skipped)} {'rad' if len(p.skipped) == 1 else 'rader'} hoppas över",
    ]
    if p.name_matches:  # every kommun name not written as in the catalogue
        shown = ", ".join(html.escape(m) for m in p.name_matches[:15])
        more = f" … och {len(p.name_matches) - 15} till" if len(p.name_matches) > 15 else ""
        lines.append(f"Namn tolkade ({len(p.name_matches)}): {shown}{more}")
    if p.batch is not None and p.batch.comments:  # masked on import: say so before committing
        note = comments_note(len(p.batch.comments), p.batch.maskings)
        lines.append(f"<span style='color:#1f4e79'><b>Kommentarer:</b> {html.escape(note)}</span>")
    if p.duplicate:
        lines.append(f"<span style='color:#555'>= {p.duplicate}</span>")
    if p.differing:
        lines.append(
            f"⚠ {p.differing} värden finns redan från en annan källa med ett annat "
            "värde. Båda sparas; vilket som används styrs av ordningen under fliken "
            "Källor."
        )
    return "<br>".join(lines)
