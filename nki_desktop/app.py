"""Composition root: open the store, build services and the window, wire them. Nothing else."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from nki_desktop import APP_NAME, ORG_NAME, __version__, services
from nki_desktop.paths import data_dir, resource
from nki_desktop.storage import Store
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.lazy_pages import PageDirectory, PageSlot, page_factory
from nki_desktop.ui.main_window import MainWindow
from nki_desktop.ui.settings import Settings
from nki_desktop.ui.tasks import TaskRunner


def register_fonts() -> None:
    """Bundled DejaVu Sans, so å ä ö render even on a machine without fonts."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))


# One entry per screen, in navigation order: key, title, module under ui.pages, class, and
# whether it takes the task runner. Each screen is imported and built when first opened.
PAGES = (
    ("overview", "Översikt", "overview", "OverviewPage", False),
    ("trend", "Trend", "trend", "TrendPage", False),
    ("ranking", "Ranking", "ranking", "RankingPage", False),
    ("compare", "Jämför", "compare", "ComparePage", False),
    ("respondent", "Svarsdata", "respondent_page", "RespondentPage", True),
    ("import", "Import", "import_page", "ImportPage", True),
    ("report", "Rapport", "report_page", "ReportPage", True),
)


def build_pages(context: AppContext, tasks: TaskRunner) -> list[QWidget]:
    """One slot per screen, in navigation order; a screen is built when first shown."""
    return [PageSlot(key, title, page_factory(f"nki_desktop.ui.pages.{module}", cls,
                                              *((context, tasks) if with_tasks else (context,))))
            for key, title, module, cls, with_tasks in PAGES]


def build_window(store: Store, settings: Settings, synchronous_tasks: bool = False
                 ) -> MainWindow:
    context = AppContext(store, settings)
    tasks = TaskRunner(synchronous=synchronous_tasks)
    slots = build_pages(context, tasks)
    window = MainWindow(context, tasks, slots)
    window.pages = PageDirectory(slots)  # type: ignore[assignment]  # window.pages[k] builds k
    return window


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "nki-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts()
    return app  # type: ignore[return-value]


def run_gui(db: str | Path | None = None) -> int:
    app = create_application()
    store = services.open_store(db)
    settings = Settings(data_dir() / "settings.ini")
    window = build_window(store, settings)
    if os.environ.get("NKI_EXIT_AFTER_FIRST_PAINT") == "1":
        from nki_desktop.ui.first_paint import exit_after_first_paint

        exit_after_first_paint(app, window)
    window.show()
    if not window.context.kommun and not os.environ.get("NKI_EXIT_AFTER_FIRST_PAINT"):
        window.choose_kommun(first_run=True)
    code = app.exec()
    store.close()
    return code
