from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from nki_desktop.ui import tasks as tasks_module
from nki_desktop.ui.dialogs.mapping_dialog import MappingDialog
from tests import import_builders as b


def test_preview_confirm_history_and_undo(make_window, store, tmp_path):
    window = make_window("2514")
    page = window.pages["import"]
    path = b.oj_two_row_header(tmp_path / "Rankningslista_2023.xlsx")
    page.add_files([str(path)])
    preview = page.previews[str(path)]
    assert preview.ok and page.columns_model.rowCount() == 11
    meanings = [c.meaning for c in page.columns_model.rows]
    assert "Bygglov · NKI · rank" in meanings
    assert page.skipped_model.rows[0].reason == "fotnot/text under tabellen"
    assert "4 kommuner matchade" in page.summary.text() and "2023" in page.summary.text()
    assert store.list_imports() == []  # preview writes nothing
    page.import_button.click()
    assert [i.file_name for i in store.list_imports()] == ["Rankningslista_2023.xlsx"]
    assert store.values(unit="2514", area="bygglov")[0].value == 84.0
    assert page.history.model.rowCount() == 1 and window.context.years == [2023]
    assert page.file_list.count() == 0
    page.history.select_id(store.list_imports()[0].id)
    page._on_history_undo_requested(page.history.selected_id(), confirm=False)
    assert store.list_imports() == [] and page.history.model.rowCount() == 0


def test_rejected_file_shows_message_and_cannot_be_imported(make_window, tmp_path):
    page = make_window().pages["import"]
    rows = list(b.OJ_ROWS)
    rows[0] = ("", "Kalixx", "", 86, 2, {})
    path = b.oj_two_row_header(tmp_path / "fel.xlsx", rows=rows)
    page.add_files([str(path)])
    assert "Kalixx" in page.summary.text() and "Menade du" in page.summary.text()
    assert not page.import_button.isEnabled()


def test_mapping_dialog_generic_and_remembered(make_window, store, tmp_path, qtbot):
    page = make_window().pages["import"]
    path = b.write_xlsx(tmp_path / "okand_2023.xlsx", {"Data": [
        ["Enhetsnamn", "Värde A", "Värde B"], ["Kalix", 80, 12]]})
    page.add_files([str(path)])
    request = page.previews[str(path)].mapping_request
    assert request is not None and page.map_button.isVisibleTo(page)
    dialog = MappingDialog(path.name, request.sheet, request.headers, request.samples,
                           request.targets, request.initial)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3 and dialog.mapping() == {}
    dialog.set_target(0, "kommun_name")
    dialog.set_target(1, "bygglov:nki:value")
    dialog.set_target(2, "bygglov:nki:n")
    page.apply_mapping(str(path), dialog.mapping())
    assert page.previews[str(path)].ok
    page.import_button.click()
    v = store.values(unit="2514", area="bygglov")[0]
    assert (v.year, v.value, v.n) == (2023, 80.0, 12)
    assert store.get_mapping(request.signature)["columns"] == {
        "0": "kommun_name", "1": "bygglov:nki:value", "2": "bygglov:nki:n"}


def test_cancel_leaves_nothing_behind(make_window, store, tmp_path, monkeypatch):
    class CancelOnFourthCheck(tasks_module.CancelToken):
        checks = 0

        def is_set(self) -> bool:
            CancelOnFourthCheck.checks += 1
            return CancelOnFourthCheck.checks >= 4 or super().is_set()

    monkeypatch.setattr(tasks_module, "CancelToken", CancelOnFourthCheck)
    page = make_window().pages["import"]
    first = b.oj_two_row_header(tmp_path / "a_2023.xlsx")
    second = b.write_csv(tmp_path / "kolada.csv", b.KOLADA_LINES, "utf-8")
    page.add_files([str(first), str(second)])
    assert page.import_button.text() == "Importera 2 filer"
    page.import_button.click()
    assert "avbröts" in page.status.text()
    assert store.list_imports() == [] and store.values() == []
    assert page.file_list.count() == 2 and page.handle is None


def test_drop_files_on_window_opens_import(make_window, tmp_path):
    window = make_window()
    path = b.own_results(tmp_path / "insikt.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    page = window.pages["import"]
    assert window.stack.currentWidget() is window.pages.slot("import")  # holds the page
    assert page.previews[str(path)].kind == "own"


def test_template_download_and_source_order(make_window, store, tmp_path):
    page = make_window().pages["import"]
    saved = page.save_template(str(tmp_path / "mall"))
    assert saved.name == "mall.xlsx" and saved.exists()
    sources = page.sources
    assert sources.preference()[:2] == ["oj", "kolada"]
    sources.order.setCurrentRow(1)
    sources.move(-1)
    assert store.preference()[:2] == ("kolada", "oj")
    assert sources.order.currentRow() == 0


def test_sources_tab_shows_used_and_other_value(make_window, store, tmp_path):
    from nki_desktop import importing

    window = make_window()
    window.show()
    page = window.pages["import"]
    assert importing.import_file(store, b.oj_two_row_header(tmp_path / "oj.xlsx")).ok
    kolada = b.write_csv(tmp_path / "kolada.csv", b.KOLADA_LINES, "utf-8")  # Örebro 2023: 68
    page.add_files([str(kolada)])
    assert "1 värden finns redan från en annan källa" in page.summary.text()
    page.import_button.click()
    window.show_page("import")
    page.tabs.setCurrentWidget(page.sources)
    rows = page.sources.model.rows
    assert [(c.unit, c.used.value, c.used.publication, [o.value for o in c.others])
            for c in rows] == [("1880", 66.0, "oj", [68.0])]
