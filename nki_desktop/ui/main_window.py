"""The main window: navigation between screens, the shared choices, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from nki_desktop import __version__
from nki_desktop.domain.areas import GROUPS
from nki_desktop.domain.rules import year_caption
from nki_desktop.services import history
from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.dialogs.backup import BackupActions
from nki_desktop.ui.lazy_pages import PageDirectory, PageSlot
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.window_files import FileActions

MINIMUM_SIZE = QSize(720, 440)
PREFERRED_SIZE = QSize(1440, 860)  # a 1366x768 office screen gets all of it


def _scrolling(page: QWidget) -> QScrollArea:
    """The page in a frameless scroll area: on a small screen it scrolls, never clips."""
    area = QScrollArea()
    area.setObjectName(f"scroll_{getattr(page, 'key', 'page')}")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def fit_to_screen(window: QWidget, available: QRect, preferred: QSize = PREFERRED_SIZE) -> None:
    """Size and place ``window`` inside ``available`` (the screen less its taskbar).

    The frame (title bar, borders) is added by the window system outside the client area,
    so the client keeps a margin for it.
    """
    frame_w = max(0, window.frameGeometry().width() - window.geometry().width()) or 16
    frame_h = max(0, window.frameGeometry().height() - window.geometry().height()) or 40
    width = max(min(preferred.width(), available.width() - frame_w), 1)
    height = max(min(preferred.height(), available.height() - frame_h), 1)
    window.resize(width, height)
    left = available.left() + max(0, (available.width() - width - frame_w) // 2)
    top = available.top() + max(0, (available.height() - height - frame_h) // 2)
    window.move(left, top)


class MainWindow(FileActions, QMainWindow):
    """Holds the pages given to it; owns no data logic of its own."""

    sample_loaded = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, pages: list[PageSlot]):
        # pages: one slot per screen; ``self.pages[key]`` builds the screen when first asked
        super().__init__()
        self.context = context
        self.tasks = tasks
        self.pages = PageDirectory(pages)
        readonly = " – skrivskyddad" if context.store.readonly else ""
        self.setWindowTitle(f"NKI Desktop {__version__}{readonly}")
        # small enough for 1366x768 at 150 % with a taskbar; pages scroll below their own
        # minimum instead of clipping
        self.setMinimumSize(MINIMUM_SIZE)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(190)
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 8px 10px; }"
        )
        self.stack = QStackedWidget()
        for page in pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
            self.stack.addWidget(_scrolling(page))
            if hasattr(page, "request_page"):
                page.request_page.connect(self.show_page)
            if hasattr(page, "request_sample"):
                page.request_sample.connect(self.load_sample)
            if hasattr(page, "request_import"):
                page.request_import.connect(self.import_files)
            if hasattr(page, "files_added"):
                page.files_added.connect(self._remember_files)
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
        self.year_combo.setToolTip(
            "Ärendeåret: året då ärendena avslutades. Öppna jämförelser "
            "till och med 2015 bar publiceringsåret (året efter) i "
            "titeln; det visas inom parentes där det skiljer sig."
        )
        self.year_combo.activated.connect(self._on_year_combo_activated)
        row.addWidget(self.year_combo)
        row.addSpacing(12)
        row.addWidget(QLabel("Svarsgrupp:"))
        self.group_combo = QComboBox()
        for g in GROUPS:
            self.group_combo.addItem(g.label, g.key)
        self.group_combo.setToolTip(
            "Vilka som svarat: företag, privatpersoner, föreningar "
            "eller offentliga organisationer. Den nationella "
            "rankningen gäller bara företag; grupper blandas aldrig."
        )
        self.group_combo.activated.connect(
            lambda i: self.context.set_group(self.group_combo.itemData(i))
        )
        row.addWidget(self.group_combo)
        bar.addWidget(box)

    def _build_menus(self) -> None:
        arkiv = self.menuBar().addMenu("&Arkiv")
        self.action_import = QAction(
            "&Importera…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Open)
        )
        self.action_import.setStatusTip(
            "Importera filer från SKR, Kolada, Insikt-portalen eller konsulten"
        )
        self.action_import.triggered.connect(self.import_files)
        self.menu_recent = QMenu("Senaste filer", self)
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.action_export = QAction("&Exportera rapport…", self, shortcut=QKeySequence("Ctrl+E"))
        self.action_export.setStatusTip("Spara nämndrapporten som PDF eller Excel")
        self.action_export.triggered.connect(self.export_report)
        self.action_preview = QAction(
            "&Förhandsgranska rapport…", self, shortcut=QKeySequence("Ctrl+Shift+P")
        )
        self.action_preview.triggered.connect(lambda: self._report_action("preview"))
        self.action_print = QAction(
            "&Skriv ut rapport…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Print)
        )
        self.action_print.triggered.connect(lambda: self._report_action("print_dialog"))
        for action in (self.action_import,):
            arkiv.addAction(action)
        arkiv.addMenu(self.menu_recent)
        arkiv.addSeparator()
        for action in (self.action_export, self.action_preview, self.action_print):
            arkiv.addAction(action)
        arkiv.addSeparator()
        self.action_choose = QAction("Byt kommun…", self, shortcut=QKeySequence("Ctrl+K"))
        self.action_choose.triggered.connect(self.choose_kommun)
        self.action_goals = QAction("&Mål…", self)
        self.action_goals.setStatusTip("Kommunens mål för NKI och om de nås")
        self.action_goals.triggered.connect(self.open_goals)
        self.action_trash = QAction("&Papperskorg…", self)
        self.action_trash.setStatusTip("Borttagna mål, åtgärder och anteckningar: återställ dem")
        self.action_trash.triggered.connect(self.open_trash)
        self.action_sample = QAction("Ladda exempeldata", self)
        self.action_sample.triggered.connect(self.load_sample)
        self.action_remove_sample = QAction("Ta bort exempeldata", self)
        self.action_remove_sample.triggered.connect(self.remove_sample)
        self.action_internet = QAction("Tillåt hämtning från internet", self, checkable=True)
        self.action_internet.setChecked(bool(self.context.settings.get("allow_internet")))
        self.action_internet.toggled.connect(
            lambda on: self.pages["import"].set_internet_allowed(on)
        )
        self.action_quit = QAction("Avsluta", self)
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        self.backups = BackupActions(self, self.context, self.tasks)
        for entry in (
            self.action_choose,
            self.action_goals,
            self.action_trash,
            None,
            self.action_sample,
            self.action_remove_sample,
            None,
            *self.backups.actions(),
            None,
            self.action_internet,
            None,
            self.action_quit,
        ):
            if entry is None:
                arkiv.addSeparator()
            else:
                arkiv.addAction(entry)
        self.menu_file = arkiv
        visa = self.menuBar().addMenu("&Visa")
        for i, page in enumerate(self.pages.values()):
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, k=page.key: self.show_page(k))
            visa.addAction(action)
        self.menu_view = visa
        hjalp = self.menuBar().addMenu("&Hjälp")
        self.action_start_help = QAction("Kom igång", self)
        self.action_start_help.triggered.connect(lambda: self.show_help("kom-igang"))
        self.action_numbers_help = QAction("Om siffrorna", self)
        self.action_numbers_help.triggered.connect(lambda: self.show_help("om-siffrorna"))
        self.action_screen_help = QAction(
            "Hjälp för den här skärmen",
            self,
            shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents),
        )
        self.action_screen_help.triggered.connect(
            lambda: self.show_help(getattr(self.current_page(), "key", "kom-igang"))
        )
        for action in (self.action_start_help, self.action_numbers_help, self.action_screen_help):
            hjalp.addAction(action)
        hjalp.addSeparator()
        about = QAction("Om NKI Desktop", self)
        about.triggered.connect(self.show_about)
        hjalp.addAction(about)
        self.menu_help = hjalp

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        # permanent (right), so a passing message on the left never paints over it
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

    # -- choices -------------------------------------------------------------------------
    def _sync_choices(self) -> None:
        ctx = self.context
        self.kommun_button.setText(
            f"{ctx.kommun_name} ({ctx.kommun})" if ctx.kommun else "Välj kommun…"
        )
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
            f"{summary.values:,} värden".replace(",", "\u00a0")
        )

    def _on_year_combo_activated(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.context.set_year(int(year))

    def show_about(self) -> None:
        from nki_desktop.ui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    def choose_kommun(self, first_run: bool = False) -> bool:
        from nki_desktop.ui.dialogs.kommun_picker import KommunPicker

        picker = KommunPicker(
            self.context.catalogue, self.context.kommun, self, first_run=first_run
        )
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
    def open_goals(self) -> None:
        """Arkiv → Mål: the kommun's goals (the dialog is imported when first asked for)."""
        from nki_desktop.ui.dialogs.goals_dialog import GoalsDialog

        GoalsDialog(self.context, self).exec()

    def open_trash(self) -> None:
        """Arkiv → Papperskorg: put back removed goals, actions and notes."""
        from nki_desktop.ui.dialogs.trash_dialog import TrashDialog

        dialog = TrashDialog(self.context.store, self.context.kommun or None, self)
        dialog.exec()
        if dialog.restored:
            self.context.notify_data_changed()

    # the sample's modules (and the importers under them) are imported when first asked for
    def load_sample(self) -> None:
        from nki_desktop.services.sample import load_sample

        store = self.context.store
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status_label.setText("Laddar exempeldata…")

        def done(result) -> None:
            self.progress.setVisible(False)
            self.context.notify_data_changed()
            self.statusBar().showMessage(
                result.message if not result.duplicate else "Exempeldata finns redan.", 8000
            )
            self.sample_loaded.emit()

        def failed(message: str, _details: str) -> None:
            self.progress.setVisible(False)
            QMessageBox.warning(self, "Exempeldata", f"Kunde inte ladda exempeldata: {message}")

        self.tasks.start(lambda _p, _c: load_sample(store), on_done=done, on_error=failed)

    def remove_sample(self) -> None:
        answer = QMessageBox.question(
            self,
            "Ta bort exempeldata",
            "Ta bort all exempeldata? Dina importerade filer påverkas inte.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            from nki_desktop.services.sample import remove_sample

            try:
                remove_sample(self.context.store)
            except (DatabaseProblem, OSError) as exc:
                QMessageBox.warning(self, "Ta bort exempeldata", f"Inget togs bort. {exc}")
                return
            self.context.notify_data_changed()

    # -- geometry ------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = self.context.settings
        geometry = settings.get("geometry")
        available = self.available_geometry()
        if not (
            geometry
            and self.restoreGeometry(QByteArray(geometry))
            and available.contains(self.frameGeometry())
        ):
            fit_to_screen(self, available)
        self.show_page(settings.get("page") or "overview")

    def show_help(self, anchor: str) -> None:
        """The help window at a part: kom-igang, om-siffrorna or a screen's key."""
        from nki_desktop.ui.dialogs.help import HelpDialog

        dialog = getattr(self, "_help", None)
        if dialog is None:
            dialog = self._help = HelpDialog(anchor, self.context.year, self)
        dialog.show_part(anchor)
        dialog.show()
        dialog.raise_()

    def available_geometry(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def current_page(self) -> QWidget:
        area = self.stack.currentWidget()
        page = area.widget() if isinstance(area, QScrollArea) else area
        assert page is not None
        return page.page() if isinstance(page, PageSlot) else page

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.tasks.shutdown()  # cancel background work cleanly before anything is torn down
        settings = self.context.settings
        settings.set("geometry", bytes(self.saveGeometry().data()))
        settings.sync()
        super().closeEvent(event)
