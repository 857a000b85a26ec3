"""Import → "Hämta från Kolada…": fetch, preview, confirm; failures and cancel change nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.kolada_server import serve

SHOTS = Path(os.environ.get("NKI_SHOTS", "/tmp/nki-shots"))


@pytest.fixture(autouse=True)
def _no_system_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def open_dialog(window, qtbot):
    page = window.pages["import"]
    window.show_page("import")
    dialog = page.open_kolada()
    qtbot.addWidget(dialog)
    dialog.some_years.setChecked(True)
    dialog.year_from.setValue(2019)
    dialog.year_to.setValue(2022)
    return page, dialog


def test_fetch_preview_confirm_and_revision(make_window, store, qtbot, monkeypatch):
    window = make_window("2514")
    page, dialog = open_dialog(window, qtbot)
    assert not page.kolada_button.isHidden()
    assert dialog.own_unit.isEnabled() and "Kalix" in dialog.own_unit.text()
    with serve() as (url, fake):
        monkeypatch.setenv("NKI_KOLADA_URL", url)
        assert fake.requests == []  # nothing asked before the click
        dialog.start_fetch()
        assert "Kolada (API v3)" in dialog.summary.text()
        assert "År: 2019, 2020, 2021, 2022" in dialog.summary.text()
        assert dialog.import_button.isEnabled() and store.list_imports() == []
        dialog.confirm()
        [info] = store.list_imports()
        assert info.file_name == "Kolada API v3"
        assert "Källa: Kolada" in dialog.status.text()
        assert page.history.model.rows and page.history.model.rows[0].id == info.id
        fake.revised[("U07451", "2514", 2021)] = 87.0
        dialog.resize(1366, 768)
        dialog.start_fetch()
    text = dialog.summary.text()
    assert "Kolada har ändrat 1 värde sedan" in text and "86,4 → 87" in text
    assert not dialog.revision_view.isHidden()
    assert len(store.list_imports()) == 1  # the revision is not stored before Importera
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SHOTS / "kolada-dialog-preview.png"))


def test_failure_is_a_clear_message_and_nothing_changes(make_window, store, qtbot, monkeypatch):
    window = make_window("2514")
    _page, dialog = open_dialog(window, qtbot)
    with serve() as (url, fake):
        monkeypatch.setenv("NKI_KOLADA_URL", url)
        fake.script = [503] * 8
        monkeypatch.setattr("nki_desktop.kolada.client.time.sleep", lambda _s: None)
        dialog.start_fetch()
    assert "Hämtningen misslyckades" in dialog.summary.text()
    assert "fel 503" in dialog.summary.text() and "Inget har ändrats" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and store.list_imports() == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SHOTS / "kolada-dialog-error.png"))


def test_cancel_mid_way_leaves_nothing(make_window, store, qtbot, monkeypatch):
    window = make_window("2514")
    _page, dialog = open_dialog(window, qtbot)
    with serve() as (url, fake):
        monkeypatch.setenv("NKI_KOLADA_URL", url)
        fake.page_size = 500
        fake.on_request = lambda _p: dialog.cancel() if len(fake.requests) >= 3 else None
        dialog.start_fetch()
        asked = len(fake.requests)
    assert asked == 3
    assert "Avbrutet" in dialog.status.text() and dialog.fetched is None
    assert not dialog.import_button.isEnabled() and store.list_imports() == []


def test_setting_off_hides_the_action(make_window, qtbot):
    window = make_window("2514")
    page = window.pages["import"]
    assert window.action_internet.isChecked()
    window.action_internet.setChecked(False)
    assert page.kolada_button.isHidden() and page.open_kolada() is None
    assert window.context.settings.get("allow_internet") is False
    again = make_window("2514")
    assert again.pages["import"].kolada_button.isHidden()
    assert not again.action_internet.isChecked()


def test_no_request_at_start_up_or_when_the_dialog_opens(make_window, qtbot, monkeypatch):
    with serve() as (url, fake):
        monkeypatch.setenv("NKI_KOLADA_URL", url)
        window = make_window("2514")
        window.show()
        for key in window.pages:
            window.show_page(key)
        _page, dialog = open_dialog(window, qtbot)
        qtbot.wait(200)
        assert fake.requests == []
