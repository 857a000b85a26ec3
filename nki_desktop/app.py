"""Composition root: open the store, build services and the window, wire them. Nothing else."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, cast

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nki_desktop import APP_NAME, ORG_NAME, __version__
from nki_desktop.paths import data_dir, default_db_path, resource
from nki_desktop.services.store import open_store
from nki_desktop.storage import Store
from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.db_lock import DatabaseLock, ask_open_readonly
from nki_desktop.ui.main_window import MainWindow
from nki_desktop.ui.pages.comments import CommentsPage
from nki_desktop.ui.pages.compare import ComparePage
from nki_desktop.ui.pages.import_page import ImportPage
from nki_desktop.ui.pages.overview import OverviewPage
from nki_desktop.ui.pages.ranking import RankingPage
from nki_desktop.ui.pages.report_page import ReportPage
from nki_desktop.ui.pages.respondent_page import RespondentPage
from nki_desktop.ui.pages.trend import TrendPage
from nki_desktop.ui.settings import Settings
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.translations import install_swedish


def register_fonts() -> None:
    """Bundled DejaVu Sans, so å ä ö render even on a machine without fonts."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))


def build_pages(context: AppContext, tasks: TaskRunner) -> list[Any]:
    """One entry per screen, in navigation order."""
    return [
        OverviewPage(context),
        TrendPage(context),
        RankingPage(context),
        ComparePage(context),
        RespondentPage(context, tasks),
        CommentsPage(context),
        ImportPage(context, tasks),
        ReportPage(context, tasks),
    ]


def build_window(store: Store, settings: Settings, synchronous_tasks: bool = False
                 ) -> MainWindow:
    context = AppContext(store, settings)
    tasks = TaskRunner(synchronous=synchronous_tasks)
    window = MainWindow(context, tasks, build_pages(context, tasks))
    return window


def create_application(argv: list[str] | None = None) -> QApplication:
    app = cast(QApplication, QApplication.instance() or QApplication(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "nki-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts()
    install_swedish(app)
    return app


def run_gui(db: str | Path | None = None) -> int:
    app = create_application()
    path = Path(db) if db else default_db_path()
    lock = DatabaseLock(path)
    readonly = False
    if not lock.acquire():
        if not ask_open_readonly(path, lock.owner()):
            return 1
        readonly = True
    try:
        store = open_store(path, readonly=readonly)
    except DatabaseProblem as exc:
        QMessageBox.critical(None, "NKI Desktop", str(exc))
        lock.release()
        return 1
    settings = Settings(data_dir() / "settings.ini")
    window = build_window(store, settings)
    window.show()
    if not window.context.kommun:
        window.choose_kommun(first_run=True)
    code = app.exec()
    window.tasks.shutdown()  # background work stops before the store closes
    store.close()
    lock.release()
    return code
