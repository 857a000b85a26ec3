"""Rapport: the board summary for min kommun – choose sections, edit the summary, add a logo,
then save a PDF, preview, print or save an Excel workbook.

The data is gathered through the task runner (no widgets involved). PDF, preview and print
draw the chart widgets, so they run on the GUI thread; the Excel workbook is written as a
background task.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nki_desktop.analysis.report_data import ReportData, gather
from nki_desktop.domain.areas import group_label
from nki_desktop.reports.options import OFF_BY_DEFAULT, SECTIONS, ReportOptions
from nki_desktop.services.texts import save_summary_edit, summary_edit
from nki_desktop.ui.context import AppContext
from nki_desktop.ui.errors import user_message
from nki_desktop.ui.similar_groups import current_note
from nki_desktop.ui.tasks import TaskRunner
from nki_desktop.ui.widgets.labels import note_label
from nki_desktop.ui.widgets.sample_banner import SampleBanner


class ReportPage(QWidget):
    key = "report"
    title = "Rapport"
    request_page = Signal(str)
    report_saved = Signal(str)  # path of a written PDF or workbook

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self.data: ReportData | None = None
        self.preview_dialog: QWidget | None = None  # while the print preview is open
        self.lan_dialog: QWidget | None = None  # the whole län's batch, once opened
        self._generated = ""
        self._loaded_for: tuple | None = None
        self._build()
        context.changed.connect(self.refresh)
        context.data_changed.connect(self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15pt; font-weight:600;")
        outer.addWidget(self.heading)
        intro = QLabel(
            "Underlag till nämnd eller kommunstyrelse: A4, går att läsa i svartvitt. "
            "Välj avsnitt, skriv om sammanfattningen om du vill och spara eller "
            "skriv ut."
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.sample_banner = SampleBanner()
        outer.addWidget(self.sample_banner)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        box = QGroupBox("Avsnitt")
        grid = QVBoxLayout(box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key, label in SECTIONS.items():
            check = QCheckBox(label)
            check.setChecked(key not in OFF_BY_DEFAULT)
            self.section_boxes[key] = check
            grid.addWidget(check)
        left.addWidget(box)
        logo_box = QGroupBox("Logotyp i sidhuvudet")
        logo_row = QGridLayout(logo_box)
        self.logo_edit = QLineEdit(self.context.settings.get("report_logo"))
        self.logo_edit.setReadOnly(True)
        self.logo_edit.setPlaceholderText("Ingen logotyp")
        choose = QPushButton("Välj bild…")
        choose.clicked.connect(self._on_choose_logo_clicked)
        clear = QPushButton("Ta bort")
        clear.clicked.connect(lambda: self.set_logo(""))
        logo_row.addWidget(self.logo_edit, 0, 0, 1, 2)
        logo_row.addWidget(choose, 1, 0)
        logo_row.addWidget(clear, 1, 1)
        left.addWidget(logo_box)
        self.comparison_label = note_label()
        left.addWidget(self.comparison_label)
        left.addStretch(1)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>Sammanfattning</b> (redigerbar, kommer med i rapporten)"))
        head.addStretch(1)
        self.reset_button = QPushButton("Återställ genererad text")
        self.reset_button.clicked.connect(self.reset_summary)
        head.addWidget(self.reset_button)
        right.addLayout(head)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setAccessibleName("Sammanfattning")
        self.summary_edit.setStyleSheet("font-size:11pt;")
        self.summary_edit.setToolTip(
            "Texten sparas för kommunen, året och svarsgruppen och "
            "finns kvar när du byter år eller startar om programmet."
        )
        right.addWidget(self.summary_edit, 1)
        self.summary_note = QLabel()
        self.summary_note.setStyleSheet("color:#555;")
        right.addWidget(self.summary_note)
        # typed text is kept a moment after the last key press, and at once on a switch
        self._save_timer = QTimer(self, singleShot=True, interval=600)
        self._save_timer.timeout.connect(self._save_summary)
        self.summary_edit.textChanged.connect(self._on_summary_text_changed)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton("Spara PDF…")
        self.preview_button = QPushButton("Förhandsgranska…")
        self.print_button = QPushButton("Skriv ut…")
        self.excel_button = QPushButton("Spara Excel…")
        for button, slot in (
            (self.pdf_button, self._on_pdf_clicked),
            (self.preview_button, self.preview),
            (self.print_button, self.print_dialog),
            (self.excel_button, self._on_excel_clicked),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.lan_button = QPushButton("Rapporter för hela länet…")
        self.lan_button.clicked.connect(self.open_lan_batch)
        buttons.addWidget(self.lan_button)
        right.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.status)
        body.addLayout(right, 3)

    # -- state ---------------------------------------------------------------------------
    def options(self) -> ReportOptions:
        """The user's choices as report options (summary text as edited)."""
        sections = tuple(k for k, box in self.section_boxes.items() if box.isChecked())
        text = self.summary_edit.toPlainText().strip()
        return ReportOptions(
            sections=sections,
            summary_text=None if text == self._generated.strip() else text,
            logo_path=self.logo_edit.text() or None,
            compare_units=list(self.context.compare_units) or None,
            comparison_note=current_note(self.context),
        )

    def set_logo(self, path: str) -> None:
        self.logo_edit.setText(path)
        self.context.settings.set("report_logo", path)

    def reset_summary(self) -> None:
        """Back to the generated text; the stored edit is forgotten."""
        self._save_timer.stop()
        self.summary_edit.setPlainText(self._generated)
        self._save_summary()

    def _on_summary_text_changed(self) -> None:
        if self._loaded_for is not None:
            self._save_timer.start()

    def _save_summary(self) -> None:
        """Store the edit for the kommun, year and group it was typed for."""
        self._save_timer.stop()
        if self._loaded_for is None:
            return
        kommun, year, group = self._loaded_for[:3]
        text = self.summary_edit.toPlainText()
        edited = text.strip() != self._generated.strip()
        if edited or summary_edit(self.context.store, kommun, year, group) is not None:
            save_summary_edit(self.context.store, kommun, year, group, text if edited else None)
        self._show_summary_state(edited)

    def _show_summary_state(self, edited: bool) -> None:
        self.reset_button.setEnabled(edited)
        self.summary_note.setText(
            "Redigerad text, sparad för det här året och svarsgruppen."
            if edited
            else "Genererad text."
        )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.pdf_button, self.preview_button, self.print_button, self.excel_button):
            button.setEnabled(not busy and self.data is not None)

    def refresh(self) -> None:
        ctx = self.context
        year = ctx.year
        note = current_note(ctx)  # a similar-kommuner group: its method on the method page
        key = (ctx.kommun, year, ctx.group, tuple(ctx.compare_units), note)
        self.heading.setText(
            f"Rapport – {ctx.kommun_name or 'ingen kommun vald'}"
            + (f", {group_label(ctx.group).lower()} {year}" if year else "")
        )
        if self._save_timer.isActive():
            self._save_summary()  # the edit belongs to the choice it was typed for
        self.data = None
        self._set_busy(True)
        if not ctx.kommun or year is None:
            self.status.setText(
                "Välj kommun och se till att det finns data (Import eller exempeldata)."
            )
            return
        store, compare = ctx.store, list(ctx.compare_units) or None
        kommun, group = ctx.kommun, ctx.group
        figures = ctx.key_figures()  # built once, shared with the Översikt
        self.status.setText("Hämtar uppgifter…")

        def work(_progress, _cancel) -> ReportData:
            return gather(
                store,
                kommun,
                year,
                group,
                compare_units=compare,
                figures=figures,
                comparison_note=note,
            )

        self.tasks.start(
            work, on_done=lambda data: self._on_data(key, data), on_error=self._on_data_failed
        )

    def _on_data(self, key: tuple, data: ReportData) -> None:
        self.data = data
        self._generated = data.summary_text
        stored = summary_edit(self.context.store, key[0], key[1], key[2])
        self._loaded_for = None  # no saving while the text is replaced
        self.summary_edit.setPlainText(stored if stored is not None else self._generated)
        self._loaded_for = key
        sections = data.sample_sections()
        self.sample_banner.show_for(
            [SECTIONS[k].lower() for k in SECTIONS if k in sections], bool(sections)
        )
        self._show_summary_state(stored is not None and stored.strip() != self._generated.strip())
        total = next((r for r in data.table if (r.area, r.factor) == ("total", "nki")), None)
        mean = f"; NKI totalt: {total.comparison_text}" if total and total.comparison_text else ""
        label = data.comparison_label[:1].lower() + data.comparison_label[1:]  # mid-sentence
        self.comparison_label.setText(
            f"Jämförs med riket och {label} "
            f"({len(data.comparison_members)} kommuner i gruppen"
            f"{mean}). Medel räknas över de kommuner som har värde."
        )
        self.status.setText("Klar att spara eller skriva ut.")
        self._set_busy(False)

    def _on_data_failed(self, message: str, _details: str) -> None:
        self.data = None
        self.sample_banner.hide()
        self.summary_edit.setPlainText("")
        self.status.setText(message if message else "Kunde inte hämta uppgifterna.")
        self._set_busy(True)

    # -- output --------------------------------------------------------------------------
    def _default_name(self, suffix: str) -> str:
        d = self.data
        name = f"NKI {d.kommun_name} {d.year}{suffix}" if d else f"NKI{suffix}"
        folder = self.context.settings.get("last_export_dir") or str(Path.home())
        return str(Path(folder) / name)

    def _ask_path(self, title: str, suffix: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, self._default_name(suffix), pattern)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.context.settings.set("last_export_dir", str(Path(path).parent))
        return path

    def save_pdf(self, path: str | Path) -> Path | None:
        """Write the PDF (on the GUI thread: the charts are widgets)."""
        if self.data is None:
            return None
        from nki_desktop.reports.pdf import write_pdf

        try:
            written = write_pdf(self.data, path, self.options())
        except OSError as exc:
            QMessageBox.warning(self, "Spara PDF", f"Kunde inte spara PDF: {user_message(exc)}")
            return None
        self.status.setText(f"Sparade {written}")
        self.report_saved.emit(str(written))
        return written

    def save_excel(self, path: str | Path) -> None:
        """Write the workbook as a background task (openpyxl only, no widgets)."""
        if self.data is None:
            return
        from nki_desktop.reports.excel import write_xlsx

        data, options = self.data, self.options()
        self._set_busy(True)
        self.status.setText("Skriver Excel-arbetsbok…")

        def done(written: Path) -> None:
            self._set_busy(False)
            self.status.setText(f"Sparade {written}")
            self.report_saved.emit(str(written))

        def failed(message: str, _details: str) -> None:
            self._set_busy(False)
            QMessageBox.warning(self, "Spara Excel", f"Kunde inte spara arbetsboken: {message}")

        self.tasks.start(
            lambda _p, _c: write_xlsx(data, path, options), on_done=done, on_error=failed
        )

    def open_lan_batch(self):
        """Every kommun of a län with this page's sections and logo (ui/widgets/lan_batch)."""
        from nki_desktop.ui.widgets.lan_batch import open_lan_batch

        if self.lan_dialog is not None and self.lan_dialog.isVisible():
            self.lan_dialog.raise_()
            return self.lan_dialog
        chosen = self.options()
        options = ReportOptions(sections=chosen.sections, logo_path=chosen.logo_path)
        self.lan_dialog = open_lan_batch(self.context, self.tasks, options, self)
        return self.lan_dialog

    def _on_pdf_clicked(self) -> None:
        path = self._ask_path("Spara rapport som PDF", ".pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def _on_excel_clicked(self) -> None:
        path = self._ask_path("Spara rapport som Excel", ".xlsx", "Excel-arbetsbok (*.xlsx)")
        if path:
            self.save_excel(path)

    def _on_choose_logo_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Välj logotyp", str(Path.home()), "Bilder (*.png *.jpg *.jpeg *.bmp *.svg)"
        )
        if path:
            self.set_logo(path)

    def _printer(self):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"NKI {self.data.kommun_name} {self.data.year}" if self.data else "NKI")
        return printer

    def print_to(self, printer) -> int:
        """Draw the report on a printer (also used by the preview); returns the page count."""
        from nki_desktop.reports.pdf import render_report

        if self.data is None:
            return 0
        return render_report(printer, self.data, self.options())

    def preview(self) -> None:
        if self.data is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        # The page owns the printer: a temporary would be freed while the dialog (which
        # only borrows it) still paints on it, a segmentation fault in QtPrintSupport.
        self._preview_printer = self._printer()
        dialog = QPrintPreviewDialog(self._preview_printer, self)
        self.preview_dialog = dialog
        dialog.setWindowTitle("Förhandsgranska rapport")
        dialog.paintRequested.connect(self.print_to)
        dialog.resize(900, 1000)
        dialog.exec()
        self.preview_dialog = None
        dialog.deleteLater()

    def print_dialog(self) -> None:
        if self.data is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._print_printer = self._printer()  # owned by the page, as above
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Skriv ut rapport")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pages = self.print_to(printer)
            self.status.setText(f"Skickade {pages} sidor till skrivaren.")


__all__ = ["ReportPage"]
