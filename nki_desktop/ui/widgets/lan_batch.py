"""Reports for a whole län from the window: one PDF and one workbook per kommun into a folder,
with a progress bar and Avbryt (the same service as ``report --lan``).

The batch runs in the background task runner. Values are read and workbooks written on the
worker thread; each PDF is drawn on the GUI thread (its charts are widgets) and the worker
waits for it. A stop takes effect between files: what was written stays and is named.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.domain.areas import group_label
from nki_desktop.reports.options import ReportOptions
from nki_desktop.services.lan_reports import LanJob, LanResult, plan, write_reports
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.tasks import CancelToken, TaskCancelled, TaskHandle, TaskRunner


@dataclass
class _PdfRequest:
    args: tuple[Any, Path, Any]
    done: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    state: str = "waiting"  # waiting → drawing → done, or waiting → abandoned
    error: BaseException | None = None


class GuiPdfWriter(QObject):
    """Draws a report's PDF on the GUI thread for a worker, which waits for it (or, once a
    stop is asked for, gives up on a PDF not yet begun: at quit the GUI thread is waiting
    for the worker and would never begin it)."""

    _requested = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.token = CancelToken()  # the task's own, set by the task when it starts
        self._requested.connect(self._on_requested)
        self._batch = ExitStack()

    def begin(self) -> None:
        """Reuse charts from one report to the next until :meth:`end` (GUI thread)."""
        from nki_desktop.reports.chart_pool import reusing

        self._batch.enter_context(reusing())

    def end(self) -> None:
        self._batch.close()

    def __call__(self, data: Any, path: Path, options: Any) -> None:
        request = _PdfRequest((data, path, options))
        if QThread.currentThread() is self.thread():  # a synchronous runner (tests)
            self._on_requested(request)
        else:
            self._requested.emit(request)
            while not request.done.wait(0.05):
                if self.token.is_set():
                    with request.lock:
                        if request.state == "waiting":
                            request.state = "abandoned"
                            raise TaskCancelled()
        if request.error is not None:
            raise request.error

    def _on_requested(self, request: _PdfRequest) -> None:
        with request.lock:
            if request.state == "abandoned":
                return
            request.state = "drawing"
        try:
            from nki_desktop.reports.pdf import write_pdf

            write_pdf(*request.args)
        except Exception as exc:  # noqa: BLE001 - handed back to the worker, which reports it
            request.error = exc
        finally:
            request.state = "done"
            request.done.set()


def _default_folder(lan_name: str, year: int) -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents or Path.home()) / f"NKI {lan_name} {year}")


class LanBatchDialog(QDialog):
    """Choose län, folder and file kinds; start; watch the progress; stop with Avbryt."""

    batch_finished = Signal(object)  # the LanResult, stopped or not

    def __init__(
        self,
        context: AppContext,
        tasks: TaskRunner,
        options: ReportOptions,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context, self.tasks, self.options = context, tasks, options
        self.handle: TaskHandle | None = None
        self.batch_result: LanResult | None = None
        self._writer: GuiPdfWriter | None = None
        self._ended = True
        self.setWindowTitle("Rapporter för hela länet")
        self._build()

    def _build(self) -> None:
        ctx = self.context
        year = ctx.year
        outer = QVBoxLayout(self)
        intro = QLabel(
            f"En rapport per kommun i länet, ärendeår {year}, "
            f"{group_label(ctx.group).lower()}: samma avsnitt och logotyp som på "
            "Rapport-sidan; varje kommun får sin egen sammanfattning och jämförelsegrupp."
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        self.lan_combo = QComboBox()
        names = dict(sorted(ctx.catalogue.lan_names().items()))
        for code, name in names.items():
            self.lan_combo.addItem(f"{name} ({code})", code)
        own = ctx.catalogue.get(ctx.kommun) if ctx.kommun else None
        if own is not None:
            self.lan_combo.setCurrentIndex(max(0, self.lan_combo.findData(own.lan_code)))
        form.addRow("Län:", self.lan_combo)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName("Mapp för rapporterna")
        self.choose_button = QPushButton("Välj mapp…")
        self.choose_button.clicked.connect(self._on_choose_clicked)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        form.addRow("Mapp:", folder_row)
        kinds = QHBoxLayout()
        self.pdf_check = QCheckBox("PDF")
        self.xlsx_check = QCheckBox("Excel")
        for check in (self.pdf_check, self.xlsx_check):
            check.setChecked(True)
            kinds.addWidget(check)
        kinds.addStretch(1)
        form.addRow("Filer:", kinds)
        outer.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        outer.addWidget(self.progress)
        self.status = QLabel("Välj län och mapp och tryck Skapa rapporter.")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            "Skapa rapporter", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton("Stäng", QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(buttons)
        self.lan_combo.currentIndexChanged.connect(self._on_lan_changed)
        self._on_lan_changed()
        self._set_running(False)
        self.resize(560, self.sizeHint().height())

    # -- state ---------------------------------------------------------------------------
    def running(self) -> bool:
        return self.handle is not None

    def _set_running(self, running: bool) -> None:
        inputs = (self.lan_combo, self.folder_edit, self.choose_button, self.pdf_check)
        for widget in (*inputs, self.xlsx_check):
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running and self.context.year is not None)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _on_lan_changed(self) -> None:
        year = self.context.year or 0
        name = self.lan_combo.currentText().rsplit(" (", 1)[0]
        self.folder_edit.setText(_default_folder(name, year))

    def _on_choose_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Mapp för rapporterna")
        if folder:
            self.folder_edit.setText(folder)

    # -- the batch -----------------------------------------------------------------------
    def jobs(self) -> list[LanJob]:
        year = self.context.year
        if year is None:
            return []
        return plan(
            self.context.catalogue,
            str(self.lan_combo.currentData()),
            year,
            Path(self.folder_edit.text().strip()),
            pdf=self.pdf_check.isChecked(),
            xlsx=self.xlsx_check.isChecked(),
        )

    def start(self) -> None:
        year = self.context.year
        if self.running() or year is None:
            return
        if not self.folder_edit.text().strip():
            self.status.setText("Välj en mapp för rapporterna.")
            return
        if not (self.pdf_check.isChecked() or self.xlsx_check.isChecked()):
            self.status.setText("Kryssa i PDF, Excel eller båda.")
            return
        jobs = self.jobs()
        result = self.batch_result = LanResult(year=year, total=len(jobs))
        writer = self._writer = GuiPdfWriter(self)
        writer.begin()
        store, group, options = self.context.store, self.context.group, self.options

        def work(progress, cancel: CancelToken) -> LanResult:
            writer.token = cancel  # the writer stops waiting for the GUI once it is set

            def told(number: int, total: int, job: LanJob) -> None:
                percent = round(100 * (number - 1) / max(total, 1))
                progress(percent, f"Kommun {number} av {total}: {job.name}…")

            return write_reports(
                store, jobs, year, group, options,
                write_pdf=writer if self.pdf_check.isChecked() else None,
                progress=told,
                stop_requested=cancel.is_set,
                result=result,
            )  # fmt: skip

        self.progress.setValue(0)
        self.status.setText(f"Startar: {len(jobs)} kommuner…")
        self._set_running(True)
        self._ended = False
        handle = self.tasks.start(
            work,
            on_done=self._on_done,
            on_error=self._on_failed,
            on_progress=self._on_progress,
            on_cancel=self._on_cancelled,
        )
        self.handle = None if self._ended else handle  # a synchronous runner has ended

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.status.setText("Avbryter efter filen som skrivs nu…")
            self.cancel_button.setEnabled(False)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if self.cancel_button.isEnabled():  # not while "Avbryter…" is shown
            self.status.setText(text)

    def _finish(self, text: str) -> None:
        self.handle, self._ended = None, True
        if self._writer is not None:
            self._writer.end()
        self._set_running(False)
        self.status.setText(text)
        if self.batch_result is not None:
            self.batch_finished.emit(self.batch_result)

    def _on_done(self, result: LanResult) -> None:
        self.progress.setValue(100)
        self._finish(f"{result.summary()} Mapp: {self.folder_edit.text().strip()}")

    def _on_cancelled(self) -> None:
        result = self.batch_result
        if result is not None:
            result.cancelled = True
        folder = self.folder_edit.text().strip()
        self._finish(f"{result.summary()} Mapp: {folder}" if result else "Avbrutet.")

    def _on_failed(self, message: str, _details: str) -> None:
        result = self.batch_result
        count = len(result.files) if result else 0
        written = f" {count} filer hann skrivas och står kvar." if count else ""
        self._finish(f"Rapporterna kunde inte skrivas klart: {message}{written}")

    def reject(self) -> None:
        if self.running():  # closing stops the batch first; the dialog stays until it has
            self.cancel()
            return
        super().reject()


def open_lan_batch(
    context: AppContext, tasks: TaskRunner, options: ReportOptions, parent: QWidget
) -> LanBatchDialog:
    """Show the batch dialog (modeless: the window stays usable)."""
    dialog = LanBatchDialog(context, tasks, options, parent)
    dialog.show()
    return dialog
