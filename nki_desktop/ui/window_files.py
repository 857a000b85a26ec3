"""The window's file actions: Arkiv → Importera, Senaste filer, Exportera, Förhandsgranska,
Skriv ut, and files dropped on the window. A mixin of :class:`MainWindow`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from nki_desktop.ui.context import AppContext
from nki_desktop.ui.lazy_pages import PageDirectory

# the mixin is typed as the window it joins; at run time it is a plain class before
# QMainWindow in the window's bases (so its Qt overrides take effect)
if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class FileActions(_Base):
    context: AppContext
    pages: PageDirectory
    menu_recent: QMenu

    def show_page(self, key: str) -> None:
        raise NotImplementedError

    # -- files and the report ------------------------------------------------------------
    RECENT_MAX = 8

    def import_files(self) -> None:
        """Arkiv → Importera…: the Import screen with its file dialog."""
        if "import" in self.pages:
            self.show_page("import")
            self.pages["import"].choose_files()

    def _remember_files(self, paths: list[str]) -> None:
        recent = [p for p in self.context.settings.get("recent_files") if p not in paths]
        self.context.settings.set("recent_files", (list(paths) + recent)[: self.RECENT_MAX])

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        recent = list(self.context.settings.get("recent_files"))
        for path in recent:
            action = self.menu_recent.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        if not recent:
            self.menu_recent.addAction("Inga filer ännu").setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction("Töm listan").triggered.connect(
                lambda: self.context.settings.set("recent_files", [])
            )

    def _open_recent(self, path: str) -> None:
        if "import" in self.pages:
            self.show_page("import")
            self.pages["import"].add_files([path])

    def _report_action(self, name: str) -> None:
        """Preview or print the board report (from the Arkiv menu, on any screen)."""
        page = self.pages.get("report")
        if page is None:
            return
        self.show_page("report")
        if page.data is None:
            self.statusBar().showMessage(
                "Rapporten är inte klar ännu: välj kommun och se till att det finns data.", 6000
            )
            return
        getattr(page, name)()

    def export_report(self) -> None:
        """Arkiv → Exportera rapport…: PDF or Excel, by the chosen file type."""
        page = self.pages.get("report")
        if page is None:
            return
        self.show_page("report")
        if page.data is None:
            self.statusBar().showMessage("Rapporten är inte klar ännu.", 6000)
            return
        pdf, xlsx = "PDF (*.pdf)", "Excel-arbetsbok (*.xlsx)"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Exportera rapport", page._default_name(".pdf"), f"{pdf};;{xlsx}"
        )
        if not path:
            return
        if path.lower().endswith(".xlsx") or (chosen == xlsx and not path.lower().endswith(".pdf")):
            page.save_excel(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        else:
            page.save_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

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
