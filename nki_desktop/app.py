"""Composition root: open the store, build services and the window, wire them. Nothing else."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nki_desktop import APP_NAME, ORG_NAME, __version__
from nki_desktop.paths import data_dir, default_db_path, resource
from nki_desktop.services.store import open_store
from nki_desktop.storage import Store
from nki_desktop.storage.db import DatabaseProblem
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.db_lock import DatabaseLock, ask_open_readonly
from nki_desktop.ui.lazy_pages import PageSlot, page_factory
from nki_desktop.ui.main_window import MainWindow
from nki_desktop.ui.settings import Settings
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.translations import install_swedish


def register_fonts() -> None:
    """Bundled DejaVu Sans, so å ä ö render even on a machine without fonts."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))


# One entry per screen, in navigation order: key, title, module under ui.pages, class, and
# whether it takes the task runner. Each screen is imported and built when first opened.
PAGES = (
    ("overview", "Översikt", "overview", "OverviewPage", False),
    ("trend", "Trend", "trend", "TrendPage", False),
    ("ranking", "Rankning", "ranking", "RankingPage", False),
    ("compare", "Jämför", "compare", "ComparePage", False),
    ("respondent", "Svarsdata", "respondent_page", "RespondentPage", True),
    ("comments", "Kommentarer", "comments", "CommentsPage", False),
    ("actions", "Åtgärder", "actions", "ActionsPage", False),
    ("import", "Import", "import_page", "ImportPage", True),
    ("report", "Rapport", "report_page", "ReportPage", True),
)


def build_pages(context: AppContext, tasks: TaskRunner) -> list[PageSlot]:
    """One slot per screen, in navigation order; a screen is built when first shown."""
    return [
        PageSlot(
            key,
            title,
            page_factory(
                f"nki_desktop.ui.pages.{module}",
                cls,
                *((context, tasks) if with_tasks else (context,)),
            ),
        )
        for key, title, module, cls, with_tasks in PAGES
    ]


def build_window(store: Store, settings: Settings, synchronous_tasks: bool = False) -> MainWindow:
    context = AppContext(store, settings)
    tasks = TaskRunner(synchronous=synchronous_tasks)
    slots = build_pages(context, tasks)
    window = MainWindow(context, tasks, slots)
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
    from nki_desktop.ui.gui_gc import collect_on_gui_thread, stop

    collector = collect_on_gui_thread()  # never in a background task's thread
    window.show()  # builds the current screen; it paints once the event loop runs
    if os.environ.get("NKI_EXIT_AFTER_FIRST_PAINT") == "1":
        from nki_desktop.ui.first_paint import exit_after_first_paint

        exit_after_first_paint(app, window)
    if not window.context.kommun and not os.environ.get("NKI_EXIT_AFTER_FIRST_PAINT"):
        window.choose_kommun(first_run=True)
    code = app.exec()
    window.tasks.shutdown()  # background work stops before the store closes
    stop(collector, quitting=True)
    store.close()
    lock.release()
    return code
