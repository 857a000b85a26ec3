"""The Åtgärder screen: actions listed with filters and follow-up, the add/edit dialog with
Swedish refusals, removal with undo, the Papperskorg, notes."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from nki_desktop.domain.actions import Action, Note
from nki_desktop.services import actions as action_svc
from nki_desktop.services import notes as note_svc
from nki_desktop.ui.dialogs.action_dialog import ActionDialog
from nki_desktop.ui.dialogs.note_dialog import NoteDialog
from nki_desktop.ui.dialogs.trash_dialog import TrashDialog

OREBRO = "1880"
SHOTS = os.environ.get("NKI_SHOTS")


def _seed(store):
    action_svc.add(
        store,
        Action(
            OREBRO,
            "Telefontider varje förmiddag",
            ("bygglov",),
            ("tillganglighet",),
            owner="Bygglovschef",
            status="genomford",
            decided="2019-03-01",
            done="2020-05-02",
            expected_effect="Tillgänglighet minst 70",
        ),
    )
    action_svc.add(
        store,
        Action(
            OREBRO, "Öppet hus för företagare", ("total",), status="pagar", decided="2023-09-01"
        ),
    )
    action_svc.add(store, Action(OREBRO, "Ny e-tjänst", ("miljo_halsoskydd",)))
    note_svc.add(store, Note(OREBRO, "Omorganisation av bygglov", "2021-02-01", 2021, "bygglov"))


def _open(make_window):
    window = make_window(OREBRO)
    window.show()
    window.show_page("actions")
    return window, window.pages["actions"]


def test_actions_screen_lists_filters_and_follows_up(qtbot, make_window, sample_store):
    _seed(sample_store)
    window, page = _open(make_window)
    assert page.heading.text() == "Åtgärder – Örebro"
    assert page.model.rowCount() == 3
    titles = [r.title for r in page.model.rows]
    assert "Telefontider varje förmiddag" in titles
    done = next(r for r in page.model.rows if r.status == "genomford")
    [row] = page.followup[done.id]
    assert row.before.year == 2019 and row.after.year == 2021
    col = [c.header for c in page.model.columns].index("Före → efter")
    shown = page.model.columns[col].display(done)
    assert "→" in shown
    assert "inte att åtgärden orsakade" in page.model.columns[col].tooltip(done)
    assert page.note_model.rowCount() == 1
    if SHOTS:
        qtbot.wait(100)  # the lazily built screen gets its final size
        window.grab().save(os.path.join(SHOTS, "actions-screen.png"))
    page.status_combo.setCurrentIndex(page.status_combo.findData("pagar"))
    assert [r.title for r in page.model.rows] == ["Öppet hus för företagare"]
    page.status_combo.setCurrentIndex(0)
    page.area_combo.setCurrentIndex(page.area_combo.findData("bygglov"))
    assert [r.title for r in page.model.rows] == ["Telefontider varje förmiddag"]
    page.area_combo.setCurrentIndex(0)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2023))
    assert [r.title for r in page.model.rows] == ["Öppet hus för företagare"]
    page.year_combo.setCurrentIndex(0)

    # Remove, undo, remove again and restore from the Papperskorg.
    page.view.selectRow(0)
    first = page.selected_action()
    page.remove_button.click()
    assert page.model.rowCount() == 2 and page.undo_button.isVisible()
    page.undo_button.click()
    assert page.model.rowCount() == 3 and not page.undo_button.isVisible()
    action_svc.remove(sample_store, first.id)
    note_svc.remove(sample_store, page.note_rows[0].id)
    trash = TrashDialog(sample_store, OREBRO, page)
    assert trash.model.rowCount() == 2
    if SHOTS:
        trash.resize(720, 300)
        trash.grab().save(os.path.join(SHOTS, "trash-dialog.png"))
    trash.view.selectAll()
    trash.restore_selected()
    assert trash.model.rowCount() == 0 and trash.restored == 2 and trash.empty.isVisibleTo(trash)
    assert len(action_svc.actions(sample_store, OREBRO)) == 3


def test_action_dialog_refuses_in_swedish_and_saves(qtbot, store):
    dialog = ActionDialog(store, Action(OREBRO, "", ()))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Öppet hus")
    dialog.done_edit.setText("2024-02-30")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "ÅÅÅÅ-MM-DD" in dialog.error.text()
    assert dialog.saved is None and action_svc.actions(store) == []
    dialog.done_edit.setText("2024-05-02")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("genomford"))
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "action-dialog.png"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [stored] = action_svc.actions(store, OREBRO)
    assert (stored.title, stored.areas, stored.done) == ("Öppet hus", ("total",), "2024-05-02")


def test_note_dialog_saves_a_scoped_note(qtbot, store):
    dialog = NoteDialog(store, Note(OREBRO, "", ""), [2022, 2023])
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText("Få svar: 9")
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2022))
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("bygglov"))
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "note-dialog.png"))
    dialog.save()
    [note] = note_svc.notes(store, OREBRO)
    assert (note.text, note.year, note.area) == ("Få svar: 9", 2022, "bygglov")


def test_new_action_button_on_the_screen_opens_the_dialog(qtbot, make_window, store):
    window, page = _open(make_window)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionDialog)
        dialog.title_edit.setText("Kortare handläggningstid")
        dialog.save()

    QTimer.singleShot(0, fill)
    page.new_button.click()
    assert [r.title for r in page.model.rows] == ["Kortare handläggningstid"]


def test_trend_shows_action_markers_and_notes(qtbot, make_window, sample_store):
    _seed(sample_store)
    note_svc.add(sample_store, Note(OREBRO, "Få svar i år", "2022-11-01", 2022))
    window = make_window(OREBRO)
    window.show()
    window.show_page("trend")
    page = window.pages["trend"]
    page.area_combo.setCurrentIndex(page.area_combo.findData("bygglov"))
    page.factor_combo.setCurrentIndex(page.factor_combo.findData("tillganglighet"))
    marks = page.tracking.marks
    assert [m.label for m in marks] == ["✓ Telefontider varje förmiddag"]
    assert 2019.5 < marks[0].x < 2020.5  # 2 May 2020: inside the 2020 column
    assert any(b.tooltip.startswith("Telefontider varje förmiddag") for b in page.chart.breaks)
    mine = next(line for line in page.chart.lines if line.key == "mine")
    tip = {int(p.x): p.tooltip for p in mine.points}
    assert "Omorganisation av bygglov" in tip[2021] and "Få svar i år" in tip[2022]
    assert "Omorganisation" not in tip[2020]
    headers = [c.header for c in page.model.columns]
    assert headers[-1] == "Anteckningar"
    assert "Åtgärd 2020-05-02" in page.breaks_label.text()
    if SHOTS:
        qtbot.wait(100)
        window.grab().save(os.path.join(SHOTS, "trend-action-markers.png"))
    # Another area's chart has no marker of this action.
    page.area_combo.setCurrentIndex(page.area_combo.findData("serveringstillstand"))
    assert page.tracking.marks == []


def test_overview_shows_the_years_notes(qtbot, make_window, sample_store):
    note_svc.add(sample_store, Note(OREBRO, "Få svar: 9", "2025-01-20", 2024, "bygglov"))
    note_svc.add(sample_store, Note(OREBRO, "Nytt ärendesystem", "2024-03-01"))
    note_svc.add(sample_store, Note(OREBRO, "Gammalt", "2020-03-01"))
    window = make_window(OREBRO)
    window.show()
    window.show_page("overview")
    strip = window.pages["overview"].notes_strip
    assert strip.isVisibleTo(window)
    assert [n.text for n in strip.notes] == ["Nytt ärendesystem", "Få svar: 9"]
    assert "Anteckningar 2024" in strip.text() and "Bygglov" in strip.toolTip()
    if SHOTS:
        qtbot.wait(100)
        window.grab().save(os.path.join(SHOTS, "overview-notes.png"))


def test_a_failure_is_told_in_swedish_not_raised(qtbot, make_window, store, monkeypatch):
    from nki_desktop.storage.db import ReadOnlyDatabase
    from nki_desktop.ui.pages import actions as page_module

    action_svc.add(store, Action(OREBRO, "Öppet hus", ("total",)))
    window, page = _open(make_window)
    told = []
    monkeypatch.setattr(page_module.QMessageBox, "warning", lambda *a: told.append(a[2]))

    def refuse(*_a, **_k):
        raise ReadOnlyDatabase("Databasen är öppnad skrivskyddad (bara läsning). Inget ändrades.")

    monkeypatch.setattr(page_module.action_svc, "remove", refuse)
    page.view.selectRow(0)
    page.remove_button.click()
    assert told == ["Databasen är öppnad skrivskyddad (bara läsning). Inget ändrades."]
    assert page.model.rowCount() == 1


def test_the_report_screen_offers_both_sections_notes_unticked(qtbot, make_window, sample_store):
    window = make_window(OREBRO)
    window.show()
    window.show_page("report")
    boxes = window.pages["report"].section_boxes
    assert boxes["followup"].isChecked() and boxes["followup"].text() == "Åtgärder och uppföljning"
    assert not boxes["notes"].isChecked() and boxes["notes"].text() == "Anteckningar"
