"""Import → "Hämta från Kolada…": choose years and kommuner, fetch with progress and Cancel,
see the same preview as for a file, and confirm. Nothing is fetched until the user clicks
Hämta, and nothing is stored until Importera."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.kolada import KOLADA_KPIS
from nki_desktop.domain.records import SaveResult
from nki_desktop.kolada.client import DEFAULT_BASE_URL, FetchCancelled
from nki_desktop.services import kolada_fetch
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.models.columns import RIGHT, RowTableModel, TableColumn
from nki_desktop.ui.pages.import_panels import summary_html, table_view
from nki_desktop.ui.tasks import TaskCancelled, TaskHandle, TaskRunner


class KoladaDialog(QDialog):
    """The fetch dialog; ``stored`` fires with the SaveResult after a confirmed import."""

    stored = Signal(object)

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.handle: TaskHandle | None = None
        self.running = False
        self._stop = threading.Event()  # also seen by a task that runs synchronously
        self.fetched: kolada_fetch.KoladaFetch | None = None
        self.saved: SaveResult | None = None
        self.setWindowTitle("Hämta från Kolada")
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Hämtar de {len(KOLADA_KPIS)} Insikt-nyckeltal programmet känner från Koladas "
            "öppna API. Programmet går ut på internet bara nu, när du klickar <i>Hämta</i>; "
            "inget sparas förrän du har sett förhandsvisningen och klickat <i>Importera</i>. "
            "Hämtningen blir en import som kan ångras under Historik. Källa: Kolada."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        years = kolada_fetch.all_years()
        grid.addWidget(QLabel("<b>År</b>"), 0, 0)
        self.all_years = QRadioButton(f"Alla år ({years[0]}–{years[-1]})")
        self.some_years = QRadioButton("Från")
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for spin, value in (
            (self.year_from, max(years[0], years[-1] - 8)),
            (self.year_to, years[-1]),
        ):
            spin.setRange(years[0], years[-1])
            spin.setValue(value)
        self._group(self.all_years, self.some_years)
        year_row = QHBoxLayout()
        for w in (self.all_years, self.some_years, self.year_from, QLabel("till"), self.year_to):
            year_row.addWidget(w)
        year_row.addStretch(1)
        grid.addLayout(year_row, 0, 1)
        grid.addWidget(QLabel("<b>Kommuner</b>"), 1, 0)
        self.all_units = QRadioButton("Alla kommuner och Riket")
        own = context.catalogue.get(context.kommun) if context.kommun else None
        self.own_unit = QRadioButton(
            f"Min kommun, {own.name}, med {own.lan_name} och kommungruppen "
            f"{own.group_name.lower()} (och Riket)"
            if own
            else "Min kommun (välj kommun först: Arkiv → Byt kommun)"
        )
        self.own_unit.setEnabled(own is not None)
        self._group(self.all_units, self.own_unit)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.all_units)
        unit_row.addWidget(self.own_unit)
        unit_row.addStretch(1)
        grid.addLayout(unit_row, 1, 1)
        grid.addWidget(QLabel("<b>Proxy</b>"), 2, 0)
        self.proxy_edit = QLineEdit(str(context.settings.get("kolada_proxy") or ""))
        self.proxy_edit.setPlaceholderText(
            "tomt: datorns inställningar (fyll i bara om IT "
            "kräver en, t.ex. http://proxy.kommun.se:8080)"
        )
        grid.addWidget(self.proxy_edit, 2, 1)
        layout.addLayout(grid)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.revision_model = RowTableModel(
            [
                TableColumn("Ändrat av Kolada", lambda r: r.unit_name),
                TableColumn("År", lambda r: str(r.year), lambda r: r.year),
                TableColumn("Nyckeltal", lambda r: r.what),
                TableColumn(
                    "Förra hämtningen",
                    lambda r: _num(r.before),
                    lambda r: r.before or -1.0,
                    align=RIGHT,
                ),
                TableColumn("Nu", lambda r: _num(r.after), lambda r: r.after or -1.0, align=RIGHT),
            ]
        )
        self.revision_view = table_view(self.revision_model, stretch=2)
        self.revision_view.setVisible(False)
        layout.addWidget(self.revision_view, 1)
        self.skipped_model = RowTableModel(
            [
                TableColumn("Rad", lambda s: str(s.row or ""), lambda s: s.row or 0, align=RIGHT),
                TableColumn("Sparas inte", lambda s: s.reason),
                TableColumn("Text", lambda s: s.text),
            ]
        )
        self.skipped_view = table_view(self.skipped_model)
        layout.addWidget(self.skipped_view, 1)
        bottom = QHBoxLayout()
        self.status = QLabel("Välj år och kommuner och klicka Hämta.")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setVisible(False)
        bottom.addWidget(self.progress)
        self.cancel_button = QPushButton("Avbryt")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.fetch_button = QPushButton("Hämta")
        self.fetch_button.setDefault(True)
        self.fetch_button.clicked.connect(self.start_fetch)
        self.import_button = QPushButton("Importera")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.confirm)
        self.close_button = QPushButton("Stäng")
        self.close_button.clicked.connect(self.reject)
        for b in (self.cancel_button, self.fetch_button, self.import_button, self.close_button):
            bottom.addWidget(b)
        layout.addLayout(bottom)

    def _group(self, first: QRadioButton, second: QRadioButton) -> None:
        group = QButtonGroup(self)
        group.addButton(first)
        group.addButton(second)
        first.setChecked(True)

    # -- fetching ------------------------------------------------------------------------
    def request(self) -> kolada_fetch.FetchRequest:
        years: list[int] = []
        if self.some_years.isChecked():
            low, high = sorted((self.year_from.value(), self.year_to.value()))
            years = list(range(low, high + 1))
        kommun = self.context.kommun if self.own_unit.isChecked() else None
        base = (
            os.environ.get(kolada_fetch.URL_ENV)
            or str(self.context.settings.get("kolada_url") or "")
            or DEFAULT_BASE_URL
        )
        return kolada_fetch.FetchRequest(years, kommun, base, self.proxy_edit.text().strip())

    def start_fetch(self) -> None:
        if self.running:
            return
        self.context.settings.set("kolada_proxy", self.proxy_edit.text().strip())
        request, store, stop = self.request(), self.context.store, self._stop
        self.fetched = None
        self._show(None)

        def work(progress, cancel) -> kolada_fetch.KoladaFetch:  # type: ignore[no-untyped-def]
            def step(done: int, total: int, text: str) -> None:
                progress(int(100 * done / max(total, 1)), text)

            try:
                return kolada_fetch.fetch(
                    store,
                    request,
                    progress=step,
                    cancelled=lambda: cancel.is_set() or stop.is_set(),
                )
            except FetchCancelled:
                raise TaskCancelled() from None

        self._busy("Hämtar från Kolada…")
        handle = self.tasks.start(
            work,
            on_done=self._on_fetched,
            on_error=self._on_failed,
            on_progress=self._on_progress,
            on_cancel=self._on_cancelled,
        )
        self.handle = handle if self.running else None

    def cancel(self) -> None:
        self._stop.set()
        if self.handle is not None:
            self.handle.cancel()

    def _busy(self, text: str) -> None:
        self.running = True
        self._stop.clear()
        self.status.setText(text)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        for b in (self.fetch_button, self.import_button, self.close_button):
            b.setEnabled(False)

    def _idle(self, text: str) -> None:
        self.running = False
        self.handle = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.fetch_button.setEnabled(True)
        self.close_button.setEnabled(True)
        preview = self.fetched.preview if self.fetched else None
        self.import_button.setEnabled(
            bool(preview and preview.ok and not preview.duplicate and self.saved is None)
        )
        self.status.setText(text)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(text)

    def _on_fetched(self, fetched: kolada_fetch.KoladaFetch) -> None:
        self.fetched, self.saved = fetched, None
        self._show(fetched)
        preview = fetched.preview
        ready = preview.ok and not preview.duplicate
        self._idle(
            "Kontrollera förhandsvisningen och klicka Importera."
            if ready
            else "Inget nytt att importera."
        )
        self.import_button.setDefault(ready)
        self.fetch_button.setDefault(not ready)

    def _on_failed(self, message: str, _details: str) -> None:
        self._idle("")
        self.summary.setText(
            f"<span style='color:#a00000'>✖ Hämtningen misslyckades.</span> "
            f"{message}<br>Inget har ändrats i databasen."
        )

    def _on_cancelled(self) -> None:
        self.fetched = None
        self._idle("Avbrutet. Inget hämtades till databasen och inget ändrades.")

    def _show(self, fetched: kolada_fetch.KoladaFetch | None) -> None:
        if fetched is None:
            self.summary.setText("")
            self.revision_model.set_rows([])
            self.skipped_model.set_rows([])
            self.revision_view.setVisible(False)
            return
        lines = [summary_html(fetched.preview)]
        if fetched.revision_text:
            color = "#8a4b00" if fetched.revisions else "#555"
            lines.append(
                f"<span style='color:{color}'>{fetched.revision_text}</span>"
                + (
                    " Båda värdena sparas och syns under Källor; det nya används."
                    if fetched.revisions
                    else ""
                )
            )
        lines += [f"⚠ {note}" for note in fetched.unit_notes]
        lines.append(
            f"<span style='color:#555'>Hämtat {fetched.fetched_at.replace('T', ' ')} "
            f"· {len(fetched.urls)} frågor · Källa: Kolada</span>"
        )
        self.summary.setText("<br>".join(lines))
        self.revision_model.set_rows(fetched.revisions)
        self.revision_view.setVisible(bool(fetched.revisions))
        self.skipped_model.set_rows(fetched.preview.skipped)

    # -- storing -------------------------------------------------------------------------
    def confirm(self) -> None:
        fetched = self.fetched
        if fetched is None or not fetched.preview.ok or self.running:
            return
        store, stop = self.context.store, self._stop

        def work(progress, _cancel) -> SaveResult:  # type: ignore[no-untyped-def]
            def step(done: int, total: int) -> None:
                if stop.is_set():
                    raise TaskCancelled()  # any exception from progress rolls back
                progress(int(100 * done / max(total, 1)), "Sparar värden från Kolada…")

            return kolada_fetch.save(store, fetched, progress=step)

        self._busy("Sparar…")
        handle = self.tasks.start(
            work,
            on_done=self._on_saved,
            on_error=self._on_failed,
            on_progress=self._on_progress,
            on_cancel=self._on_save_cancelled,
        )
        self.handle = handle if self.running else None

    def _on_saved(self, result: SaveResult) -> None:
        self.saved = result
        self._idle(result.message)
        self.context.notify_data_changed()
        self.stored.emit(result)

    def _on_save_cancelled(self) -> None:
        self._idle("Importen avbröts. Inget sparades.")


def _num(value: float | None) -> str:
    return "saknas" if value is None else f"{value:.3f}".replace(".", ",")
