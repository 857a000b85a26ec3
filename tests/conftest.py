"""Shared fixtures: offscreen Qt, a fresh data folder and database for every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest  # noqa: E402

from nki_desktop.importers import sample  # noqa: E402
from nki_desktop.paths import shipped_catalogue  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder, so settings and databases never leak."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("NKI_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "test.sqlite")
    yield s
    s.close()


@pytest.fixture(scope="session")
def sample_batch():
    return sample.generate(shipped_catalogue())


@pytest.fixture
def sample_store(store, sample_batch):
    store.save_import(sample_batch)
    return store
