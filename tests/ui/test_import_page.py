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
    path = b.write_xlsx(
        tmp_path / "okand_2023.xlsx",
        {"Data": [["Enhetsnamn", "Värde A", "Värde B"], ["Kalix", 80, 12]]},
    )
    page.add_files([str(path)])
    request = page.previews[str(path)].mapping_request
    assert request is not None and page.map_button.isVisibleTo(page)
    dialog = MappingDialog(
        path.name, request.sheet, request.headers, request.samples, request.targets, request.initial
    )
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
        "0": "kommun_name",
        "1": "bygglov:nki:value",
        "2": "bygglov:nki:n",
    }


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
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    page = window.pages["import"]
    assert window.current_page() is page
    assert page.previews[str(path)].kind == "own"


def test_template_download_and_source_order(make_window, store, tmp_path):
    page = make_window().pages["import"]
    saved = page.save_template(str(tmp_path / "mall"))
    assert saved.name == "mall.xlsx" and saved.exists()
    sources = page.sources
    assert sources.preference()[:2] == ["oj", "kolada"]
    sources.order.setCurrentRow(1)
    sources.move_source(-1)
    assert store.preference()[:2] == ("kolada", "oj")
    assert sources.order.currentRow() == 0


def test_sources_tab_shows_used_and_other_value(make_window, store, tmp_path):
    from nki_desktop.services import imports

    window = make_window()
    window.show()
    page = window.pages["import"]
    assert imports.import_file(store, b.oj_two_row_header(tmp_path / "oj.xlsx")).ok
    kolada = b.write_csv(tmp_path / "kolada.csv", b.KOLADA_LINES, "utf-8")  # Örebro 2023: 68
    page.add_files([str(kolada)])
    assert "1 värden finns redan från en annan källa" in page.summary.text()
    page.import_button.click()
    window.show_page("import")
    page.tabs.setCurrentWidget(page.sources)
    rows = page.sources.model.rows
    assert [
        (c.unit, c.used.value, c.used.publication, [o.value for o in c.others]) for c in rows
    ] == [("1880", 66.0, "oj", [68.0])]


def test_respondent_file_on_the_one_path_with_its_mapping_targets(
    make_window, store, tmp_path, qtbot
):
    from tests.respondent_builders import make_rows, write_xlsx

    page = make_window("1880").pages["import"]
    headers = [
        "Ärendeår",
        "Område",
        "Svarsgrupp",
        "NKI1 Helhet",
        "NKI2 Förväntningar",
        "NKI3 Ideal",
        "F1 Information",
        "F2 Tillgänglighet",
        "F3 Bemötande",
        "F4 Kompetens",
        "F5 Rättssäkerhet",
        "F6 Effektivitet",
        "Betyg",
    ]
    rows = [r[1:13] + ["A"] for r in make_rows(60)]
    path = write_xlsx(tmp_path / "svar.xlsx", rows, headers=headers)
    page.add_files([str(path)])
    page.kommun_edit.setText("1880")
    page._on_overrides_changed()
    preview = page.previews[str(path)]
    request = preview.mapping_request  # "Betyg" is not recognised
    assert request is not None and request.kind == "respondent"
    assert request.initial[3] == "q1" and request.initial[6] == "information"
    dialog = MappingDialog(
        path.name, request.sheet, request.headers, request.samples, request.targets, request.initial
    )
    qtbot.addWidget(dialog)
    offered = [dialog.combos[0].itemData(i) for i in range(dialog.combos[0].count())]
    assert offered[:8] == ["year", "date", "area", "group", "kommun", "q1", "q2", "q3"]
    assert "effektivitet" in offered and "background:Betyg" in offered
    assert dialog.combos[3].currentData() == "q1"
    assert dialog.combos[6].currentData() == "information"
    dialog.set_target(12, "background:Betyg")
    page.apply_mapping(str(path), dialog.mapping())
    preview = page.previews[str(path)]
    assert preview.ok and preview.kind == "respondent"
    meanings = {c.header: c.meaning for c in page.columns_model.rows}
    assert meanings["F1 Information"] == "Information"
    assert meanings["NKI1 Helhet"].startswith("NKI-fråga 1")
    page.import_button.click()
    assert store.respondent_count() == 60
    assert store.respondents()[0]["background"] == {"Betyg": "A"}


def test_preview_lists_names_not_written_as_in_the_catalogue(make_window, tmp_path):
    window = make_window("2514")
    window.show()
    window.show_page("import")
    page = window.pages["import"]
    path = tmp_path / "oj_2021.csv"
    path.write_text("Kommun;NKI totalt\nUpplands Bro;70\nHåbo;72\nHabo;60\n", encoding="utf-8")
    page.add_files([str(path)])
    assert page.previews[str(path)].name_matches == ["Upplands Bro → Upplands-Bro (0139)"]
    assert "Namn tolkade (1): Upplands Bro → Upplands-Bro (0139)" in page.summary.text()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.grab().save(str(tmp_path / "import.png"))


def test_preview_lists_rows_not_stored_with_sheet_and_row(make_window, tmp_path):
    """Riket labelled in the län column is stored; a row with values but no unit, a heading
    and a repeated header are listed with sheet and row (issue 10, item 4)."""
    header = ["Län", "Kommun", "NKI totalt", "Bygglov"]
    path = b.write_xlsx(
        tmp_path / "Rankningslista_2023.xlsx",
        {
            "Rankning": [
                ["Öppna jämförelser Företagsklimat 2023"],
                header,
                ["Riket", "", 74, 70],
                ["Norrbottens län", "Kalix", 86, 84],
                header,
                ["Norrbottens län", "Boden", 88, 80],
                ["", "", 80, 79],
                ["", "Förbund och gemensamma nämnder"],
                ["", "Miljöförbundet Norr", 79, 81],
            ]
        },
    )
    window = make_window("2514")
    window.show_page("import")
    page = window.pages["import"]
    page.add_files([str(path)])
    preview = page.previews[str(path)]
    assert preview.ok and preview.riket and preview.joint_bodies == ["Miljöförbundet Norr"]
    rows = [(s.sheet, s.row, s.reason) for s in page.skipped_model.rows]
    assert rows == [
        ("Rankning", 5, "rubrikraden upprepas"),
        ("Rankning", 7, "raden har värden men ingen kommun eller enhet; värdena sparas inte"),
        ("Rankning", 8, "rubrik eller text utan värden"),
    ]
    window.grab().save(str(tmp_path / "import_preview.png"))


def test_a_workbook_that_would_take_the_reader_down_is_a_message_on_screen(make_window, tmp_path):
    import random

    from tests.robustness.corpus import far_out

    window = make_window()
    window.show_page("import")
    page = window.pages["import"]
    good = b.write_xlsx(tmp_path / "ok.xlsx", {"Data": [["Kommun", "NKI"], ["Kalix", 80]]})
    rng = random.Random(0)
    while True:
        data, recipe = far_out(good.read_bytes(), rng)
        if recipe == "far:cell:XFD1048576":
            break
    path = tmp_path / "sista_cellen.xlsx"
    path.write_bytes(data)
    page.add_files([str(path)])
    assert (
        "Filen sista_cellen.xlsx kunde inte läsas: den verkar skadad eller är för stor "
        "(bladet sträcker sig till cell XFD1048576" in page.summary.text()
    )
    assert not page.import_button.isEnabled()
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / "import_refused.png"))
