"""The Kommentarer screen: masked comments with the respondent's indices, search, filters,
sorting, and picks that reach the report and survive a restart."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from nki_desktop.analysis.comments import LOW_NKI_BELOW
from nki_desktop.services import comments as svc

OREBRO = "1880"
SHOTS = os.environ.get("NKI_SHOTS")  # a folder: save screenshots there


def _open(make_window):
    window = make_window(OREBRO)
    window.show()
    window.show_page("comments")
    return window, window.pages["comments"]


def test_comments_screen_lists_filters_and_picks(qtbot, make_window, sample_store):
    window, page = _open(make_window)
    all_rows = svc.comments(sample_store, OREBRO)
    assert page.model.rowCount() == len(all_rows) > 0
    assert page.heading.text() == "Företagens kommentarer – Örebro"
    texts = [page.model.rows[i].text for i in range(page.model.rowCount())]
    assert any("[telefonnummer]" in t or "[personnummer]" in t or "[e-post]" in t for t in texts)
    assert not any("070-123" in t for t in texts)
    header = [c.header for c in page.model.columns]
    assert header[:5] == ["Rapport", "År", "Datum", "Område", "NKI"]
    assert header[-1] == "Kommentar" and "Bemöt." in header
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "comments-screen.png"))

    page.search.setText("handläggare")
    assert 0 < page.model.rowCount() < len(all_rows)
    assert all("handläggare" in r.text.lower() for r in page.model.rows)
    page.search.clear()
    page.band_combo.setCurrentIndex(page.band_combo.findData("low"))
    assert all(r.nki is not None and r.nki < LOW_NKI_BELOW for r in page.model.rows)
    page.band_combo.setCurrentIndex(0)

    # Sorting by NKI uses raw values.
    page.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    shown = [
        page.proxy.index(r, 4).data(page.proxy.sortRole()) for r in range(page.proxy.rowCount())
    ]
    known = [v for v in shown if v is not None]
    assert known == sorted(known)

    # Pick two comments for the report.
    page.view.selectRow(0)
    first = page.selected_rows()[0]
    assert page.pick_button.isEnabled() and not page.unpick_button.isEnabled()
    page.pick_button.click()
    assert [r.id for r in svc.picked_comments(sample_store, OREBRO)] == [first.id]
    assert page.unpick_button.isEnabled()
    assert "1 valda för rapporten" in page.count_label.text()
    page.picked_only.setChecked(True)
    assert [r.id for r in page.model.rows] == [first.id]
    assert page.model.data(page.model.index(0, 0)) == "✓ Vald"
    if SHOTS:
        page.picked_only.setChecked(False)
        window.grab().save(os.path.join(SHOTS, "comments-picked.png"))
    window.close()

    again, page2 = _open(make_window)  # a restart: the pick is stored
    assert [r.id for r in page2.rows if r.picked] == [first.id]


def test_import_preview_says_comments_were_found_and_masked(qtbot, make_window, store, tmp_path):
    from tests.comment_builders import layout_rows
    from tests.respondent_builders import write_xlsx

    window = make_window(OREBRO)
    window.show()
    window.show_page("import")
    page = window.pages["import"]
    headers, rows = layout_rows("arendedatum", 60)
    headers, rows = ["Kommun", *headers], [["Örebro", *r] for r in rows]
    path = write_xlsx(tmp_path / "svar_med_synpunkter.xlsx", rows, headers=headers)
    page.add_files([str(path)])
    preview = page.previews[str(path)]
    assert preview.ok, preview.problem
    text = page.summary.text()
    count = len(preview.batch.comments)
    assert f"{count} kommentarer (fritextsvar) hittades" in text
    assert "personuppgifter maskerades vid importen" in text and "telefonnummer" in text
    assert store.list_imports() == []
    if SHOTS:
        qtbot.wait(200)  # let the layout give the summary its height
        window.grab().save(os.path.join(SHOTS, "import-preview-comments.png"))
