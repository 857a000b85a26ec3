"""The main window: navigation between screens, the shared choices, menus and status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from nki_desktop import __version__
from nki_desktop.domain.areas import GROUPS
from nki_desktop.domain.rules import year_caption
from nki_desktop.services import history
from nki_desktop.services.sample import load_sample, remove_sample
from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.about import AboutDialog
from nki_desktop.ui.dialogs.backup import BackupActions
from nki_desktop.ui.dialogs.kommun_picker import KommunPicker
from nki_desktop.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    """Holds the pages given to it; owns no data logic of its own."""

    sample_loaded = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, pages: list[Any]):
        # pages: QWidgets with ``key`` and ``title`` (DataPage, ImportPage, … share no base)
        super().__init__()
        self.context = context
        self.tasks = tasks
        self.pages = {p.key: p for p in pages}
        readonly = " – skrivskyddad" if context.store.readonly else ""
        self.setWindowTitle(f"NKI Desktop {__version__}{readonly}")
        self.setMinimumSize(1000, 640)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(190)
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               "QListWidget#navigation::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        for page in pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
            self.stack.addWidget(page)
            if hasattr(page, "request_page"):
                page.request_page.connect(self.show_page)
            if hasattr(page, "request_sample"):
                page.request_sample.connect(self.load_sample)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([170, 1200])  # the list's maximum width; the rest to the screen
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        context.changed.connect(self._sync_choices)
        context.data_changed.connect(self._sync_choices)
        self._sync_choices()
        self._restore()
        self.setAcceptDrops(True)  # dropped files go to the Import screen

    # -- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Val")
        bar.setObjectName("choices")
        bar.setMovable(False)
        self.addToolBar(bar)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel("Min kommun:"))
        self.kommun_button = QPushButton()
        self.kommun_button.setToolTip("Byt kommun (Ctrl+K)")
        self.kommun_button.clicked.connect(self.choose_kommun)
        row.addWidget(self.kommun_button)
        row.addSpacing(12)
        row.addWidget(QLabel("Ärendeår:"))
        self.year_combo = QComboBox()
        self.year_combo.setMinimumContentsLength(12)
        self.year_combo.activated.connect(self._on_year_combo_activated)
        row.addWidget(self.year_combo)
        row.addSpacing(12)
        row.addWidget(QLabel("Svarsgrupp:"))
        self.group_combo = QComboBox()
        for g in GROUPS:
            self.group_combo.addItem(g.label, g.key)
        self.group_combo.activated.connect(
            lambda i: self.context.set_group(self.group_combo.itemData(i)))
        row.addWidget(self.group_combo)
        bar.addWidget(box)

    def _build_menus(self) -> None:
        arkiv = self.menuBar().addMenu("&Arkiv")
        self.action_choose = QAction("Byt kommun…", self, shortcut=QKeySequence("Ctrl+K"))
        self.action_choose.triggered.connect(self.choose_kommun)
        self.action_sample = QAction("Ladda exempeldata", self)
        self.action_sample.triggered.connect(self.load_sample)
        self.action_remove_sample = QAction("Ta bort exempeldata", self)
        self.action_remove_sample.triggered.connect(self.remove_sample)
        self.action_internet = QAction("Tillåt hämtning från internet", self, checkable=True)
        self.action_internet.setChecked(bool(self.context.settings.get("allow_internet")))
        self.action_internet.toggled.connect(self.pages["import"].set_internet_allowed)
        self.action_quit = QAction("Avsluta", self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        self.backups = BackupActions(self, self.context, self.tasks)
        for action in (self.action_choose, None, self.action_sample, self.action_remove_sample,
                       None, *self.backups.actions(), None, self.action_internet, None,
                       self.action_quit):
            if action is None:
                arkiv.addSeparator()
            else:
                arkiv.addAction(action)
        self.menu_file = arkiv
        visa = self.menuBar().addMenu("&Visa")
        for i, page in enumerate(self.pages.values()):
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, k=page.key: self.show_page(k))
            visa.addAction(action)
        self.menu_view = visa
        hjalp = self.menuBar().addMenu("&Hjälp")
        about = QAction("Om NKI Desktop", self)
        about.triggered.connect(lambda: AboutDialog(self).exec())
        hjalp.addAction(about)
        self.menu_help = hjalp

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    # -- choices -------------------------------------------------------------------------
    def _sync_choices(self) -> None:
        ctx = self.context
        self.kommun_button.setText(f"{ctx.kommun_name} ({ctx.kommun})" if ctx.kommun
                                   else "Välj kommun…")
        self.year_combo.clear()
        for year in reversed(ctx.years):
            self.year_combo.addItem(year_caption(year), year)
        if ctx.year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(ctx.year))
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(ctx.group)))
        summary = history.summary(ctx.store)
        writable = not ctx.store.readonly
        self.action_sample.setEnabled(writable)
        self.action_remove_sample.setEnabled(writable and summary.has_sample)
        self.status_label.setText(
            f"Databas: {ctx.store.path}{' (skrivskyddad)' if not writable else ''} · "
            f"{summary.imports} importer · "
            f"{summary.values:,} värden".replace(",", "\u00a0"))

    def _on_year_combo_activated(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.context.set_year(int(year))

    def choose_kommun(self, first_run: bool = False) -> bool:
        picker = KommunPicker(self.context.catalogue, self.context.kommun, self,
                              first_run=first_run)
        if picker.exec() and picker.selected_code():
            self.context.set_kommun(picker.selected_code() or "")
            return True
        return False

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def _on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.context.settings.set("page", list(self.pages)[row])

    # -- sample data ---------------------------------------------------------------------
    def load_sample(self) -> None:
        store = self.context.store
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status_label.setText("Laddar exempeldata…")

        def done(result) -> None:
            self.progress.setVisible(False)
            self.context.notify_data_changed()
            self.statusBar().showMessage(result.message if not result.duplicate else
                                         "Exempeldata finns redan.", 8000)
            self.sample_loaded.emit()

        def failed(message: str, _details: str) -> None:
            self.progress.setVisible(False)
            QMessageBox.warning(self, "Exempeldata", f"Kunde inte ladda exempeldata: {message}")

        self.tasks.start(lambda _p, _c: load_sample(store), on_done=done,
                         on_error=failed)

    def remove_sample(self) -> None:
        answer = QMessageBox.question(self, "Ta bort exempeldata",
                                      "Ta bort all exempeldata? Dina importerade filer "
                                      "påverkas inte.")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                remove_sample(self.context.store)
            except (DatabaseProblem, OSError) as exc:
                QMessageBox.warning(self, "Ta bort exempeldata", f"Inget togs bort. {exc}")
                return
            self.context.notify_data_changed()

    # -- dropped files -------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and "import" in self.pages:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and "import" in self.pages:
            self.show_page("import")
            self.pages["import"].add_files(paths)
            event.acceptProposedAction()

    # -- geometry ------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = self.context.settings
        geometry = settings.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 760)
        self.show_page(settings.get("page") or "overview")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.tasks.shutdown()  # cancel background work cleanly before anything is torn down
        settings = self.context.settings
        settings.set("geometry", bytes(self.saveGeometry().data()))
        settings.sync()
        super().closeEvent(event)
