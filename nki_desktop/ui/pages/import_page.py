"""Import: choose or drop files, see what the program understood, confirm, follow progress,
undo from the history, and set which source wins when two disagree."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.importers.base import ImportOptions
from nki_desktop.importers.template import write_template
from nki_desktop.services import history, imports
from nki_desktop.services.mappings import remember_mapping
from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.kolada_dialog import KoladaDialog
from nki_desktop.ui.dialogs.mapping_dialog import MappingDialog
from nki_desktop.ui.models.columns import RowTableModel
from nki_desktop.ui.pages.import_panels import (
    HistoryPanel,
    SourcesPanel,
    summary_html,
)
from nki_desktop.ui.pages.import_preview import build_preview
from nki_desktop.ui.tasks import TaskHandle, TaskRunner

FILE_FILTER = "Resultatfiler (*.xlsx *.xlsm *.xls *.ods *.csv *.json);;Alla filer (*)"


class ImportPage(QWidget):
    key = "import"
    title = "Import"
    files_added = Signal(list)  # paths the user chose or dropped (for Senaste filer)
    import_finished = Signal(object)  # list[FileOutcome]
    # the preview pane's widgets (laid out by import_preview.build_preview)
    file_list: QListWidget
    remove_button: QPushButton
    year_spin: QSpinBox
    kommun_edit: QLineEdit
    map_button: QPushButton
    summary: QLabel
    columns_model: RowTableModel
    columns_view: QTableView
    skipped_model: RowTableModel
    skipped_view: QTableView
    status: QLabel
    progress: QProgressBar
    cancel_button: QPushButton
    import_button: QPushButton

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self.previews: dict[str, imports.Preview] = {}
        self.options: dict[str, ImportOptions] = {}
        self.handle: TaskHandle | None = None
        self._busy = False
        self.last_outcomes: list[imports.FileOutcome] = []
        layout = QVBoxLayout(self)
        heading = QLabel(
            "<h2>Import</h2>Välj filer eller dra dem till fönstret: SKR:s "
            "rankningslista (Öppna jämförelser), Kolada (export eller API), "
            "kommunens egna resultat, svarsdata (en rad per enkät) eller "
            "programmets mall. Du ser vad programmet förstod innan något sparas."
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        top = QHBoxLayout()
        self.choose_button = QPushButton("Välj filer…")
        self.choose_button.clicked.connect(self.choose_files)
        self.template_button = QPushButton("Ladda ner mall…")
        self.template_button.setToolTip(
            "Spara mallen i långt format (år, kommun, område, "
            "faktor, svarsgrupp, värde, antal svar)"
        )
        self.template_button.clicked.connect(self._on_template_clicked)
        self.kolada_button = QPushButton("Hämta från Kolada…")
        self.kolada_button.setToolTip(
            "Hämta alla kommuners Insikt-nyckeltal från Koladas "
            "öppna API (bara när du klickar; visas inte när "
            "hämtning från internet är avstängd)"
        )
        self.kolada_button.clicked.connect(self.open_kolada)
        self.kolada_button.setVisible(bool(context.settings.get("allow_internet")))
        top.addWidget(self.choose_button)
        top.addWidget(self.kolada_button)
        top.addWidget(self.template_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_preview(), "Förhandsvisning")
        self.history = HistoryPanel(context)
        self.history.undo_requested.connect(self._on_history_undo_requested)
        self.tabs.addTab(self.history, "Historik")
        self.sources = SourcesPanel(context, tasks)
        self.tabs.addTab(self.sources, "Källor")
        layout.addWidget(self.tabs, 1)
        context.data_changed.connect(self._on_context_data_changed)

    # -- building ------------------------------------------------------------------------
    def _build_preview(self) -> QWidget:
        return build_preview(self)

    # -- files ---------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = self.context.settings.get("last_import_dir") or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Välj filer att importera", start, FILE_FILTER
        )
        if paths:
            self.context.settings.set("last_import_dir", str(Path(paths[0]).parent))
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Queue files (from the file dialog or a drop) and preview each."""
        self.files_added.emit([str(Path(p)) for p in paths])
        self.tabs.setCurrentIndex(0)
        for raw in paths:
            path = str(Path(raw))
            if path in self.previews or path in self.options:
                continue
            self.options[path] = ImportOptions()
            item = QListWidgetItem(Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.file_list.addItem(item)
            self._run_preview(path)
        if self.file_list.currentRow() < 0 and self.file_list.count():
            self.file_list.setCurrentRow(0)

    def open_kolada(self) -> KoladaDialog | None:
        """The fetch dialog (modeless in tests: ``exec`` only when shown by a click)."""
        if not self.context.settings.get("allow_internet"):
            return None
        dialog = KoladaDialog(self.context, self.tasks, self)
        dialog.stored.connect(lambda result: self.status.setText(result.message))
        self.kolada_dialog = dialog
        if self.sender() is self.kolada_button:
            dialog.exec()
        return dialog

    def set_internet_allowed(self, allowed: bool) -> None:
        """The setting "Tillåt hämtning från internet": off hides the fetch action."""
        self.context.settings.set("allow_internet", allowed)
        self.kolada_button.setVisible(allowed)

    def current_path(self) -> str | None:
        item = self.file_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run_preview(self, path: str) -> None:
        store, options = self.context.store, self.options[path]

        def done(preview: imports.Preview) -> None:
            self._on_preview_done(path, preview)

        def failed(message: str, _details: str) -> None:
            self._on_preview_failed(path, message)

        self.tasks.start(
            lambda _p, _c: imports.preview(store, path, options), on_done=done, on_error=failed
        )

    def _on_preview_done(self, path: str, preview: imports.Preview) -> None:
        self.previews[path] = preview
        for i in range(self.file_list.count()):
            item = self.file_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == path:
                mark, state = (
                    ("= ", "Redan importerad")
                    if preview.duplicate
                    else ("✔ ", "Klar att importera")
                    if preview.ok
                    else ("? ", "Kolumnerna behöver kopplas")
                    if preview.mapping_request
                    else ("✖ ", "Kan inte importeras")
                )
                item.setText(mark + Path(path).name)
                item.setToolTip(f"{path}\n{state}")
        if path == self.current_path():
            self.show_preview(preview)
        self._sync_buttons()

    def _on_preview_failed(self, path: str, message: str) -> None:
        self._on_preview_done(path, imports.Preview(Path(path).name, problem=message, path=path))

    def _on_file_list_row_changed(self, _row: int) -> None:
        path = self.current_path()
        options = self.options.get(path or "")
        self.year_spin.setValue(options.year or 0 if options else 0)
        self.kommun_edit.setText(options.kommun or "" if options else "")
        preview = self.previews.get(path or "")
        if preview:
            self.show_preview(preview)
        self._sync_buttons()

    def _on_remove_clicked(self) -> None:
        path = self.current_path()
        if path:
            self.file_list.takeItem(self.file_list.currentRow())
            self.previews.pop(path, None)
            self.options.pop(path, None)
            if not self.file_list.count():
                self.show_preview(None)
        self._sync_buttons()

    def _on_overrides_changed(self) -> None:
        path = self.current_path()
        if not path:
            return
        options = self.options[path]
        year = self.year_spin.value() or None
        kommun = normalise_code(self.kommun_edit.text()) if self.kommun_edit.text() else None
        if (year, kommun) != (options.year, options.kommun):
            options.year, options.kommun = year, kommun
            self._run_preview(path)

    # -- preview -------------------------------------------------------------------------
    def show_preview(self, preview: imports.Preview | None) -> None:
        if preview is None:
            self.summary.setText("Inga filer valda.")
            self.columns_model.set_rows([])
            self.skipped_model.set_rows([])
            return
        self.columns_model.set_rows(preview.columns)
        self.skipped_model.set_rows(preview.skipped)
        self.summary.setText(summary_html(preview))
        self.columns_view.resizeColumnsToContents()
        self._sync_buttons()

    def open_mapping(self) -> None:
        path = self.current_path()
        preview = self.previews.get(path or "")
        if not path or not preview or not preview.mapping_request:
            return
        request = preview.mapping_request
        dialog = MappingDialog(
            preview.file,
            request.sheet,
            request.headers,
            request.samples,
            request.targets,
            request.initial,
            self,
            request.message,
        )
        self.mapping_dialog = dialog
        if dialog.exec():
            self.apply_mapping(path, dialog.mapping())

    def apply_mapping(self, path: str, columns: dict[int, str]) -> None:
        """Remember the user's mapping for this shape of file and preview again."""
        request = self.previews[path].mapping_request
        if request is None:
            return
        remember_mapping(self.context.store, request, columns)
        self._run_preview(path)

    # -- importing -----------------------------------------------------------------------
    def ready_paths(self) -> list[str]:
        return [
            p
            for p in (
                self.file_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.file_list.count())
            )
            if self.previews.get(p) and self.previews[p].ok and not self.previews[p].duplicate
        ]

    def confirm(self) -> None:
        """Store every file whose preview is ready (exactly what the preview showed), each in
        its own transaction; cancelling undoes the files already stored in the run."""
        paths = self.ready_paths()
        if not paths or self._busy:
            return
        store = self.context.store
        ready = [self.previews[p] for p in paths]

        def work(progress, _cancel) -> list[imports.FileOutcome]:
            return imports.commit_all(store, ready, progress)  # progress raises on cancel

        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.import_button.setEnabled(False)
        self.status.setText("Importerar…")
        self._busy = True
        handle = self.tasks.start(
            work,
            on_done=self._on_import_done,
            on_error=self._on_import_failed,
            on_progress=self._on_import_progress,
            on_cancel=self._on_import_cancelled,
        )
        self.handle = handle if self._busy else None  # a synchronous run has already ended
        self._sync_buttons()

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _on_import_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(text)

    def _end_task(self, message: str) -> None:
        self._busy = False
        self.handle = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.status.setText(message)
        self.context.notify_data_changed()
        self._sync_buttons()

    def _on_import_done(self, outcomes: list[imports.FileOutcome]) -> None:
        self.last_outcomes = outcomes
        for outcome in outcomes:
            for i in range(self.file_list.count()):
                if self.file_list.item(i).data(Qt.ItemDataRole.UserRole) == outcome.path:
                    self.file_list.takeItem(i)
                    self.previews.pop(outcome.path, None)
                    self.options.pop(outcome.path, None)
                    break
        stored = sum(o.stored for o in outcomes if o.ok)
        failed = [o.message for o in outcomes if not o.ok]
        files = sum(o.ok for o in outcomes)
        text = (
            f"{files} {'fil importerad' if files == 1 else 'filer importerade'}, "
            f"{fmt_number(stored)} {'värde sparat' if stored == 1 else 'värden sparade'}."
        )
        if failed:
            text += " Avvisade: " + " ".join(failed)
        if self.file_list.count():
            self.file_list.setCurrentRow(0)
        else:
            self.show_preview(None)
        self._end_task(text)
        self.import_finished.emit(outcomes)

    def _on_import_failed(self, message: str, _details: str) -> None:
        self._end_task(f"Importen misslyckades och inget sparades: {message}")

    def _on_import_cancelled(self) -> None:
        self._end_task("Importen avbröts. Inget sparades.")

    def _on_history_undo_requested(self, import_id: int, confirm: bool = True) -> None:
        info = history.get_import(self.context.store, import_id)
        if info is None:
            return
        if (
            confirm
            and QMessageBox.question(
                self,
                "Ångra import",
                f"Ta bort import {import_id} ({info.file_name}) med "
                f"dess {info.rows_stored} värden?",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            history.undo_import(self.context.store, import_id)
        except (DatabaseProblem, OSError) as exc:
            QMessageBox.warning(self, "Ångra import", f"Importen togs inte bort. {exc}")
            return
        kept = self.context.store.last_backup
        self.status.setText(
            f"Import {import_id} ({info.file_name}) är borttagen."
            + (f" En kopia från före finns i {kept}." if kept else "")
        )
        self.context.notify_data_changed()

    def _on_template_clicked(self) -> None:
        start = self.context.settings.get("last_export_dir") or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, "Spara mall", str(Path(start) / "nki-mall.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.save_template(path)

    def save_template(self, path: str) -> Path:
        saved = write_template(path if path.endswith(".xlsx") else path + ".xlsx")
        self.status.setText(f"Mallen är sparad: {saved}")
        return saved

    def _on_context_data_changed(self) -> None:
        self.history.reload()
        self.sources.reload()

    def _sync_buttons(self, *_args: object) -> None:
        busy = self._busy
        preview = self.previews.get(self.current_path() or "")
        self.map_button.setVisible(bool(preview and preview.mapping_request))
        self.import_button.setEnabled(not busy and bool(self.ready_paths()))
        self.remove_button.setEnabled(not busy and self.current_path() is not None)
        n = len(self.ready_paths())
        self.import_button.setText(f"Importera {n} filer" if n > 1 else "Importera")
